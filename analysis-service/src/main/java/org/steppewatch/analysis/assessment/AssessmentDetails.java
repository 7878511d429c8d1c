package org.steppewatch.analysis.assessment;

import java.util.List;

/**
 * What an assessment found beyond the {@code IncidentAssessed} event: stored beside it and served by the REST
 * API (the event's record is shared with other services and is not extended here).
 *
 * @param areasOfConcern    areas of concern holding the incident or within the nearby distance of it
 * @param hazardZoneDetails one per hazard zone of the event, in the same order: inputs, reach, settlements inside
 * @param sampleComparisons every sample against its limit, including those below it and those not compared
 * @param notModelled       releases that got no hazard zone, and why
 * @param exposureMinutes   the AEGL exposure time of the plume zones
 * @param severityReason    the row of the severity table that applied
 */
record AssessmentDetails(List<AreaOfConcernFinding> areasOfConcern, List<ZoneDetail> hazardZoneDetails,
                         List<SampleComparison> sampleComparisons, List<String> notModelled, int exposureMinutes,
                         String severityReason) {

    /** An area of concern seen from the incident. */
    record AreaOfConcernFinding(String id, String name, String status, double distanceKm, boolean approximate,
                                String confidence, String description, String source, String note) {
    }

    /** A settlement inside one zone. */
    record SettlementInZone(String id, String name, long population, double distanceKm, double bearingDeg) {
    }

    /**
     * How a hazard zone was drawn.
     *
     * @param method         GAUSSIAN_PLUME, NO_WIND_CIRCLE, SCREENING_RADIUS, REPORTED_FOOTPRINT or ENSEMBLE_PROBABILITY_10
     * @param modelledAs     the substance whose properties were used (NO2 for N2O4), or null
     * @param reachKm        downwind reach (a circle's radius)
     * @param truncated      the model reaches beyond the cap; the zone is cut there
     * @param inputs         the plume's inputs, null for zones not drawn by the plume model
     * @param assumptions    defaults used where the report gave nothing
     */
    record ZoneDetail(String level, String substance, String method, String modelledAs, Double thresholdPpm,
                      Double thresholdMgPerM3, Integer exposureMinutes, String thresholdSource, String thresholdConfidence,
                      double reachKm, double maxHalfWidthKm, boolean truncated, Double downwindBearingDeg,
                      PlumeInputs inputs, List<String> assumptions, List<SettlementInZone> settlementsInside, long peopleInside) {

        ZoneDetail withSettlements(List<SettlementInZone> inside) {
            long people = inside.stream().mapToLong(SettlementInZone::population).sum();
            return new ZoneDetail(level, substance, method, modelledAs, thresholdPpm, thresholdMgPerM3, exposureMinutes,
                    thresholdSource, thresholdConfidence, reachKm, maxHalfWidthKm, truncated, downwindBearingDeg, inputs,
                    assumptions, List.copyOf(inside), people);
        }
    }

    /**
     * The plume's inputs, as used.
     *
     * @param windSpeedMs      the speed used (at least 1 m/s)
     * @param stability        the Pasquill–Gifford class used
     */
    record PlumeInputs(double massKg, double airborneFraction, String airborneFractionSource, double releaseDurationMinutes,
                       double sourceRateKgPerS, double windSpeedMs, Double windFromDeg, String stability,
                       double molecularWeight, String molecularWeightSource) {
    }

    /**
     * One sample against the limit for its substance and medium.
     *
     * @param comparedValue     the sample in the limit's unit, or null when it could not be compared
     * @param ratio             comparedValue / limit
     * @param severe            at or above the limit's severe threshold (100 × the limit unless the table says otherwise)
     * @param step              the graded step reached (e.g. a Cs-137 zoning step), or null
     * @param notComparedReason why the sample was not compared, or null
     */
    record SampleComparison(String substance, String medium, double value, String unit, Double comparedValue, Double limit,
                            String limitUnit, Double ratio, boolean exceeds, boolean severe, String step, String limitSource,
                            String limitConfidence, String conversionNote, String notComparedReason) {
    }
}

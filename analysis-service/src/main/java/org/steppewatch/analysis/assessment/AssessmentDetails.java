package org.steppewatch.analysis.assessment;

import java.util.List;

/**
 * What an assessment found beyond the {@code IncidentAssessed} event: stored beside it and served by the REST
 * API (the event's record is shared with other services and is not extended here).
 *
 * @param areasOfConcern    areas of concern holding the incident or within the nearby distance of it
 * @param hazardZoneDetails one per hazard zone of the event, in the same order: inputs, reach, settlements inside
 * @param sampleComparisons every sample against every regime's value on file for it, including those within it, the
 *                          non-detects and those not compared
 * @param notModelled       releases that got no hazard zone, and why
 * @param exposureMinutes   the AEGL exposure time of the plume zones
 * @param severityReason    the row of the severity table (or of the contamination rating) that applied
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
     * @param denseGas       the release is dense by the Britter–McQuaid criterion: the Gaussian model does not apply
     *                       near the source
     * @param cutBy          why a truncated zone ends: {@code TRAVEL_TIME} (the plume has not got farther within the
     *                       release plus the exposure window) or {@code MAX_REACH} (the configured cap); null when not cut
     */
    record ZoneDetail(String level, String substance, String method, String modelledAs, Double thresholdPpm,
                      Double thresholdMgPerM3, Integer exposureMinutes, String thresholdSource, String thresholdConfidence,
                      double reachKm, double maxHalfWidthKm, boolean truncated, Double downwindBearingDeg,
                      PlumeInputs inputs, List<String> assumptions, List<SettlementInZone> settlementsInside, long peopleInside,
                      boolean denseGas, String cutBy) {

        /** A zone not drawn by the plume model (no dense-gas flag, not cut). */
        ZoneDetail(String level, String substance, String method, String modelledAs, Double thresholdPpm,
                   Double thresholdMgPerM3, Integer exposureMinutes, String thresholdSource, String thresholdConfidence,
                   double reachKm, double maxHalfWidthKm, boolean truncated, Double downwindBearingDeg,
                   PlumeInputs inputs, List<String> assumptions, List<SettlementInZone> settlementsInside, long peopleInside) {
            this(level, substance, method, modelledAs, thresholdPpm, thresholdMgPerM3, exposureMinutes, thresholdSource,
                    thresholdConfidence, reachKm, maxHalfWidthKm, truncated, downwindBearingDeg, inputs, assumptions,
                    settlementsInside, peopleInside, false, null);
        }

        ZoneDetail withSettlements(List<SettlementInZone> inside) {
            long people = inside.stream().mapToLong(SettlementInZone::population).sum();
            return new ZoneDetail(level, substance, method, modelledAs, thresholdPpm, thresholdMgPerM3, exposureMinutes,
                    thresholdSource, thresholdConfidence, reachKm, maxHalfWidthKm, truncated, downwindBearingDeg, inputs,
                    assumptions, List.copyOf(inside), people, denseGas, cutBy);
        }
    }

    /**
     * The plume's inputs, as used.
     *
     * @param airborneFraction the share of the mass airborne (a spill's pool: 1, it all evaporates)
     * @param windSpeedMs      the speed used (at least 1 m/s)
     * @param stability        the Pasquill–Gifford class used
     * @param scenario         FIRE, SPILL or UNKNOWN
     * @param releaseHeightM   effective release height (a fire plume's rise), m
     */
    record PlumeInputs(double massKg, double airborneFraction, String airborneFractionSource, double releaseDurationMinutes,
                       double sourceRateKgPerS, double windSpeedMs, Double windFromDeg, String stability,
                       double molecularWeight, String molecularWeightSource, String scenario, double releaseHeightM) {
    }

    /**
     * One sample against one regime's value (a sample has one row per value on file for it; a sample that could
     * not be compared with anything has one row without a regime).
     *
     * @param sample            index of the sample in the incident's list
     * @param value             the measured value, null for a non-detect
     * @param detectionLimit    the laboratory's detection limit (non-detects), in the sample's unit
     * @param limitMedium       the medium the value is set for (a WATER sample is also compared with DRINKING_WATER values)
     * @param appliesTo         the value's narrower scope (e.g. listed fish species), or null
     * @param comparedValue     the value (or, for a non-detect, the detection limit) in the limit's unit, or null
     * @param ratio             comparedValue / limit for a detected sample; null for a non-detect and when not compared
     * @param outcome           one of the {@code ExceedanceCheck} outcomes: ABOVE, WITHIN, NON_DETECT_WITHIN,
     *                          NON_DETECT_NOT_SHOWN, NOT_COMPARED
     * @param regimeVerdict     true for the row that decides the sample's verdict under its regime (the least strict
     *                          of the regime's values in force; the only one when the regime has one)
     * @param acute             the value is an acute limit (see ContaminationRating)
     * @param statement         the outcome in one sentence
     * @param notComparedReason why the sample was not compared with this value (or with any), or null
     */
    record SampleComparison(int sample, String substance, String medium, Double value, String unit, boolean detected,
                            Double detectionLimit, String regime, String limitMedium, Double limit, String limitUnit, String basis,
                            String appliesTo, Double comparedValue, Double ratio, String outcome, boolean regimeVerdict,
                            boolean acute, String statement, String limitSource, String legalInstrument, String limitStatus,
                            String limitConfidence, String conversionNote, String notComparedReason) {

        boolean exceeds() {
            return ExceedanceCheck.ABOVE.equals(outcome);
        }
    }
}

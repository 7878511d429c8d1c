package org.steppewatch.analysis.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.steppewatch.analysis.assessment.AssessmentDetails.ZoneDetail;
import org.steppewatch.contracts.IncidentAssessed.HazardZone;

/**
 * The {@code PROBABILITY_10} zones: per release and level, the area where at least 10 % of the ensemble's members
 * exceed the level ({@link PolarGrid}), with a method that says how the members were drawn.
 */
final class ProbabilityZones {

    static final double SHARE = 0.1;
    static final String METHOD = "ENSEMBLE_PROBABILITY_10";
    /** Beyond this distance from the source a zone is low confidence: the Briggs fits are meant for up to 10 km. */
    static final double LOW_CONFIDENCE_FROM_KM = 10;
    static final String ENSEMBLE_CAVEAT = "a probability over the stated spreads of the inputs, which are assumptions: "
            + "not a forecast, and no better than the plume model each member runs";

    private ProbabilityZones() {
    }

    /**
     * One zone per footprint, in the order given; the threshold in ppm, its source and confidence are those of the
     * deterministic zone of the same release and level, when one was drawn.
     */
    static List<PlumeHazards.Drawn> zones(Point location, List<PolarGrid.Footprint> footprints, List<PlumeHazards.Drawn> deterministic,
                                          EnsembleMembers members, int exposureMinutes, double maxReachKm) {
        List<PlumeHazards.Drawn> zones = new ArrayList<>();
        for (PolarGrid.Footprint f : footprints) {
            Geometry area = PolarGrid.polygon(location, f);
            if (area == null) {
                continue;
            }
            PlumeHazards.Source s = f.source();
            ZoneDetail same = deterministic.stream().map(PlumeHazards.Drawn::detail)
                    .filter(d -> s.releasedCode().equals(d.substance()) && f.level().name().equals(d.level()))
                    .findFirst().orElse(null);
            double farthest = f.farthestKm();
            String method = method(s, members, f, exposureMinutes, maxReachKm);
            List<String> caveats = List.of(PlumeHazards.MODEL_CAVEAT, ENSEMBLE_CAVEAT,
                    "star-shaped around the source: per bearing everything out to the farthest distance with a share of at least "
                            + "10 %, including nearer points with less");
            Double lowConfidence = farthest > LOW_CONFIDENCE_FROM_KM ? LOW_CONFIDENCE_FROM_KM : null;
            Double ppm = same == null ? null : same.thresholdPpm();
            HazardZone zone = new HazardZone(f.level().name(), s.releasedCode(), ppm, exposureMinutes, area, method, caveats,
                    HazardZone.PROBABILITY_10, lowConfidence);
            zones.add(new PlumeHazards.Drawn(zone, new ZoneDetail(f.level().name(), s.releasedCode(), METHOD,
                    s.airborneCode().equals(s.releasedCode()) ? null : s.airborneCode(), ppm, PlumeHazards.round(f.level().thresholdMgPerM3(), 4),
                    exposureMinutes, same == null ? null : same.thresholdSource(), same == null ? null : same.thresholdConfidence(),
                    PlumeHazards.round(farthest, 3), 0, farthest >= maxReachKm, null, null, List.of(), List.of(), 0)));
        }
        return zones;
    }

    static String method(PlumeHazards.Source s, EnsembleMembers m, PolarGrid.Footprint f, int exposureMinutes, double maxReachKm) {
        String direction = m.sigmaThetaDeg == null ? "wind direction uniform over 360° (none reported)"
                : "wind direction normal around " + number(s.windFromDeg()) + "° with σθ " + number(m.sigmaThetaDeg) + "°"
                        + (m.sigmaThetaDefaulted ? " (not reported: the default for class " + s.stability()
                                + " from US EPA's σA criteria, EPA-454/R-99-005 §6.4.4)" : " (reported)");
        return String.format(Locale.ROOT, "Monte Carlo ensemble of %,d members (seeded by the incident id and version): %s; "
                        + "wind speed log-normal around %s m/s, σ(ln u) %s; class %s %s %%, each neighbour %s %%; "
                        + "Q log-uniform in %s–%s kg/s; release height %s–%s m; duration %s–%s min, falling as Q rises. "
                        + "The area where at least 10 %% of the members exceed %s %s (%s mg/m³), counted where the plume arrives "
                        + "within the release and %d min after it (x/u), within %s km: per bearing (%d of %s°) out to the "
                        + "farthest of %d distances (log-spaced from 0.1 km) with that share; farthest %s km",
                m.size(), direction, number(s.windSpeedMs()), number(m.spread.speedSigmaLn()), s.stability(),
                number(100 * m.spread.centralShare()), number(100 * m.spread.neighbourShare()),
                number(PlumeHazards.round(s.qMinMgPerS() / 1e6, 3)), number(PlumeHazards.round(s.qMaxMgPerS() / 1e6, 3)),
                number(Math.round(s.releaseHeightMinM())), number(Math.round(s.releaseHeightMaxM())),
                number(PlumeHazards.round(s.releaseMinutesMin(), 1)), number(PlumeHazards.round(s.releaseMinutesMax(), 1)),
                f.level().name(), s.airborneCode(), number(PlumeHazards.round(f.level().thresholdMgPerM3(), 3)), exposureMinutes,
                number(maxReachKm), PolarGrid.BEARINGS, number(PolarGrid.STEP_DEG), PolarGrid.RINGS,
                number(PlumeHazards.round(f.farthestKm(), 2)));
    }

    private static String number(double v) {
        return AssessmentSummary.number(v);
    }
}

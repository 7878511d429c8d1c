package org.steppewatch.analysis.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Point;
import org.steppewatch.analysis.assessment.AssessmentDetails.PlumeInputs;
import org.steppewatch.analysis.assessment.AssessmentDetails.ZoneDetail;
import org.steppewatch.analysis.plume.PlumeModel;
import org.steppewatch.analysis.plume.Stability;
import org.steppewatch.analysis.plume.ThreatZones;
import org.steppewatch.analysis.substance.AeglLevel;
import org.steppewatch.analysis.substance.Substance;
import org.steppewatch.analysis.substance.SubstanceTable;
import org.steppewatch.contracts.IncidentAssessed.HazardZone;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.ZoneLevels;

/**
 * The hazard zones of an incident's releases (docs/assessment.md, section 2): for each released volatile substance with AEGLs,
 * ALOHA-style threat zones for AEGL-3, -2 and -1 (where defined) at the configured exposure time, from the
 * {@link PlumeModel}; a {@link ScreeningRadius} circle for a volatile substance without AEGLs; nothing for
 * the others (kerosene, mercury, PCBs, radionuclides: their hazard is on the ground and shows in samples).
 * <p>
 * Inputs and their defaults (each used default is listed with the zone):
 * <ul>
 *   <li>Q = Σ released mass of the substance × airborne fraction / release duration (both from the substance
 *       table, per substance);</li>
 *   <li>wind direction: downwind bearing = windFromDeg + 180°; without it a circle of the downwind reach;</li>
 *   <li>wind speed: as reported, at least {@value PlumeModel#MIN_WIND_MS} m/s; unreported:
 *       {@value #DEFAULT_WIND_MS} m/s;</li>
 *   <li>stability class: as reported; unreported: class F without a wind direction (the conservative
 *       choice), else the most stable class Pasquill's scheme allows for the wind speed;</li>
 *   <li>zones are cut at {@code maxReachKm} (default 100 km) and flagged truncated.</li>
 * </ul>
 */
final class PlumeHazards {

    static final double DEFAULT_WIND_MS = 1.5;
    static final int DEFAULT_EXPOSURE_MINUTES = 60;
    static final double DEFAULT_MAX_REACH_KM = 100;
    static final String GAUSSIAN_PLUME = "GAUSSIAN_PLUME";
    static final String NO_WIND_CIRCLE = "NO_WIND_CIRCLE";
    static final String SCREENING_RADIUS = "SCREENING_RADIUS";
    static final String REPORTED_FOOTPRINT = "REPORTED_FOOTPRINT";

    static final String MODEL_CAVEAT = "Gaussian plume of a neutrally buoyant gas: no terrain, no deposition, no heavy-gas "
            + "slumping, no fire-plume rise, steady state (a release shorter than the exposure time is over-estimated)";
    static final String ALOHA_CAVEAT = "as in ALOHA, unreliable for winds under about 1.5 m/s, within about 100 m of the "
            + "source and in the stable classes E and F";

    /** A zone with how it was drawn. */
    record Drawn(HazardZone zone, ZoneDetail detail) {
    }

    /** The zones, most severe level first, the releases that got none, with why, and the modelled sources. */
    record Result(List<Drawn> zones, List<String> notModelled, List<Source> sources) {
    }

    /**
     * One modelled release with the ranges the ensemble samples ({@link PlumeEnsemble}); the central values are
     * those of the deterministic zones. Until source terms carry ranges every range is its central value.
     *
     * @param released      the released substance's code
     * @param airborne      the code of the substance modelled in air (NO2 for N2O4)
     * @param levels        the levels of concern drawn, with their thresholds in mg/m³
     * @param windFromDeg   the central wind direction, or null when none was reported
     * @param sigmaThetaDeg the reported standard deviation of the wind direction, or null
     */
    record Source(String released, String airborne, List<ThreatZones.Level> levels, double qMgPerS, double qMin, double qMax,
                  double heightM, double heightMinM, double heightMaxM, double durationMinutes, double durationMinMinutes,
                  double durationMaxMinutes, Double windFromDeg, double windSpeedMs, Stability stability, Double sigmaThetaDeg) {

        Source {
            levels = List.copyOf(levels);
        }
    }

    private final int exposureMinutes;
    private final double maxReachKm;

    PlumeHazards(int exposureMinutes, double maxReachKm) {
        if (!SubstanceTable.EXPOSURE_MINUTES.contains(exposureMinutes)) {
            throw new IllegalArgumentException("exposure time must be one of " + SubstanceTable.EXPOSURE_MINUTES + " minutes, was "
                    + exposureMinutes);
        }
        if (!(maxReachKm > 0)) {
            throw new IllegalArgumentException("maxReachKm must be above 0, was " + maxReachKm);
        }
        this.exposureMinutes = exposureMinutes;
        this.maxReachKm = maxReachKm;
    }

    int exposureMinutes() {
        return exposureMinutes;
    }

    double maxReachKm() {
        return maxReachKm;
    }

    Result zones(Point location, IncidentFacts facts, SubstanceTable substances) {
        Map<String, Double> massBySubstance = new LinkedHashMap<>();
        List<String> notModelled = new ArrayList<>();
        for (IncidentFacts.Release release : facts.releases()) {
            String code = release.substance() == null ? "?" : release.substance().trim().toUpperCase(Locale.ROOT);
            if (Double.isFinite(release.massKg()) && release.massKg() > 0) {
                // releases of one substance come from one incident location: they add up
                massBySubstance.merge(code, release.massKg(), Double::sum);
            } else if (!notModelled.contains(code + ": mass not given, no zone drawn")) {
                notModelled.add(code + ": mass not given, no zone drawn");
            }
        }
        List<Drawn> drawn = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        massBySubstance.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(e -> {
            Optional<Substance> substance = substances.find(e.getKey());
            if (substance.isEmpty()) {
                notModelled.add(e.getKey() + ": not in the substance table, no zone drawn");
            } else if (!substance.get().isVolatile()) {
                notModelled.add(e.getKey() + ": no airborne threat zone (not modelled as volatile: "
                        + substance.get().volatileFlag().source() + ")");
            } else {
                drawn.addAll(zonesOf(location, facts.weather(), substance.get(), e.getValue(), substances, notModelled, sources));
            }
        });
        // most severe level first, whatever the substance: a settlement takes the level of the first zone holding it
        drawn.sort(Comparator.comparing(d -> d.zone().level(), ZoneLevels.MOST_SEVERE_FIRST));
        return new Result(drawn, notModelled, sources);
    }

    private List<Drawn> zonesOf(Point location, IncidentFacts.Weather weather, Substance released, double massKg,
                                SubstanceTable substances, List<String> notModelled, List<Source> sources) {
        Substance airborne = released.plumeAs() == null ? released : substances.find(released.plumeAs().value()).orElseThrow();
        double mw = airborne.molecularWeight().value();
        List<ThreatZones.Level> levels = new ArrayList<>();
        Map<String, AeglLevel> used = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : Substance.AEGL_LEVELS) {
            Optional<AeglLevel> level = airborne.aegl(name);
            Optional<Double> ppm = level.flatMap(l -> l.ppm(exposureMinutes));
            if (ppm.isPresent()) {
                levels.add(new ThreatZones.Level(name, PlumeModel.mgPerM3(ppm.get(), mw)));
                used.put(name, level.get());
            } else {
                missing.add(name + (level.isPresent() && level.get().status() != null ? " " + level.get().status()
                        : level.isPresent() ? " has no " + exposureMinutes + "-min value on file" : " not on file"));
            }
        }
        String label = released.code() + (airborne == released ? "" : " (as " + airborne.code() + ")");
        if (levels.isEmpty()) {
            notModelled.add(released.code() + ": no AEGL on file for " + airborne.code() + " at " + exposureMinutes
                    + " min, so no threat zone; a screening circle is drawn instead");
            HazardZone zone = ScreeningRadius.zone(location, released.code(), massKg);
            double r = ScreeningRadius.radiusKm(massKg);
            return List.of(new Drawn(zone, new ZoneDetail(ZoneLevels.SCREENING, released.code(), SCREENING_RADIUS, null, null, null,
                    null, null, null, round(r, 1), round(r, 1), false, null, null, List.of(), List.of(), 0)));
        }
        if (!missing.isEmpty()) {
            notModelled.add(label + ": " + String.join(", ", missing));
        }

        List<String> assumptions = new ArrayList<>();
        Double windFrom = weather == null || weather.windFromDeg() == null || !Double.isFinite(weather.windFromDeg()) ? null
                : ((weather.windFromDeg() % 360) + 360) % 360;
        Double reportedSpeed = weather == null || weather.windSpeedMs() == null || !(weather.windSpeedMs() >= 0)
                || !Double.isFinite(weather.windSpeedMs()) ? null : weather.windSpeedMs();
        Optional<Stability> reportedClass = Stability.parse(weather == null ? null : weather.stability());
        double speed = reportedSpeed == null ? DEFAULT_WIND_MS : reportedSpeed;
        if (reportedSpeed == null) {
            assumptions.add("wind speed not reported: " + DEFAULT_WIND_MS + " m/s assumed");
        }
        if (speed < PlumeModel.MIN_WIND_MS) {
            assumptions.add("wind " + speed + " m/s raised to " + PlumeModel.MIN_WIND_MS + " m/s: the model divides by the wind speed");
            speed = PlumeModel.MIN_WIND_MS;
        }
        Stability stability;
        if (reportedClass.isPresent()) {
            stability = reportedClass.get();
        } else if (windFrom == null && reportedSpeed == null) {
            stability = Stability.F;
            assumptions.add("stability class not reported: F assumed (conservative)");
        } else {
            stability = Stability.mostStableFor(speed);
            assumptions.add("stability class not reported: " + stability + " assumed (the most stable class for "
                    + speed + " m/s, conservative)");
        }
        double fraction = released.airborneFraction().value();
        double minutes = released.releaseDurationMinutes().value();
        assumptions.add("airborne fraction " + number(fraction) + " and release over " + number(minutes)
                + " min are the substance table's defaults (" + released.airborneFraction().confidence() + ")");
        double q = PlumeModel.sourceRateMgPerS(massKg, fraction, minutes * 60);
        double maxReachM = maxReachKm * 1000;
        boolean windless = windFrom == null;
        Double downwind = windless ? null : (windFrom + 180) % 360;
        List<ThreatZones.Zone> zones = windless
                ? ThreatZones.circles(location, q, speed, stability, levels, maxReachM)
                : ThreatZones.plume(location, downwind, q, speed, stability, levels, maxReachM);
        if (!levels.isEmpty()) {
            Double sigmaTheta = weather == null || weather.windDirectionSigmaDeg() == null
                    || !(weather.windDirectionSigmaDeg() >= 0) ? null : weather.windDirectionSigmaDeg();
            sources.add(new Source(released.code(), airborne.code(), levels, q, q, q, 0, 0, 0, minutes, minutes, minutes,
                    windFrom, speed, stability, sigmaTheta));
        }
        PlumeInputs inputs = new PlumeInputs(massKg, fraction, released.airborneFraction().source(), minutes, round(q / 1e6, 4),
                speed, windFrom, stability.name(), mw, airborne.molecularWeight().source());

        List<Drawn> drawn = new ArrayList<>();
        for (ThreatZones.Zone z : zones) {
            AeglLevel aegl = used.get(z.level().name());
            double ppm = aegl.ppm(exposureMinutes).orElseThrow();
            List<String> caveats = caveats(z, speed, reportedSpeed, stability, windless, released, airborne, aegl);
            String method = (windless ? "no wind direction: circle of the downwind reach of a " : "")
                    + "Gaussian plume (ground-level continuous source, Briggs rural σ, Pasquill–Gifford class " + stability
                    + "), Q = " + number(round(q / 1e6, 3)) + " kg/s (" + String.format(Locale.ROOT, "%,.0f", massKg) + " kg " + label
                    + " × airborne fraction " + number(fraction) + " over " + number(minutes) + " min), u = " + number(speed)
                    + " m/s, MW " + number(mw) + " g/mol; " + z.level().name() + " " + exposureMinutes + " min = " + number(ppm)
                    + " ppm = " + number(round(z.level().thresholdMgPerM3(), 3)) + " mg/m³; "
                    + (windless ? "radius " : "downwind reach ") + number(round(z.reachM() / 1000, 2)) + " km"
                    + (z.truncated() ? " (cut at " + number(maxReachKm) + " km)" : "")
                    + (windless ? "" : " toward " + Math.round(downwind) + "°");
            HazardZone zone = new HazardZone(z.level().name(), released.code(), ppm, exposureMinutes, z.geometry(), method, caveats);
            drawn.add(new Drawn(zone, new ZoneDetail(z.level().name(), released.code(), windless ? NO_WIND_CIRCLE : GAUSSIAN_PLUME,
                    airborne == released ? null : airborne.code(), ppm, round(z.level().thresholdMgPerM3(), 4), exposureMinutes,
                    aegl.source(), aegl.confidence(), round(z.reachM() / 1000, 3), round(z.maxHalfWidthM() / 1000, 3), z.truncated(),
                    downwind, inputs, List.copyOf(assumptions), List.of(), 0)));
        }
        return drawn;
    }

    private List<String> caveats(ThreatZones.Zone z, double speed, Double reportedSpeed, Stability stability, boolean windless,
                                 Substance released, Substance airborne, AeglLevel aegl) {
        List<String> caveats = new ArrayList<>();
        caveats.add(MODEL_CAVEAT);
        caveats.add(ALOHA_CAVEAT);
        if (windless) {
            caveats.add("no wind direction reported: the zone lies in one unknown direction within this circle, not all around it");
        }
        if (speed < 1.5 || (reportedSpeed != null && reportedSpeed < 1.5)) {
            caveats.add("wind under 1.5 m/s: the plume meanders and the zone is unreliable");
        }
        if (stability == Stability.E || stability == Stability.F) {
            caveats.add("stable class " + stability + ": the model is least reliable; the zone may be much longer or shorter");
        }
        if (z.reachM() < 100) {
            caveats.add("the zone lies within 100 m of the source, where the model is unreliable");
        }
        if (z.reachM() > 10_000) {
            caveats.add("beyond 10 km the Briggs σ are extrapolated and ALOHA draws no zone: treat the far part as indicative");
        }
        if (z.truncated()) {
            caveats.add("the model reaches beyond " + number(maxReachKm) + " km; the zone is cut there");
        }
        if (airborne != released) {
            caveats.add(released.code() + " modelled as " + airborne.code() + " (" + released.plumeAs().source() + ")");
        }
        if (!SubstanceTable.VERIFIED.equals(aegl.confidence())) {
            caveats.add("threshold " + aegl.confidence() + ": " + aegl.source());
        }
        if (!SubstanceTable.VERIFIED.equals(released.airborneFraction().confidence())) {
            caveats.add("the airborne fraction and release duration are " + released.airborneFraction().confidence()
                    + "s of the substance table, not measured");
        }
        return caveats;
    }

    static double round(double value, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(value * f) / f;
    }

    static String number(double value) {
        return AssessmentSummary.number(value);
    }
}

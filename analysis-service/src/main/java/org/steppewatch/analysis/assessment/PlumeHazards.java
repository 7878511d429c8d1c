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
import org.steppewatch.analysis.plume.DenseGas;
import org.steppewatch.analysis.plume.PlumeModel;
import org.steppewatch.analysis.plume.PlumeRise;
import org.steppewatch.analysis.plume.Stability;
import org.steppewatch.analysis.plume.ThreatZones;
import org.steppewatch.analysis.substance.AeglLevel;
import org.steppewatch.analysis.substance.Substance;
import org.steppewatch.analysis.substance.SubstanceTable;
import org.steppewatch.contracts.IncidentAssessed.HazardZone;
import org.steppewatch.contracts.IncidentAssessed.WeatherUsed;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.IncidentFacts.Release;
import org.steppewatch.contracts.ZoneLevels;

/**
 * The hazard zones of an incident's releases (docs/assessment.md, section 2): for each released volatile substance with AEGLs,
 * ALOHA-style threat zones for AEGL-3, -2 and -1 (where defined) at the configured exposure time, from the
 * {@link PlumeModel}; a {@link ScreeningRadius} circle for a volatile substance without AEGLs; nothing for
 * the others (kerosene, mercury, PCBs, radionuclides: their hazard is on the ground and shows in samples).
 * <p>
 * Inputs and their defaults (each used default is listed with the zone and in the weather used):
 * <ul>
 *   <li>the source term by the release's scenario ({@link ReleaseSource}): FIRE, SPILL or UNKNOWN (the default);
 *       releases of one substance and scenario add up;</li>
 *   <li>the weather ({@link WeatherEstimate}): wind direction (downwind bearing = windFromDeg + 180°; without it a
 *       circle of the downwind reach), speed (unreported: {@value WeatherEstimate#DEFAULT_WIND_MS} m/s), class
 *       (unreported: estimated from the sun by Turner's method);</li>
 *   <li>reach with time: a zone ends where the travel time x/u exceeds the release duration plus the exposure
 *       window (the AEGL period), and at {@code maxReachKm} (default 100 km); both cuts are flagged and named;</li>
 *   <li>beyond {@value #LOW_CONFIDENCE_FROM_KM} km a zone is low confidence (the Briggs σ are extrapolated there).</li>
 * </ul>
 */
final class PlumeHazards {

    static final int DEFAULT_EXPOSURE_MINUTES = 60;
    static final double DEFAULT_MAX_REACH_KM = 100;
    static final double LOW_CONFIDENCE_FROM_KM = 10;
    static final String GAUSSIAN_PLUME = "GAUSSIAN_PLUME";
    static final String NO_WIND_CIRCLE = "NO_WIND_CIRCLE";
    static final String SCREENING_RADIUS = "SCREENING_RADIUS";
    static final String REPORTED_FOOTPRINT = "REPORTED_FOOTPRINT";
    static final String CUT_BY_TRAVEL_TIME = "TRAVEL_TIME";
    static final String CUT_BY_MAX_REACH = "MAX_REACH";

    static final String MODEL_CAVEAT = "Gaussian plume of a passive gas: no terrain, no deposition, no heavy-gas slumping, "
            + "steady state (a release shorter than the exposure time is over-estimated)";
    static final String ALOHA_CAVEAT = "as in ALOHA, unreliable for winds under about 1.5 m/s, within about 100 m of the "
            + "source and in the stable classes E and F";

    /** A zone with how it was drawn. */
    record Drawn(HazardZone zone, ZoneDetail detail) {
    }

    /**
     * One released substance's source as the deterministic zones use it, with the ranges an ensemble samples.
     *
     * @param releasedCode          the substance released (e.g. N2O4)
     * @param airborneCode          the substance whose AEGLs and molecular weight model it in air (e.g. NO2)
     * @param scenario              FIRE, SPILL or UNKNOWN
     * @param levels                the levels of concern with AEGL values at the exposure time, most severe first
     * @param qMgPerS               central source rate, mg/s; {@code qMinMgPerS}, {@code qMaxMgPerS} its range
     * @param releaseHeightM        central effective release height, m, for the central weather (a fire plume's rise;
     *                              0 for a spill); the range is for the central weather too: for other weather the
     *                              rise follows from {@link PlumeRise#finalRiseM} with the buoyancy fluxes
     * @param releaseMinutes        central release duration, minutes, and its range
     * @param windFromDeg           the central wind direction, null when not reported
     * @param windSpeedMs           the central wind speed (a spill's Q grows as u^0.78 with it, PoolEvaporation)
     * @param stability             the central class
     * @param windDirectionSigmaDeg the reported σθ, or null
     * @param buoyancyFlux          the fire's Briggs buoyancy flux, m⁴/s³, central and range (0 without a fire)
     */
    record Source(String releasedCode, String airborneCode, String scenario, List<ThreatZones.Level> levels,
                  double qMgPerS, double qMinMgPerS, double qMaxMgPerS,
                  double releaseHeightM, double releaseHeightMinM, double releaseHeightMaxM,
                  double releaseMinutes, double releaseMinutesMin, double releaseMinutesMax,
                  Double windFromDeg, double windSpeedMs, Stability stability, Double windDirectionSigmaDeg,
                  double buoyancyFlux, double buoyancyFluxMin, double buoyancyFluxMax) {

        Source {
            levels = List.copyOf(levels);
        }
    }

    /** The zones, most severe level first; the releases that got none, with why; the sources; the weather used. */
    record Result(List<Drawn> zones, List<String> notModelled, List<Source> sources, WeatherUsed weatherUsed) {
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
        WeatherEstimate.Resolved weather = WeatherEstimate.of(facts, location);
        Map<List<String>, Double> massByRelease = new LinkedHashMap<>(); // [substance, scenario] -> kg
        List<String> notModelled = new ArrayList<>();
        for (IncidentFacts.Release release : facts.releases()) {
            String code = release.substance() == null ? "?" : release.substance().trim().toUpperCase(Locale.ROOT);
            if (Double.isFinite(release.massKg()) && release.massKg() > 0) {
                // releases of one substance and scenario come from one incident location: they add up
                massByRelease.merge(List.of(code, ReleaseSource.scenario(release)), release.massKg(), Double::sum);
            } else if (!notModelled.contains(code + ": mass not given, no zone drawn")) {
                notModelled.add(code + ": mass not given, no zone drawn");
            }
        }
        ReleaseSource.FireHeat fires = ReleaseSource.FireHeat.of(facts.releases(), List.of(Release.FIRE));
        ReleaseSource.FireHeat firesIfUnknownBurnt = ReleaseSource.FireHeat.of(facts.releases(), List.of(Release.FIRE, Release.UNKNOWN));
        List<Drawn> drawn = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        massByRelease.entrySet().stream().sorted(Map.Entry.<List<String>, Double>comparingByValue().reversed()).forEach(e -> {
            String code = e.getKey().get(0);
            Optional<Substance> substance = substances.find(code);
            if (substance.isEmpty() || !substance.get().isVolatile()) {
                String why = substance.isEmpty() ? code + ": not in the substance table, no zone drawn"
                        : code + ": no airborne threat zone (not modelled as volatile: " + substance.get().volatileFlag().source() + ")";
                if (!notModelled.contains(why)) { // once, whatever the scenarios
                    notModelled.add(why);
                }
            } else {
                ReleaseSource.FireHeat heat = Release.FIRE.equals(e.getKey().get(1)) ? fires : firesIfUnknownBurnt;
                drawn.addAll(zonesOf(location, weather, substance.get(), e.getKey().get(1), e.getValue(), heat, substances,
                        notModelled, sources));
            }
        });
        // most severe level first, whatever the substance: a settlement takes the level of the first zone holding it
        drawn.sort(Comparator.comparing(d -> d.zone().level(), ZoneLevels.MOST_SEVERE_FIRST));
        return new Result(drawn, notModelled, sources, weather.used());
    }

    private List<Drawn> zonesOf(Point location, WeatherEstimate.Resolved weather, Substance released, String scenario, double massKg,
                                ReleaseSource.FireHeat fires, SubstanceTable substances, List<String> notModelled,
                                List<Source> sources) {
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
        if (!missing.isEmpty() && !notModelled.contains(label + ": " + String.join(", ", missing))) {
            notModelled.add(label + ": " + String.join(", ", missing));
        }

        double speed = weather.speedMs();
        Stability stability = weather.stability();
        ReleaseSource.Term term = ReleaseSource.of(scenario, released, massKg, speed, stability, fires);
        List<String> assumptions = new ArrayList<>(weather.assumptions());
        assumptions.addAll(term.assumptions());
        double q = term.qKgPerS() * 1e6;
        double h = term.heightM();
        sources.add(new Source(released.code(), airborne.code(), scenario, levels, q, term.qMinKgPerS() * 1e6, term.qMaxKgPerS() * 1e6,
                h, term.heightMinM(), term.heightMaxM(), term.minutes(), term.minutesMin(), term.minutesMax(), weather.windFromDeg(),
                speed, stability, weather.sigmaThetaDeg(), term.buoyancyFlux(), term.buoyancyFluxMin(), term.buoyancyFluxMax()));

        // reach with time: beyond u·(release + exposure window) the plume has not arrived within the window
        double travelCutM = speed * (term.minutes() + exposureMinutes) * 60;
        double maxReachM = maxReachKm * 1000;
        String cutBy = travelCutM < maxReachM ? CUT_BY_TRAVEL_TIME : CUT_BY_MAX_REACH;
        double cutM = Math.min(travelCutM, maxReachM);
        double denseNumber = term.buoyant() ? 0 : DenseGas.criterion(term.qKgPerS(), mw, speed);
        boolean dense = denseNumber >= DenseGas.THRESHOLD;
        boolean windless = weather.windFromDeg() == null;
        Double downwind = windless ? null : (weather.windFromDeg() + 180) % 360;
        List<ThreatZones.Zone> zones = windless
                ? ThreatZones.circles(location, q, speed, stability, h, levels, cutM)
                : ThreatZones.plume(location, downwind, q, speed, stability, h, levels, cutM);
        if (zones.size() < levels.size()) {
            List<String> none = levels.stream().map(ThreatZones.Level::name)
                    .filter(n -> zones.stream().noneMatch(z -> z.level().name().equals(n))).toList();
            notModelled.add(label + " (" + scenario.toLowerCase(Locale.ROOT) + "): the ground-level concentration stays below "
                    + String.join(", ", none) + " within " + n(round(cutM / 1000, 1)) + " km" + (h > 0 ? " (source raised to "
                    + n(Math.round(h)) + " m by the fire plume)" : "") + ": no zone");
        }
        PlumeInputs inputs = new PlumeInputs(massKg, term.fraction(), term.fractionSource(), round(term.minutes(), 1),
                round(q / 1e6, 4), speed, weather.windFromDeg(), stability.name(), mw, airborne.molecularWeight().source(), scenario,
                round(h, 1));

        List<Drawn> drawn = new ArrayList<>();
        for (ThreatZones.Zone z : zones) {
            AeglLevel aegl = used.get(z.level().name());
            double ppm = aegl.ppm(exposureMinutes).orElseThrow();
            String cut = !z.truncated() ? null : cutBy;
            List<String> caveats = caveats(z, speed, weather.reportedSpeed(), stability, windless, released, airborne, aegl, term,
                    cut, denseNumber);
            String method = (windless ? "no wind direction: circle of the downwind reach of a " : "")
                    + "Gaussian plume (" + (h > 0 ? "continuous source raised to " + n(Math.round(h)) + " m" : "ground-level continuous source")
                    + ", Briggs rural σ, Pasquill–Gifford class " + stability + "), Q = " + n(round(q / 1e6, 3)) + " kg/s ("
                    + scenario.toLowerCase(Locale.ROOT) + ", " + label + ": " + term.how() + "), u = " + n(speed) + " m/s, MW " + n(mw)
                    + " g/mol; " + z.level().name() + " " + exposureMinutes + " min = " + n(ppm) + " ppm = "
                    + n(round(z.level().thresholdMgPerM3(), 3)) + " mg/m³; " + (windless ? "radius " : "downwind reach ")
                    + n(round(z.reachM() / 1000, 2)) + " km" + (cut == null ? "" : CUT_BY_TRAVEL_TIME.equals(cut)
                    ? " (cut where the travel time exceeds the " + n(round(term.minutes(), 1)) + "-min release plus the " + exposureMinutes
                    + "-min exposure window)" : " (cut at " + n(maxReachKm) + " km)")
                    + (windless ? "" : " toward " + Math.round(downwind) + "°");
            Double lowConfidenceFrom = z.reachM() > LOW_CONFIDENCE_FROM_KM * 1000 ? LOW_CONFIDENCE_FROM_KM : null;
            HazardZone zone = new HazardZone(z.level().name(), released.code(), ppm, exposureMinutes, z.geometry(), method, caveats,
                    HazardZone.DETERMINISTIC, lowConfidenceFrom);
            drawn.add(new Drawn(zone, new ZoneDetail(z.level().name(), released.code(), windless ? NO_WIND_CIRCLE : GAUSSIAN_PLUME,
                    airborne == released ? null : airborne.code(), ppm, round(z.level().thresholdMgPerM3(), 4), exposureMinutes,
                    aegl.source(), aegl.confidence(), round(z.reachM() / 1000, 3), round(z.maxHalfWidthM() / 1000, 3), z.truncated(),
                    downwind, inputs, List.copyOf(assumptions), List.of(), 0, dense, cut)));
        }
        return drawn;
    }

    private List<String> caveats(ThreatZones.Zone z, double speed, Double reportedSpeed, Stability stability, boolean windless,
                                 Substance released, Substance airborne, AeglLevel aegl, ReleaseSource.Term term, String cut,
                                 double denseNumber) {
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
        if (z.reachM() > LOW_CONFIDENCE_FROM_KM * 1000) {
            caveats.add("low confidence beyond " + n(LOW_CONFIDENCE_FROM_KM) + " km: the Briggs σ are extrapolated there and ALOHA "
                    + "draws no zone; treat the far part as indicative");
        }
        if (CUT_BY_TRAVEL_TIME.equals(cut)) {
            caveats.add("cut at " + n(round(z.reachM() / 1000, 1)) + " km: at " + n(speed) + " m/s the plume needs longer than the "
                    + n(round(term.minutes(), 1)) + "-min release plus the " + exposureMinutes + "-min exposure window to get farther");
        } else if (CUT_BY_MAX_REACH.equals(cut)) {
            caveats.add("the model reaches beyond " + n(maxReachKm) + " km; the zone is cut there");
        }
        if (denseNumber >= DenseGas.THRESHOLD) {
            caveats.add(String.format(Locale.ROOT, "dense gas by the Britter–McQuaid criterion ((g₀'·q₀/D)^⅓/U = %.2f ≥ %.2f): "
                    + "near the source the cloud slumps and spreads sideways, where a Gaussian plume of a passive gas does not "
                    + "apply", denseNumber, DenseGas.THRESHOLD));
        }
        caveats.addAll(term.caveats());
        if (airborne != released) {
            caveats.add(released.code() + " modelled as " + airborne.code() + " (" + released.plumeAs().source() + ")");
        }
        if (!SubstanceTable.VERIFIED.equals(aegl.confidence())) {
            caveats.add("threshold " + aegl.confidence() + ": " + aegl.source());
        }
        return caveats;
    }

    static double round(double value, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(value * f) / f;
    }

    static String n(double value) {
        return AssessmentSummary.number(value);
    }
}

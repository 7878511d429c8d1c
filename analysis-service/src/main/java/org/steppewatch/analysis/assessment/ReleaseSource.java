package org.steppewatch.analysis.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.steppewatch.analysis.plume.PlumeRise;
import org.steppewatch.analysis.plume.PoolEvaporation;
import org.steppewatch.analysis.plume.SourceTerms;
import org.steppewatch.analysis.plume.Stability;
import org.steppewatch.analysis.substance.Substance;
import org.steppewatch.analysis.substance.SubstanceTable;
import org.steppewatch.contracts.IncidentFacts.Release;

/**
 * The source term of one substance's release by its scenario (docs/assessment.md, "Source terms"), with the central
 * values the deterministic zones use and the ranges the ensemble samples:
 * <ul>
 *   <li>FIRE: the fuel that burns rises as hot products with the fire plume (its Briggs rise is reported, not modelled
 *       at the ground); the unburnt fraction f lies on the ground and evaporates as a pool of mass M·f at ground level
 *       (as SPILL; without pool data, M·f over the fire's duration);</li>
 *   <li>SPILL: the pool of the liquid evaporates ({@link PoolEvaporation}, pool depth, temperature and vapour pressure
 *       of {@link SourceTerms}) at ground level; a substance without pool data on file falls back to the substance
 *       table's screening release;</li>
 *   <li>UNKNOWN: the central value is the substance table's screening release (its airborne fraction over its
 *       duration, at ground level), and the range spans it, FIRE and SPILL.</li>
 * </ul>
 */
final class ReleaseSource {

    /**
     * @param fraction       the share of the mass airborne in the central case (a pool: 1, all of it evaporates)
     * @param fractionSource where that share comes from
     * @param heightM        effective release height, m (0 for every scenario today: what reaches the ground is released there)
     * @param buoyancyFlux   Briggs buoyancy flux of the fire, m⁴/s³, central and range (0 for other scenarios): the
     *                       heights for other weather follow from {@link PlumeRise#finalRiseM}
     * @param buoyant        a hot fire plume (never a dense gas)
     * @param how            how Q was obtained, for the zone's method text
     */
    record Term(String scenario, double qKgPerS, double qMinKgPerS, double qMaxKgPerS, double heightM, double heightMinM,
                double heightMaxM, double minutes, double minutesMin, double minutesMax, double fraction, String fractionSource,
                double buoyancyFlux, double buoyancyFluxMin, double buoyancyFluxMax, boolean buoyant, String how,
                List<String> assumptions, List<String> caveats) {
    }

    /** The convective heat (W) of the fires of an incident, central and over the range of the FIRE parameters. */
    record FireHeat(double centralW, double lowW, double highW) {

        static final FireHeat NONE = new FireHeat(0, 0, 0);

        /** The fires of the releases whose scenario is one of {@code scenarios}. */
        static FireHeat of(List<Release> releases, List<String> scenarios) {
            double joules = 0; // heat of combustion of the whole fuel mass; burnt share and duration applied below
            for (Release r : releases) {
                String code = r.substance() == null ? "" : r.substance().trim().toUpperCase(Locale.ROOT);
                if (scenarios.contains(scenario(r)) && Double.isFinite(r.massKg()) && r.massKg() > 0) {
                    joules += r.massKg() * SourceTerms.heatOfCombustion(code).map(SourceTerms.Parameter::value).orElse(0.0);
                }
            }
            double c = SourceTerms.CONVECTIVE_FRACTION.value();
            SourceTerms.Ranged f = SourceTerms.FIRE_UNBURNT_FRACTION;
            SourceTerms.Ranged t = SourceTerms.FIRE_MINUTES;
            return new FireHeat(joules * (1 - f.central()) * c / (t.central() * 60), joules * (1 - f.max()) * c / (t.max() * 60),
                    joules * (1 - f.min()) * c / (t.min() * 60));
        }
    }

    private ReleaseSource() {
    }

    /** The scenario of a release, UNKNOWN when not given or not one of the three. */
    static String scenario(Release r) {
        String s = r.scenario() == null ? "" : r.scenario().trim().toUpperCase(Locale.ROOT);
        return Release.FIRE.equals(s) || Release.SPILL.equals(s) ? s : Release.UNKNOWN;
    }

    /**
     * @param fires the incident's fires: of its FIRE releases for a FIRE release, of its FIRE and UNKNOWN releases (as if
     *              they burnt) for an UNKNOWN one
     */
    static Term of(String scenario, Substance released, double massKg, double windMs, Stability stability, FireHeat fires) {
        return switch (scenario) {
            case Release.FIRE -> fire(released, massKg, windMs, stability, fires);
            case Release.SPILL -> spill(released, massKg, windMs).orElseGet(() -> screening(Release.SPILL, released, massKg,
                    List.of(released.code() + ": no pool data on file (vapour pressure, density): the substance table's "
                            + "screening release is used for the spill")));
            default -> unknown(released, massKg, windMs, stability, fires);
        };
    }

    /**
     * The fuel that burns leaves as hot combustion products that rise with the fire plume; what matters at the ground
     * is the part that escapes burning and lies there (the 2013 crash left 123 mg/kg of UDMH in the soil): it evaporates
     * as a pool of the unburnt mass, at ground level. The rise of the fire's plume is reported in a caveat.
     */
    private static Term fire(Substance released, double massKg, double windMs, Stability stability, FireHeat fires) {
        SourceTerms.Ranged f = SourceTerms.FIRE_UNBURNT_FRACTION;
        List<String> assumptions = new ArrayList<>();
        assumptions.add("fire: unburnt fraction " + n(f.central()) + " (range " + n(f.min()) + "–" + n(f.max()) + ") left on the "
                + "ground: " + f.source());
        List<String> caveats = new ArrayList<>();
        if (fires.centralW() > 0) {
            double flux = PlumeRise.buoyancyFlux(fires.centralW());
            double h = PlumeRise.finalRiseM(flux, windMs, stability);
            caveats.add("the burnt fuel's products rise with the fire plume (" + n(Math.round(fires.centralW() / 1e6))
                    + " MW convective, " + n(SourceTerms.CONVECTIVE_FRACTION.value()) + " of the heat of combustion: "
                    + SourceTerms.CONVECTIVE_FRACTION.source() + "; about " + n(Math.round(h)) + " m by Briggs' final rise); what "
                    + "that cloud carries is not modelled at the ground, where it may arrive later (a growing mixed layer, rain)");
        }
        double unburnt = massKg * f.central();
        Optional<Term> pool = spill(released, unburnt, windMs);
        if (pool.isPresent()) {
            Term p = pool.get();
            double qMin = spill(released, massKg * f.min(), windMs).orElseThrow().qMinKgPerS();
            double qMax = spill(released, massKg * f.max(), windMs).orElseThrow().qMaxKgPerS();
            assumptions.addAll(p.assumptions());
            return new Term(Release.FIRE, p.qKgPerS(), qMin, qMax, 0, 0, 0, p.minutes(), p.minutesMin(), p.minutesMax(), f.central(),
                    f.source(), 0, 0, 0, false, "fire: " + kg(massKg) + " × unburnt fraction " + n(f.central())
                            + " left on the ground, " + p.how(), assumptions, caveats);
        }
        SourceTerms.Ranged t = SourceTerms.FIRE_MINUTES;
        assumptions.add(released.code() + ": no pool data on file (vapour pressure, density): the unburnt part is released over "
                + n(t.central()) + " min (" + n(t.min()) + "–" + n(t.max()) + "): " + t.source());
        return new Term(Release.FIRE, unburnt / (t.central() * 60), massKg * f.min() / (t.max() * 60),
                massKg * f.max() / (t.min() * 60), 0, 0, 0, t.central(), t.min(), t.max(), f.central(), f.source(), 0, 0, 0, false,
                "fire: " + kg(massKg) + " × unburnt fraction " + n(f.central()) + " over " + n(t.central()) + " min at the ground",
                assumptions, caveats);
    }

    private static Optional<Term> spill(Substance released, double massKg, double windMs) {
        return SourceTerms.liquid(released.code()).map(liquid -> {
            double mw = released.molecularWeight().value();
            double temperature = SourceTerms.POOL_TEMPERATURE_K.value();
            SourceTerms.Ranged depth = SourceTerms.POOL_DEPTH_M;
            double q = PoolEvaporation.rateKgPerS(massKg, liquid.densityKgPerM3(), depth.central(), windMs, mw,
                    liquid.vapourPressureMmHg(), temperature);
            double qSlow = PoolEvaporation.rateKgPerS(massKg, liquid.densityKgPerM3(), depth.max(), windMs, mw,
                    liquid.vapourPressureMmHg(), temperature);
            double qFast = PoolEvaporation.rateKgPerS(massKg, liquid.densityKgPerM3(), depth.min(), windMs, mw,
                    liquid.vapourPressureMmHg(), temperature);
            double minutes = massKg / q / 60;
            double area = PoolEvaporation.poolAreaM2(massKg, liquid.densityKgPerM3(), depth.central());
            List<String> assumptions = List.of("spill: a pool of " + n(Math.round(area)) + " m² (" + n(depth.central() * 100)
                    + " cm deep; range " + n(depth.min() * 100) + "–" + n(depth.max() * 100) + " cm: " + depth.source()
                    + ") at " + n(temperature - 273.15) + " °C, vapour pressure " + n(liquid.vapourPressureMmHg()) + " mmHg ("
                    + liquid.source() + "), evaporating by the EPA OCA Guidance's equation D-1 in " + n(Math.round(minutes)) + " min");
            return new Term(Release.SPILL, q, qSlow, qFast, 0, 0, 0, minutes, minutes, massKg / qSlow / 60, 1,
                    "a spilled pool evaporates whole (US EPA OCA Guidance, equation D-1)", 0, 0, 0, false,
                    "pool evaporation: " + kg(massKg) + " evaporating over " + n(Math.round(minutes)) + " min", assumptions,
                    List.of());
        });
    }

    private static Term screening(String scenario, Substance released, double massKg, List<String> notes) {
        double fraction = released.airborneFraction().value();
        double minutes = released.releaseDurationMinutes().value();
        double q = massKg * fraction / (minutes * 60);
        List<String> assumptions = new ArrayList<>(notes);
        assumptions.add("airborne fraction " + n(fraction) + " and release over " + n(minutes)
                + " min are the substance table's defaults (" + released.airborneFraction().confidence() + ")");
        List<String> caveats = SubstanceTable.VERIFIED.equals(released.airborneFraction().confidence()) ? List.of()
                : List.of("the airborne fraction and release duration are " + released.airborneFraction().confidence()
                        + "s of the substance table, not measured");
        return new Term(scenario, q, q, q, 0, 0, 0, minutes, minutes, minutes, fraction, released.airborneFraction().source(), 0, 0,
                0, false,
                kg(massKg) + " × airborne fraction " + n(fraction) + " over " + n(minutes) + " min", assumptions, caveats);
    }

    private static Term unknown(Substance released, double massKg, double windMs, Stability stability, FireHeat fires) {
        Term central = screening(Release.UNKNOWN, released, massKg,
                List.of("release scenario not reported: the substance table's screening release at ground level is the central "
                        + "value; the range spans a fire and a spill"));
        Term fire = fire(released, massKg, windMs, stability, fires);
        Optional<Term> spill = spill(released, massKg, windMs);
        double qMin = Math.min(central.qKgPerS(), fire.qMinKgPerS());
        double qMax = Math.max(central.qKgPerS(), fire.qMaxKgPerS());
        double minMin = Math.min(central.minutes(), fire.minutesMin());
        double minMax = Math.max(central.minutes(), fire.minutesMax());
        if (spill.isPresent()) {
            qMin = Math.min(qMin, spill.get().qMinKgPerS());
            qMax = Math.max(qMax, spill.get().qMaxKgPerS());
            minMin = Math.min(minMin, spill.get().minutesMin());
            minMax = Math.max(minMax, spill.get().minutesMax());
        }
        return new Term(Release.UNKNOWN, central.qKgPerS(), qMin, qMax, 0, 0, 0, central.minutes(), minMin, minMax,
                central.fraction(), central.fractionSource(), 0, 0, 0, false, central.how(), central.assumptions(), central.caveats());
    }

    private static String kg(double massKg) {
        return String.format(Locale.ROOT, "%,.0f kg", massKg);
    }

    static String n(double value) {
        return AssessmentSummary.number(value);
    }
}

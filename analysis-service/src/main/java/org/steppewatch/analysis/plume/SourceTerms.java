package org.steppewatch.analysis.plume;

import java.util.Map;
import java.util.Optional;

/**
 * The parameters of the release scenarios (docs/assessment.md, "Source terms"), each with its source and how far to
 * trust it: {@code verified} (checked against the cited document), {@code unverified} (recalled, to be checked)
 * or {@code assumption} (a modelling choice of Steppe Watch). Kept apart from the substance table: these describe
 * how a substance leaves a crash, not the substance.
 */
public final class SourceTerms {

    /** A parameter with its source. */
    public record Parameter(double value, String source, String confidence) {
    }

    /** A parameter's central value and the range the ensemble samples. */
    public record Ranged(double central, double min, double max, String source, String confidence) {
    }

    /** What a pool of the liquid needs: vapour pressure at the pool temperature and liquid density. */
    public record Liquid(double vapourPressureMmHg, double densityKgPerM3, String source, String confidence) {
    }

    // FIRE: most of the propellant burns in the fireball and the fire that follows; a small unburnt part soaks the ground
    public static final Ranged FIRE_UNBURNT_FRACTION = new Ranged(0.02, 0.01, 0.05,
            "Steppe Watch assumption: most of the propellant burns; a few per cent escape burning, lie on the ground (as the "
                    + "UDMH found in the soil after the 2013 crash did) and evaporate from it",
            "assumption");
    public static final Ranged FIRE_MINUTES = new Ranged(10, 5, 30,
            "Steppe Watch assumption: the fire of a crashed stage burns for minutes to half an hour; the unburnt part of a "
                    + "substance without pool data is released over it", "assumption");
    public static final Parameter CONVECTIVE_FRACTION = new Parameter(0.65,
            "share of a large liquid-pool fire's heat carried by the plume (the rest is radiated, typically 30-40 %; recalled)",
            "unverified");
    /** Heat of combustion of the fuels, J/kg; a substance not listed adds no heat (an oxidiser such as N2O4). */
    public static final Map<String, Parameter> HEAT_OF_COMBUSTION = Map.of(
            "UDMH", new Parameter(32.9e6, "NIST Chemistry WebBook, ΔcH° of liquid 1,1-dimethylhydrazine about −1980 kJ/mol "
                    + "(60.10 g/mol; recalled)", "unverified"),
            "KEROSENE", new Parameter(43.0e6, "net heat of combustion of kerosene / RP-1, about 43 MJ/kg (recalled)", "unverified"));

    // SPILL: a pool that evaporates (PoolEvaporation)
    public static final Ranged POOL_DEPTH_M = new Ranged(0.01, 0.01, 0.05,
            "US EPA RMP Offsite Consequence Analysis Guidance (1999): its worst case spreads an undiked spill to 1 cm; "
                    + "5 cm (a pool held in a crater or a hollow, evaporating five times slower) is a Steppe Watch assumption",
            "assumption");
    public static final Parameter POOL_TEMPERATURE_K = new Parameter(293.15,
            "Steppe Watch assumption: the pool at 20 °C, the temperature of the vapour pressures below", "assumption");
    public static final Map<String, Liquid> LIQUIDS = Map.of(
            "UDMH", new Liquid(103, 791, "NIOSH Pocket Guide to Chemical Hazards, 1,1-dimethylhydrazine: VP 103 mmHg, "
                    + "Sp.Gr. 0.79 at 68 °F (recalled)", "unverified"),
            "N2O4", new Liquid(720, 1440, "NIOSH Pocket Guide to Chemical Hazards, nitrogen dioxide (liquid N2O4): VP 720 mmHg, "
                    + "Sp.Gr. 1.44 at 68 °F (recalled)", "unverified"));

    private SourceTerms() {
    }

    public static Optional<Liquid> liquid(String code) {
        return Optional.ofNullable(LIQUIDS.get(code));
    }

    public static Optional<Parameter> heatOfCombustion(String code) {
        return Optional.ofNullable(HEAT_OF_COMBUSTION.get(code));
    }
}

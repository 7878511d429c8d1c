package org.steppewatch.analysis.assessment;

/**
 * The disc that stands for a settlement in the ensemble: a town a few kilometres wide is reached when a plume
 * crosses its edge, not only its centre.
 *
 * <pre>
 *   r = √(P / (π · ρ)),  ρ = 1,500 inhabitants per km²,  clamped to 0.5 … 15 km;  population unknown (0): 0.5 km
 *   P = 5,000 → 1.03 km     P = 70,000 → 3.85 km     P = 1,000,000 → 14.57 km     P ≤ 1,178 → 0.5 km (floor)
 * </pre>
 *
 * ρ is the density threshold of an "urban centre" in the Degree of Urbanisation, the method endorsed by the UN
 * Statistical Commission in 2020 (European Commission et al., "Applying the Degree of Urbanisation", 2021): a grid
 * cell of 1 km² counts as urban from 1,500 inhabitants. Using the threshold rather than a town's mean density errs
 * towards larger discs. The floor of 0.5 km stands for a village's spread of houses and pastures; the cap of 15 km
 * keeps a city (Almaty, about 2 million) from becoming a disc of 20 km. Both are Steppe Watch assumptions.
 */
final class SettlementDisc {

    static final double DENSITY_PER_KM2 = 1_500;
    static final double MIN_RADIUS_KM = 0.5;
    static final double MAX_RADIUS_KM = 15;

    private SettlementDisc() {
    }

    static double radiusKm(long population) {
        if (population <= 0) {
            return MIN_RADIUS_KM;
        }
        double r = Math.sqrt(population / (Math.PI * DENSITY_PER_KM2));
        return Math.min(MAX_RADIUS_KM, Math.max(MIN_RADIUS_KM, r));
    }
}

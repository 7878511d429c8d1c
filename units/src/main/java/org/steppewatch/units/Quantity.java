package org.steppewatch.units;

/**
 * What a sample unit measures. Two units convert into each other only within one quantity: mass fractions and
 * volume fractions are both dimensionless to JSR 385, yet mg/kg of soil and ppm of air are not the same thing.
 */
public enum Quantity {
    MASS_PER_MASS("mass per mass", "mg/kg"),
    MASS_PER_VOLUME("mass per volume", "mg/m³"),
    VOLUME_FRACTION("volume fraction (air)", "ppm"),
    ACTIVITY_PER_MASS("activity per mass", "Bq/kg"),
    ACTIVITY_PER_VOLUME("activity per volume", "Bq/L"),
    ACTIVITY_PER_AREA("activity per area (ground deposition)", "kBq/m²"),
    /** Mass per mass of the sample's fat (milk, meat, eggs): a fat-basis result is not a whole-product one. */
    MASS_PER_MASS_FAT("mass per mass of fat", "ng/g fat"),
    /** Toxic equivalents (WHO-TEQ, dioxins and dioxin-like PCBs) per mass of fat. */
    TEQ_PER_MASS_FAT("WHO toxic equivalents per mass of fat", "pg WHO-TEQ/g fat");

    private final String words;
    private final String base;

    Quantity(String words, String base) {
        this.words = words;
        this.base = base;
    }

    /** The symbol of the unit other units of this quantity are expressed in. */
    public String base() {
        return base;
    }

    /** e.g. "activity per mass". */
    public String words() {
        return words;
    }
}

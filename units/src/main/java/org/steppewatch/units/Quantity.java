package org.steppewatch.units;

import java.util.Locale;

/**
 * What a sample unit measures. Two units convert into each other only within one quantity: mass fractions and
 * volume fractions are both dimensionless to JSR 385, yet mg/kg of soil and ppm of air are not the same thing.
 */
public enum Quantity {
    MASS_PER_MASS("mg/kg"),
    MASS_PER_VOLUME("mg/m³"),
    VOLUME_FRACTION("ppm"),
    ACTIVITY_PER_MASS("Bq/kg"),
    ACTIVITY_PER_VOLUME("Bq/L"),
    ACTIVITY_PER_AREA("kBq/m²");

    private final String base;

    Quantity(String base) {
        this.base = base;
    }

    /** The symbol of the unit other units of this quantity are expressed in. */
    public String base() {
        return base;
    }

    /** e.g. "activity per mass". */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

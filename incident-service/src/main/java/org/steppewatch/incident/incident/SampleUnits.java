package org.steppewatch.incident.incident;

/**
 * Whether a sample's unit can apply to its substance and medium. One small interface so that a proper units
 * library (issue 11) can replace the {@link SampleUnitTable} without touching the validator.
 */
interface SampleUnits {

    /**
     * @param substance a known substance code, upper case
     * @param medium    a known medium code, upper case
     * @return why {@code unit} cannot apply, or null when it can
     */
    String problem(String substance, String medium, String unit);

    /** The shipped table. */
    static SampleUnits standard() {
        return SampleUnitTable.STANDARD;
    }
}

package org.steppewatch.incident.incident;

/**
 * Whether a sample's unit can apply to its substance and medium: a unit of the shared vocabulary
 * ({@link org.steppewatch.units.SampleUnits}, case-sensitive) whose quantity the substance and the medium are
 * measured in.
 */
public interface SampleUnits {

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

package org.steppewatch.contracts;

public enum IncidentCategory {
    LAUNCH_FAILURE, STAGE_IMPACT, FUEL_SPILL, CONTAMINATION, RADIATION, OTHER
}

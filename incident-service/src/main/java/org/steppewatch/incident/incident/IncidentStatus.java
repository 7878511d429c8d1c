package org.steppewatch.incident.incident;

/** REPORTED → ASSESSED → (REVISED → ASSESSED)* → RETRACTED. */
public enum IncidentStatus {
    REPORTED, ASSESSED, REVISED, RETRACTED
}

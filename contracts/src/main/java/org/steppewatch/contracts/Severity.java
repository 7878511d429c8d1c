package org.steppewatch.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** CAP 1.2 {@code severity}, least to most severe (Unknown sorts lowest). */
public enum Severity {
    UNKNOWN("Unknown"), MINOR("Minor"), MODERATE("Moderate"), SEVERE("Severe"), EXTREME("Extreme");

    private final String cap;

    Severity(String cap) {
        this.cap = cap;
    }

    @JsonValue
    public String cap() {
        return cap;
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    @JsonCreator
    public static Severity fromCap(String value) {
        for (Severity s : values()) {
            if (s.cap.equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown CAP severity '" + value + "': expected one of Minor, Moderate, Severe, Extreme, Unknown");
    }
}

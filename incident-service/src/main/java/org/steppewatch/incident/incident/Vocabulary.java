package org.steppewatch.incident.incident;

import java.util.List;

/** The closed vocabularies of the incident body, for forms that offer them as choices. */
public final class Vocabulary {

    private Vocabulary() {
    }

    /** What a sample can be taken from. */
    public static List<String> media() {
        return IncidentValidator.MEDIA;
    }

    /** Pasquill–Gifford stability classes, A (very unstable) to F (stable). */
    public static List<String> stabilityClasses() {
        return WeatherChecks.STABILITY;
    }
}

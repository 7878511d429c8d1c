package org.steppewatch.contracts;

/** Kafka topics of the public v1 contract. The record key on every topic is the incident id. */
public final class Topics {

    public static final String INCIDENTS = "incidents.v1";
    public static final String ASSESSMENTS = "assessments.v1";
    public static final String ALERTS = "alerts.v1";

    /** Records a consumer could not process after its retries land here, never silently dropped. */
    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }

    private Topics() {
    }
}

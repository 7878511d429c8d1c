package org.steppewatch.contracts;

/**
 * Kafka topics of the public v1 contract (the record key on each is the incident id), the operators' topic and the
 * reference-data topic.
 */
public final class Topics {

    public static final String INCIDENTS = "incidents.v1";
    public static final String ASSESSMENTS = "assessments.v1";
    public static final String ALERTS = "alerts.v1";
    /**
     * Operational events ({@link OperationalEvent}) for the deployment's operators: not part of the
     * partner contract, keyed by incident id or, where there is none, subscription id.
     */
    public static final String OPERATIONS = "operations.v1";
    /**
     * The reference data in use (settlements, drop zones, areas of concern), published by analysis-service
     * ({@link ReferenceDataPublished}): a compacted topic keyed by {@code <dataset>:<chunk>}, read from the
     * beginning by every service.
     */
    public static final String REFERENCE = "reference.v1";

    /** Records a consumer could not process after its retries land here, never silently dropped. */
    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }

    private Topics() {
    }
}

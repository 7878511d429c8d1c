package org.steppewatch.contracts;

/**
 * Kafka topics of the public v1 contract (the record key on the incident topics is the incident id; on the
 * contamination topics the site, result or facility id), the operators' topic and the reference-data topic.
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
    /**
     * What analysts record about contamination ({@link ResultRecorded}, {@link FacilityReported}), published by
     * incident-service; keyed by site (else result) and by facility.
     */
    public static final String CONTAMINATION = "contamination.v1";
    /** analysis-service's judgements of them ({@link ResultJudged}, {@link FacilityJudged}); same keys. */
    public static final String FINDINGS = "findings.v1";
    /** Contamination notices issued by notification-service ({@link NoticeIssued}); keyed by site, else result. */
    public static final String NOTICES = "notices.v1";

    /** Records a consumer could not process after its retries land here, never silently dropped. */
    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }

    private Topics() {
    }
}

package org.steppewatch.contracts;

/**
 * An event about measured contamination or a polluting facility, not about an incident: a sampling result recorded
 * and judged against the limit values, a facility's annual releases reported and judged against the E-PRTR reporting
 * thresholds, a notice issued. Keyed by {@link #key()} (the site, else the result; the facility), so one site's or one
 * facility's events keep their order on a partition.
 */
public sealed interface ContaminationEvent permits ResultRecorded, ResultJudged, FacilityReported, FacilityJudged,
        NoticeIssued {

    /** The Kafka record key and the CloudEvents subject. */
    String key();

    /** The CloudEvents type, one of {@link EventTypes}. */
    String eventType();

    /** The topic the event is published on, one of {@link Topics}. */
    String topic();

    /** Order among the events of one key (a facility's version; 0 where each event stands alone). */
    long sequence();
}

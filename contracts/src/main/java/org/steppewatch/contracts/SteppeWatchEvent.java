package org.steppewatch.contracts;

/** An event of the public contract: a past-tense fact about one incident. */
public sealed interface SteppeWatchEvent
        permits IncidentReported, IncidentRevised, IncidentRetracted, IncidentAssessed, AssessmentWithdrawn, AlertIssued,
        AlertCancelled {

    /** The Kafka record key and the CloudEvents subject. */
    String incidentId();

    /** The CloudEvents type, one of {@link EventTypes}. */
    String eventType();

    /** The topic the event is published on, one of {@link Topics}. */
    String topic();
}

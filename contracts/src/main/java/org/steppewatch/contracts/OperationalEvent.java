package org.steppewatch.contracts;

/**
 * An event for the operators of a deployment, not for partners: something went wrong that a person
 * should look at (a delivery given up, a receiver switched off). Published on {@link Topics#OPERATIONS}
 * as CloudEvents like the public events, but not part of the partner contract.
 */
public sealed interface OperationalEvent permits DeliveryExhausted, EndpointDisabled {

    /** The Kafka record key and the CloudEvents subject. */
    String key();

    /** The CloudEvents type, one of {@link EventTypes}. */
    String eventType();

    /** The topic the event is published on: {@link Topics#OPERATIONS}. */
    default String topic() {
        return Topics.OPERATIONS;
    }
}

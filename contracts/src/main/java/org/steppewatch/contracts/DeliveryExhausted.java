package org.steppewatch.contracts;

import java.time.Instant;

/**
 * A delivery was given up after the last attempt of its retry schedule: it is FAILED and waits for an
 * admin's redrive. Keyed by the incident id (a confirmation mail, which has no incident, by the subscription id).
 *
 * @param deliveryId     also the {@code webhook-id} every attempt carried
 * @param alertId        null for a confirmation mail
 * @param incidentId     null for a confirmation mail
 * @param channel        webhook or email
 * @param attempts       attempts made in all, earlier rounds (before a redrive) included
 * @param lastError      what the last attempt found
 */
public record DeliveryExhausted(String deliveryId, String alertId, String incidentId, String subscriptionId,
                                String channel, int attempts, String lastError, Instant failedAt)
        implements OperationalEvent {

    @Override
    public String key() {
        return incidentId != null ? incidentId : subscriptionId;
    }

    @Override
    public String eventType() {
        return EventTypes.DELIVERY_EXHAUSTED;
    }
}

package org.steppewatch.contracts;

import java.time.Instant;

/**
 * A webhook subscription was disabled because every attempt to reach it failed for a long time; its open
 * deliveries were cancelled. Keyed by the subscription id.
 *
 * @param failingSince          the first failed attempt after its last success
 * @param cancelledDeliveries   open deliveries cancelled with it
 */
public record EndpointDisabled(String subscriptionId, String reason, Instant failingSince, Instant disabledAt,
                               long cancelledDeliveries) implements OperationalEvent {

    @Override
    public String key() {
        return subscriptionId;
    }

    @Override
    public String eventType() {
        return EventTypes.ENDPOINT_DISABLED;
    }
}

package org.steppewatch.notification.delivery;

import java.time.Instant;
import java.util.List;

/** A delivery as {@code GET /api/v1/alerts/{id}/deliveries} shows it; nextAttemptAt is null once it is final. */
public record DeliveryView(String id, String subscriptionId, String channelType, String state, List<Attempt> attempts,
                           Instant nextAttemptAt, Instant createdAt) {

    /**
     * @param outcome    success, http_error, timeout, connection_error or error
     * @param httpStatus the receiver's status code, null when no response came
     */
    public record Attempt(Instant at, String outcome, Integer httpStatus, String error, long durationMs) {
    }
}

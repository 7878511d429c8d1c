package org.steppewatch.notification.delivery;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A delivery as {@code GET /api/v1/alerts/{id}/deliveries} shows it; nextAttemptAt is null once it is final.
 *
 * @param kind   alert, notice (a contamination notice), or confirmation (the mail of an e-mail subscription's double opt-in)
 * @param level  the worst hazard-zone level that reached the subscription
 * @param note   why a delivery was CANCELLED
 */
public record DeliveryView(String id, String kind, String subscriptionId, String channelType, String language,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String level, String state,
                           List<Attempt> attempts, Instant nextAttemptAt, Instant createdAt,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

    /**
     * @param outcome    success, http_error, timeout, connection_error, refused_address (the host resolved only
     *                   to addresses webhooks may not go to) or error
     * @param httpStatus the receiver's status code, null when no response came (and for e-mail)
     */
    public record Attempt(Instant at, String outcome, Integer httpStatus, String error, long durationMs) {

        public boolean success() {
            return "success".equals(outcome);
        }
    }
}

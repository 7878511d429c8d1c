package org.steppewatch.notification.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.steppewatch.contracts.Severity;

/**
 * A subscription as the API shows it. The signing secret and the manage token appear only in
 * the response that created them (and the secret only when the service generated it).
 *
 * @param state ACTIVE, PENDING_CONFIRMATION (an e-mail subscription until its link is followed), DISABLED (a webhook
 *              whose deliveries failed for days; its owner enables it again) or DELETED
 * @param kinds ALERT, NOTICE or both: what the subscription receives
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubscriptionView(String id, String name, Map<String, Object> area, Channel channel, String language,
                        Severity minSeverity, List<String> kinds, String state, Instant createdAt, String manageToken) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Channel(String type, String url, String address, String secret) {
    }

    static SubscriptionView of(Subscription s, String generatedSecret, String manageToken) {
        return new SubscriptionView(s.id(), s.name(), s.area(),
                new Channel(s.channelType(), s.url(), s.address(), generatedSecret), s.language(), s.minSeverity(),
                s.kinds(), s.state(), s.createdAt(), manageToken);
    }
}

package org.steppewatch.notification.subscription;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.steppewatch.contracts.Severity;

/**
 * A subscription as the API shows it. The signing secret and the manage token appear only in
 * the response that created them (and the secret only when the service generated it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubscriptionView(String id, String name, Map<String, Object> area, Channel channel, String language,
                        Severity minSeverity, Instant createdAt, String manageToken) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Channel(String type, String url, String secret) {
    }

    static SubscriptionView of(Subscription s, String generatedSecret, String manageToken) {
        return new SubscriptionView(s.id(), s.name(), s.area(), new Channel(s.channelType(), s.url(), generatedSecret),
                s.language(), s.minSeverity(), s.createdAt(), manageToken);
    }
}

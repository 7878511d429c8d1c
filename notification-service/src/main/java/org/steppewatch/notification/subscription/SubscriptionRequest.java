package org.steppewatch.notification.subscription;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/subscriptions}. {@code area} stays a tree because it has three
 * shapes, and {@code kinds} so that a
 * kinds value of the wrong type is reported by field like any other problem; everything is checked by {@link SubscriptionValidator} so all problems come back at once.
 */
record SubscriptionRequest(String name, JsonNode area, Channel channel, String language, String minSeverity,
                           JsonNode kinds) {

    /** A request naming no kinds: alerts only. */
    SubscriptionRequest(String name, JsonNode area, Channel channel, String language, String minSeverity) {
        this(name, area, channel, language, minSeverity, null);
    }

    record Channel(String type, String url, String secret, String address) {
    }
}

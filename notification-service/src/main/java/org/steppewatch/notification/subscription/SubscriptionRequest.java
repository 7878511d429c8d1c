package org.steppewatch.notification.subscription;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/subscriptions}. {@code area} stays a tree because it has three
 * shapes; everything is checked by {@link SubscriptionValidator} so all problems come back at once.
 */
record SubscriptionRequest(String name, JsonNode area, Channel channel, String language, String minSeverity) {

    record Channel(String type, String url, String secret, String address) {
    }
}

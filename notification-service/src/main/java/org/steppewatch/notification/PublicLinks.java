package org.steppewatch.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links that leave the service in messages (confirmation, unsubscribe, CAP document), built on
 * {@code steppewatch.public-base-url}: the address people and partners reach this service at.
 */
@Component
public class PublicLinks {

    private final String base;

    public PublicLinks(@Value("${steppewatch.public-base-url:http://localhost:8083}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String base() {
        return base;
    }

    public String confirm(String subscriptionId, String token) {
        return base + "/api/v1/subscriptions/" + subscriptionId + "/confirm?token=" + encode(token);
    }

    public String unsubscribe(String subscriptionId, String token) {
        return base + "/api/v1/subscriptions/" + subscriptionId + "/unsubscribe?token=" + encode(token);
    }

    public String alert(String alertId) {
        return base + "/api/v1/alerts/" + alertId;
    }

    public String cap(String alertId) {
        return base + "/api/v1/alerts/" + alertId + "/cap";
    }

    public String feed() {
        return base + "/feeds/alerts.atom";
    }

    public String notice(String noticeId) {
        return base + "/api/v1/notices/" + noticeId;
    }

    public String noticeCap(String noticeId) {
        return base + "/api/v1/notices/" + noticeId + "/cap";
    }

    public String noticeFeed() {
        return base + "/feeds/notices.atom";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

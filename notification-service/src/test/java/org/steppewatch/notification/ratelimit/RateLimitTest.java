package org.steppewatch.notification.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steppewatch.notification.IntegrationTest;
import org.steppewatch.testsupport.TestIssuer;

import tools.jackson.databind.JsonNode;

/**
 * The limits with small numbers: 2 subscriptions at once per client address and 1 more an hour;
 * 1 confirmation mail per e-mail address a day. Every request here comes from 127.0.0.1, so all
 * share one client bucket: the steps are one test, in order.
 */
class RateLimitTest extends IntegrationTest {

    @DynamicPropertySource
    static void smallLimits(DynamicPropertyRegistry registry) {
        registry.add("steppewatch.rate-limits.enabled", () -> "true");
        registry.add("steppewatch.rate-limits.subscriptions-per-address.capacity", () -> "2");
        registry.add("steppewatch.rate-limits.subscriptions-per-address.refill", () -> "1");
        registry.add("steppewatch.rate-limits.subscriptions-per-address.period", () -> "1h");
        registry.add("steppewatch.rate-limits.confirmation-mails-per-address.capacity", () -> "1");
        registry.add("steppewatch.rate-limits.confirmation-mails-per-address.refill", () -> "1");
        registry.add("steppewatch.rate-limits.confirmation-mails-per-address.period", () -> "1d");
    }

    @Autowired
    MongoTemplate mongo;

    private HttpResponse<String> post(Map<String, Object> body, String role) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/subscriptions"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (role != null) {
            // a signed-in user holding just this role
            request.header("Authorization", TestIssuer.get().bearer(role + "-test", role));
        }
        return send(request);
    }

    private static Map<String, Object> email(String address) {
        return Map.of("name", "Akai school", "area", Map.of("settlementId", BAIKONUR), "language", "kk",
                "channel", Map.of("type", "email", "address", address));
    }

    private long count(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }

    /** The client's two tokens go to the two e-mail subscriptions; everything after is over its limit. */
    @Test
    void overTheLimitsIsA429WithRetryAfterThatStoresAndSendsNothingAndAdminsAreNotLimited() throws Exception {
        // confirmation mails: the first to an address goes out; a second, to a tagged variant, does not
        JsonNode first = json(post(email("school@akai.example.kz"), null));
        assertThat(first.get("state").stringValue()).isEqualTo("PENDING_CONFIRMATION");
        deleteAfterwards(first);
        long subscriptions = count("subscriptions");
        long deliveries = count("deliveries");
        HttpResponse<String> secondMail = post(email("School+Again@Akai.example.kz"), null);
        assertTooMany(secondMail, 86_400 - 60, 86_400);
        assertThat(count("subscriptions")).isEqualTo(subscriptions);
        assertThat(count("deliveries")).isEqualTo(deliveries);

        // the client has used its 2 subscription tokens: the 3rd request waits for the hourly refill
        HttpResponse<String> third = post(webhookSubscription("Toretam", Map.of("settlementId", BAIKONUR),
                "https://baikonur.example.kz/hooks/steppewatch", null, "ru", null), null);
        assertTooMany(third, 3600 - 60, 3600);
        assertThat(count("subscriptions")).isEqualTo(subscriptions);

        // a signed-in admin is limited by neither: subscriptions in bulk, and a second mail to that school
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> bulk = post(webhookSubscription("Akimat " + i, Map.of("settlementId", BAIKONUR),
                    "https://baikonur.example.kz/hooks/" + i, null, "kk", null), "admin");
            assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(201);
            deleteAfterwards(json(bulk));
        }
        HttpResponse<String> adminMail = post(email("school@akai.example.kz"), "admin");
        assertThat(adminMail.statusCode()).as(adminMail.body()).isEqualTo(201);
        deleteAfterwards(json(adminMail));
        assertThat(count("subscriptions")).isEqualTo(subscriptions + 5);

        // another role is no exemption
        assertTooMany(post(email("council@akai.example.kz"), "analyst"), 3600 - 60, 3600);
    }

    private void deleteAfterwards(JsonNode created) throws Exception {
        send(HttpRequest.newBuilder(uri("/api/v1/subscriptions/" + created.get("id").stringValue()))
                .header("X-Manage-Token", created.get("manageToken").stringValue()).DELETE());
    }

    private static void assertTooMany(HttpResponse<String> response, long minSeconds, long maxSeconds) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("retry-after")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(minSeconds, maxSeconds));
        assertThat(json(response).get("status").asInt()).isEqualTo(429);
    }
}

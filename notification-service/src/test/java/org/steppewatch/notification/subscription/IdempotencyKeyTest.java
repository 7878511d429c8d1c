package org.steppewatch.notification.subscription;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.steppewatch.notification.IntegrationTest;

import tools.jackson.databind.JsonNode;

/** {@code Idempotency-Key} on subscribing, as draft-ietf-httpapi-idempotency-key-header describes it. */
class IdempotencyKeyTest extends IntegrationTest {

    private static final String HOOK = "https://baikonur.example.kz/hooks/idempotent";

    @Autowired
    MongoTemplate mongo;

    private HttpResponse<String> subscribeWithKey(String key, String name) throws Exception {
        String body = JSON.writeValueAsString(webhookSubscription(name, Map.of("settlementId", BAIKONUR), HOOK, null,
                "kk", null));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/subscriptions"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, UTF_8));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request);
    }

    private long stored(String name) {
        return mongo.count(query(where("name").is(name)), SubscriptionStore.COLLECTION);
    }

    private void delete(HttpResponse<String> created) throws Exception {
        JsonNode json = json(created);
        send(HttpRequest.newBuilder(uri("/api/v1/subscriptions/" + json.get("id").stringValue()))
                .header("X-Manage-Token", json.get("manageToken").stringValue()).DELETE());
    }

    @Test
    void aRepeatWithTheSameKeyAndBodyGetsTheSameAnswerAndCreatesNothing() throws Exception {
        String key = "\"" + UUID.randomUUID() + "\"";
        String name = "Akai council " + UUID.randomUUID();
        HttpResponse<String> first = subscribeWithKey(key, name);
        HttpResponse<String> again = subscribeWithKey(key, name);
        try {
            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            assertThat(again.statusCode()).isEqualTo(201);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.headers().firstValue("location")).isEqualTo(first.headers().firstValue("location"));
            assertThat(first.headers().firstValue("location")).hasValueSatisfying(
                    l -> assertThat(l).endsWith("/api/v1/subscriptions/" + json(first).get("id").stringValue()));
            // the generated secret and the manage token come back too: the client may have lost the first answer
            assertThat(json(again).get("manageToken").stringValue()).isEqualTo(json(first).get("manageToken").stringValue());
            assertThat(json(again).at("/channel/secret").stringValue()).startsWith("whsec_");
            assertThat(stored(name)).isEqualTo(1);
            // what is kept of the answer holds no token in clear
            for (Document kept : mongo.findAll(Document.class, "subscriptionIdempotencyKeys")) {
                assertThat(kept.toJson()).doesNotContain(json(first).get("manageToken").stringValue())
                        .doesNotContain(key.replace("\"", ""));
            }
        } finally {
            delete(first);
        }
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422AndCreatesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "Toretam school " + UUID.randomUUID();
        HttpResponse<String> first = subscribeWithKey(key, name);
        try {
            HttpResponse<String> other = subscribeWithKey(key, name + " (other)");
            assertThat(other.statusCode()).isEqualTo(422);
            assertThat(other.headers().firstValue("content-type")).hasValueSatisfying(
                    ct -> assertThat(ct).startsWith("application/problem+json"));
            assertThat(stored(name + " (other)")).isZero();
            assertThat(stored(name)).isEqualTo(1);
        } finally {
            delete(first);
        }
    }

    @Test
    void withoutAKeyEveryRequestCreatesOneAndARefusedRequestLeavesItsKeyFree() throws Exception {
        String name = "Baikonur hospital " + UUID.randomUUID();
        HttpResponse<String> one = subscribeWithKey(null, name);
        HttpResponse<String> two = subscribeWithKey(null, name);
        delete(one);
        delete(two);
        assertThat(json(one).get("id").stringValue()).isNotEqualTo(json(two).get("id").stringValue());
        assertThat(stored(name)).isEqualTo(2);

        String key = UUID.randomUUID().toString();
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/api/v1/subscriptions"))
                .header("content-type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"no area\"}", UTF_8)));
        assertThat(refused.statusCode()).isEqualTo(400);
        HttpResponse<String> created = subscribeWithKey(key, name + " (after a refusal)");
        delete(created);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
}

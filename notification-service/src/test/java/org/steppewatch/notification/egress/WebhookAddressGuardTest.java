package org.steppewatch.notification.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.IntegrationTest;
import org.steppewatch.notification.TestResolver;
import org.steppewatch.notification.WebhookReceiver;

import tools.jackson.databind.JsonNode;

/**
 * Webhooks to internal addresses, under the production default: an empty allow list. Names are
 * resolved by the system resolver (hosts file, address literals) or scripted by {@link TestResolver};
 * nothing here sends a packet beyond the loopback interface.
 */
class WebhookAddressGuardTest extends IntegrationTest {

    @DynamicPropertySource
    static void productionAllowList(DynamicPropertyRegistry registry) {
        registry.add("steppewatch.webhook.allow", () -> "");
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestResolver resolver;

    /** Expected kinds: RFC 1122 (loopback, this network), RFC 1918, RFC 3927, RFC 6598, RFC 4193, RFC 4291, RFC 5771. */
    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            localhost           | loopback
            127.0.0.1           | loopback
            2130706433          | loopback
            0x7f.1              | loopback
            [::1]               | loopback
            [::ffff:127.0.0.1]  | loopback
            10.0.0.1            | private
            192.168.1.1         | private
            172.16.0.1          | private
            169.254.169.254     | cloud metadata
            100.64.0.1          | carrier-grade NAT
            [fd00::1]           | unique-local
            [fe80::1]           | link-local
            0.0.0.0             | unspecified
            224.0.0.1           | multicast
            """)
    void aWebhookToAnInternalAddressIsRefusedWithA400NamingTheUrlAndStoresNothing(String host, String kind) throws Exception {
        long before = mongo.getCollection("subscriptions").countDocuments();
        HttpResponse<String> response = postJson("/api/v1/subscriptions", JSON.writeValueAsString(webhookSubscription(
                "Intruder", Map.of("settlementId", BAIKONUR), "http://" + host + ":8080/hook", null, "en", null)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode errors = json(response).get("errors");
        assertThat(errors.findValuesAsString("field")).containsExactly("channel.url");
        assertThat(errors.get(0).get("message").stringValue()).contains(kind);
        assertThat(mongo.getCollection("subscriptions").countDocuments()).isEqualTo(before);
    }

    @Test
    void aPublicAddressIsAccepted() throws Exception {
        // 93.184.215.14 (example.com) is never contacted: no alert is published for this subscription
        resolver.answer("alerts.baikonur.example", "93.184.215.14");
        subscribe(webhookSubscription("Baikonur akimat", Map.of("settlementId", BAIKONUR),
                "https://alerts.baikonur.example/hook", null, "kk", null));
    }

    @Test
    void aNameThatResolvesToALoopbackAddressAfterTheCheckIsRefusedWhenSendingAndRecorded() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            int port = java.net.URI.create(receiver.url()).getPort();
            // at subscription time the name answers a public address...
            resolver.answer("rebinding.example", "93.184.215.14");
            subscribe(webhookSubscription("Rebinder", Map.of("settlementId", BAIKONUR),
                    "http://rebinding.example:" + port + "/hooks/steppewatch", null, "en", null));
            // ...and the receiver's loopback address when the alert is sent
            resolver.answer("rebinding.example", "127.0.0.1");
            String incident = newIncidentId();
            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));
            String alertId = alertIdOf(incident);

            JsonNode delivery = await().atMost(DEADLINE).until(() -> deliveries(alertId),
                    d -> d.size() == 1 && d.get(0).get("attempts").size() >= 2).get(0);
            assertThat(delivery.get("state").stringValue()).isEqualTo("RETRYING");
            assertThat(delivery.findValuesAsString("outcome")).containsOnly("refused_address");
            assertThat(delivery.at("/attempts/0/error").stringValue())
                    .contains("rebinding.example").contains("127.0.0.1").contains("loopback");
            // nothing reached the receiver listening at that address
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> receiver.requests().isEmpty());
        }
    }
}

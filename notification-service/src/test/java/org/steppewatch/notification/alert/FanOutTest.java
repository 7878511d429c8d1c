package org.steppewatch.notification.alert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.Topics;
import org.steppewatch.notification.NotificationServiceApplication;
import org.steppewatch.notification.WebhookReceiver;
import org.steppewatch.notification.delivery.DeliveryWorker;
import org.steppewatch.notification.subscription.Subscription;
import org.steppewatch.notification.subscription.SubscriptionIndex;
import org.steppewatch.notification.subscription.SubscriptionStore;
import org.steppewatch.testsupport.TestInfrastructure;

/**
 * Fan-outs on their own threads, in service instances of their own (each on a database of its own, reading
 * assessments.v1 from the start): one cut short by a stop completes after a restart, and a large one does not hold
 * up the Kafka listener. The zones lie east of Lake Balkhash, where no other test's assessment falls.
 */
class FanOutTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Envelope RESUME_AREA = new Envelope(75.0, 75.2, 44.0, 44.2);
    private static final Envelope CROWD_AREA = new Envelope(77.0, 77.5, 43.0, 43.5);
    private static final Envelope EMPTY_AREA = new Envelope(78.0, 78.1, 43.0, 43.1);

    private static ConfigurableApplicationContext start(String mongoUri, String group, Map<String, String> extra) {
        String database = URI.create(mongoUri.replace("mongodb://", "http://")).getPath().substring(1);
        Map<String, String> p = new LinkedHashMap<>(Map.of(
                "spring.kafka.bootstrap-servers", TestInfrastructure.get().kafkaBootstrapServers(),
                "spring.kafka.consumer.group-id", group,
                "spring.mongodb.uri", mongoUri,
                "spring.mongodb.database", database,
                "server.port", "0",
                "steppewatch.webhook.allow", "127.0.0.0/8",
                "steppewatch.delivery.poll-interval", "50ms",
                "steppewatch.alerts.fan-out-recovery", "1s"));
        p.putAll(extra);
        return NotificationServiceApplication.application()
                .run(p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static List<Subscription> subscriptions(int count, Envelope area, String url) {
        List<Subscription> subscriptions = new ArrayList<>(count);
        int side = (int) Math.ceil(Math.sqrt(count));
        for (int i = 0; i < count; i++) {
            // a grid of points strictly inside the area
            double lon = area.getMinX() + area.getWidth() * (i % side + 0.5) / side;
            double lat = area.getMinY() + area.getHeight() * (i / side + 0.5) / side;
            Geometry point = Geo.point(lon, lat);
            subscriptions.add(new Subscription(UUID.randomUUID().toString(), "household " + i, new Document(), point,
                    Subscription.WEBHOOK, url, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", null, "kk", Severity.MINOR,
                    Subscription.ACTIVE, Instant.now(), "x", null, null));
        }
        return subscriptions;
    }

    private static Document alert(ConfigurableApplicationContext context, String alertId) {
        return context.getBean(MongoTemplate.class).findById(alertId, Document.class, "alerts");
    }

    private static long deliveriesOf(ConfigurableApplicationContext context, String alertId) {
        return context.getBean(MongoTemplate.class).count(query(where("alertId").is(alertId)), "deliveries");
    }

    @Test
    void aFanOutStoppedAfterTheAlertWasStoredCompletesAfterARestartWithoutTheRecordComingAgain() throws Exception {
        String uri = TestInfrastructure.get().mongoUri("fan-out-resume");
        String group = "fan-out-resume-" + UUID.randomUUID();
        String incident = "inc-fan-out-resume-" + UUID.randomUUID();
        String alertId = AlertService.alertId(incident, 1);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            ConfigurableApplicationContext first = start(uri, group, Map.of());
            try {
                first.getBean(SubscriptionStore.class).insertAll(subscriptions(3, RESUME_AREA, receiver.url()));
                first.getBean(SubscriptionIndex.class).reload();
                // as at a stop or a crash right after the listener stored the alert
                first.getBean(FanOut.class).stop();
                publish(assessment(incident, RESUME_AREA));
                await().atMost(DEADLINE).until(() -> alert(first, alertId) != null);
                assertThat(alert(first, alertId).getBoolean("fanOutDone")).isFalse();
                assertThat(deliveriesOf(first, alertId)).isZero();
            } finally {
                first.close();
            }
            // the record was consumed: only the recovery pass can finish the fan-out, so the listener stays off
            ConfigurableApplicationContext second = start(uri, group, Map.of("spring.kafka.listener.auto-startup", "false"));
            try {
                await().atMost(DEADLINE).until(() -> Boolean.TRUE.equals(alert(second, alertId).getBoolean("fanOutDone")));
                assertThat(deliveriesOf(second, alertId)).isEqualTo(3);
                assertThat(alert(second, alertId).getInteger("recipients")).isEqualTo(3);
                await().atMost(DEADLINE).until(() -> receiver.requests().size() == 3);
                assertThat(receiver.requests()).extracting(r -> r.header("webhook-id")).doesNotHaveDuplicates()
                        .allMatch(id -> id.startsWith(alertId + ":"));
            } finally {
                second.getBean(MongoTemplate.class).getDb().drop();
                second.close();
            }
        }
    }

    @Test
    void aFanOutToOneHundredThousandSubscriptionsDoesNotHoldUpTheNextRecord() throws Exception {
        String uri = TestInfrastructure.get().mongoUri("fan-out-crowd");
        String crowd = "inc-fan-out-crowd-" + UUID.randomUUID();
        String next = "inc-fan-out-next-" + UUID.randomUUID();
        String crowdAlert = AlertService.alertId(crowd, 1);
        String nextAlert = AlertService.alertId(next, 1);
        ConfigurableApplicationContext context = start(uri, "fan-out-crowd-" + UUID.randomUUID(), Map.of());
        try {
            // deliveries are created but not sent: this test is about the creating
            context.getBean(DeliveryWorker.class).stop();
            context.getBean(SubscriptionStore.class).insertAll(subscriptions(100_000, CROWD_AREA, "http://127.0.0.1:9/"));
            context.getBean(SubscriptionIndex.class).reload();

            publish(assessment(crowd, CROWD_AREA));
            publish(assessment(next, EMPTY_AREA));
            await().atMost(DEADLINE).until(() -> alert(context, nextAlert) != null);
            // the listener handled the next record while the first fan-out was still creating deliveries
            assertThat(alert(context, crowdAlert).getBoolean("fanOutDone")).isFalse();
            assertThat(deliveriesOf(context, crowdAlert)).isLessThan(100_000);
            assertThat(alert(context, crowdAlert).getInteger("recipients")).isEqualTo(100_000);

            await().atMost(DEADLINE).until(() -> Boolean.TRUE.equals(alert(context, crowdAlert).getBoolean("fanOutDone")));
            assertThat(deliveriesOf(context, crowdAlert)).isEqualTo(100_000);
        } finally {
            context.getBean(MongoTemplate.class).getDb().drop();
            context.close();
        }
    }

    private static IncidentAssessed assessment(String incidentId, Envelope area) {
        return new IncidentAssessed(incidentId, 1, IncidentAssessed.assessmentId(incidentId, 1), Instant.now(), "test",
                new IncidentAssessed.IncidentSummary("Stage impact east of Balkhash", IncidentCategory.STAGE_IMPACT,
                        Instant.now(), Geo.point(area.centre().x, area.centre().y)),
                null, List.of(new IncidentAssessed.HazardZone("SCREENING", "UDMH", null, null,
                Geo.FACTORY.toGeometry(area), "screening", List.of())),
                List.of(), List.of(), Severity.SEVERE, "Expected", "Likely", "test");
    }

    private static void publish(IncidentAssessed assessment) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ASSESSMENTS, 0,
                    assessment.incidentId(), EventJson.write(assessment));
            record.headers().add(EventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8))
                    .add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8))
                    .add(EventHeaders.SOURCE, "/test".getBytes(UTF_8))
                    .add(EventHeaders.TYPE, EventTypes.INCIDENT_ASSESSED.getBytes(UTF_8))
                    .add(EventHeaders.SUBJECT, assessment.incidentId().getBytes(UTF_8))
                    .add(EventHeaders.CONTENT_TYPE, "application/json".getBytes(UTF_8));
            producer.send(record).get();
        }
    }
}

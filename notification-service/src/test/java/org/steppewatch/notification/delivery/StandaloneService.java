package org.steppewatch.notification.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.locationtech.jts.geom.Envelope;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.Topics;
import org.steppewatch.notification.NotificationServiceApplication;
import org.steppewatch.testsupport.TestInfrastructure;

/**
 * notification-service started by a test on a database of its own (not the shared context of
 * IntegrationTest), with alerts for an area near Ulytau, far from Baikonur, where the other tests'
 * alerts (still on the shared topic) fall.
 */
final class StandaloneService {

    static final Map<String, Object> ULYTAU_AREA = square(66.4, 47.4);
    /** Another, for a test whose alerts must not reach the subscriptions of {@link #ULYTAU_AREA}. */
    static final Map<String, Object> ZHEZKAZGAN_AREA = square(67.6, 47.7);

    /** A GeoJSON polygon of 0.2° × 0.2° from its south-west corner. */
    private static Map<String, Object> square(double lon, double lat) {
        return Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(lon, lat), List.of(lon + 0.2, lat),
                List.of(lon + 0.2, lat + 0.2), List.of(lon, lat + 0.2), List.of(lon, lat))));
    }

    /** @param extra properties added to, or replacing, the test defaults */
    static ConfigurableApplicationContext start(String mongoUri, String database, int mailPort, Map<String, String> extra) {
        Map<String, String> p = new LinkedHashMap<>(Map.ofEntries(
                Map.entry("spring.kafka.bootstrap-servers", TestInfrastructure.get().kafkaBootstrapServers()),
                Map.entry("spring.kafka.consumer.group-id", "standalone-test-" + database),
                Map.entry("spring.mongodb.uri", mongoUri),
                Map.entry("spring.mongodb.database", database),
                Map.entry("spring.mail.host", "127.0.0.1"),
                Map.entry("spring.mail.port", Integer.toString(mailPort)),
                Map.entry("server.port", "0"),
                Map.entry("steppewatch.public-base-url", "http://steppewatch.test"),
                // never given up while a test runs: 0 s, then every 300 ms for about five minutes
                Map.entry("steppewatch.delivery.retry-schedule", "0s" + ",300ms".repeat(1000)),
                Map.entry("steppewatch.delivery.poll-interval", "50ms"),
                Map.entry("steppewatch.delivery.connect-timeout", "1s"),
                Map.entry("steppewatch.delivery.request-timeout", "1s"),
                Map.entry("steppewatch.webhook.allow", "127.0.0.0/8"),
                Map.entry("steppewatch.eventing.poll-interval", "100ms")));
        p.putAll(extra);
        return NotificationServiceApplication.application()
                .run(p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** An assessment of {@code incidentId}, version 1, whose screening zone covers {@link #ULYTAU_AREA}. */
    static void publish(String incidentId) throws Exception {
        publish(incidentId, new Envelope(66.45, 66.55, 47.45, 47.55));
    }

    /** An assessment of {@code incidentId}, version 1, with a screening zone of {@code zone}. */
    static void publish(String incidentId, Envelope zone) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        IncidentAssessed assessment = new IncidentAssessed(incidentId, 1, incidentId + ":1", Instant.now(), "test",
                new IncidentAssessed.IncidentSummary("Stage impact near Baikonur", IncidentCategory.STAGE_IMPACT,
                        Instant.now(), Geo.point(63.3, 45.6)),
                null, List.of(new IncidentAssessed.HazardZone("SCREENING", "UDMH", null, null,
                Geo.FACTORY.toGeometry(zone), "screening", List.of())),
                List.of(), List.of(), Severity.SEVERE, "Expected", "Likely", "test");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ASSESSMENTS, 0, incidentId,
                    EventJson.write(assessment));
            record.headers().add(EventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8))
                    .add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8))
                    .add(EventHeaders.SOURCE, "/test".getBytes(UTF_8))
                    .add(EventHeaders.TYPE, EventTypes.INCIDENT_ASSESSED.getBytes(UTF_8))
                    .add(EventHeaders.SUBJECT, incidentId.getBytes(UTF_8))
                    .add(EventHeaders.CONTENT_TYPE, "application/json".getBytes(UTF_8));
            producer.send(record).get();
        }
    }

    private StandaloneService() {
    }
}

package org.steppewatch.notification;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.locationtech.jts.geom.Geometry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.ReferenceDataPublished;
import org.steppewatch.contracts.Topics;
import org.steppewatch.eventing.reference.ReferenceChunks;
import org.steppewatch.eventing.reference.ReferenceEdition;
import org.steppewatch.testsupport.TestInfrastructure;
import org.steppewatch.testsupport.TestIssuer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service on a random port against the real Kafka broker and MongoDB of {@link TestInfrastructure}.
 * Every subclass shares this one Spring context (same configuration); each test uses its own
 * incident ids and deletes the subscriptions it made. Retries are fast here: {@link #RETRY_SCHEDULE}.
 * Webhooks may go to loopback receivers, and names resolve through {@link TestResolver}.
 */
@SpringBootTest(classes = NotificationServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + NotificationServiceApplication.CONFIG_NAME,
                "steppewatch.delivery.retry-schedule=" + IntegrationTest.RETRY_SCHEDULE,
                "steppewatch.delivery.poll-interval=50ms",
                "steppewatch.delivery.request-timeout=1s",
                "steppewatch.delivery.connect-timeout=1s",
                "steppewatch.delivery.attempt-deadline=" + IntegrationTest.ATTEMPT_DEADLINE_MILLIS + "ms",
                // the test receivers listen on this machine; the production default allows public addresses only
                "steppewatch.webhook.allow=127.0.0.0/8,::1/128",
                // every test subscribes from 127.0.0.1; RateLimitTest turns the limits on
                "steppewatch.rate-limits.enabled=false",
                "steppewatch.public-base-url=" + IntegrationTest.PUBLIC_BASE,
                // a fixed test key: the tests write no key file into the module
                "steppewatch.secrets.key=" + IntegrationTest.SECRETS_KEY,
                "steppewatch.eventing.poll-interval=100ms",
                "management.endpoint.health.show-details=always"})
@Import(TestResolver.Config.class)
public abstract class IntegrationTest {

    /** Eight attempts, as in production, but within about 4.5 s instead of 27.5 h. */
    public static final String RETRY_SCHEDULE = "0s,100ms,200ms,400ms,800ms,1s,1s,1s";

    /** The hard deadline of one webhook attempt here (15 s in production). */
    public static final long ATTEMPT_DEADLINE_MILLIS = 2000;

    public static final String BAIKONUR = "gn:1521368";
    public static final Duration DEADLINE = Duration.ofSeconds(30);
    /** What the service puts in links; {@link #follow} maps it to the random port. */
    public static final String PUBLIC_BASE = "http://steppewatch.test";
    /** The secrets-at-rest key of the service under test: base64 of 32 bytes (0x00..0x1f). */
    public static final String SECRETS_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    protected static final JsonMapper JSON = EventJson.mapper();
    /** {@code Authorization} of an issuer, for what only issuers and admins may read. */
    protected static final String ISSUER = TestIssuer.get().bearer("issuer-test", "issuer");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KafkaProducer<String, String> producer;

    @LocalServerPort
    protected int port;

    private final List<String[]> created = new ArrayList<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infra = TestInfrastructure.get();
        String uri = infra.mongoUri("notifications");
        String database = URI.create(uri.replace("mongodb://", "http://")).getPath().substring(1);
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> uri);
        registry.add("spring.mongodb.database", () -> database);
        registry.add("spring.kafka.consumer.group-id", () -> "notification-service-test-" + UUID.randomUUID());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::port);
        registry.add("steppewatch.security.issuer-uri", () -> TestIssuer.get().issuer());
    }

    @BeforeAll
    static void producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p);
    }

    @AfterAll
    static void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @AfterEach
    void deleteSubscriptionsOfThisTest() throws Exception {
        for (String[] idAndToken : created) {
            send(HttpRequest.newBuilder(uri("/api/v1/subscriptions/" + idAndToken[0]))
                    .header("X-Manage-Token", idAndToken[1]).DELETE());
        }
        created.clear();
    }

    // --- HTTP -------------------------------------------------------------------------------------

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    /** Follows a link the service wrote (in a mail or a webhook) against the service under test. */
    protected HttpResponse<String> follow(String link, String accept) throws Exception {
        assertThat(link).startsWith(PUBLIC_BASE + "/");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(link.substring(PUBLIC_BASE.length()))).GET();
        if (accept != null) {
            request.header("accept", accept);
        }
        return send(request);
    }

    /** POSTs to a link from a message, as its page's button (or a mail client's one-click unsubscribe) does. */
    protected HttpResponse<String> submit(String link, String accept) throws Exception {
        assertThat(link).startsWith(PUBLIC_BASE + "/");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(link.substring(PUBLIC_BASE.length())))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"));
        if (accept != null) {
            request.header("accept", accept);
        }
        return send(request);
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A GET by an issuer, who may see who received an alert. */
    protected HttpResponse<String> getAsIssuer(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", ISSUER).GET());
    }

    protected HttpResponse<String> postJson(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8)));
    }

    /** The answer is an application/problem+json document with this status, in the header and in the body. */
    protected static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("status").asInt()).isEqualTo(status);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Creates a subscription over HTTP, asserts 201, and deletes it after the test. */
    protected JsonNode subscribe(Map<String, Object> body) throws Exception {
        HttpResponse<String> response = postJson("/api/v1/subscriptions", JSON.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode created = json(response);
        this.created.add(new String[] {created.get("id").stringValue(), created.get("manageToken").stringValue()});
        return created;
    }

    protected static Map<String, Object> webhookSubscription(String name, Map<String, Object> area, String url,
                                                             String secret, String language, String minSeverity) {
        Map<String, Object> channel = new java.util.LinkedHashMap<>();
        channel.put("type", "webhook");
        channel.put("url", url);
        if (secret != null) {
            channel.put("secret", secret);
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", name);
        body.put("area", area);
        body.put("channel", channel);
        body.put("language", language);
        if (minSeverity != null) {
            body.put("minSeverity", minSeverity);
        }
        return body;
    }

    // --- Kafka ------------------------------------------------------------------------------------

    protected static String newIncidentId() {
        return "inc-" + UUID.randomUUID();
    }

    /** A square about 28 km × 20 km around Baikonur town (63.31667 E, 45.61667 N). */
    protected static Geometry zoneAroundBaikonur() {
        return Geo.FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(63.15, 63.5, 45.5, 45.75));
    }

    protected static IncidentAssessed assessment(String incidentId, long version, Severity severity, Geometry zone) {
        return new IncidentAssessed(incidentId, version, IncidentAssessed.assessmentId(incidentId, version),
                Instant.now(), "shipped-sha256:test",
                new IncidentAssessed.IncidentSummary("Proton-M launch failure after lift-off",
                        IncidentCategory.LAUNCH_FAILURE, Instant.parse("2013-07-02T02:38:22Z"), Geo.point(63.0, 46.05)),
                new IncidentAssessed.FallZoneFinding("OUTSIDE", "RP-15", "RP-15", 180.0, true),
                List.of(new IncidentAssessed.HazardZone("AEGL-2", "UDMH", 3.0, 60, zone, "gaussian-plume",
                        List.of("approximate"))),
                List.of(new IncidentAssessed.AffectedSettlement(BAIKONUR, "Baikonur", "Байконур", "Байқоңыр", 70000,
                        57.0, 153.0, "AEGL-2")),
                List.of(), severity, "Immediate", "Observed", "UDMH plume over Baikonur");
    }

    /**
     * Publishes as analysis-service does: key = incident id, CloudEvents binary headers. All test
     * records go to partition 0 so that they are consumed in the order they were sent.
     */
    protected static void publish(IncidentAssessed assessment) throws Exception {
        publishRaw(assessment.incidentId(), EventJson.write(assessment));
    }

    /** As analysis-service announces a retraction: {@code assessment-withdrawn} on assessments.v1. */
    protected static void publish(org.steppewatch.contracts.AssessmentWithdrawn withdrawal) throws Exception {
        publishRaw(withdrawal.incidentId(), EventJson.write(withdrawal),
                org.steppewatch.contracts.EventTypes.ASSESSMENT_WITHDRAWN);
    }

    /** Any payload as an {@code incident.assessed} CloudEvent, e.g. a malformed one. */
    protected static void publishRaw(String incidentId, String payload) throws Exception {
        publishRaw(incidentId, payload, org.steppewatch.contracts.EventTypes.INCIDENT_ASSESSED);
    }

    private static void publishRaw(String incidentId, String payload, String type) throws Exception {
        publishRecord(new ProducerRecord<>(Topics.ASSESSMENTS, 0, incidentId, payload), type);
    }

    /**
     * As analysis-service publishes a finding (ResultJudged, FacilityJudged) on findings.v1: key = event.key(),
     * CloudEvents binary headers, partition 0 so that the test's findings are consumed in the order they were sent.
     */
    protected static void publish(org.steppewatch.contracts.ContaminationEvent finding) throws Exception {
        publishRecord(new ProducerRecord<>(finding.topic(), 0, finding.key(), EventJson.write(finding)),
                finding.eventType());
    }

    /** As analysis-service publishes an edition of the reference data: its chunks on reference.v1. */
    protected static void publish(ReferenceEdition edition) throws Exception {
        for (ReferenceDataPublished chunk : ReferenceChunks.of(edition, ReferenceChunks.MAX_CHUNK_BYTES)) {
            publishRecord(new ProducerRecord<>(chunk.topic(), chunk.key(), JSON.writeValueAsString(chunk)), chunk.eventType());
        }
    }

    private static void publishRecord(ProducerRecord<String, String> record, String type) throws Exception {
        String key = record.key();
        record.headers()
                .add(EventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8))
                .add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8))
                .add(EventHeaders.SOURCE, "/steppewatch/analysis-service".getBytes(UTF_8))
                .add(EventHeaders.TYPE, type.getBytes(UTF_8))
                .add(EventHeaders.TIME, Instant.now().toString().getBytes(UTF_8))
                .add(EventHeaders.SUBJECT, key.getBytes(UTF_8))
                .add(EventHeaders.CONTENT_TYPE, "application/json".getBytes(UTF_8));
        producer.send(record).get();
    }

    /** A consumer of {@code topic} from the beginning, in a group of its own. */
    protected static KafkaConsumer<String, String> consumer(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Polls once and keeps the records whose key is {@code key}. */
    protected static List<ConsumerRecord<String, String>> pollKey(KafkaConsumer<String, String> consumer, String key,
                                                                  List<ConsumerRecord<String, String>> into) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
            if (key.equals(r.key())) {
                into.add(r);
            }
        });
        return into;
    }

    protected static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    // --- webhooks ---------------------------------------------------------------------------------

    /** Standard Webhooks verification, written independently of the service's signer. */
    protected static boolean signatureValid(WebhookReceiver.Request request, String secret) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body();
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(UTF_8)));
        // the header may carry several space-separated signatures
        return List.of(request.header("webhook-signature").split(" ")).contains(expected);
    }

    /** The id of the incident's only alert, once it is there. */
    protected String alertIdOf(String incident) {
        return org.awaitility.Awaitility.await().atMost(DEADLINE).until(() -> {
            JsonNode alerts = json(get("/api/v1/alerts?incidentId=" + incident));
            return alerts.size() == 1 ? alerts.get(0).get("id").stringValue() : null;
        }, id -> id != null);
    }

    /** The id of the incident's newest alert, once it has {@code count} alerts. */
    protected String newestAlertIdOnceThereAre(String incident, int count) {
        return org.awaitility.Awaitility.await().atMost(DEADLINE).until(() -> {
            JsonNode alerts = json(get("/api/v1/alerts?incidentId=" + incident));
            return alerts.size() == count ? alerts.get(0).get("id").stringValue() : null;
        }, id -> id != null);
    }

    protected JsonNode deliveries(String alertId) throws Exception {
        HttpResponse<String> response = getAsIssuer("/api/v1/alerts/" + alertId + "/deliveries");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** The alert's only delivery (the test's subscription is the only one matching), once it reaches {@code state}. */
    protected JsonNode awaitOnlyDelivery(String alertId, String state) {
        return org.awaitility.Awaitility.await().atMost(DEADLINE).until(() -> {
            JsonNode deliveries = deliveries(alertId);
            assertThat(deliveries.size()).isLessThanOrEqualTo(1);
            return deliveries.isEmpty() ? null : deliveries.get(0);
        }, d -> d != null && state.equals(d.get("state").stringValue()));
    }
}

package org.steppewatch.notification.benchmark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.Topics;
import org.steppewatch.embedded.EmbeddedMongo;
import org.steppewatch.notification.NotificationServiceApplication;
import org.steppewatch.notification.delivery.DeliveryWorker;
import org.steppewatch.notification.subscription.Subscription;
import org.steppewatch.notification.subscription.SubscriptionIndex;
import org.steppewatch.notification.subscription.SubscriptionStore;
import org.steppewatch.testsupport.TestInfrastructure;

import com.sun.net.httpserver.HttpServer;

/**
 * Fan-out load driver: 100,000 webhook subscriptions inside one threat zone, one assessment, and
 * a local webhook receiver (JDK HttpServer on 127.0.0.1, keep-alive, 4 threads) that counts every
 * {@code webhook-id}. Prints deliveries per second, losses and duplicates, and the MongoDB backend.
 * Not part of the normal test run (tag "benchmark"); run it with
 * <pre>./mvnw -pl notification-service -Pfanout-benchmark verify</pre>
 * or, from the module, {@code mvn -Pfanout-benchmark test}. {@code -Dbenchmark.mongo=h2} runs it on
 * the H2 file backend instead of the memory one, {@code -Dbenchmark.subscriptions=N} changes the size.
 * Everything stays on the loopback interface and stops by itself.
 */
@Tag("benchmark")
class FanOutBenchmark {

    private static final Duration LIMIT = Duration.ofMinutes(8);

    @Test
    void fanOutToOneHundredThousandWebhooksDeliversEachExactlyOnce() throws Exception {
        int count = Integer.getInteger("benchmark.subscriptions", 100_000);
        String backend = System.getProperty("benchmark.mongo", "memory");
        Path dataDir = Files.createTempDirectory("fanout-benchmark");
        EmbeddedMongo mongo = "h2".equals(backend) ? EmbeddedMongo.startPersistent(dataDir.resolve("mongo.mv"), 0)
                : EmbeddedMongo.startInMemory();
        String kafka = TestInfrastructure.get().kafkaBootstrapServers();

        ConcurrentHashMap<String, Integer> received = new ConcurrentHashMap<>(count * 2);
        AtomicLong requests = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong();
        ExecutorService receiverThreads = Executors.newFixedThreadPool(4);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            received.merge(id, 1, Integer::sum);
            requests.incrementAndGet();
            lastArrival.set(System.nanoTime());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

        ConfigurableApplicationContext context = NotificationServiceApplication.application().run(args(Map.of(
                "spring.kafka.bootstrap-servers", kafka,
                "spring.kafka.consumer.group-id", "fanout-benchmark-" + UUID.randomUUID(),
                "spring.mongodb.uri", mongo.connectionString() + "/fanout",
                "spring.mongodb.database", "fanout",
                "server.port", "0",
                "steppewatch.delivery.per-host-concurrency", System.getProperty("benchmark.concurrency", "64"),
                "steppewatch.delivery.concurrency", System.getProperty("benchmark.concurrency", "64"),
                "steppewatch.delivery.claim-batch", "5000",
                "steppewatch.delivery.max-outstanding", "20000",
                "logging.level.org.steppewatch.notification.delivery", System.getProperty("benchmark.log", "WARN"))));
        try {
            Instant setupStarted = Instant.now();
            seed(context, count, url);
            Duration seeding = Duration.between(setupStarted, Instant.now());

            String incident = "bench-" + UUID.randomUUID();
            long started = System.nanoTime();
            publish(kafka, assessment(incident));
            MongoTemplate db = context.getBean(MongoTemplate.class);
            long createdAt = 0;
            long deadline = System.nanoTime() + LIMIT.toNanos();
            long sent = 0;
            // polls cheaply (counting in MongoDB would take CPU from the service) until everything arrived
            while (System.nanoTime() < deadline) {
                if (createdAt == 0 && db.exists(Query.query(Criteria.where("_id").is(alertId(incident))
                        .and("fanOutDone").is(true)), "alerts")) {
                    createdAt = System.nanoTime();
                }
                if (received.size() >= count && context.getBean(DeliveryWorker.class).outstanding() == 0) {
                    sent = db.count(Query.query(Criteria.where("incidentId").is(incident).and("state").is("SENT")),
                            "deliveries");
                    if (sent >= count) {
                        break;
                    }
                }
                Thread.sleep(createdAt == 0 ? 20 : 100);
            }
            long finished = System.nanoTime();
            long distinct = received.size();
            long duplicates = requests.get() - distinct;
            long lost = count - distinct;
            double seconds = (finished - started) / 1e9;
            double toLastArrival = (lastArrival.get() - started) / 1e9;
            double fanOutSeconds = createdAt == 0 ? Double.NaN : (createdAt - started) / 1e9;
            List<String> report = new ArrayList<>();
            report.add("FanOutBenchmark on " + Runtime.getRuntime().availableProcessors() + " cores, MongoDB: mongo-java-server "
                    + backend + " backend (client and server in this JVM), Kafka: embedded KRaft broker");
            report.add(String.format("subscriptions: %,d (seeded in %.1f s)", count, seeding.toMillis() / 1000.0));
            report.add(String.format("alert stored and all %,d deliveries created %.2f s after publishing (sending overlaps this)",
                    count, fanOutSeconds));
            report.add(String.format("all delivered (receiver) after %.2f s; all recorded SENT after %.2f s", toLastArrival, seconds));
            report.add(String.format("deliveries/s, publish to last delivery recorded SENT: %,.0f", count / seconds));
            report.add(String.format("deliveries/s, publish to last receipt: %,.0f", count / toLastArrival));
            report.add(String.format("received requests: %,d, distinct webhook-ids: %,d, lost: %,d, duplicates: %,d, "
                    + "recorded SENT: %,d", requests.get(), distinct, lost, duplicates, sent));
            report.forEach(System.out::println);
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "fanout-benchmark-" + backend + ".txt"), report, UTF_8);
            assertThat(lost).isZero();
            assertThat(duplicates).isZero();
            assertThat(sent).isEqualTo(count);
        } finally {
            context.close();
            receiver.stop(0);
            receiverThreads.shutdownNow();
            mongo.close();
        }
    }

    /** The alert id the service derives from an incident id and version 1 (AlertService.alertId). */
    private static String alertId(String incidentId) {
        return UUID.nameUUIDFromBytes(("alert:" + incidentId + ":1").getBytes(UTF_8)).toString();
    }

    /** As command-line arguments, which (unlike default properties) override the service's own yml. */
    private static String[] args(Map<String, String> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** 100,000 webhook subscriptions at random points inside the zone, written in bulk, then indexed once. */
    private static void seed(ConfigurableApplicationContext context, int count, String url) {
        SubscriptionStore store = context.getBean(SubscriptionStore.class);
        Random random = new Random(42);
        byte[] key = new byte[24];
        random.nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        Instant now = Instant.now();
        List<Subscription> subscriptions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double lon = 63.16 + random.nextDouble() * 0.33;
            double lat = 45.51 + random.nextDouble() * 0.23;
            Geometry point = Geo.point(lon, lat);
            subscriptions.add(new Subscription(UUID.randomUUID().toString(), "household " + i,
                    new Document("point", Document.parse(GeoJsonModule.write(point))).append("radiusKm", 0.1), point,
                    Subscription.WEBHOOK, url, secret, null, i % 3 == 0 ? "kk" : i % 3 == 1 ? "ru" : "en",
                    Severity.MINOR, Subscription.ACTIVE, now, "x", UUID.randomUUID().toString(), null));
        }
        store.insertAll(subscriptions);
        context.getBean(SubscriptionIndex.class).reload();
    }

    private static IncidentAssessed assessment(String incidentId) {
        Geometry zone = Geo.FACTORY.toGeometry(new Envelope(63.15, 63.5, 45.5, 45.75));
        return new IncidentAssessed(incidentId, 1, IncidentAssessed.assessmentId(incidentId, 1), Instant.now(),
                "shipped-sha256:benchmark",
                new IncidentAssessed.IncidentSummary("Proton-M launch failure after lift-off",
                        IncidentCategory.LAUNCH_FAILURE, Instant.parse("2013-07-02T02:38:22Z"), Geo.point(63.0, 46.05)),
                new IncidentAssessed.FallZoneFinding("OUTSIDE", "RP-15", "RP-15", 180.0, true),
                List.of(new IncidentAssessed.HazardZone("AEGL-2", "UDMH", 3.0, 60, zone, "gaussian-plume", List.of())),
                List.of(new IncidentAssessed.AffectedSettlement("gn:1521368", "Baikonur", "Байконур", "Байқоңыр", 70000,
                        57.0, 153.0, "AEGL-2")),
                List.of(), Severity.EXTREME, "Immediate", "Observed", "benchmark");
    }

    private static void publish(String kafka, IncidentAssessed assessment) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ASSESSMENTS, assessment.incidentId(),
                    EventJson.write(assessment));
            record.headers()
                    .add(EventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8))
                    .add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8))
                    .add(EventHeaders.SOURCE, "/steppewatch/analysis-service".getBytes(UTF_8))
                    .add(EventHeaders.TYPE, EventTypes.INCIDENT_ASSESSED.getBytes(UTF_8))
                    .add(EventHeaders.TIME, Instant.now().toString().getBytes(UTF_8))
                    .add(EventHeaders.SUBJECT, assessment.incidentId().getBytes(UTF_8))
                    .add(EventHeaders.CONTENT_TYPE, "application/json".getBytes(UTF_8));
            producer.send(record).get();
        }
    }
}

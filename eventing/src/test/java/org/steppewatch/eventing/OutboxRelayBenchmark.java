package org.steppewatch.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.steppewatch.contracts.AlertIssued;
import org.steppewatch.contracts.Severity;
import org.steppewatch.embedded.EmbeddedKafka;
import org.steppewatch.embedded.EmbeddedMongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The outbox relay's ceiling: {@code benchmark.events} (2,000) AlertIssued events waiting in an outbox across
 * {@code benchmark.keys} (200) incident ids, one alert document per event in the notification service's outbox
 * collections, and the time from the relay's start until Kafka acknowledged every one and the relay removed it.
 * The real {@link OutboxRelay}, {@link OutboxStore}, {@link OutboxLeases} and {@link CloudEventPublisher}, with the
 * services' producer settings, against the embedded broker ({@link EmbeddedKafka}) and each store of the embedded
 * MongoDB ({@link EmbeddedMongo}: the memory backend and the H2 file backend of the one-command run). A warm-up round
 * of a tenth of the events on the memory backend comes first, unreported. Also measured: the wall time of each step
 * of the relay ({@link RelayTimings}), the MongoDB commands it sent per event, and the CPU time of the threads
 * (relay, producer, broker, MongoDB server: {@link RelayThreadTimes}).
 * <p>
 * Not part of the normal build (tag "benchmark"): {@code ./mvnw -pl eventing -am -Prelay-benchmark verify
 * -Dtest=OutboxRelayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; {@code -Dbenchmark.events},
 * {@code -Dbenchmark.keys}, {@code -Dbenchmark.runs=memory,h2,memory:linger0,h2:linger0} (see {@link Run}). Writes {@code target/benchmark-results/relay.md}
 * under {@code benchmark.results} (the repository root when run by benchmarks/broker.sh).
 */
@Tag("benchmark")
class OutboxRelayBenchmark {

    private static final List<String> COLLECTIONS = List.of("alerts", "notices", "operationalEvents");
    private static final String TOPIC = "alerts-benchmark.v1";

    private final int events = Integer.getInteger("benchmark.events", 2_000);
    private final int keys = Integer.getInteger("benchmark.keys", 200);
    private final List<Run> runs = Run.parse(System.getProperty("benchmark.runs", "memory,h2,memory:linger0,h2:linger0"));

    /**
     * One measured run: the store ({@code memory} or {@code h2}), {@code :linger0} for a producer with linger.ms=0
     * instead of Kafka's default (5 ms since Kafka 4.0; the services set none), {@code :x2} for two relays (two
     * service instances) on the same store.
     */
    record Run(boolean h2, boolean lingerZero, int relays) {

        static List<Run> parse(String runs) {
            return java.util.Arrays.stream(runs.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                    .map(r -> new Run(r.startsWith("h2"), r.contains(":linger0"), r.contains(":x2") ? 2 : 1)).toList();
        }

        String store() {
            return h2 ? "H2 file backend" : "memory backend";
        }

        String producer() {
            return lingerZero ? "linger.ms=0" : "services' (linger.ms default 5)";
        }
    }

    record Result(Run run, int events, int keys, double seconds, Map<String, Long> commands, Map<String, Long> cpuMillis,
                  Map<String, Double> stepMillis, long offsets) {

        double perSecond() {
            return events / seconds;
        }
    }

    @Test
    void relaysEveryWaitingEventAndReportsEventsPerSecondPerStore() throws Exception {
        Path dir = Files.createTempDirectory("steppewatch-relay-benchmark");
        List<Result> results = new ArrayList<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 0)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
            }
            try (EmbeddedMongo mongo = EmbeddedMongo.startInMemory()) {
                run(kafka, mongo, new Run(false, false, 1), Math.max(100, events / 10), Math.max(10, keys / 10));
            }
            int round = 0;
            for (Run run : runs) {
                round++;
                try (EmbeddedMongo mongo = run.h2()
                        ? EmbeddedMongo.startPersistent(dir.resolve("mongo-" + round).resolve("relay.mv"), 0)
                        : EmbeddedMongo.startInMemory()) {
                    results.add(run(kafka, mongo, run, events, keys));
                }
            }
        } finally {
            deleteRecursively(dir);
        }
        report(results);
        // every event acknowledged once by the broker: the topic grew by exactly the events relayed
        long expected = Math.max(100, events / 10);
        for (Result r : results) {
            expected += r.events();
            assertThat(r.offsets()).as("records on the topic after %s", r.run()).isEqualTo(expected);
        }
    }

    private Result run(EmbeddedKafka kafka, EmbeddedMongo server, Run run, int count, int keyCount) throws Exception {
        Map<String, AtomicLong> commands = new ConcurrentHashMap<>();
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.computeIfAbsent(event.getCommandName(), k -> new AtomicLong()).incrementAndGet();
            }
        };
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString())).addCommandListener(counter).build();
        // the services' producer settings (their application YAML), one producer per relay as one per instance
        Map<String, Object> producerConfig = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
        if (run.lingerZero()) {
            producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        }
        List<DefaultKafkaProducerFactory<String, String>> producers = new ArrayList<>();
        try (MongoClient client = MongoClients.create(settings)) {
            MongoTemplate mongo = new MongoTemplate(client, "relay-benchmark");
            fill(mongo, count, keyCount);
            EventingProperties properties = new EventingProperties("/steppewatch/notification-service", COLLECTIONS,
                    null, null, null, null, null, null, null);
            RelayTimings timings = new RelayTimings();
            List<OutboxRelay> relays = new ArrayList<>();
            for (int i = 0; i < run.relays(); i++) {
                DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(producerConfig,
                        new StringSerializer(), new StringSerializer());
                producers.add(factory);
                relays.add(new OutboxRelay(timings.store(mongo, COLLECTIONS), timings.leases(mongo, properties.outboxLease()),
                        timings.publisher(new KafkaTemplate<>(factory), properties.source(), properties.sendTimeout()),
                        new SimpleMeterRegistry(), true, properties.pollInterval(), Clock.systemUTC()));
            }
            RelayThreadTimes cpu = new RelayThreadTimes();
            commands.clear();
            cpu.start();
            long started = System.nanoTime();
            relays.forEach(OutboxRelay::start);
            Map<String, Long> cpuMillis;
            try {
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                        .until(() -> relays.stream().mapToLong(OutboxRelay::publishedCount).sum() >= count);
                // before the relay threads end, or their CPU time goes with them
                cpuMillis = cpu.sinceStart();
            } finally {
                relays.forEach(OutboxRelay::stop);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Long> sent = new java.util.TreeMap<>();
            commands.forEach((name, n) -> sent.put(name, n.get()));
            assertThat(mongo.count(Query.query(Criteria.where(OutboxMessage.FIELD + ".key").exists(true)), COLLECTIONS.get(0)))
                    .as("events left in the outbox").isZero();
            System.out.printf("%s, %s, %d relay(s): %,d events over %,d keys in %.1f s: %,.0f events/s; MongoDB commands %s; "
                    + "steps (ms) %s%n", run.store(), run.producer(), run.relays(), count, keyCount, seconds, count / seconds, sent,
                    timings.millis());
            return new Result(run, count, keyCount, seconds, sent, cpuMillis, timings.millis(), endOffsets(kafka));
        } finally {
            producers.forEach(DefaultKafkaProducerFactory::destroy);
        }
    }

    /** {@code count} alert documents, each with its AlertIssued waiting; the incidents' versions count up per key. */
    private static void fill(MongoTemplate mongo, int count, int keyCount) {
        List<String> incidents = IntStream.range(0, keyCount).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<String> settlements = IntStream.range(0, 12).mapToObj(i -> "gn:15" + (21368 + i * 7919)).toList();
        Instant at = Instant.parse("2026-11-21T10:00:00Z");
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String incident = incidents.get(i % keyCount);
            long version = i / keyCount + 1;
            AlertIssued issued = new AlertIssued(UUID.randomUUID().toString(), incident, version, version == 1 ? "Alert" : "Update",
                    at, Severity.SEVERE, "Immediate", "Likely",
                    "Toxic rocket propellant (UDMH) released after a Proton-M launch failure: stay indoors", settlements, 1_000);
            OutboxMessage message = OutboxMessage.of(issued, at);
            message = new OutboxMessage(message.eventId(), message.type(), TOPIC, message.key(), message.time(),
                    message.payload(), message.sequence());
            batch.add(new Document("_id", issued.alertId()).append("incidentId", incident)
                    .append(OutboxMessage.FIELD, new ArrayList<>(List.of(message.toDocument()))));
            if (batch.size() == 1_000) {
                mongo.insert(batch, COLLECTIONS.get(0));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.insert(batch, COLLECTIONS.get(0));
        }
    }

    private static long endOffsets(EmbeddedKafka kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int p = 0; p < 3; p++) {
                latest.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    private void report(List<Result> results) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("### Outbox relay: events per second from a waiting outbox to acknowledged and removed");
        lines.add("");
        lines.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, openjdk version \""
                + System.getProperty("java.version") + "\" " + System.getProperty("java.version.date", "") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")");
        lines.add("");
        lines.add("The embedded KRaft broker (3 partitions, acks=all, idempotent producer); warm (after an unreported warm-up "
                + "round on the memory backend). Each event: one alert document with one AlertIssued in its outbox; the relay's "
                + "outbox collections are the notification service's three. A relay is one thread: it takes keys one after "
                + "another and sends a key's events one at a time, each after the previous one's acknowledgement.");
        lines.add("");
        lines.add("| store | producer | relays | events | keys | seconds | events/s | per event: Kafka send + ack (ms) | "
                + "per event: MongoDB steps (ms) | MongoDB commands per event | relay thread CPU per event (ms) |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            double kafkaMs = r.stepMillis().getOrDefault("kafka: send and wait for the ack", 0.0);
            double allMs = r.stepMillis().values().stream().mapToDouble(Double::doubleValue).sum();
            long commandCount = r.commands().values().stream().mapToLong(Long::longValue).sum();
            lines.add(String.format("| %s | %s | %d | %,d | %,d | %.1f | %,.0f | %.2f | %.2f | %.1f | %.2f |", r.run().store(),
                    r.run().producer(), r.run().relays(), r.events(), r.keys(), r.seconds(), r.events() / r.seconds(),
                    kafkaMs / r.events(), (allMs - kafkaMs) / r.events(), commandCount / (double) r.events(),
                    r.cpuMillis().getOrDefault("outbox-relay", 0L) / (double) r.events()));
        }
        lines.add("");
        lines.add("Per run: wall milliseconds per event in each step of the relay (summed over its relays), the MongoDB commands "
                + "per event, and the CPU seconds of the busiest thread groups of the JVM (relay, producer, broker and MongoDB "
                + "server share it):");
        lines.add("");
        for (Result r : results) {
            StringBuilder line = new StringBuilder("- " + r.run().store() + ", " + r.run().producer() + ", " + r.run().relays()
                    + " relay(s): ");
            r.stepMillis().forEach((step, ms) -> line.append(String.format("%s %.2f; ", step, ms / r.events())));
            line.append("commands ").append(perEvent(r)).append("; CPU ");
            r.cpuMillis().entrySet().stream().limit(6)
                    .forEach(e -> line.append(String.format("`%s` %.1f s, ", e.getKey(), e.getValue() / 1000.0)));
            lines.add(line.toString().replaceAll(",\\s*$", ""));
        }
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        System.out.println(text);
        Path file = Path.of(System.getProperty("benchmark.results", "target")).resolve("benchmark-results").resolve("relay.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String perEvent(Result r) {
        StringBuilder text = new StringBuilder();
        r.commands().forEach((name, n) -> text.append(text.isEmpty() ? "" : ", ").append(name).append(' ')
                .append(String.format("%.2f", n / (double) r.events())));
        return text.toString();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

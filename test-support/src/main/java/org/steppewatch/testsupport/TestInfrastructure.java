package org.steppewatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.steppewatch.embedded.EmbeddedKafka;
import org.steppewatch.embedded.EmbeddedMongo;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker and MongoDB server integration tests talk to, started once per JVM: the
 * {@code apache/kafka} and {@code mongo} images under Testcontainers when a Docker engine answers,
 * otherwise an in-process KRaft broker and mongo-java-server. Both are real servers reached over
 * the network through the real clients. {@code STEPPEWATCH_TEST_INFRA=embedded|containers} forces
 * a choice.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static volatile TestInfrastructure instance;

    private final String mode;
    private final String kafkaBootstrapServers;
    private final String mongoConnectionString;

    private TestInfrastructure(String mode, String kafkaBootstrapServers, String mongoConnectionString) {
        this.mode = mode;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoConnectionString = mongoConnectionString;
    }

    public static TestInfrastructure get() {
        TestInfrastructure current = instance;
        if (current == null) {
            synchronized (TestInfrastructure.class) {
                current = instance;
                if (current == null) {
                    current = start();
                    instance = current;
                }
            }
        }
        return current;
    }

    private static TestInfrastructure start() {
        String forced = System.getenv().getOrDefault("STEPPEWATCH_TEST_INFRA", "auto").toLowerCase(Locale.ROOT);
        boolean containers = switch (forced) {
            case "containers", "testcontainers" -> true;
            case "embedded" -> false;
            default -> dockerAnswers();
        };
        TestInfrastructure infrastructure = containers ? startContainers() : startEmbedded();
        log.info("Test infrastructure: {} (Kafka {}, MongoDB {})", infrastructure.mode,
                infrastructure.kafkaBootstrapServers, infrastructure.mongoConnectionString);
        return infrastructure;
    }

    private static boolean dockerAnswers() {
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            // no engine configured: skip Testcontainers' probing and its error log
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
    private static TestInfrastructure startContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.1");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0").withReplicaSet();
        kafka.start();
        mongo.start();
        return new TestInfrastructure("Testcontainers (apache/kafka, mongo replica set)", kafka.getBootstrapServers(),
                mongo.getConnectionString());
    }

    private static TestInfrastructure startEmbedded() {
        Path dir;
        try {
            dir = Files.createTempDirectory("steppewatch-test-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0, 0);
        EmbeddedMongo mongo = EmbeddedMongo.startInMemory();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            mongo.close();
            deleteRecursively(dir);
        }, "test-infrastructure-shutdown"));
        return new TestInfrastructure("embedded (in-process KRaft broker, mongo-java-server)",
                kafka.bootstrapServers(), mongo.connectionString());
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory; the OS cleans up what is left
        }
    }

    public String mode() {
        return mode;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** A MongoDB URI for a database of its own, so tests do not see each other's data. */
    public String mongoUri(String databasePrefix) {
        String database = databasePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String base = mongoConnectionString;
        int query = base.indexOf('?');
        String options = query < 0 ? "" : base.substring(query);
        String withoutOptions = query < 0 ? base : base.substring(0, query);
        // Testcontainers may hand out ".../test"; replace any database path with ours
        int slash = withoutOptions.indexOf('/', "mongodb://".length());
        String hosts = slash < 0 ? withoutOptions : withoutOptions.substring(0, slash);
        return hosts + "/" + database + options;
    }
}

package org.steppewatch.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.steppewatch.embedded.EmbeddedKafka;
import org.steppewatch.embedded.EmbeddedMongo;

/**
 * A Kafka broker and a MongoDB server in the test's JVM, which a scenario stops and starts again on the same ports
 * and files, and the service instances on them, each a process of its own ({@link ServiceProcess}).
 */
final class Lab implements AutoCloseable {

    private final Path dir;
    private final int kafkaPort;
    private final int controllerPort;
    private final int mongoPort;
    private volatile EmbeddedKafka kafka;
    private volatile EmbeddedMongo mongo;
    private final List<ServiceProcess> instances = new ArrayList<>();
    private int started;

    Lab() {
        try {
            dir = Files.createTempDirectory("steppewatch-faults-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 0);
        kafkaPort = kafka.port();
        controllerPort = kafka.controllerPort();
        mongo = EmbeddedMongo.startPersistent(mongoFile(), 0);
        mongoPort = mongo.port();
    }

    private Path mongoFile() {
        return dir.resolve("mongodb").resolve("steppewatch.mv");
    }

    /** One more instance of each service on this broker and database, sharing the work with those running. */
    ServiceProcess startInstance() {
        ServiceProcess instance = ServiceProcess.start("instance-" + (++started), dir.resolve("instances"), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka(),
                "MONGODB_URI", "mongodb://localhost:" + mongoPort,
                // one secret key for all instances: any of them decrypts the webhook secrets another stored
                "STEPPEWATCH_DATA", dir.resolve("shared").toString()));
        instances.add(instance);
        return instance;
    }

    /** Every instance started, running or not. */
    List<ServiceProcess> instances() {
        return List.copyOf(instances);
    }

    String kafka() {
        return "localhost:" + kafkaPort;
    }

    void stopKafka() {
        kafka.close();
    }

    void startKafka() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), kafkaPort, controllerPort);
    }

    /** The server's port closes; its file stays as the last acknowledged write left it. */
    void stopMongo() {
        mongo.close();
    }

    void startMongo() {
        mongo = EmbeddedMongo.startPersistent(mongoFile(), mongoPort);
    }

    /** Records waiting in every dead-letter topic, by topic (none: an empty map). */
    Map<String, Long> deadLetters() {
        return deadLetters(kafka());
    }

    static Map<String, Long> deadLetters(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<String> dlts = admin.listTopics().names().get().stream().filter(t -> t.endsWith(".DLT")).toList();
            if (dlts.isEmpty()) {
                return Map.of();
            }
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new java.util.HashMap<>();
            for (TopicDescription topic : admin.describeTopics(dlts).allTopicNames().get().values()) {
                topic.partitions().forEach(p -> {
                    latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest());
                    earliest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.earliest());
                });
            }
            var ends = admin.listOffsets(latest).all().get();
            var starts = admin.listOffsets(earliest).all().get();
            return ends.entrySet().stream()
                    .filter(e -> e.getValue().offset() > starts.get(e.getKey()).offset())
                    .collect(Collectors.groupingBy(e -> e.getKey().topic(),
                            Collectors.summingLong(e -> e.getValue().offset() - starts.get(e.getKey()).offset())));
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the dead-letter topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (ServiceProcess instance : instances) {
            instance.close();
        }
        try {
            kafka.close();
        } catch (RuntimeException ignored) {
            // stopped by a scenario already
        }
        mongo.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}

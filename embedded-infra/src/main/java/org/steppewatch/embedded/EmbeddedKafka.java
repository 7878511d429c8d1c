package org.steppewatch.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real, single-node Apache Kafka broker in KRaft combined mode (broker + controller) running in
 * this JVM. Its log directory is formatted once and reused, so records survive a restart.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER = "CONTROLLER";
    /** Both listeners bind the IPv4 loopback only: the broker has no authentication, so nothing off this machine may reach it. */
    private static final String BIND_HOST = "127.0.0.1";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final int port;
    private final int controllerPort;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, int port, int controllerPort) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * @param logDir         kept between runs; formatted on first use
     * @param port           client port (0 picks a free one)
     * @param controllerPort KRaft controller port (0 picks a free one)
     */
    public static EmbeddedKafka start(Path logDir, int port, int controllerPort) {
        long started = System.nanoTime();
        int clientPort = port == 0 ? FreePorts.pick() : port;
        int quorumPort = controllerPort == 0 ? FreePorts.pick() : controllerPort;
        try {
            Files.createDirectories(logDir);
            Properties props = brokerProperties(logDir, clientPort, quorumPort);
            format(logDir);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            String bootstrap = "localhost:" + clientPort;
            log.info("Embedded Kafka broker (KRaft) up at {} in {} ms, data in {}", bootstrap,
                    (System.nanoTime() - started) / 1_000_000, logDir.toAbsolutePath());
            return new EmbeddedKafka(server, bootstrap, clientPort, quorumPort);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded Kafka broker on port " + clientPort
                    + " with data in " + logDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static Properties brokerProperties(Path logDir, int clientPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + BIND_HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + BIND_HOST + ":" + clientPort + "," + CONTROLLER + "://" + BIND_HOST + ":" + controllerPort);
        // clients are told "localhost", which resolves to the loopback address the listener is bound to
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + clientPort);
        p.put("controller.listener.names", CONTROLLER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        // a laptop-sized broker: keep a week of data, small segments
        p.put("log.retention.hours", "168");
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        return p;
    }

    private static void format(Path logDir) throws Exception {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(Set.of(logDir.toAbsolutePath().toString()))
                .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                .setControllerListenerName(CONTROLLER)
                .setIgnoreFormatted(true)
                .run();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The client port; {@link #start} with it, {@link #controllerPort()} and the same directory restarts this broker. */
    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}

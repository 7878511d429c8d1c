package org.steppewatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/**
 * A MongoDB wire-protocol server (mongo-java-server) in this JVM: the H2 file backend keeps data
 * across restarts, the memory backend is for tests. It has no multi-document transactions, change
 * streams or geospatial operators, and no code path here needs them.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    /** The IPv4 loopback only: the server has no authentication, so nothing off this machine may reach it. */
    private static final String BIND_HOST = "127.0.0.1";

    private final MongoServer server;
    private final String connectionString;
    private final int port;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.port = address.getPort();
        this.connectionString = "mongodb://localhost:" + port;
    }

    /**
     * Data in an H2 MVStore file that survives restarts, and a {@code kill -9} of this process: every write is
     * committed to the file before it is acknowledged ({@link DurableH2Backend}). Started again on the same file
     * and port, clients that kept retrying reconnect to the same data.
     */
    public static EmbeddedMongo startPersistent(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        EmbeddedMongo mongo = start(new DurableH2Backend(file.toAbsolutePath().toString()), port);
        log.info("Embedded MongoDB (mongo-java-server, H2 backend) up at {}, data in {}", mongo.connectionString,
                file.toAbsolutePath());
        return mongo;
    }

    /** Data in memory only, for tests. */
    public static EmbeddedMongo startInMemory() {
        EmbeddedMongo mongo = start(NarrowingBackends.memory(), 0);
        log.info("Embedded MongoDB (mongo-java-server, memory backend) up at {}", mongo.connectionString);
        return mongo;
    }

    private static EmbeddedMongo start(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(BIND_HOST, port == 0 ? FreePorts.pick() : port);
            return new EmbeddedMongo(server, server.getLocalAddress());
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new IllegalStateException("could not start the embedded MongoDB on port " + port + ": "
                    + e.getMessage(), e);
        }
    }

    /** The port it listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    /** A {@code mongodb://} URI without database; append {@code /name}. */
    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}

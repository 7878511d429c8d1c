package org.steppewatch.eventing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB wire server (mongo-java-server) whose port can be closed and opened again on the same data: a real
 * outage as the driver sees it (connections refused, server selection timing out), not a mock.
 */
final class FlakyMongo implements AutoCloseable {

    private final MemoryBackend backend = new MemoryBackend();
    private final int port;
    private MongoServer server;

    FlakyMongo() {
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        port = server.getLocalAddress().getPort();
    }

    /** Fails fast while the server is down, so retries are many and short. */
    String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database
                + "?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000&socketTimeoutMS=2000";
    }

    synchronized void stop() {
        // shutdownNow closes the open connections too, as a crashed server would
        server.shutdownNow();
    }

    synchronized void start() {
        server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
    }

    @Override
    public synchronized void close() {
        server.shutdownNow();
    }
}

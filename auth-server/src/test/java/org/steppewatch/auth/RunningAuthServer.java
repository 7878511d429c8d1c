package org.steppewatch.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.steppewatch.testsupport.TestInfrastructure;

/**
 * The auth server as the launcher runs it ({@link AuthServerApplication#application()}), on a free port with the
 * issuer {@code http://localhost:<port>}, against a database of the tests' MongoDB. Closing it stops the server;
 * the database stays, so a second start on it is a restart.
 */
final class RunningAuthServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;
    private final String mongoUri;

    private RunningAuthServer(ConfigurableApplicationContext context, int port, String mongoUri) {
        this.context = context;
        this.port = port;
        this.mongoUri = mongoUri;
    }

    /** On a new, empty database. */
    static RunningAuthServer startFresh(String adminPassword) {
        return start(TestInfrastructure.get().mongoUri("auth-test"), adminPassword);
    }

    /** On the given database, e.g. the one of a server that was stopped. */
    static RunningAuthServer start(String mongoUri, String adminPassword) {
        return start(mongoUri, adminPassword, freePort());
    }

    /** On the given database and port: a restart as an operator does it, same address and issuer. */
    static RunningAuthServer start(String mongoUri, String adminPassword, int port) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", String.valueOf(port));
        settings.put("server.address", "127.0.0.1");
        settings.put("spring.mongodb.uri", mongoUri);
        settings.put("spring.mongodb.database", databaseOf(mongoUri));
        settings.put("steppewatch.auth.issuer", "http://localhost:" + port);
        settings.put("steppewatch.auth.admin-password", adminPassword == null ? "" : adminPassword);
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = AuthServerApplication.application().run(args.toArray(String[]::new));
        return new RunningAuthServer(context, port, mongoUri);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    String mongoUri() {
        return mongoUri;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String databaseOf(String uri) {
        String path = uri.substring(uri.indexOf('/', "mongodb://".length()) + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}

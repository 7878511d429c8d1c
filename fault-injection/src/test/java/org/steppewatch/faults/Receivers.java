package org.steppewatch.faults;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subscribers' servers, in the test's JVM so that they outlive every service process: healthy receivers on one
 * port (a path per subscription), a receiver that can be switched off and on again on the same port, and a tarpit
 * that takes connections and never answers. Every webhook received is kept with its {@code webhook-id}.
 */
final class Receivers implements AutoCloseable {

    /** One webhook as a receiver got it; {@code path} names the subscription. */
    record Received(String path, String webhookId, String type, String alertId, String incidentId, long incidentVersion,
                    String msgType, long atNanos) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final HttpServer healthy;
    private final int switchablePort;
    private volatile HttpServer switchable;
    private final ServerSocket tarpit;
    private final List<Socket> stuck = new java.util.concurrent.CopyOnWriteArrayList<>();

    Receivers() {
        try {
            healthy = server(0);
            switchable = server(0);
            switchablePort = switchable.getAddress().getPort();
            tarpit = new ServerSocket(0, 50, LOOPBACK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread t = new Thread(this::holdConnections, "tarpit");
        t.setDaemon(true);
        t.start();
    }

    private HttpServer server(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(LOOPBACK, port), 100);
        server.createContext("/r/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            record(exchange.getRequestURI().getPath().substring(3), exchange.getRequestHeaders().getFirst("webhook-id"),
                    new String(body, UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
        return server;
    }

    private void record(String path, String webhookId, String body) {
        JsonNode json = JSON.readTree(body);
        JsonNode data = json.path("data");
        received.add(new Received(path, webhookId, json.path("type").asString(), data.path("id").asString(),
                data.path("incidentId").asString(), data.path("incidentVersion").asLong(), data.path("msgType").asString(),
                System.nanoTime()));
    }

    /** Accepts and reads nothing, answers nothing: each attempt ends only at the sender's deadline. */
    private void holdConnections() {
        while (!tarpit.isClosed()) {
            try {
                stuck.add(tarpit.accept());
            } catch (IOException e) {
                return;
            }
        }
    }

    String healthyUrl(String path) {
        return "http://127.0.0.1:" + healthy.getAddress().getPort() + "/r/" + path;
    }

    String switchableUrl(String path) {
        return "http://127.0.0.1:" + switchablePort + "/r/" + path;
    }

    String tarpitUrl(String path) {
        return "http://127.0.0.1:" + tarpit.getLocalPort() + "/r/" + path;
    }

    /** The switchable receiver goes away: connections to its port are refused. */
    void switchOff() {
        switchable.stop(0);
    }

    /** ... and comes back on the same port. */
    void switchOn() {
        try {
            switchable = server(switchablePort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int tarpitConnections() {
        return stuck.size();
    }

    /** Everything received so far, in the order it arrived. */
    List<Received> received() {
        return new ArrayList<>(received);
    }

    @Override
    public void close() {
        healthy.stop(0);
        switchable.stop(0);
        try {
            tarpit.close();
            for (Socket s : stuck) {
                s.close();
            }
        } catch (IOException ignored) {
            // closing what the test is done with
        }
        threads.shutdownNow();
    }
}

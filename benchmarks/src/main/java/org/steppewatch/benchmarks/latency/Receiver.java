package org.steppewatch.benchmarks.latency;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subscribers' webhook endpoint on 127.0.0.1: checks every Standard Webhooks signature (HMAC-SHA256 over
 * {@code webhook-id.webhook-timestamp.body} with the subscription secret, docs/alerts.md) and records, per incident,
 * when the first validly signed {@code alert.issued} arrived and how many did. A webhook whose signature fails is
 * answered 401 and counted, never recorded as an arrival.
 */
final class Receiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** When the first signed webhook of an incident's alert arrived ({@link Micros}), and how many arrived. */
    record Arrival(long firstMicros, AtomicLong count) {
    }

    private final byte[] key;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong badSignatures = new AtomicLong();

    Receiver(String secret) {
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/alerts", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    private void handle(HttpExchange exchange) throws IOException {
        long at = Micros.now();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        if (id == null || timestamp == null || signatures == null || !valid(id, timestamp, signatures, body)) {
            badSignatures.incrementAndGet();
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        JsonNode json = JSON.readTree(body);
        if ("alert.issued".equals(json.path("type").asString())) {
            String incident = json.path("data").path("incidentId").asString();
            arrivals.computeIfAbsent(incident, i -> new Arrival(at, new AtomicLong())).count().incrementAndGet();
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private boolean valid(String id, String timestamp, String signatures, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(UTF_8));
            byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body))).getBytes(UTF_8);
            for (String signature : signatures.split(" ")) {
                if (MessageDigest.isEqual(expected, signature.getBytes(UTF_8))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Arrival arrival(String incidentId) {
        return arrivals.get(incidentId);
    }

    /** How many incidents got a signed alert webhook so far. */
    int alertedIncidents() {
        return arrivals.size();
    }

    long badSignatures() {
        return badSignatures.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

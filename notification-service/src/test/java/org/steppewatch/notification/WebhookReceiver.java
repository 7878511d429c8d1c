package org.steppewatch.notification;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

/** A real HTTP endpoint playing a community's webhook receiver: records every request, answers as scripted. */
public final class WebhookReceiver implements AutoCloseable {

    /** @param headers lower-cased names, first value */
    public record Request(String method, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Integer> scripted = new ArrayDeque<>();
    private final Deque<Long> delays = new ArrayDeque<>();
    private volatile int defaultStatus = 200;

    private WebhookReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            // a stalled answer must not hold up the others
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "webhook-receiver");
                t.setDaemon(true);
                return t;
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), UTF_8);
            }
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream().collect(Collectors.toMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT), e -> e.getValue().get(0), (a, b) -> a));
            requests.add(new Request(exchange.getRequestMethod(), headers, body));
            long delay = nextDelay();
            if (delay > 0) {
                try {
                    // slower than the service's request timeout: the attempt times out
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = nextStatus();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public static WebhookReceiver start() {
        return new WebhookReceiver(0);
    }

    public static WebhookReceiver startOn(int port) {
        return new WebhookReceiver(port);
    }

    /** A port nobody listens on (yet): connections to it are refused. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next requests get these statuses, in order; later ones get the default status. */
    public synchronized WebhookReceiver thenAnswer(int... statuses) {
        for (int status : statuses) {
            scripted.addLast(status);
        }
        return this;
    }

    public WebhookReceiver byDefaultAnswer(int status) {
        defaultStatus = status;
        return this;
    }

    /** The next {@code count} requests are answered only after {@code millis}. */
    public synchronized WebhookReceiver thenStall(int count, long millis) {
        for (int i = 0; i < count; i++) {
            delays.addLast(millis);
        }
        return this;
    }

    private synchronized long nextDelay() {
        Long next = delays.pollFirst();
        return next == null ? 0 : next;
    }

    private synchronized int nextStatus() {
        Integer next = scripted.pollFirst();
        return next == null ? defaultStatus : next;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/steppewatch";
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsWithId(String webhookId) {
        return requests.stream().filter(r -> webhookId.equals(r.header("webhook-id"))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

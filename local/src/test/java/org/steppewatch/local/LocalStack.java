package org.steppewatch.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.steppewatch.local.SteppeWatchStack.Service;
import org.steppewatch.testsupport.TestInfrastructure;

import com.sun.net.httpserver.HttpServer;

/**
 * All of Steppe Watch for the tests of this module: the OpenID Connect provider and the three services in this
 * JVM on the shared Kafka broker and MongoDB of {@link TestInfrastructure}, and a webhook receiver playing the
 * subscribers' servers. The provider starts with a known admin password ({@link #ADMIN_PASSWORD}). Started by the
 * first test class that uses it, shared by the others (the end-to-end and the browser tests) and stopped when the
 * test run ends.
 */
final class LocalStack implements BeforeAllCallback {

    /** The password of user admin and client steppewatch-cli on the stack's auth server. */
    static final String ADMIN_PASSWORD = "local-stack-admin-password";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStack.class);
    private static volatile Running running;

    /** A webhook as the receiver got it; {@code path} tells the subscriptions apart. */
    record ReceivedWebhook(String path, String id, String timestamp, String signature, String body,
                           long receivedAtNanos) {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // the root store closes what it holds (AutoCloseable) when the whole run ends
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class);
    }

    /** The running stack; only inside a test class extended with {@code @ExtendWith(LocalStack.class)}. */
    static Running get() {
        if (running == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(LocalStack.class)");
        }
        return running;
    }

    static final class Running implements AutoCloseable {

        private final SteppeWatchStack stack;
        private final HttpServer receiver;
        private final List<ReceivedWebhook> webhooks = new CopyOnWriteArrayList<>();

        Running() {
            try {
                receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            receiver.createContext("/hooks/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                webhooks.add(new ReceivedWebhook(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), new String(body, UTF_8),
                        System.nanoTime()));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            receiver.start();

            TestInfrastructure infrastructure = TestInfrastructure.get();
            String run = UUID.randomUUID().toString().substring(0, 8);
            // the provider must know the console's address (redirect URI, CORS) and the services the provider's
            // (issuer) before either starts: free ports are chosen first
            Map<Service, Integer> ports = freePorts();
            String provider = "http://localhost:" + ports.get(Service.AUTH);
            String console = "http://localhost:" + ports.get(Service.INCIDENT);
            Map<Service, Map<String, String>> settings = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                Map<String, String> own = new HashMap<>(Map.of(
                        "server.port", String.valueOf(ports.get(service)),
                        "spring.mongodb.database", "local-" + run + "-" + service.name().toLowerCase(),
                        "spring.kafka.consumer.group-id", "local-" + run + "-" + service.name().toLowerCase(),
                        "steppewatch.security.issuer-uri", provider,
                        "steppewatch.security.cors-origins", console));
                settings.put(service, own);
            }
            settings.get(Service.AUTH).putAll(Map.of(
                    "steppewatch.auth.issuer", provider,
                    "steppewatch.auth.admin-password", ADMIN_PASSWORD,
                    "steppewatch.auth.console-redirect-uris", console + "/",
                    "steppewatch.auth.allowed-origins", console));
            String notifications = "http://localhost:" + ports.get(Service.NOTIFICATION);
            settings.get(Service.INCIDENT).put("steppewatch.console.notification-url", notifications);
            // the pages' Content-Security-Policy lets them call exactly these origins
            settings.get(Service.INCIDENT).put("steppewatch.web.csp.connect-src", notifications + "," + provider);
            settings.get(Service.NOTIFICATION).put("steppewatch.web.csp.connect-src", provider);
            // the receiver below is on this machine, as the launcher allows; every test subscribes from 127.0.0.1
            settings.get(Service.NOTIFICATION).put("steppewatch.webhook.allow", "127.0.0.0/8,::1/128");
            settings.get(Service.NOTIFICATION).put("steppewatch.rate-limits.enabled", "false");
            try {
                stack = SteppeWatchStack.start(infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri("local"),
                        settings);
            } catch (RuntimeException e) {
                receiver.stop(0);
                throw e;
            }
            running = this;
        }

        /** Ports free a moment ago: the stack takes them at once, so another process rarely gets there first. */
        private static Map<Service, Integer> freePorts() {
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            List<ServerSocket> held = new ArrayList<>();
            try {
                for (Service service : Service.values()) {
                    ServerSocket socket = new ServerSocket(0);
                    held.add(socket);
                    ports.put(service, socket.getLocalPort());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                for (ServerSocket socket : held) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // closing a probe socket cannot matter
                    }
                }
            }
            return ports;
        }

        SteppeWatchStack stack() {
            return stack;
        }

        String baseUrl(Service service) {
            return stack.baseUrl(service);
        }

        /** Where a subscription's webhooks land; {@code name} keeps one test's apart from another's. */
        String webhookUrl(String name) {
            return "http://localhost:" + receiver.getAddress().getPort() + "/hooks/" + name;
        }

        List<ReceivedWebhook> webhooks(String name) {
            return webhooks.stream().filter(w -> w.path().equals("/hooks/" + name)).toList();
        }

        @Override
        public void close() {
            running = null;
            stack.close();
            receiver.stop(0);
        }
    }
}

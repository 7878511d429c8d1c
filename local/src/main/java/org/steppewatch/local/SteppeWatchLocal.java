package org.steppewatch.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.steppewatch.embedded.EmbeddedKafka;
import org.steppewatch.embedded.EmbeddedMongo;
import org.steppewatch.local.SteppeWatchStack.Service;

/**
 * Starts Steppe Watch on one machine with no set-up: a real Kafka broker (KRaft) on localhost:9092
 * and a MongoDB wire-protocol server on localhost:27017, both keeping their data under ./data, then
 * the auth server (8084), incident-service (8081), analysis-service (8082) and notification-service (8083).
 * The services accept the tokens of this auth server: its issuer is {@code http://localhost:<auth port>} unless
 * STEPPEWATCH_ISSUER_URI says otherwise.
 * With KAFKA_BOOTSTRAP_SERVERS and/or MONGODB_URI set, those are used and nothing embedded starts.
 * Webhooks may go to loopback addresses here (receivers on this machine), unless
 * STEPPEWATCH_WEBHOOK_ALLOW says otherwise.
 */
public final class SteppeWatchLocal {

    private static final Logger log = LoggerFactory.getLogger(SteppeWatchLocal.class);
    private static final String LOOPBACK = "127.0.0.0/8,::1/128";

    private SteppeWatchLocal() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        Path data = Path.of(env("STEPPEWATCH_DATA", "data"));
        List<AutoCloseable> infrastructure = new ArrayList<>();

        String kafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (kafka == null || kafka.isBlank()) {
            EmbeddedKafka broker = EmbeddedKafka.start(data.resolve("kafka"), Integer.parseInt(env("KAFKA_PORT", "9092")),
                    Integer.parseInt(env("KAFKA_CONTROLLER_PORT", "9093")));
            infrastructure.add(broker);
            kafka = broker.bootstrapServers();
        } else {
            log.info("Using external Kafka at {}", kafka);
        }
        String mongo = System.getenv("MONGODB_URI");
        if (mongo == null || mongo.isBlank()) {
            EmbeddedMongo server = EmbeddedMongo.startPersistent(data.resolve("mongodb").resolve("steppewatch.mv"),
                    Integer.parseInt(env("MONGODB_PORT", "27017")));
            infrastructure.add(server);
            mongo = server.connectionString();
        } else {
            log.info("Using external MongoDB at {}", mongo.replaceAll("//[^@/]*@", "//***@"));
        }

        Map<Service, Map<String, String>> settings = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            String port = env(service.name() + "_SERVICE_PORT", String.valueOf(service.defaultPort()));
            settings.put(service, new LinkedHashMap<>(Map.of("server.port", port)));
        }
        // on one laptop the receivers are on the same machine: allow loopback, and nothing else internal
        String webhookAllow = env("STEPPEWATCH_WEBHOOK_ALLOW", LOOPBACK);
        settings.get(Service.NOTIFICATION).put("steppewatch.webhook.allow", webhookAllow);
        if (LOOPBACK.equals(webhookAllow)) {
            log.info("webhooks may go to loopback addresses: {} (and to public ones; set STEPPEWATCH_WEBHOOK_ALLOW "
                    + "to change this)", LOOPBACK);
        } else {
            log.info("webhooks may go to these addresses besides public ones (STEPPEWATCH_WEBHOOK_ALLOW): {}", webhookAllow);
        }
        String issuer = env("STEPPEWATCH_ISSUER_URI", "http://localhost:" + settings.get(Service.AUTH).get("server.port"));
        for (Service service : Service.values()) {
            settings.get(service).put(service == Service.AUTH ? "steppewatch.auth.issuer"
                    : "steppewatch.security.issuer-uri", issuer);
        }
        Set<Service> services = services(env("STEPPEWATCH_SERVICES", "auth,incident,analysis,notification"));
        SteppeWatchStack stack;
        try {
            stack = SteppeWatchStack.start(kafka, mongo, settings, services);
        } catch (RuntimeException e) {
            closeAll(infrastructure);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            closeAll(infrastructure);
        }, "steppewatch-shutdown"));
        log.info("Steppe Watch is up in {} s: {}", String.format("%.1f", (System.nanoTime() - started) / 1e9),
                services.stream().map(s -> LABELS.get(s) + " " + stack.baseUrl(s)).collect(Collectors.joining(", ")));
    }

    private static final Map<Service, String> LABELS = Map.of(Service.AUTH, "sign-in", Service.INCIDENT, "incidents",
            Service.ANALYSIS, "analysis", Service.NOTIFICATION, "notifications");

    /**
     * STEPPEWATCH_SERVICES: which services this process runs, e.g. {@code notification} for a second
     * notification-service beside a running stack (with KAFKA_BOOTSTRAP_SERVERS and MONGODB_URI pointing at its
     * broker and database): instances of one service share the work through Kafka's consumer group and MongoDB.
     */
    static Set<Service> services(String names) {
        Set<Service> services = EnumSet.noneOf(Service.class);
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                try {
                    services.add(Service.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("STEPPEWATCH_SERVICES: unknown service '" + name.strip()
                            + "'; known: auth, incident, analysis, notification", e);
                }
            }
        }
        return services;
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.warn("could not stop {} cleanly: {}", resources.get(i), e.getMessage());
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

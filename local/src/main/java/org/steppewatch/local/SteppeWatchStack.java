package org.steppewatch.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.steppewatch.analysis.AnalysisServiceApplication;
import org.steppewatch.auth.AuthServerApplication;
import org.steppewatch.eventing.EventingAutoConfiguration;
import org.steppewatch.eventing.ServiceDefaultsAutoConfiguration;
import org.steppewatch.incident.IncidentServiceApplication;
import org.steppewatch.notification.NotificationServiceApplication;

/**
 * The auth server and the three services, each in its own Spring context, in this JVM. They share nothing but the
 * Kafka broker and the MongoDB server (each with a database of its own), exactly as when they run
 * as separate processes; what one module's auto-configuration would do to another's context on the shared
 * classpath is excluded here (see {@link #exclusions}).
 */
public final class SteppeWatchStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SteppeWatchStack.class);

    public enum Service {
        /** First: the services validate tokens it issues. */
        AUTH(AuthServerApplication::application, 8084),
        INCIDENT(IncidentServiceApplication::application, 8081),
        ANALYSIS(AnalysisServiceApplication::application, 8082),
        NOTIFICATION(NotificationServiceApplication::application, 8083);

        private final Supplier<SpringApplicationBuilder> application;
        private final int defaultPort;

        Service(Supplier<SpringApplicationBuilder> application, int defaultPort) {
            this.application = application;
            this.defaultPort = defaultPort;
        }

        public int defaultPort() {
            return defaultPort;
        }
    }

    private final Map<Service, ConfigurableApplicationContext> contexts;

    private SteppeWatchStack(Map<Service, ConfigurableApplicationContext> contexts) {
        this.contexts = contexts;
    }

    /**
     * @param settings per-service settings given as command-line arguments (highest precedence),
     *                 e.g. {@code server.port}, {@code spring.mongodb.database}
     */
    public static SteppeWatchStack start(String kafkaBootstrapServers, String mongoUri,
                                         Map<Service, Map<String, String>> settings) {
        return start(kafkaBootstrapServers, mongoUri, settings, java.util.EnumSet.allOf(Service.class));
    }

    /**
     * Starts only {@code services}, in the order of {@link Service}: another instance of services already running
     * elsewhere on the same Kafka and MongoDB (they share the work), or services whose tokens another provider issues.
     */
    public static SteppeWatchStack start(String kafkaBootstrapServers, String mongoUri,
                                         Map<Service, Map<String, String>> settings, java.util.Set<Service> services) {
        Map<Service, ConfigurableApplicationContext> contexts = new java.util.EnumMap<>(Service.class);
        try {
            for (Service service : services.isEmpty() ? List.<Service>of() : java.util.EnumSet.copyOf(services)) {
                List<String> args = new ArrayList<>();
                args.add("--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers);
                args.add("--spring.mongodb.uri=" + mongoUri);
                // one JVM, one logging system: the thread names tell the services apart, a shared label would not
                args.add("--logging.include-application-name=false");
                args.add("--spring.autoconfigure.exclude=" + String.join(",", exclusions(service)));
                settings.getOrDefault(service, Map.of()).forEach((key, value) -> args.add("--" + key + "=" + value));
                long started = System.nanoTime();
                contexts.put(service, service.application.get().run(args.toArray(String[]::new)));
                log.info("{} started in {} s", service, String.format("%.1f", (System.nanoTime() - started) / 1e9));
            }
        } catch (RuntimeException e) {
            new SteppeWatchStack(contexts).close();
            throw e;
        }
        return new SteppeWatchStack(contexts);
    }

    /**
     * Auto-configurations that come with another module on the launcher's one classpath and must not act in this
     * service's context: the authorization server's (it would give every service a JWK source with a random key
     * and a JwtDecoder built on it, ahead of the resource server's) and, for the auth server, the services' Kafka
     * eventing.
     */
    static List<String> exclusions(Service service) {
        if (service == Service.AUTH) {
            return List.of(EventingAutoConfiguration.class.getName(), ServiceDefaultsAutoConfiguration.class.getName(),
                    KafkaAutoConfiguration.class.getName(), KafkaMetricsAutoConfiguration.class.getName());
        }
        return List.of(OAuth2AuthorizationServerAutoConfiguration.class.getName(),
                OAuth2AuthorizationServerJwtAutoConfiguration.class.getName());
    }

    public int port(Service service) {
        return ((WebServerApplicationContext) contexts.get(service)).getWebServer().getPort();
    }

    public String baseUrl(Service service) {
        return "http://localhost:" + port(service);
    }

    public ConfigurableApplicationContext context(Service service) {
        return contexts.get(service);
    }

    @Override
    public void close() {
        // notification first: it is the end of the event path; the auth server last
        List<Service> order = new ArrayList<>(contexts.keySet());
        java.util.Collections.reverse(order);
        for (Service service : order) {
            try {
                contexts.get(service).close();
            } catch (RuntimeException e) {
                log.warn("{} did not stop cleanly: {}", service, e.getMessage());
            }
        }
    }
}

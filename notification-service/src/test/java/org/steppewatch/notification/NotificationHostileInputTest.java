package org.steppewatch.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.steppewatch.testsupport.TestInfrastructure;
import org.steppewatch.testsupport.TestIssuer;
import org.steppewatch.testsupport.hostile.Hostile;
import org.steppewatch.testsupport.hostile.HostileProbe;
import org.steppewatch.testsupport.hostile.HostileRequest;

/**
 * Thousands of generated malformed and malicious requests to every endpoint of notification-service: no 5xx, a
 * problem document for every 4xx (the pages a confirmation link opens answer HTML on purpose and are asked for
 * JSON here), nothing stored by a refused request. {@code -Dsteppewatch.hostile.seed=…} replays a run ({@code =random} explores).
 */
@SpringBootTest(classes = NotificationServiceApplication.class,
        properties = {"spring.config.name=" + NotificationServiceApplication.CONFIG_NAME,
                "spring.kafka.listener.auto-startup=false"})
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NotificationHostileInputTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final List<String> SUBSCRIPTIONS = List.of("""
            {"name": "Baikonur council", "area": {"settlementId": "gn:1521368"},
             "channel": {"type": "webhook", "url": "https://example.org/hook"}, "language": "ru", "minSeverity": "Severe"}""", """
            {"name": "Zhezdy", "area": {"point": {"type": "Point", "coordinates": [66.8, 47.3]}, "radiusKm": 40},
             "channel": {"type": "email", "address": "akimat@zhezdy.kz"}, "language": "kk"}""", """
            {"name": "Area", "area": {"type": "Polygon", "coordinates": [[[66,47],[67,47],[67,48],[66,48],[66,47]]]},
             "channel": {"type": "webhook", "url": "https://example.org/a",
                         "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}, "language": "en"}""");

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> infrastructure.mongoUri("notification-hostile"));
        registry.add("spring.mongodb.database", () -> "notification-hostile-" + RUN);
        registry.add("spring.kafka.consumer.group-id", () -> "notification-hostile-" + RUN);
        registry.add("steppewatch.security.issuer-uri", () -> TestIssuer.get().issuer());
    }

    /**
     * Every request is signed in with every role that may write here, so the hostile input reaches validation
     * rather than stopping at the access rules (which {@code AccessRulesTest} covers).
     */
    private static final String WRITER = TestIssuer.get().bearer("hostile-input", "issuer", "admin");

    static MockHttpServletRequestBuilder authenticated(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", WRITER);
    }

    @Test
    void hostileRequestsGetNoServerErrorAProblemDocumentEachAndStoreNothing() {
        HostileProbe probe = new HostileProbe("notification-service", mvc, NotificationHostileInputTest::authenticated,
                this::stored);
        long seed = HostileProbe.seed();
        int count = Integer.getInteger("steppewatch.hostile.requests", 3_500);

        probe.run(seed, count, NotificationHostileInputTest::request);

        System.out.println(probe.report() + "  seed " + seed);
        assertThat(probe.failures()).as("seed %d", seed).isEmpty();
        assertThat(probe.requests()).isEqualTo(count);
    }

    /** Subscriptions by count and by state; deliveries and alerts by count. */
    private Map<String, Long> stored() {
        return Map.of("subscriptions", mongo.getCollection("subscriptions").countDocuments(),
                "active", mongo.getCollection("subscriptions").countDocuments(new org.bson.Document("state", "ACTIVE")),
                "deliveries", mongo.getCollection("deliveries").countDocuments(),
                "alerts", mongo.getCollection("alerts").countDocuments());
    }

    private static HostileRequest request(Random random) {
        int roll = random.nextInt(100);
        String id = Hostile.id(random);
        if (roll < 45) {
            return HostileRequest.of("POST subscription", "POST", "/api/v1/subscriptions")
                    .body(Hostile.contentType(random), Hostile.mutate(Hostile.pick(random, SUBSCRIPTIONS), random));
        }
        if (roll < 60) {
            String method = Hostile.pick(random, List.of("GET", "DELETE"));
            HostileRequest manage = HostileRequest.of(method + " subscription", method, "/api/v1/subscriptions/{id}", id);
            return random.nextInt(4) == 0 ? manage : manage.header("X-Manage-Token", Hostile.string(random).replaceAll("[\\r\\n]", ""));
        }
        if (roll < 72) {
            String action = Hostile.pick(random, List.of("confirm", "unsubscribe"));
            String method = Hostile.pick(random, List.of("GET", "POST"));
            HostileRequest link = HostileRequest.of(method + " " + action, method, "/api/v1/subscriptions/{id}/" + action, id)
                    .header("Accept", "application/json");
            return random.nextInt(4) == 0 ? link : link.query("token", Hostile.string(random));
        }
        if (roll < 87) {
            String sub = Hostile.pick(random, List.of("", "/cap", "/deliveries"));
            return random.nextInt(5) == 0 ? HostileRequest.of("GET alerts?incidentId", "GET", "/api/v1/alerts")
                    .query("incidentId", Hostile.string(random))
                    : HostileRequest.of("GET alert" + sub, "GET", "/api/v1/alerts/{id}" + sub, id);
        }
        if (roll < 94) {
            return HostileRequest.of("GET feed", "GET", "/feeds/alerts.atom").query("lang", Hostile.string(random));
        }
        HostileRequest search = HostileRequest.of("GET community settlements", "GET", "/api/v1/community/settlements");
        if (random.nextBoolean()) {
            search.query("q", Hostile.string(random));
        }
        if (random.nextBoolean()) {
            search.query("limit", Hostile.queryValue(random));
        }
        return random.nextInt(6) == 0 ? HostileRequest.of("GET community regions", "GET", "/api/v1/community/regions")
                : search;
    }
}

package org.steppewatch.incident.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.steppewatch.incident.ServiceTestBase;
import org.steppewatch.testsupport.hostile.Hostile;
import org.steppewatch.testsupport.hostile.HostileProbe;
import org.steppewatch.testsupport.TestIssuer;
import org.steppewatch.testsupport.hostile.HostileRequest;

/**
 * Thousands of generated malformed and malicious requests to every endpoint of incident-service (but the event
 * stream): no 5xx, a problem document for every 4xx, nothing stored by a refused request. The seed is printed;
 * {@code -Dsteppewatch.hostile.seed=…} replays a run ({@code =random} explores), {@code -Dsteppewatch.hostile.requests=…} sets its size.
 */
@AutoConfigureMockMvc
class IncidentHostileInputTest extends ServiceTestBase {

    private static final String INCIDENTS = "/api/v1/incidents";
    private static final String VALID = ProtonM2013.json("hostile-input fixture");
    private static final String RETRACTION = "{\"reason\": \"a duplicate report\"}";

    @Autowired
    MockMvc mvc;

    /**
     * Every request is signed in with every role that may write here, so the hostile input reaches validation
     * rather than stopping at the access rules (which {@code AccessRulesTest} covers).
     */
    private static final String WRITER = TestIssuer.get().bearer("hostile-input", "analyst", "issuer");

    static MockHttpServletRequestBuilder authenticated(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", WRITER);
    }

    @Test
    void hostileRequestsGetNoServerErrorAProblemDocumentEachAndStoreNothing() throws Exception {
        String fixture = json(post(INCIDENTS, VALID)).path("id").asString();
        HostileProbe probe = new HostileProbe("incident-service", mvc, IncidentHostileInputTest::authenticated,
                () -> stored(fixture));
        long seed = HostileProbe.seed();
        int count = Integer.getInteger("steppewatch.hostile.requests", 3_500);

        probe.run(seed, count, random -> request(random, fixture));

        System.out.println(probe.report() + "  seed " + seed);
        assertThat(probe.failures()).as("seed %d", seed).isEmpty();
        assertThat(probe.requests()).isEqualTo(count);
    }

    /** The incidents and the fixture's version and status: what a refused request must leave as it was. */
    private Map<String, Long> stored(String fixture) {
        Document doc = mongo.findOne(query(where("_id").is(fixture)), Document.class, IncidentDocuments.COLLECTION);
        return Map.of("incidents", mongo.getCollection(IncidentDocuments.COLLECTION).countDocuments(),
                "fixture version", ((Number) doc.get("version")).longValue(),
                "fixture status", (long) String.valueOf(doc.get("status")).hashCode());
    }

    private static HostileRequest request(Random random, String fixture) {
        int roll = random.nextInt(100);
        String id = random.nextBoolean() ? fixture : Hostile.id(random);
        if (roll < 35) {
            return HostileRequest.of("POST incident", "POST", INCIDENTS)
                    .body(Hostile.contentType(random), Hostile.mutate(VALID, random));
        }
        if (roll < 50) {
            HostileRequest put = HostileRequest.of("PUT incident", "PUT", INCIDENTS + "/{id}", id)
                    .body(Hostile.contentType(random), Hostile.mutate(VALID, random));
            return random.nextInt(5) == 0 ? put : put.header("If-Match", random.nextBoolean() ? "\"1\"" : Hostile.ifMatch(random));
        }
        if (roll < 60) {
            String body = random.nextInt(4) == 0 ? RETRACTION.replace("a duplicate report", Hostile.string(random))
                    : Hostile.mutate(RETRACTION, random);
            return HostileRequest.of("POST retraction", "POST", INCIDENTS + "/{id}/retraction", id)
                    .header("If-Match", Hostile.ifMatch(random)).body(Hostile.contentType(random), body);
        }
        if (roll < 80) {
            HostileRequest list = HostileRequest.of("GET incidents?query", "GET", INCIDENTS);
            for (String name : List.of("category", "status", "since", "until", "page", "size", "bbox", "unknown")) {
                if (random.nextInt(3) == 0) {
                    list.query(name, name.equals("bbox") ? Hostile.bbox(random) : Hostile.queryValue(random));
                }
            }
            return list;
        }
        if (roll < 95) {
            String sub = Hostile.pick(random, List.of("", "/assessment", "/alerts", "/revisions"));
            return HostileRequest.of("GET incident" + sub, "GET", INCIDENTS + "/{id}" + sub, Hostile.id(random));
        }
        return random.nextBoolean() ? HostileRequest.of("GET map layer", "GET", "/api/v1/map/{layer}", Hostile.id(random))
                : HostileRequest.of("GET console settings", "GET", "/api/v1/console/settings")
                        .query(Hostile.string(random), Hostile.string(random));
    }
}

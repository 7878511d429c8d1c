package org.steppewatch.incident.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/** Reading incidents back: one by id, filtered lists, and the parameters the list refuses. */
class IncidentQueryTest extends ServiceTestBase {

    private static final String INCIDENTS = "/api/v1/incidents";

    /** A spot of steppe of our own, so other tests' incidents stay outside the bounding box. */
    private double lon;
    private double lat;
    private String bbox;
    private final List<String> ids = new ArrayList<>();

    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void reportThreeIncidentsInOneSpot() {
        lon = 50 + ThreadLocalRandom.current().nextDouble(30);
        lat = 41 + ThreadLocalRandom.current().nextDouble(13);
        bbox = String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", lon - 0.001, lat - 0.001, lon + 0.001, lat + 0.001);
        ids.add(report("LAUNCH_FAILURE", "2013-07-02T02:38:22Z"));
        ids.add(report("FUEL_SPILL", "2019-05-01T00:00:00Z"));
        ids.add(report("STAGE_IMPACT", "2007-09-05T22:43:00Z"));
    }

    private String report(String category, String occurredAt) {
        String json = ProtonM2013.json(category + " " + UUID.randomUUID())
                .replace("LAUNCH_FAILURE", category)
                .replace("2013-07-02T02:38:22Z", occurredAt)
                .replace("[63.00, 46.05]", String.format(Locale.ROOT, "[%.6f, %.6f]", lon, lat))
                .replace("\"footprint\": " + ProtonM2013.FOOTPRINT + ",", "");
        HttpResponse<String> created = post(INCIDENTS, json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    private static List<String> idsOf(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    @Test
    void oneIncidentIsReadByIdWithItsVersionAsETag() {
        HttpResponse<String> response = get(INCIDENTS + "/" + ids.get(0));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode incident = json(response);
        assertThat(incident.path("id").asString()).isEqualTo(ids.get(0));
        assertThat(incident.path("category").asString()).isEqualTo("LAUNCH_FAILURE");
        assertThat(incident.path("location").path("coordinates").get(0).asDouble()).isCloseTo(lon, offset(1e-6));
        assertThat(incident.has("outbox")).isFalse();
    }

    @Test
    void theBoundingBoxListsTheIncidentsInsideNewestFirst() {
        JsonNode page = json(get(INCIDENTS + "?bbox=" + bbox));

        assertThat(idsOf(page)).containsExactly(ids.get(1), ids.get(0), ids.get(2));
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(20);
        page.path("items").forEach(item -> assertThat(item.has("outbox")).isFalse());
    }

    @Test
    void categorySinceAndStatusNarrowTheList() {
        assertThat(idsOf(json(get(INCIDENTS + "?bbox=" + bbox + "&category=FUEL_SPILL")))).containsExactly(ids.get(1));
        assertThat(idsOf(json(get(INCIDENTS + "?bbox=" + bbox + "&since=2013-07-02T02:38:22Z"))))
                .containsExactly(ids.get(1), ids.get(0));
        assertThat(idsOf(json(get(INCIDENTS + "?bbox=" + bbox + "&since=2013-07-03")))).containsExactly(ids.get(1));
        assertThat(idsOf(json(get(INCIDENTS + "?bbox=" + bbox + "&status=REPORTED")))).hasSize(3);
        assertThat(idsOf(json(get(INCIDENTS + "?bbox=" + bbox + "&status=RETRACTED")))).isEmpty();
    }

    @Test
    void untilClosesTheTimeWindowAndADateAsUntilIncludesThatDay() {
        assertThat(idsOf(json(get(INCIDENTS + "?bbox=" + bbox + "&until=2013-07-02T02:38:22Z")))).containsExactly(ids.get(2));
        assertThat(idsOf(json(get(INCIDENTS + "?bbox=" + bbox + "&until=2013-07-02")))).containsExactly(ids.get(0), ids.get(2));
        assertThat(idsOf(json(get(INCIDENTS + "?bbox=" + bbox + "&since=2008-01-01&until=2019-01-01"))))
                .containsExactly(ids.get(0));

        HttpResponse<String> backwards = get(INCIDENTS + "?since=2019-01-01&until=2013-01-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(json(backwards).path("errors").get(0).path("field").asString()).isEqualTo("until");
        assertThat(get(INCIDENTS + "?until=tomorrow").statusCode()).isEqualTo(400);
    }

    @Test
    void pagesSplitTheListAndKeepTheTotal() {
        JsonNode first = json(get(INCIDENTS + "?bbox=" + bbox + "&size=2&page=0"));
        JsonNode second = json(get(INCIDENTS + "?bbox=" + bbox + "&size=2&page=1"));

        assertThat(idsOf(first)).containsExactly(ids.get(1), ids.get(0));
        assertThat(idsOf(second)).containsExactly(ids.get(2));
        assertThat(second.path("total").asLong()).isEqualTo(3);
        assertThat(second.path("page").asInt()).isEqualTo(1);
    }

    @Test
    void badParametersAreA400ListingEachOne() {
        HttpResponse<String> response = get(INCIDENTS + "?bbox=64,46,63,47&size=201&since=last-week&category=METEOR");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode errors = json(response).path("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactly("category", "since", "bbox", "size");
        assertThat(errors.get(2).path("message").asString()).isEqualTo("minLon 64.0 is greater than maxLon 63.0");

        assertThat(get(INCIDENTS + "?bbox=63,46,181,47").statusCode()).isEqualTo(400);
        assertThat(get(INCIDENTS + "?bbox=63,46,64").statusCode()).isEqualTo(400);
        assertThat(get(INCIDENTS + "?size=0").statusCode()).isEqualTo(400);
        assertThat(get(INCIDENTS + "?page=-1").statusCode()).isEqualTo(400);
        assertThat(get(INCIDENTS + "?page=first").statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownIncidentIsA404Problem() {
        HttpResponse<String> response = get(INCIDENTS + "/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(get(INCIDENTS + "/" + UUID.randomUUID() + "/assessment").statusCode()).isEqualTo(404);
    }

    @Test
    void anIncidentWithoutAssessmentIsA404NotAssessedYet() {
        HttpResponse<String> response = get(INCIDENTS + "/" + ids.get(0) + "/assessment");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("detail").asString()).isEqualTo("Incident " + ids.get(0) + " is not assessed yet.");
    }

    @Test
    void healthIsUpAndMadeOfMongoNotKafka() {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("status").asString()).isEqualTo("UP");
        assertThat(context.getBeansOfType(HealthContributor.class).keySet())
                .contains("mongoHealthIndicator")
                .noneMatch(name -> name.toLowerCase(Locale.ROOT).contains("kafka"));
        assertThat(context.getBean("mongoHealthIndicator", HealthIndicator.class).health().getStatus())
                .isEqualTo(Status.UP);
    }
}

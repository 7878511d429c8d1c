package org.steppewatch.incident.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/** Every version of an incident stays readable after it was revised or retracted. */
class RevisionHistoryTest extends ServiceTestBase {

    private static final String INCIDENTS = "/api/v1/incidents";

    @Test
    void theHistoryListsWhatWasReportedEachRevisionAndTheRetractionOldestFirst() {
        String title = "Proton-M " + UUID.randomUUID();
        HttpResponse<String> created = post(INCIDENTS, ProtonM2013.json(title));
        String id = json(created).path("id").asString();
        HttpResponse<String> revised = put(INCIDENTS + "/" + id, "\"1\"",
                ProtonM2013.json(title + " (revised)").replace("172000", "200000"));
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        HttpResponse<String> retracted = post(INCIDENTS + "/" + id + "/retraction", "\"2\"", "{\"reason\": \"duplicate\"}");
        assertThat(retracted.statusCode()).as(retracted.body()).isEqualTo(200);

        HttpResponse<String> response = get(INCIDENTS + "/" + id + "/revisions");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode history = json(response);
        assertThat(history).hasSize(3);
        JsonNode reported = history.get(0);
        assertThat(reported.path("version").asLong()).isEqualTo(1);
        assertThat(reported.path("change").asString()).isEqualTo("REPORTED");
        assertThat(Instant.parse(reported.path("at").asString()))
                .isEqualTo(Instant.parse(json(created).path("reportedAt").asString()));
        assertThat(reported.path("facts").path("title").asString()).isEqualTo(title);
        assertThat(reported.path("facts").path("releases").get(0).path("massKg").asDouble()).isEqualTo(172000);
        assertThat(reported.path("facts").path("location").path("type").asString()).isEqualTo("Point");

        JsonNode revision = history.get(1);
        assertThat(revision.path("version").asLong()).isEqualTo(2);
        assertThat(revision.path("change").asString()).isEqualTo("REVISED");
        assertThat(revision.path("facts").path("title").asString()).isEqualTo(title + " (revised)");
        assertThat(revision.path("facts").path("releases").get(0).path("massKg").asDouble()).isEqualTo(200000);

        JsonNode retraction = history.get(2);
        assertThat(retraction.path("version").asLong()).isEqualTo(3);
        assertThat(retraction.path("change").asString()).isEqualTo("RETRACTED");
        assertThat(retraction.path("reason").asString()).isEqualTo("duplicate");
        assertThat(retraction.has("facts")).isFalse();

        // the list stays lean: histories are read one incident at a time
        JsonNode listed = json(get(INCIDENTS + "?status=RETRACTED&size=200"));
        listed.path("items").forEach(item -> assertThat(item.has("revisions")).isFalse());
    }

    @Test
    void theHistoryOfAnUnknownIncidentIsA404() {
        assertThat(get(INCIDENTS + "/" + UUID.randomUUID() + "/revisions").statusCode()).isEqualTo(404);
    }
}

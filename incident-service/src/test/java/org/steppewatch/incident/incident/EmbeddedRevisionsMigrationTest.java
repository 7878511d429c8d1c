package org.steppewatch.incident.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/** Incidents stored with their history inside the document (earlier releases) keep it, moved out at start. */
class EmbeddedRevisionsMigrationTest extends ServiceTestBase {

    private static final String INCIDENTS = "/api/v1/incidents";
    private static final Instant REPORTED = Instant.parse("2013-07-02T03:00:00Z");
    private static final Instant REVISED = Instant.parse("2013-07-03T11:00:00Z");

    @Autowired
    EmbeddedRevisionsMigration migration;

    @Test
    void anEmbeddedHistoryIsMovedOutOnceAndTheIncidentRevisesOnWithItsWholeHistory() {
        String id = UUID.randomUUID().toString();
        String title = "embedded history " + id;
        mongo.insert(legacyIncident(id, title), IncidentDocuments.COLLECTION);

        migration.afterPropertiesSet();
        migration.afterPropertiesSet(); // a second start finds nothing left to move and changes nothing

        Document stored = mongo.findOne(query(where("_id").is(id)), Document.class, IncidentDocuments.COLLECTION);
        assertThat(stored).doesNotContainKey("revisions");
        assertThat(stored.get("lastChange", Document.class).getString("change")).isEqualTo("REVISED");
        assertThat(mongo.count(query(where("incidentId").is(id)), IncidentRevisions.COLLECTION)).isEqualTo(1);

        assertThat(put(INCIDENTS + "/" + id, "\"2\"", ProtonM2013.json(title + " v3")).statusCode()).isEqualTo(200);

        JsonNode history = json(send(request(INCIDENTS + "/" + id + "/revisions").GET(), ANALYST));
        assertThat(history).extracting(r -> r.path("version").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(history).extracting(r -> r.path("change").asString()).containsExactly("REPORTED", "REVISED", "REVISED");
        assertThat(history).extracting(r -> r.path("facts").path("title").asString())
                .containsExactly(title + " v1", title + " v2", title + " v3");
        assertThat(history).extracting(r -> r.path("by").path("name").asString())
                .containsExactly("aigerim", "duty-officer", "analyst-test");
        assertThat(Instant.parse(history.get(0).path("at").asString())).isEqualTo(REPORTED);
        assertThat(Instant.parse(history.get(1).path("at").asString())).isEqualTo(REVISED);
    }

    /** An incident at version 2 as earlier releases stored it: both versions in the array {@code revisions}. */
    private static Document legacyIncident(String id, String title) {
        Document v1 = IncidentDocuments.facts(ProtonM2013.facts(title + " v1"));
        Document v2 = IncidentDocuments.facts(ProtonM2013.facts(title + " v2"));
        return new Document("_id", id).append("version", 2L).append("status", "REVISED").append("facts", v2)
                .append("lon", 63.0).append("lat", 46.05)
                .append("reportedAt", Date.from(REPORTED)).append("updatedAt", Date.from(REVISED))
                .append("revisions", new ArrayList<>(List.of(
                        new Document("version", 1L).append("change", "REPORTED").append("at", Date.from(REPORTED))
                                .append("facts", v1).append("by", by("sub-aigerim", "aigerim", false)),
                        new Document("version", 2L).append("change", "REVISED").append("at", Date.from(REVISED))
                                .append("facts", v2).append("by", by("sub-duty", "duty-officer", true)))))
                .append("outbox", new ArrayList<>());
    }

    private static Document by(String subject, String name, boolean mayIssue) {
        return new Document("subject", subject).append("name", name).append("mayIssue", mayIssue);
    }
}

package org.steppewatch.incident.incident;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.IntStream;

import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.steppewatch.incident.ServiceTestBase;

import com.mongodb.client.model.Filters;

import tools.jackson.databind.JsonNode;

/**
 * An incident whose history would not fit in one MongoDB document still revises and retracts, and its history
 * reads back whole and in order.
 *
 * <p>The arithmetic, in BSON bytes. One version's facts hold the footprint, 10,000 positions, each an array element
 * of a type byte, its index as a key ("0" to "9999": 38,890 digits and 10,000 terminators) and a two-double array
 * (4 length + 2 x (1 type + 2 key + 8 double) + 1 = 27 bytes): 10,000 x 28 + 48,890 = 328,890 bytes; the
 * description's 20,000 three-byte characters: 60,000 bytes; 500 samples of about 75 bytes: about 37,500 bytes. So
 * about 428,000 bytes a version (measured: 17,134,063 bytes for the 40 copies). The embedded layout held a copy per
 * version next to the current facts: after version v, (v + 1) x 428,000 bytes, past 16 MiB (16,777,216 bytes) from
 * v = 39 on (40 x 428,000 = 17,120,000). The test makes 40 versions, retracts as the 41st, and checks the measured
 * total rather than these estimates. The request is about 334,000 bytes, under the 1 MiB body limit; the
 * validator's caps (10,000 vertices, 500 samples, 20,000 characters) make this the most one version can store,
 * so a body nearer 1 MiB (more digits, more whitespace) would store no more.
 */
class LargeIncidentHistoryTest extends ServiceTestBase {

    private static final String INCIDENTS = "/api/v1/incidents";
    private static final long SIXTEEN_MIB = 16L * 1024 * 1024;
    private static final int VERSIONS = 40;

    @Test
    void anIncidentWhoseHistoryExceedsSixteenMebibytesStillRevisesAndRetractsAndListsEveryVersionInOrder() {
        String title = "large footprint " + UUID.randomUUID();
        String body = LargeIncident.json(title + " v1", 20_000);
        assertThat(body.getBytes(UTF_8).length).as("a body the HTTP limit lets through").isLessThan(1024 * 1024);
        HttpResponse<String> created = post(INCIDENTS, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();

        for (int version = 2; version <= VERSIONS; version++) {
            HttpResponse<String> revised = put(INCIDENTS + "/" + id, "\"" + (version - 1) + "\"",
                    LargeIncident.json(title + " v" + version, 20_000));
            assertThat(revised.statusCode()).as("revision to v%d: %s", version, revised.body()).isEqualTo(200);
        }
        HttpResponse<String> retracted = post(INCIDENTS + "/" + id + "/retraction", "\"" + VERSIONS + "\"",
                "{\"reason\": \"duplicate\"}");
        assertThat(retracted.statusCode()).as(retracted.body()).isEqualTo(200);

        // what the embedded layout would have held in one document: every version's facts
        long history = bsonBytes(IncidentRevisions.COLLECTION, Filters.eq("incidentId", id));
        long incident = bsonBytes(IncidentDocuments.COLLECTION, Filters.eq("_id", id));
        assertThat(history + incident).as("the versions' facts together").isGreaterThan(SIXTEEN_MIB);
        assertThat(incident).as("the incident document holds one version and its pending events").isLessThan(2 * 1024 * 1024);

        JsonNode revisions = json(get(INCIDENTS + "/" + id + "/revisions"));
        assertThat(revisions).hasSize(VERSIONS + 1);
        assertThat(revisions).extracting(r -> r.path("version").asLong())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, VERSIONS + 1).mapToObj(v -> (long) v).toList());
        assertThat(revisions.get(0).path("change").asString()).isEqualTo("REPORTED");
        assertThat(revisions.get(0).path("facts").path("title").asString()).isEqualTo(title + " v1");
        for (int version = 2; version <= VERSIONS; version++) {
            JsonNode revision = revisions.get(version - 1);
            assertThat(revision.path("change").asString()).isEqualTo("REVISED");
            assertThat(revision.path("facts").path("title").asString()).isEqualTo(title + " v" + version);
        }
        assertThat(revisions.get(VERSIONS).path("change").asString()).isEqualTo("RETRACTED");
        assertThat(revisions.get(VERSIONS).path("reason").asString()).isEqualTo("duplicate");
        assertThat(revisions.get(VERSIONS - 1).path("facts").path("footprint").path("coordinates").get(0).size())
                .isEqualTo(LargeIncident.VERTICES);
    }

    /** The documents' sizes as stored: their BSON bytes. */
    private long bsonBytes(String collection, Bson filter) {
        long bytes = 0;
        for (RawBsonDocument document : mongo.getCollection(collection).withDocumentClass(RawBsonDocument.class).find(filter)) {
            bytes += document.getByteBuffer().remaining();
        }
        return bytes;
    }
}

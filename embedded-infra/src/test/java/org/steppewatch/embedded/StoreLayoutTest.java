package org.steppewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** A store file written by the server's own H2 backend (H2's default types), opened by this one. */
class StoreLayoutTest {

    private static final Document ALERT = new Document("_id", "alert-1")
            .append("incidentId", "inc-2013-proton")
            .append("severity", "Severe")
            .append("issued", new Date(1372642140000L))
            .append("version", 3L)
            .append("radiusKm", 12.5)
            .append("withdrawn", null)
            .append("signature", new Binary(new byte[] {0x53, 0x57, 0x00, (byte) 0xff}))
            .append("areas", List.of(new Document("name", "Baikonur drop zone 25"), new Document("name", "Караганда")))
            .append("outbox", List.of(new Document("eventId", "e-1").append("sequence", 3)));

    @Test
    void aFileOfTheServersOwnLayoutIsConvertedAtFirstStartWithItsDocumentsAndIndexes(@TempDir Path dir) {
        Path file = dir.resolve("mongo.mv");
        ObjectId generated = new ObjectId();
        MongoServer own = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create(own.bindAndGetConnectionString())) {
            MongoCollection<Document> alerts = client.getDatabase("steppewatch").getCollection("alerts");
            alerts.createIndex(Indexes.ascending("incidentId", "version"), new IndexOptions().unique(true));
            alerts.insertOne(ALERT);
            alerts.insertOne(new Document("_id", generated).append("incidentId", "inc-nura").append("version", 1L));
        } finally {
            own.shutdown();
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.startPersistent(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> alerts = client.getDatabase("steppewatch").getCollection("alerts");
            assertThat(alerts.find(Filters.eq("_id", "alert-1")).first()).isEqualTo(ALERT);
            assertThat(alerts.find(Filters.eq("_id", generated)).first()).containsEntry("incidentId", "inc-nura");
            assertThat(alerts.countDocuments()).isEqualTo(2);
            // the unique index was built again from the documents: it still refuses a second (incident, version)
            assertThatThrownBy(() -> alerts.insertOne(new Document("_id", "alert-2").append("incidentId", "inc-nura")
                    .append("version", 1L)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> alerts.insertOne(new Document("_id", "alert-1")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            alerts.insertOne(new Document("_id", "alert-3").append("incidentId", "inc-nura").append("version", 2L));
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.startPersistent(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> alerts = client.getDatabase("steppewatch").getCollection("alerts");
            assertThat(alerts.find().map(d -> d.get("_id").toString()).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder("alert-1", generated.toString(), "alert-3");
            assertThat(alerts.find(Filters.eq("_id", "alert-1")).first()).isEqualTo(ALERT);
            assertThatThrownBy(() -> alerts.insertOne(new Document("_id", "alert-4").append("incidentId", "inc-nura")
                    .append("version", 2L)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }
    }

    @Test
    void aFileOfAnUnknownLaterLayoutIsRefusedNotRead(@TempDir Path dir) {
        Path file = dir.resolve("mongo.mv");
        var store = new org.h2.mvstore.MVStore.Builder().fileName(file.toString()).open();
        store.<String, Integer>openMap(StoreLayout.MAP).put(StoreLayout.VERSION, StoreLayout.TYPED + 1);
        store.close();

        assertThatThrownBy(() -> EmbeddedMongo.startPersistent(file, 0))
                .hasMessageContaining("store layout " + (StoreLayout.TYPED + 1));
    }
}

package org.steppewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A commit writes the document objects on its pages, on another thread than the commands changing documents. So the
 * server must never change a stored object: an update stores a changed copy, and the object a commit may be writing
 * stays as it was.
 */
class StoredDocumentsTest {

    private final MVStore store = new MVStore.Builder().open();
    private final MongoServer server = new MongoServer(new H2Backend(store) {
        @Override
        protected MongoDatabase openOrCreateDatabase(String name) {
            return TypedH2Database.open(name, store, getCursorRegistry());
        }
    });

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void anUpdateStoresAChangedCopyAndLeavesTheStoredObjectAsItWas() {
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<org.bson.Document> deliveries = client.getDatabase("steppewatch").getCollection("deliveries");
            deliveries.insertOne(new org.bson.Document("_id", "d-1").append("state", "PENDING")
                    .append("attempts", List.of()));
            deliveries.insertOne(new org.bson.Document("_id", "d-2").append("state", "PENDING"));
            MVMap<Object, Document> stored = store.openMap("databases.steppewatch.deliveries", TypedH2Database.documents());
            Document byId = stored.get("d-1");
            Document byScan = stored.get("d-2");

            deliveries.updateOne(Filters.eq("_id", "d-1"),
                    Updates.combine(Updates.set("state", "SENT"), Updates.push("attempts", 200)));
            deliveries.updateMany(Filters.eq("state", "PENDING"), Updates.set("state", "FAILED"));

            assertThat(byId).containsEntry("state", "PENDING").containsEntry("attempts", List.of());
            assertThat(byScan).containsEntry("state", "PENDING");
            assertThat(stored.get("d-1")).containsEntry("state", "SENT").containsEntry("attempts", List.of(200));
            assertThat(stored.get("d-2")).containsEntry("state", "FAILED");
        }
    }
}

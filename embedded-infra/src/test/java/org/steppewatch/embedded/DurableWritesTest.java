package org.steppewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * What a {@code kill -9} leaves: the file as it is on disk while the server still runs, never closed. A copy of
 * it taken right after the acknowledgement is what a restarted server would open.
 */
class DurableWritesTest {

    @Test
    void anAcknowledgedWriteIsInTheFileBeforeTheServerIsClosed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("live.mv");
        Path copy = dir.resolve("after-kill.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.startPersistent(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            var alerts = client.getDatabase("steppewatch").getCollection("alerts");
            alerts.insertOne(new Document("_id", "a-1").append("state", "ACTIVE"));
            alerts.updateOne(Filters.eq("_id", "a-1"), Updates.set("state", "CANCELLED"));
            alerts.insertMany(List.of(new Document("_id", "a-2"), new Document("_id", "a-3")));
            alerts.deleteOne(Filters.eq("_id", "a-3"));
            // no wait: the background commit of H2 would come up to a second later
            Files.copy(file, copy);
        }

        try (EmbeddedMongo reopened = EmbeddedMongo.startPersistent(copy, 0);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            var alerts = client.getDatabase("steppewatch").getCollection("alerts");
            assertThat(alerts.find().map(d -> d.getString("_id")).into(new java.util.ArrayList<>()))
                    .containsExactlyInAnyOrder("a-1", "a-2");
            assertThat(alerts.find(Filters.eq("_id", "a-1")).first().getString("state")).isEqualTo("CANCELLED");
        }
    }

    @Test
    void concurrentWritesSharingACommitAreAllInTheFileWhenAcknowledged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("live.mv");
        Path copy = dir.resolve("after-kill.mv");
        int threads = 4;
        int each = 50;
        try (EmbeddedMongo mongo = EmbeddedMongo.startPersistent(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            var deliveries = client.getDatabase("steppewatch").getCollection("deliveries");
            var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            List<java.util.concurrent.Future<?>> writers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        deliveries.insertOne(new Document("_id", thread + "-" + i).append("state", "PENDING"));
                    }
                }));
            }
            for (var writer : writers) {
                writer.get(1, java.util.concurrent.TimeUnit.MINUTES);
            }
            pool.shutdown();
            Files.copy(file, copy);
        }

        try (EmbeddedMongo reopened = EmbeddedMongo.startPersistent(copy, 0);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            assertThat(client.getDatabase("steppewatch").getCollection("deliveries").countDocuments())
                    .isEqualTo(threads * each);
        }
    }
}

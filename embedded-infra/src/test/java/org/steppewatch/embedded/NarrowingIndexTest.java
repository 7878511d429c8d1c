package org.steppewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;

/**
 * A query naming an indexed key and more fields finds, through the real driver, exactly what a scan of the collection
 * finds, on both backends; and the index takes such a query, which the server's own unique index refuses.
 */
class NarrowingIndexTest {

    private static final de.bwaldvogel.mongo.bson.Document FENCED =
            new de.bwaldvogel.mongo.bson.Document("_id", "d-7").append("leaseToken", "t-1");

    @Test
    void theServersOwnUniqueIndexRefusesAQueryWithMoreFieldsThanKeysAndTheNarrowingIndexTakesIt() {
        MemoryUniqueIndex own = new MemoryUniqueIndex("_id_", List.of(new IndexKey("_id", true)), false);
        NarrowingIndex<Integer> narrowing = new NarrowingIndex<>(own, "_id_", List.of(new IndexKey("_id", true)), false);

        assertThat(own.canHandle(FENCED)).isFalse();
        assertThat(narrowing.canHandle(FENCED)).isTrue();
        assertThat(narrowing.canHandle(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$ne", "d-7")).append("leaseToken", "t-1"))).isFalse();
        assertThat(narrowing.canHandle(new de.bwaldvogel.mongo.bson.Document("leaseToken", "t-1").append("state", "PENDING")))
                .isFalse();
    }

    @Test
    void fencedQueriesAndUpdatesMatchWhatAScanMatchesInMemory() {
        try (EmbeddedMongo mongo = EmbeddedMongo.startInMemory()) {
            fencedQueriesMatchAScan(mongo);
        }
    }

    @Test
    void fencedQueriesAndUpdatesMatchWhatAScanMatchesOnTheFileBackend(@TempDir Path dir) {
        try (EmbeddedMongo mongo = EmbeddedMongo.startPersistent(dir.resolve("data.mv"), 0)) {
            fencedQueriesMatchAScan(mongo);
        }
    }

    private static void fencedQueriesMatchAScan(EmbeddedMongo mongo) {
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> deliveries = client.getDatabase("steppewatch").getCollection("deliveries");
            deliveries.createIndex(Indexes.ascending("alertId", "subscriptionId"), new IndexOptions().unique(true));
            deliveries.insertMany(IntStream.range(0, 50).mapToObj(i -> new Document("_id", "d-" + i)
                    .append("alertId", "a-" + i % 5).append("subscriptionId", "s-" + i)
                    .append("leaseToken", i % 2 == 0 ? "t-1" : "t-2").append("state", i % 3 == 0 ? "PENDING" : "SENT")).toList());
            Function<Bson, List<String>> ids = filter -> deliveries.find(filter).map(d -> d.getString("_id")).into(new ArrayList<>());

            // the expected ids follow from how the documents were built above
            assertThat(ids.apply(Filters.and(Filters.eq("_id", "d-8"), Filters.eq("leaseToken", "t-1")))).containsExactly("d-8");
            assertThat(ids.apply(Filters.and(Filters.eq("_id", "d-8"), Filters.eq("leaseToken", "t-2")))).isEmpty();
            assertThat(ids.apply(Filters.and(Filters.eq("_id", "d-9"), Filters.ne("state", "SENT")))).containsExactly("d-9");
            assertThat(ids.apply(Filters.and(Filters.eq("_id", "nobody"), Filters.eq("leaseToken", "t-1")))).isEmpty();
            assertThat(ids.apply(Filters.and(Filters.eq("alertId", "a-3"), Filters.eq("subscriptionId", "s-13"),
                    Filters.eq("state", "SENT")))).containsExactly("d-13");
            assertThat(ids.apply(Filters.and(Filters.in("_id", "d-1", "d-2", "d-3"), Filters.eq("leaseToken", "t-2"))))
                    .containsExactlyInAnyOrder("d-1", "d-3");
            assertThat(ids.apply(Filters.and(Filters.eq("leaseToken", "t-1"), Filters.eq("state", "PENDING"))))
                    .containsExactlyInAnyOrder("d-0", "d-6", "d-12", "d-18", "d-24", "d-30", "d-36", "d-42", "d-48");

            // a fenced write changes the document only while the token matches
            assertThat(deliveries.updateOne(Filters.and(Filters.eq("_id", "d-4"), Filters.eq("leaseToken", "t-2")),
                    Updates.set("state", "FAILED")).getModifiedCount()).isZero();
            assertThat(deliveries.updateOne(Filters.and(Filters.eq("_id", "d-4"), Filters.eq("leaseToken", "t-1")),
                    Updates.set("state", "FAILED")).getModifiedCount()).isOne();
            assertThat(deliveries.find(Filters.eq("_id", "d-4")).first().getString("state")).isEqualTo("FAILED");
            assertThat(deliveries.deleteOne(Filters.and(Filters.eq("_id", "d-5"), Filters.eq("leaseToken", "t-1")))
                    .getDeletedCount()).isZero();
            assertThat(deliveries.countDocuments()).isEqualTo(50);
        }
    }
}

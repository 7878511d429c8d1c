package org.steppewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;

/** Which queries the {@code _id} index serves once narrowed; that its answers equal a scan's is {@link NarrowedQueriesTest}. */
class NarrowingIndexTest {

    private static final List<IndexKey> ID = List.of(new IndexKey("_id", true));

    @Test
    void theServersOwnIdIndexRefusesAFencedQueryAndTheNarrowedOneTakesIt() {
        MemoryUniqueIndex own = new MemoryUniqueIndex("_id_", ID, false);
        Index<Integer> narrowed = NarrowingBackends.narrowedIfId(own, "_id_", ID, false);
        Document fenced = new Document("_id", "d-7").append("leaseToken", "t-1");

        assertThat(own.canHandle(fenced)).isFalse();
        assertThat(narrowed.canHandle(fenced)).isTrue();
        assertThat(narrowed.canHandle(new Document("_id", "d-7"))).isTrue();
    }

    @Test
    void aFencedQueryAsTheDriversFiltersAndSendsItIsTakenToo() {
        MemoryUniqueIndex own = new MemoryUniqueIndex("_id_", ID, false);
        Index<Integer> narrowed = NarrowingBackends.narrowedIfId(own, "_id_", ID, false);
        // Filters.and(Filters.eq("_id", "d-7"), Filters.eq("leaseToken", "t-1")) as the driver sends it
        Document fenced = new Document("$and", List.of(new Document("_id", "d-7"), new Document("leaseToken", "t-1")));

        assertThat(own.canHandle(fenced)).isFalse();
        assertThat(narrowed.canHandle(fenced)).isTrue();
        assertThat(narrowed.canHandle(new Document("$and", List.of(new Document("_id", new Document("$ne", "d-7")),
                new Document("leaseToken", "t-1"))))).isFalse();
        assertThat(narrowed.canHandle(new Document("$or", List.of(new Document("_id", "d-7"), new Document("leaseToken", "t-1")))))
                .isFalse();
    }

    @Test
    void onlyAPlainEqualityOnIdNarrows() {
        Index<Integer> narrowed = NarrowingBackends.narrowedIfId(new MemoryUniqueIndex("_id_", ID, false), "_id_", ID, false);

        assertThat(narrowed.canHandle(new Document("_id", new Document("$ne", "d-7")).append("leaseToken", "t-1"))).isFalse();
        assertThat(narrowed.canHandle(new Document("_id", List.of("d-1", "d-2")).append("leaseToken", "t-1"))).isFalse();
        assertThat(narrowed.canHandle(new Document("_id", null).append("leaseToken", "t-1"))).isFalse();
        assertThat(narrowed.canHandle(new Document("leaseToken", "t-1").append("state", "PENDING"))).isFalse();
    }

    @Test
    void otherUniqueIndexesAreLeftAsTheServerBuildsThem() {
        List<IndexKey> pair = List.of(new IndexKey("alertId", true), new IndexKey("subscriptionId", true));
        MemoryUniqueIndex own = new MemoryUniqueIndex("pair", pair, false);

        assertThat(NarrowingBackends.narrowedIfId(own, "pair", pair, false)).isSameAs(own);
    }
}

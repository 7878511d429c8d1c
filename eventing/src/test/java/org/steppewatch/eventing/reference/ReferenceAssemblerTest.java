package org.steppewatch.eventing.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.contracts.ReferenceDataPublished;

/** Chunking an edition and assembling it again: sizes, completeness, order of revisions, redelivery. */
class ReferenceAssemblerTest {

    private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void thirtyThousandSettlementsAreCutIntoChunksUnderTheBudgetAndAssembledWhole() {
        ReferenceEdition edition = edition(1, 30_000);
        List<ReferenceDataPublished> records = ReferenceChunks.of(edition, ReferenceChunks.MAX_CHUNK_BYTES);

        List<ReferenceDataPublished> settlements = records.stream()
                .filter(r -> r.dataset().equals(ReferenceDataPublished.SETTLEMENTS)).toList();
        // about 230 bytes a settlement: 6.9 MB in at least 13 chunks of at most 512 KiB
        assertThat(settlements.size()).isGreaterThanOrEqualTo(13);
        assertThat(records).allSatisfy(r ->
                assertThat(EventJson.mapper().writeValueAsBytes(r).length).isLessThan(ReferenceChunks.MAX_CHUNK_BYTES + 2_000));
        assertThat(settlements).extracting(ReferenceDataPublished::chunks).containsOnly(settlements.size());
        assertThat(records).extracting(ReferenceDataPublished::key).doesNotHaveDuplicates();

        // any order of arrival, as from several partitions
        List<ReferenceDataPublished> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new java.util.Random(7));
        ReferenceAssembler assembler = new ReferenceAssembler();
        for (int i = 0; i < shuffled.size() - 1; i++) {
            assembler.accept(shuffled.get(i).key(), roundTrip(shuffled.get(i)));
            assertThat(assembler.newerEdition()).as("incomplete after %d of %d", i + 1, shuffled.size()).isEmpty();
        }
        ReferenceDataPublished last = shuffled.get(shuffled.size() - 1);
        assembler.accept(last.key(), roundTrip(last));
        ReferenceEdition assembled = assembler.newerEdition().orElseThrow();
        assertThat(assembled.settlements()).hasSize(30_000);
        assertThat(assembled.settlements().get(29_999).id()).isEqualTo("gn:29999");
        assertThat(assembled.dropZones()).extracting(ReferenceDataPublished.Zone::id).containsExactly("RP-25");
        assertThat(assembled.areasOfConcern()).isEmpty();
        assertThat(assembled.referenceDataVersion()).isEqualTo("sha256:000000000000000" + 1);
        // complete once: handed over once
        assertThat(assembler.newerEdition()).isEmpty();
    }

    @Test
    void anOlderOrRedeliveredRevisionNeverReplacesANewerOne() {
        ReferenceAssembler assembler = new ReferenceAssembler();
        feed(assembler, edition(5, 3));
        assertThat(assembler.newerEdition().orElseThrow().revision()).isEqualTo(5);

        feed(assembler, edition(4, 10));
        assertThat(assembler.newerEdition()).isEmpty();
        feed(assembler, edition(5, 3));
        assertThat(assembler.newerEdition()).isEmpty();
        assertThat(assembler.applied().orElseThrow().settlements()).hasSize(3);

        feed(assembler, edition(6, 2));
        assertThat(assembler.newerEdition().orElseThrow().settlements()).hasSize(2);
        assertThat(assembler.highestRevision()).isEqualTo(6);
    }

    @Test
    void anEditionWithFewerChunksThanTheOneBeforeIsCompleteWithoutTheLeftoverKeys() {
        ReferenceAssembler assembler = new ReferenceAssembler();
        // a budget of about two settlements a chunk: 3 chunks, then 1
        feed(assembler, edition(1, 6), 600);
        assertThat(assembler.newerEdition().orElseThrow().settlements()).hasSize(6);
        feed(assembler, edition(2, 1), 600);
        ReferenceEdition second = assembler.newerEdition().orElseThrow();
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.settlements()).extracting(ReferenceDataPublished.Settlement::id).containsExactly("gn:0");
    }

    @Test
    void aNewerEditionHalfArrivedLeavesTheOlderOneInUse() {
        ReferenceAssembler assembler = new ReferenceAssembler();
        feed(assembler, edition(1, 6), 600);
        assembler.newerEdition();
        List<ReferenceDataPublished> next = ReferenceChunks.of(edition(2, 6), 600);
        next.subList(0, 2).forEach(r -> assembler.accept(r.key(), r));
        assertThat(assembler.newerEdition()).isEmpty();
        assertThat(assembler.applied().orElseThrow().revision()).isEqualTo(1);
        next.subList(2, next.size()).forEach(r -> assembler.accept(r.key(), r));
        assertThat(assembler.newerEdition().orElseThrow().revision()).isEqualTo(2);
    }

    private static void feed(ReferenceAssembler assembler, ReferenceEdition edition) {
        feed(assembler, edition, ReferenceChunks.MAX_CHUNK_BYTES);
    }

    private static void feed(ReferenceAssembler assembler, ReferenceEdition edition, int budget) {
        ReferenceChunks.of(edition, budget).forEach(r -> assembler.accept(r.key(), r));
    }

    private static ReferenceDataPublished roundTrip(ReferenceDataPublished record) {
        return EventJson.mapper().readValue(EventJson.mapper().writeValueAsString(record), ReferenceDataPublished.class);
    }

    static ReferenceEdition edition(long revision, int settlements) {
        List<ReferenceDataPublished.Settlement> all = IntStream.range(0, settlements)
                .mapToObj(i -> new ReferenceDataPublished.Settlement("gn:" + i, "Settlement " + i, "Посёлок " + i,
                        "Ауыл " + i, 60 + i * 1e-4, 45 + i * 1e-4, 1000 + i, "GeoNames KZ dump (CC BY 4.0)", "GeoNames",
                        List.of("Alternate " + i)))
                .toList();
        ReferenceDataPublished.Zone zone = new ReferenceDataPublished.Zone("RP-25", "RP-25", "DROP_ZONE", "stages", GeoJsonModule
                .read("{\"type\":\"Polygon\",\"coordinates\":[[[66,47],[67,47],[67,48],[66,47]]]}"), true, "approximate", "compiled", null);
        return new ReferenceEdition(revision, "sha256:000000000000000" + revision, all, List.of(zone), List.of(), AT);
    }
}

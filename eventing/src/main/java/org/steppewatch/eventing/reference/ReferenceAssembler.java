package org.steppewatch.eventing.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.steppewatch.contracts.ReferenceDataPublished;

/**
 * What a reader of {@code reference.v1} holds: per key the chunk of the highest revision seen (a redelivered or older
 * record for a key changes nothing), and the complete edition of the highest revision so far. An edition is complete
 * when every chunk of every dataset carries its revision; only an edition newer than the one applied is returned.
 * Not thread-safe: one reader thread feeds it.
 */
final class ReferenceAssembler {

    private final Map<String, ReferenceDataPublished> byKey = new HashMap<>();
    private ReferenceEdition applied;
    private long highestRevision;

    /** A record of the topic; a tombstone ({@code null}) forgets its key. */
    void accept(String key, ReferenceDataPublished chunk) {
        if (chunk == null) {
            byKey.remove(key);
            return;
        }
        highestRevision = Math.max(highestRevision, chunk.revision());
        ReferenceDataPublished held = byKey.get(key);
        if (held == null || held.revision() < chunk.revision()) {
            byKey.put(key, chunk);
        }
    }

    /** The newest complete edition, when it is newer than the one applied; it counts as applied from now on. */
    Optional<ReferenceEdition> newerEdition() {
        long floor = applied == null ? 0 : applied.revision();
        TreeSet<Long> revisions = new TreeSet<>();
        byKey.values().forEach(c -> {
            if (c.revision() > floor) {
                revisions.add(c.revision());
            }
        });
        for (Long revision : revisions.descendingSet()) {
            Optional<ReferenceEdition> edition = assemble(revision);
            if (edition.isPresent()) {
                applied = edition.get();
                return edition;
            }
        }
        return Optional.empty();
    }

    private Optional<ReferenceEdition> assemble(long revision) {
        Map<String, List<ReferenceDataPublished>> datasets = new HashMap<>();
        for (String dataset : ReferenceDataPublished.DATASETS) {
            ReferenceDataPublished first = byKey.get(ReferenceDataPublished.key(dataset, 0));
            if (first == null || first.revision() != revision) {
                return Optional.empty();
            }
            List<ReferenceDataPublished> chunks = new ArrayList<>();
            for (int i = 0; i < first.chunks(); i++) {
                ReferenceDataPublished chunk = byKey.get(ReferenceDataPublished.key(dataset, i));
                if (chunk == null || chunk.revision() != revision) {
                    return Optional.empty();
                }
                chunks.add(chunk);
            }
            datasets.put(dataset, chunks);
        }
        ReferenceDataPublished any = datasets.get(ReferenceDataPublished.SETTLEMENTS).get(0);
        return Optional.of(new ReferenceEdition(revision, any.referenceDataVersion(),
                datasets.get(ReferenceDataPublished.SETTLEMENTS).stream().flatMap(c -> c.settlements().stream()).toList(),
                datasets.get(ReferenceDataPublished.DROP_ZONES).stream().flatMap(c -> c.zones().stream()).toList(),
                datasets.get(ReferenceDataPublished.AREAS_OF_CONCERN).stream().flatMap(c -> c.zones().stream()).toList(),
                any.publishedAt()));
    }

    Optional<ReferenceEdition> applied() {
        return Optional.ofNullable(applied);
    }

    /** The highest revision any record carried, complete or not: a publisher numbers its next edition above it. */
    long highestRevision() {
        return highestRevision;
    }
}

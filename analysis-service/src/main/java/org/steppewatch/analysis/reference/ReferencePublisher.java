package org.steppewatch.analysis.reference;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.ReferenceDataPublished;
import org.steppewatch.eventing.reference.ReferenceChunks;
import org.steppewatch.eventing.reference.ReferenceEdition;
import org.steppewatch.georef.Settlement;

/**
 * Publishes an edition of the reference data on {@code reference.v1} through the outbox: after an import, a revert,
 * and at start when the topic does not hold the edition in use ({@link ReferenceTopicCheck}). Each publication gets
 * a revision above every one handed out and every one seen on the topic.
 */
@Component
class ReferencePublisher {

    private static final Logger log = LoggerFactory.getLogger(ReferencePublisher.class);

    private final ReferencePublications publications;
    private final Clock clock;
    private final AtomicLong seenOnTopic = new AtomicLong();

    ReferencePublisher(ReferencePublications publications, Clock clock) {
        this.publications = publications;
        this.clock = clock;
    }

    /** A revision read on the topic (another instance's, or one from before this database): the next goes above it. */
    void seen(long revision) {
        seenOnTopic.accumulateAndGet(revision, Math::max);
    }

    /** @return the revision the edition is published under */
    long publish(ReferenceSnapshot snapshot) {
        long revision = publications.nextRevision(seenOnTopic.get());
        seen(revision);
        ReferenceEdition edition = new ReferenceEdition(revision, snapshot.version(),
                snapshot.settlements().all().stream().map(ReferencePublisher::settlement).toList(),
                zones(snapshot.dropZones().zones()), zones(snapshot.areasOfConcern().zones()), clock.instant());
        List<ReferenceDataPublished> chunks = ReferenceChunks.of(edition, ReferenceChunks.MAX_CHUNK_BYTES);
        publications.store(chunks, clock.instant());
        log.info("publishing reference data {} as revision {} on reference.v1 in {} records", snapshot.version(), revision,
                chunks.size());
        return revision;
    }

    boolean waiting(ReferenceSnapshot snapshot) {
        return publications.waiting(snapshot.version());
    }

    /** Field by field: a component added to the shipped Settlement reaches the wire only when added here. */
    private static ReferenceDataPublished.Settlement settlement(Settlement s) {
        return new ReferenceDataPublished.Settlement(s.id(), s.name(), s.nameRu(), s.nameKk(), s.lon(), s.lat(),
                s.population(), s.source(), s.populationSource(), s.alternateNames());
    }

    private static List<ReferenceDataPublished.Zone> zones(List<ReferenceZone> zones) {
        return zones.stream().map(z -> new ReferenceDataPublished.Zone(z.id(), z.name(), z.kind(), z.description(),
                z.geometry(), z.approximate(), z.confidence(), z.source(), z.note())).toList();
    }
}

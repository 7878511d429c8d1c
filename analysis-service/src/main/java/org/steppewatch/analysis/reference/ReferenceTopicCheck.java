package org.steppewatch.analysis.reference;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.steppewatch.eventing.reference.ReferenceEdition;
import org.steppewatch.eventing.reference.ReferenceEditionListener;

/**
 * Makes a fresh stack converge: once the reader has read {@code reference.v1} to its end, publishes the edition in
 * use unless the topic holds it already or a publication of it still waits in the outbox. Every revision read is
 * passed to the publisher, so the next publication is numbered above it, and an edition another instance published
 * makes this one rebuild from MongoDB.
 */
@Component
class ReferenceTopicCheck implements ReferenceEditionListener {

    private static final Logger log = LoggerFactory.getLogger(ReferenceTopicCheck.class);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final ReferenceData reference;
    private final ReferencePublisher publisher;

    ReferenceTopicCheck(ReferenceData reference, ReferencePublisher publisher) {
        this.reference = reference;
        this.publisher = publisher;
    }

    @Override
    public void editionReceived(ReferenceEdition edition) {
        publisher.seen(edition.revision());
        reference.follow(edition.referenceDataVersion());
    }

    /** On the reader's thread; while MongoDB fails, tries again every few seconds until it answers or the reader stops. */
    @Override
    public void caughtUp(Optional<ReferenceEdition> held, long highestRevision) {
        publisher.seen(highestRevision);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                reference.publishUnlessHeld(held.map(ReferenceEdition::referenceDataVersion));
                return;
            } catch (RuntimeException e) {
                log.warn("cannot publish the reference data in use yet, trying again in {}: {}", RETRY, e.toString());
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}

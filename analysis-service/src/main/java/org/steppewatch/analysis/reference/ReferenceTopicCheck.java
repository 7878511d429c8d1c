package org.steppewatch.analysis.reference;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.steppewatch.eventing.reference.ReferenceEdition;
import org.steppewatch.eventing.reference.ReferenceEditionListener;

/**
 * Makes a fresh stack converge: once the reader has read {@code reference.v1} to its end, publishes the edition in
 * use unless the topic holds it already or a publication of it still waits in the outbox. Every revision read is
 * passed to the publisher, so the next publication is numbered above it.
 */
@Component
class ReferenceTopicCheck implements ReferenceEditionListener {

    private final ReferenceData reference;
    private final ReferencePublisher publisher;

    ReferenceTopicCheck(ReferenceData reference, ReferencePublisher publisher) {
        this.reference = reference;
        this.publisher = publisher;
    }

    @Override
    public void editionReceived(ReferenceEdition edition) {
        publisher.seen(edition.revision());
    }

    @Override
    public void caughtUp(Optional<ReferenceEdition> held, long highestRevision) {
        publisher.seen(highestRevision);
        reference.publishUnlessHeld(held.map(ReferenceEdition::referenceDataVersion));
    }
}

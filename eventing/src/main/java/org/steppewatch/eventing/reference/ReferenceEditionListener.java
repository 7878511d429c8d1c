package org.steppewatch.eventing.reference;

import java.util.Optional;

/** A bean that wants the reference data of {@code reference.v1}: the reader calls it on its own thread. */
public interface ReferenceEditionListener {

    /** A complete edition newer than any before; swap it in whole. */
    void editionReceived(ReferenceEdition edition);

    /**
     * The reader has read the topic up to where it ended when the reader (re)connected.
     *
     * @param held            the newest complete edition on the topic, if any
     * @param highestRevision the highest revision any record carried (0 on an empty topic)
     */
    default void caughtUp(Optional<ReferenceEdition> held, long highestRevision) {
    }
}

package org.steppewatch.eventing;

/**
 * Thrown by a listener that cannot handle a good event yet (an index still loading, a dependency not ready): the
 * record is retried with backoff until it succeeds and never goes to the dead-letter topic.
 */
public class RetryLater extends RuntimeException {

    public RetryLater(String message) {
        super(message);
    }

    public RetryLater(String message, Throwable cause) {
        super(message, cause);
    }
}

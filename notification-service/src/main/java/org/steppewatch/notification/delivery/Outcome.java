package org.steppewatch.notification.delivery;

import java.time.Instant;

/**
 * What became of one claimed delivery, to be written with others in one bulk request.
 *
 * @param token      the lease token of the claim: only the holder of the lease decides the state
 * @param leaseUntil when that lease ends
 * @param attemptId unique per attempt, so an attempt is recorded at most once even if a write is repeated
 */
record Outcome(Type type, String id, String token, Instant leaseUntil, DeliveryView.Attempt attempt, String attemptId,
               DeliveryState next, Instant nextAttemptAt, String note, Instant releaseAt) {

    enum Type {
        /** an attempt was made: record it and move to {@code next} */
        ATTEMPT,
        /** nothing to deliver any more: CANCELLED with a note */
        CANCEL,
        /** not attempted (shutdown, lease too short, alert not stored yet): hand back uncounted */
        RELEASE
    }

    static Outcome attempt(String id, Lease lease, DeliveryView.Attempt attempt, DeliveryState next, Instant nextAttemptAt) {
        return new Outcome(Type.ATTEMPT, id, lease.token(), lease.until(), attempt, lease.token() + ":" + id, next,
                nextAttemptAt, null, null);
    }

    static Outcome cancel(String id, Lease lease, String note) {
        return new Outcome(Type.CANCEL, id, lease.token(), lease.until(), null, null, DeliveryState.CANCELLED, null, note,
                null);
    }

    static Outcome release(String id, Lease lease, Instant at) {
        return new Outcome(Type.RELEASE, id, lease.token(), lease.until(), null, null, null, null, null, at);
    }

    /** A claim: its token and when it ends. */
    record Lease(String token, Instant until) {
    }
}

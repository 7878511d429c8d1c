package org.steppewatch.notification.delivery;

import java.time.Instant;

/**
 * What became of one claimed delivery, to be written with others in one bulk request, where the
 * delivery is still held by {@code token}.
 *
 * @param token     the lease token of the claim: only the holder of the lease decides the state
 * @param attemptId unique per attempt, so an attempt is recorded at most once even if a write is repeated
 * @param endpoint  the webhook subscription an attempt went to (null for e-mail and for other outcomes):
 *                  what tells a failing endpoint
 */
record Outcome(Type type, String id, String token, DeliveryView.Attempt attempt, String attemptId,
               DeliveryState next, Instant nextAttemptAt, String note, Instant releaseAt, String endpoint) {

    enum Type {
        /** an attempt was made: record it and move to {@code next} */
        ATTEMPT,
        /** nothing to deliver any more: CANCELLED with a note */
        CANCEL,
        /** not attempted (shutdown, lease too short, alert not stored yet, an older message in flight): hand back uncounted */
        RELEASE
    }

    static Outcome attempt(String id, Lease lease, DeliveryView.Attempt attempt, DeliveryState next, Instant nextAttemptAt) {
        return attempt(id, lease, attempt, next, nextAttemptAt, null);
    }

    static Outcome attempt(String id, Lease lease, DeliveryView.Attempt attempt, DeliveryState next, Instant nextAttemptAt,
                           String endpoint) {
        return new Outcome(Type.ATTEMPT, id, lease.token(), attempt, lease.token() + ":" + id, next, nextAttemptAt, null,
                null, endpoint);
    }

    static Outcome cancel(String id, Lease lease, String note) {
        return new Outcome(Type.CANCEL, id, lease.token(), null, null, DeliveryState.CANCELLED, null, note, null, null);
    }

    static Outcome release(String id, Lease lease, Instant at) {
        return new Outcome(Type.RELEASE, id, lease.token(), null, null, null, null, null, at, null);
    }

    /** A claim: its token and when it ends as first granted (renewals extend it in the store, see {@link Leases}). */
    record Lease(String token, Instant until) {
    }
}

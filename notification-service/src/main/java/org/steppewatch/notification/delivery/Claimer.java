package org.steppewatch.notification.delivery;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due deliveries a batch at a time: the due ones of a range of buckets, the range moving
 * round the buckets and its width adapting so that a claim brings about the target. Used by the
 * claim loop's thread only.
 */
final class Claimer {

    private static final Logger log = LoggerFactory.getLogger(Claimer.class);
    /** Buckets searched by the first claim after an idle spell: 8 of 1024, under 1 % of what is due. */
    private static final int FIRST_WIDTH = 8;

    private final DeliveryStore store;
    private int nextBucket;
    private int bucketWidth = FIRST_WIDTH;

    Claimer(DeliveryStore store) {
        this.store = store;
    }

    /**
     * Claims about {@code target} due deliveries for {@code token} until {@code leaseUntil}. An empty
     * range widens the search; after a full round without anything due, the next search starts narrow
     * again, so the first claim after a large fan-out does not take all of it. A probe for any due
     * delivery comes first and places the range at it: when nothing is due, that one read is all a
     * claim costs.
     */
    List<Document> claim(Instant now, Instant leaseUntil, String token, int target) {
        // one read that stops at the first due delivery, instead of a round of claims that find nothing
        int dueBucket = store.someDueBucket(now);
        if (dueBucket < 0) {
            bucketWidth = FIRST_WIDTH;
            return List.of();
        }
        if (dueBucket < nextBucket || dueBucket >= nextBucket + bucketWidth) {
            nextBucket = dueBucket;
        }
        int searched = 0;
        while (searched < DeliveryStore.BUCKETS) {
            int from = nextBucket;
            int to = Math.min(from + bucketWidth, DeliveryStore.BUCKETS);
            long t0 = System.nanoTime();
            List<Document> batch = store.claimBuckets(now, leaseUntil, token, from, to);
            if (log.isDebugEnabled()) {
                log.debug("claim [{}, {}): {} in {} ms", from, to, batch.size(), (System.nanoTime() - t0) / 1_000_000);
            }
            searched += to - from;
            nextBucket = to % DeliveryStore.BUCKETS;
            if (!batch.isEmpty()) {
                if (batch.size() < target / 2) {
                    bucketWidth = Math.min(bucketWidth * 2, DeliveryStore.BUCKETS);
                } else if (batch.size() > target * 2L && bucketWidth > 1) {
                    bucketWidth /= 2;
                }
                return batch;
            }
            bucketWidth = Math.min(bucketWidth * 2, DeliveryStore.BUCKETS);
        }
        bucketWidth = FIRST_WIDTH;
        return List.of();
    }
}

package org.steppewatch.notification.delivery;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How deliveries are attempted.
 *
 * @param retrySchedule      the waits of one round of attempts ({@link RetrySchedule}): its length is the number of
 *                           attempts before a delivery is FAILED
 * @param jitter             relative spread of each wait (0.2 = ±20 %), so receivers coming back are not stampeded
 * @param disableAfter       a webhook subscription whose every attempt failed for this long is disabled
 * @param concurrency        requests in flight at once, all endpoints together
 * @param perHostConcurrency requests in flight at once to one host (webhook host:port, or the SMTP server),
 *                           so one community's small server is not flooded and a slow one cannot take every slot
 * @param mailConcurrency    SMTP sessions at once (each one blocks a thread)
 * @param claimBatch         deliveries claimed by one lease update
 * @param maxOutstanding     claimed deliveries not yet recorded, at most: the depth of the pipeline
 * @param pollInterval       how often the worker looks for due deliveries when nobody wakes it
 * @param lease              how long a claim reserves a delivery for one worker, renewed every third of it while the
 *                           worker still has it; longer than any attempt and its recording
 * @param connectTimeout     connect timeout of every attempt (HTTP and SMTP), per endpoint
 * @param requestTimeout     time for an answer of every attempt (HTTP: until the response headers; SMTP: per read)
 * @param attemptDeadline    the most one webhook attempt may take in all (connect, TLS, request, response): a
 *                           receiver that answers a byte at a time is cut off then
 * @param workerEnabled      false leaves deliveries untouched (another instance sends them; tests)
 */
@ConfigurationProperties("steppewatch.delivery")
record DeliveryProperties(List<Duration> retrySchedule, Double jitter, Duration disableAfter, Integer concurrency, Integer perHostConcurrency, Integer mailConcurrency,
                          Integer claimBatch, Integer maxOutstanding, Duration pollInterval, Duration lease,
                          Duration connectTimeout, Duration requestTimeout, Duration attemptDeadline,
                          Boolean workerEnabled) {

    DeliveryProperties {
        retrySchedule = retrySchedule == null ? SVIX : List.copyOf(retrySchedule);
        jitter = jitter == null ? 0.2 : jitter;
        disableAfter = disableAfter == null ? Duration.ofDays(5) : disableAfter;
        concurrency = concurrency == null ? 64 : concurrency;
        perHostConcurrency = perHostConcurrency == null ? 8 : perHostConcurrency;
        mailConcurrency = mailConcurrency == null ? 4 : mailConcurrency;
        claimBatch = claimBatch == null ? 2000 : claimBatch;
        maxOutstanding = maxOutstanding == null ? 8000 : maxOutstanding;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        lease = lease == null ? Duration.ofSeconds(60) : lease;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        attemptDeadline = attemptDeadline == null ? Duration.ofSeconds(15) : attemptDeadline;
        workerEnabled = workerEnabled == null || workerEnabled;
        new RetrySchedule(retrySchedule, jitter);
        if (concurrency < 1 || perHostConcurrency < 1 || mailConcurrency < 1 || claimBatch < 1
                || maxOutstanding < claimBatch || attemptDeadline.isNegative() || attemptDeadline.isZero()
                || disableAfter.isNegative() || disableAfter.isZero()) {
            throw new IllegalArgumentException("steppewatch.delivery: need concurrency, per-host-concurrency, "
                    + "mail-concurrency and claim-batch >= 1, max-outstanding >= claim-batch, attempt-deadline > 0 "
                    + "and disable-after > 0");
        }
        if (lease.compareTo(longestAttempt(connectTimeout, requestTimeout, attemptDeadline).plus(RECORD_MARGIN)) <= 0) {
            throw new IllegalArgumentException("steppewatch.delivery.lease must be longer than attempt-deadline (and "
                    + "connect-timeout + request-timeout) + " + RECORD_MARGIN.toSeconds()
                    + " s, or a slow attempt could be sent twice");
        }
    }

    /** Svix's schedule: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
    static final List<Duration> SVIX = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    /** Time allowed, within the lease, for an attempt's outcome to be written after the attempt ends. */
    static final Duration RECORD_MARGIN = Duration.ofSeconds(5);

    /**
     * The lease an attempt still needs when it starts: the longest it can take, plus time to record
     * it. A delivery whose lease has less left is handed back unattempted, so it is never sent twice.
     */
    Duration attemptBudget() {
        return longestAttempt().plus(RECORD_MARGIN);
    }

    /**
     * The longest one attempt can take: a webhook's deadline, or an SMTP session's connect and
     * read timeouts (the relay is the operator's own, not a stranger's receiver).
     */
    Duration longestAttempt() {
        return longestAttempt(connectTimeout, requestTimeout, attemptDeadline);
    }

    private static Duration longestAttempt(Duration connectTimeout, Duration requestTimeout, Duration attemptDeadline) {
        Duration timeouts = connectTimeout.plus(requestTimeout);
        return attemptDeadline.compareTo(timeouts) > 0 ? attemptDeadline : timeouts;
    }

    RetrySchedule schedule() {
        return new RetrySchedule(retrySchedule, jitter);
    }

    /** How often the leases of claimed deliveries still being worked on are extended: three times a lease. */
    Duration renewEvery() {
        return lease.dividedBy(3);
    }
}

package org.steppewatch.notification.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How deliveries are attempted.
 *
 * @param maxAttempts        attempts before a delivery is FAILED
 * @param initialBackoff     wait after the first failed attempt
 * @param multiplier         growth of the wait per further failure
 * @param maxBackoff         the longest wait
 * @param jitter             relative spread of each wait (0.2 = ±20 %), so receivers coming back are not stampeded
 * @param concurrency        requests in flight at once, all endpoints together
 * @param perHostConcurrency requests in flight at once to one host (webhook host:port, or the SMTP server),
 *                           so one community's small server is not flooded and a slow one cannot take every slot
 * @param mailConcurrency    SMTP sessions at once (each one blocks a thread)
 * @param claimBatch         deliveries claimed by one lease update
 * @param maxOutstanding     claimed deliveries not yet recorded, at most: the depth of the pipeline
 * @param pollInterval       how often the worker looks for due deliveries when nobody wakes it
 * @param lease              how long a claimed delivery is reserved for one worker; longer than any attempt
 * @param connectTimeout     connect timeout of every attempt (HTTP and SMTP), per endpoint
 * @param requestTimeout     time for an answer of every attempt (HTTP: until the response headers; SMTP: per read)
 * @param attemptDeadline    the most one webhook attempt may take in all (connect, TLS, request, response): a
 *                           receiver that answers a byte at a time is cut off then
 * @param workerEnabled      false leaves deliveries untouched (another instance sends them; tests)
 */
@ConfigurationProperties("steppewatch.delivery")
record DeliveryProperties(Integer maxAttempts, Duration initialBackoff, Double multiplier, Duration maxBackoff,
                          Double jitter, Integer concurrency, Integer perHostConcurrency, Integer mailConcurrency,
                          Integer claimBatch, Integer maxOutstanding, Duration pollInterval, Duration lease,
                          Duration connectTimeout, Duration requestTimeout, Duration attemptDeadline,
                          Boolean workerEnabled) {

    DeliveryProperties {
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(2) : initialBackoff;
        multiplier = multiplier == null ? 2.0 : multiplier;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
        jitter = jitter == null ? 0.2 : jitter;
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
        if (maxAttempts < 1 || concurrency < 1 || perHostConcurrency < 1 || mailConcurrency < 1 || claimBatch < 1
                || maxOutstanding < claimBatch || multiplier < 1 || jitter < 0 || jitter >= 1
                || attemptDeadline.isNegative() || attemptDeadline.isZero()) {
            throw new IllegalArgumentException("steppewatch.delivery: need max-attempts, concurrency, per-host-concurrency, "
                    + "mail-concurrency and claim-batch >= 1, max-outstanding >= claim-batch, multiplier >= 1, 0 <= jitter < 1 "
                    + "and attempt-deadline > 0");
        }
        if (lease.compareTo(longestAttempt(connectTimeout, requestTimeout, attemptDeadline).plus(RECORD_MARGIN)) <= 0) {
            throw new IllegalArgumentException("steppewatch.delivery.lease must be longer than attempt-deadline (and "
                    + "connect-timeout + request-timeout) + " + RECORD_MARGIN.toSeconds()
                    + " s, or a slow attempt could be sent twice");
        }
    }

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

    Backoff backoff() {
        return new Backoff(initialBackoff, multiplier, maxBackoff, jitter);
    }
}

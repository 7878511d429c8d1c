package org.steppewatch.notification.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhook deliveries are attempted.
 *
 * @param maxAttempts    attempts before a delivery is FAILED
 * @param initialBackoff wait after the first failed attempt
 * @param multiplier     growth of the wait per further failure
 * @param maxBackoff     the longest wait
 * @param jitter         relative spread of each wait (0.2 = ±20 %), so receivers coming back are not stampeded
 * @param concurrency    webhook requests in flight at once
 * @param pollInterval   how often the worker looks for due deliveries when nobody wakes it
 * @param lease          how long a claimed delivery is reserved for one worker; longer than any attempt
 * @param connectTimeout HTTP connect timeout
 * @param requestTimeout HTTP request timeout (until the response headers)
 */
@ConfigurationProperties("steppewatch.delivery")
record DeliveryProperties(Integer maxAttempts, Duration initialBackoff, Double multiplier, Duration maxBackoff,
                          Double jitter, Integer concurrency, Duration pollInterval, Duration lease,
                          Duration connectTimeout, Duration requestTimeout) {

    DeliveryProperties {
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(2) : initialBackoff;
        multiplier = multiplier == null ? 2.0 : multiplier;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
        jitter = jitter == null ? 0.2 : jitter;
        concurrency = concurrency == null ? 8 : concurrency;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        lease = lease == null ? Duration.ofSeconds(60) : lease;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        if (maxAttempts < 1 || concurrency < 1 || multiplier < 1 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("steppewatch.delivery: need max-attempts >= 1, concurrency >= 1, "
                    + "multiplier >= 1 and 0 <= jitter < 1");
        }
        if (lease.compareTo(connectTimeout.plus(requestTimeout)) <= 0) {
            throw new IllegalArgumentException("steppewatch.delivery.lease must be longer than connect-timeout + "
                    + "request-timeout, or a slow attempt could be sent twice");
        }
    }

    Backoff backoff() {
        return new Backoff(initialBackoff, multiplier, maxBackoff, jitter);
    }
}

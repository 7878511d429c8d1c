package org.steppewatch.eventing;

import java.time.Duration;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.steppewatch.contracts.Topics;

/**
 * The consumers' error handler. A failure of the infrastructure ({@link ConsumerFailures#isInfrastructure}) is
 * retried for as long as it lasts, backing off exponentially up to {@code steppewatch.eventing.max-backoff}: the
 * record is not skipped and its partition waits, so one incident's events are still handled in order. A record
 * that can never be processed (not JSON, not its event type) goes to {@code <topic>.DLT} at once; any other
 * failure (a bug: IllegalArgumentException, NullPointerException...) after {@code consumer-attempts} deliveries.
 */
final class ConsumerErrorHandling {

    private static final long FIRST_RETRY_MS = 500;

    private ConsumerErrorHandling() {
    }

    static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> kafka, EventingProperties properties,
                                            ConsumerHealth health) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                // partition left to the producer: the key (incident id) keeps one incident's records together
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        ExponentialBackOff bugs = new ExponentialBackOff(200, 2.0);
        bugs.setMaxAttempts(properties.consumerAttempts() - 1);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, bugs);
        BackOff untilItAnswers = untilItAnswers(properties.maxBackoff());
        handler.setBackOffFunction((record, failure) ->
                ConsumerFailures.isInfrastructure(failure) ? untilItAnswers : null);
        // a record failing first for MongoDB and then for a bug starts counting its attempts afresh
        handler.setResetStateOnExceptionChange(true);
        handler.addNotRetryableExceptions(ConsumerFailures.poison());
        handler.setRetryListeners(health);
        return handler;
    }

    static ExponentialBackOff untilItAnswers(Duration maxBackoff) {
        ExponentialBackOff backOff = new ExponentialBackOff(Math.min(FIRST_RETRY_MS, maxBackoff.toMillis()), 2.0);
        backOff.setMaxInterval(maxBackoff.toMillis());
        // no maximum of attempts or of elapsed time: the defaults are unlimited
        return backOff;
    }
}

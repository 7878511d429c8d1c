package org.steppewatch.eventing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.RetryListener;

/**
 * Which partitions wait on a record because the infrastructure failed it: set by the error handler's retries,
 * cleared when a record of the partition succeeds or is recovered. An entry that no retry refreshed for a while
 * (the partition went to another instance) is dropped, so a rebalance does not leave the service DOWN forever.
 */
public class ConsumerHealth implements RetryListener, RecordInterceptor<Object, Object> {

    /** A partition stuck on one record. */
    public record Stuck(String topic, int partition, long offset, String error, int attempts, Instant since,
                        Instant lastAttempt) {
    }

    private final Map<TopicPartition, Stuck> stuck = new ConcurrentHashMap<>();
    private final Duration staleAfter;
    private final Clock clock;

    ConsumerHealth(Duration maxBackoff, Clock clock) {
        this.staleAfter = maxBackoff.multipliedBy(3).plusMinutes(1);
        this.clock = clock;
    }

    /** Partitions retrying an infrastructure failure now; empty when every consumer is well. */
    public Map<TopicPartition, Stuck> stuck() {
        Instant now = clock.instant();
        stuck.values().removeIf(s -> s.lastAttempt().plus(staleAfter).isBefore(now));
        return Map.copyOf(stuck);
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (!ConsumerFailures.isInfrastructure(ex)) {
            stuck.remove(partition);
            return;
        }
        Instant now = clock.instant();
        stuck.compute(partition, (p, before) -> new Stuck(record.topic(), record.partition(), record.offset(),
                describe(ex), deliveryAttempt, before != null && before.offset() == record.offset() ? before.since() : now,
                now));
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
        stuck.remove(new TopicPartition(record.topic(), record.partition()));
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        stuck.remove(new TopicPartition(record.topic(), record.partition()));
    }

    /** The listener's own exception, not the container's wrapper around it. */
    private static String describe(Throwable ex) {
        Throwable t = ex;
        while (t instanceof ListenerExecutionFailedException && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getName() + ": " + t.getMessage();
    }
}

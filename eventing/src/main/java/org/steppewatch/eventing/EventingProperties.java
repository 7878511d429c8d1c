package org.steppewatch.eventing;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code steppewatch.eventing.*} settings of a service. One more, {@code create-topics} (true), is read by
 * {@link EventingAutoConfiguration}: whether this service creates the contract topics and their dead-letter topics.
 *
 * @param source            {@code source}: the CloudEvents {@code ce_source} of events this service publishes
 * @param outboxCollections {@code outbox-collections}: MongoDB collections whose documents carry an {@code outbox}
 *                          array; the relay publishes one incident's events from all of them in version order
 * @param pollInterval      {@code poll-interval} (500ms): how often the relay looks for unpublished events when
 *                          nobody wakes it, and its pause after a failed pass
 * @param sendTimeout       {@code send-timeout} (15s): how long one publish may take before the relay retries
 *                          later; a key's lease lasts four times this plus 5 s and is renewed once a quarter of
 *                          it has passed, so a send begun under it ends under it
 * @param partitions        {@code partitions} (3): partitions of topics this service creates
 * @param replicationFactor {@code replication-factor} (1): replication factor of topics this service creates
 * @param consumerAttempts  {@code consumer-attempts} (4): deliveries of one record to a listener that fails with a
 *                          bug (not the infrastructure) before it goes to the dead-letter topic
 * @param maxBackoff        {@code max-backoff} (30s): the longest pause between retries of a record whose listener
 *                          failed because MongoDB, Kafka or another dependency did; such retries never end
 * @param deadLetterCountInterval {@code dead-letter-count-interval} (30s): how old the count behind the
 *                          {@code steppewatch.dead.letters} gauge may be
 */
@ConfigurationProperties("steppewatch.eventing")
public record EventingProperties(
        String source,
        List<String> outboxCollections,
        Duration pollInterval,
        Duration sendTimeout,
        Integer partitions,
        Short replicationFactor,
        Integer consumerAttempts,
        Duration maxBackoff,
        Duration deadLetterCountInterval) {

    public EventingProperties {
        source = source == null ? "/steppewatch" : source;
        outboxCollections = outboxCollections == null ? List.of() : List.copyOf(outboxCollections);
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
        partitions = partitions == null ? 3 : partitions;
        replicationFactor = replicationFactor == null ? (short) 1 : replicationFactor;
        consumerAttempts = consumerAttempts == null ? 4 : consumerAttempts;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        deadLetterCountInterval = deadLetterCountInterval == null ? Duration.ofSeconds(30) : deadLetterCountInterval;
    }

    /** How long a relay instance holds one incident's events before another may take them over. */
    Duration outboxLease() {
        return sendTimeout.multipliedBy(4).plusSeconds(5);
    }
}

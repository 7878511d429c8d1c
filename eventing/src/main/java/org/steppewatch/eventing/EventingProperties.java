package org.steppewatch.eventing;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param source            the CloudEvents {@code ce_source} of events this service publishes
 * @param outboxCollections MongoDB collections whose documents carry an {@code outbox} array
 * @param pollInterval      how often the relay looks for unpublished events when nobody wakes it
 * @param sendTimeout       how long one publish may take before the relay retries later
 * @param partitions        partitions of topics this service creates
 * @param replicationFactor replication factor of topics this service creates
 * @param consumerAttempts  deliveries of one record to a listener before it goes to the dead-letter topic
 */
@ConfigurationProperties("steppewatch.eventing")
public record EventingProperties(
        String source,
        List<String> outboxCollections,
        Duration pollInterval,
        Duration sendTimeout,
        Integer partitions,
        Short replicationFactor,
        Integer consumerAttempts) {

    public EventingProperties {
        source = source == null ? "/steppewatch" : source;
        outboxCollections = outboxCollections == null ? List.of() : List.copyOf(outboxCollections);
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
        partitions = partitions == null ? 3 : partitions;
        replicationFactor = replicationFactor == null ? (short) 1 : replicationFactor;
        consumerAttempts = consumerAttempts == null ? 4 : consumerAttempts;
    }
}

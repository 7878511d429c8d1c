package org.steppewatch.faults;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * When notification-service has handled the retractions of a scenario, read from the broker: every retracted
 * incident's {@code AssessmentWithdrawn} is on {@code assessments.v1}, and notification-service's consumer group has
 * committed past it and past every other record of the incident seen there. Only then is what the public alerts API
 * says about a retracted incident final: before, an alert of version 1 may stand because its withdrawal is still on
 * its way (a subscriber that was not sent the alert yet does not make the ledger wait for the Cancel).
 */
final class Retractions {

    static final String ASSESSMENTS = "assessments.v1";
    /** The group of every notification-service instance (spring.kafka.consumer.group-id). */
    static final String NOTIFICATION_GROUP = "notification-service";
    private static final String TYPE_HEADER = "ce_type";
    private static final String WITHDRAWN = "org.steppewatch.incident.assessment-withdrawn.v1";

    private Retractions() {
    }

    /** Where one incident's last record on assessments.v1 is. */
    record Position(TopicPartition partition, long offset) {
    }

    /**
     * Waits until notification-service has handled the withdrawal of each of {@code incidentIds} (and every earlier
     * record of those incidents); throws an AssertionError naming the incidents and the service to look at if not
     * within {@code deadline}.
     */
    static void awaitHandled(String bootstrap, Set<String> incidentIds, Duration deadline) {
        if (incidentIds.isEmpty()) {
            return;
        }
        long until = System.nanoTime() + deadline.toNanos();
        Map<String, Position> last = onTopic(bootstrap, incidentIds, until);
        Map<TopicPartition, Long> committed = new HashMap<>();
        try {
            await().atMost(Duration.ofNanos(Math.max(1, until - System.nanoTime()))).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        committed.clear();
                        committed.putAll(committed(bootstrap));
                        return pending(last, committed).isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            Set<String> pending = pending(last, committed);
            throw new AssertionError("notification-service has not handled the withdrawal of retracted incidents "
                    + pending + " within " + deadline + " (their last records on " + ASSESSMENTS + ": "
                    + pending.stream().map(last::get).toList() + ", the group's committed offsets " + committed
                    + "): look at notification-service's log (AssessmentListener, the eventConsumers health) in the "
                    + "instance logs kept under " + FaultLogs.ROOT, e);
        }
    }

    private static Set<String> pending(Map<String, Position> last, Map<TopicPartition, Long> committed) {
        Set<String> pending = new TreeSet<>();
        last.forEach((incident, at) -> {
            if (committed.getOrDefault(at.partition(), -1L) <= at.offset()) {
                pending.add(incident);
            }
        });
        return pending;
    }

    /** Reads assessments.v1 from the start until every incident's withdrawal is there; the last record of each. */
    private static Map<String, Position> onTopic(String bootstrap, Set<String> incidentIds, long until) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Position> last = new HashMap<>();
        Set<String> withdrawn = new LinkedHashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(ASSESSMENTS, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (withdrawn.size() < incidentIds.size()) {
                if (System.nanoTime() > until) {
                    Set<String> missing = new TreeSet<>(incidentIds);
                    missing.removeAll(withdrawn);
                    throw new AssertionError("the withdrawal of retracted incidents " + missing + " never reached "
                            + ASSESSMENTS + ": look at analysis-service's log (\"incident <id> retracted\", its outbox "
                            + "relay) and incident-service's (the retraction's event on incidents.v1) in the instance "
                            + "logs kept under " + FaultLogs.ROOT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() == null || !incidentIds.contains(record.key())) {
                        continue;
                    }
                    last.merge(record.key(), new Position(new TopicPartition(record.topic(), record.partition()),
                            record.offset()), (a, b) -> a.offset() >= b.offset() ? a : b);
                    Header type = record.headers().lastHeader(TYPE_HEADER);
                    if (type != null && WITHDRAWN.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        withdrawn.add(record.key());
                    }
                }
            }
        }
        return last;
    }

    private static Map<TopicPartition, Long> committed(String bootstrap) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(NOTIFICATION_GROUP)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> committed = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    committed.put(partition, offset.offset());
                }
            });
            return committed;
        }
    }
}

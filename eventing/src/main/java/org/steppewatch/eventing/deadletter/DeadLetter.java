package org.steppewatch.eventing.deadletter;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.KafkaHeaders;
import org.steppewatch.contracts.EventHeaders;

/**
 * A record waiting in a dead-letter topic, as the admin API shows it: where it is, where it came from (the headers
 * DeadLetterPublishingRecoverer adds), why it failed, and which CloudEvent it carries.
 */
public record DeadLetter(String topic, int partition, long offset, String key, Instant timestamp,
                         String originalTopic, Integer originalPartition, Long originalOffset, String consumerGroup,
                         String exception, String exceptionCause, String exceptionMessage,
                         String eventId, String eventType) {

    static DeadLetter of(ConsumerRecord<String, String> record) {
        byte[] partition = bytes(record, KafkaHeaders.DLT_ORIGINAL_PARTITION);
        byte[] offset = bytes(record, KafkaHeaders.DLT_ORIGINAL_OFFSET);
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                Instant.ofEpochMilli(record.timestamp()),
                text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                partition != null && partition.length == Integer.BYTES ? ByteBuffer.wrap(partition).getInt() : null,
                offset != null && offset.length == Long.BYTES ? ByteBuffer.wrap(offset).getLong() : null,
                text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                text(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
                text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN),
                text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                text(record, EventHeaders.ID), text(record, EventHeaders.TYPE));
    }

    private static byte[] bytes(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        byte[] value = bytes(record, name);
        return value == null ? null : new String(value, UTF_8);
    }
}

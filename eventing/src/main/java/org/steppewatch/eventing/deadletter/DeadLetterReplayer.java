package org.steppewatch.eventing.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends dead letters back to the topic they came from (value, key and the original headers; the
 * {@code kafka_dlt-*} headers dropped) and moves the partition's replay position past them. Each partition is
 * replayed under its lock, oldest record first, each send acknowledged before the next; a failed send stops the
 * partition there and the position covers only what was sent.
 */
class DeadLetterReplayer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private final DeadLetterReader reader;
    private final DeadLetterPositions positions;
    private final KafkaTemplate<String, String> kafka;

    DeadLetterReplayer(DeadLetterReader reader, DeadLetterPositions positions, KafkaTemplate<String, String> kafka) {
        this.reader = reader;
        this.positions = positions;
        this.kafka = kafka;
    }

    /** Which dead letters to replay: one ({@code partition} and {@code offset} set) or all waiting in the topic. */
    record Selection(String topic, Integer partition, Long offset) {
        boolean includes(int p, long o) {
            return (partition == null || partition == p) && (offset == null || offset == o);
        }
    }

    /** What a replay did, per partition it touched. */
    record Outcome(int replayed, int failed, List<String> busy) {
    }

    Outcome replay(Selection selection) {
        int replayed = 0;
        int failed = 0;
        List<String> busy = new ArrayList<>();
        for (DeadLetterReader.Waiting waiting : reader.waiting(selection.topic())) {
            List<ConsumerRecord<String, String>> chosen = waiting.records().stream()
                    .filter(r -> selection.includes(r.partition(), r.offset())).toList();
            if (chosen.isEmpty()) {
                continue;
            }
            String token = positions.lock(waiting.topic(), waiting.partition());
            if (token == null) {
                busy.add(waiting.topic() + "/" + waiting.partition());
                continue;
            }
            List<Long> sent = new ArrayList<>();
            try {
                // read again under the lock: a replay that finished just before may have moved the position
                DeadLetterPositions.Position position = positions.get(waiting.topic(), waiting.partition());
                for (ConsumerRecord<String, String> record : chosen) {
                    if (!position.waiting(record.offset())) {
                        continue;
                    }
                    if (!send(record)) {
                        failed++;
                        break;
                    }
                    sent.add(record.offset());
                }
                if (positions.advance(waiting.topic(), waiting.partition(), token,
                        position.after(sent, waiting.firstOffset()))) {
                    replayed += sent.size();
                } else {
                    log.warn("replay lock of {}/{} was taken over; {} records were sent, the position stays",
                            waiting.topic(), waiting.partition(), sent.size());
                }
            } finally {
                positions.unlock(waiting.topic(), waiting.partition(), token);
            }
        }
        return new Outcome(replayed, failed, busy);
    }

    private boolean send(ConsumerRecord<String, String> dead) {
        String originalTopic = DeadLetter.of(dead).originalTopic();
        if (originalTopic == null) {
            log.warn("dead letter {}/{}@{} names no original topic; not replayed", dead.topic(), dead.partition(),
                    dead.offset());
            return false;
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(originalTopic, dead.key(), dead.value());
        for (Header header : dead.headers()) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
                record.headers().add(header);
            }
        }
        try {
            kafka.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("could not replay dead letter {}/{}@{} to {}: {}", dead.topic(), dead.partition(), dead.offset(),
                    originalTopic, e.toString());
            return false;
        }
    }
}

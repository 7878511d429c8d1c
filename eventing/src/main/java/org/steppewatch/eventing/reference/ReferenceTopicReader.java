package org.steppewatch.eventing.reference;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.ReferenceDataPublished;
import org.steppewatch.contracts.Topics;
import org.steppewatch.eventing.WorkerThreads;

/**
 * Reads {@code reference.v1} from the beginning, every partition, on a thread of its own, in every instance (no
 * consumer group: each instance needs the whole reference data, and commits nothing), and hands each complete
 * edition newer than the last to the {@link ReferenceEditionListener}s. Starting never waits for Kafka: until the
 * topic delivers, the listeners keep what they had (the shipped data); while the broker is away the reader retries
 * every {@code retry} and reads from the beginning again when it is back, which applies nothing twice.
 * A record that is not a reference chunk is logged and skipped: the next publication overwrites its key.
 */
public class ReferenceTopicReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReferenceTopicReader.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Supplier<Consumer<String, String>> consumers;
    private final List<ReferenceEditionListener> listeners;
    private final Duration retry;
    private final ReferenceAssembler assembler = new ReferenceAssembler();
    private volatile Consumer<String, String> consumer;
    private volatile Thread worker;
    private volatile boolean running;

    public ReferenceTopicReader(Supplier<Consumer<String, String>> consumers, List<ReferenceEditionListener> listeners,
                                Duration retry) {
        this.consumers = consumers;
        this.listeners = List.copyOf(listeners);
        this.retry = retry;
    }

    private void loop() {
        while (running) {
            try (Consumer<String, String> c = consumers.get()) {
                consumer = c;
                if (running) {
                    read(c);
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("cannot read {} (retrying in {}): {}", Topics.REFERENCE, retry, e.toString());
            } finally {
                consumer = null;
            }
            pause();
        }
    }

    private void read(Consumer<String, String> c) {
        List<PartitionInfo> partitions = c.partitionsFor(Topics.REFERENCE, Duration.ofSeconds(10));
        if (partitions == null || partitions.isEmpty()) {
            log.info("{} does not exist yet; looking again in {}", Topics.REFERENCE, retry);
            return;
        }
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        c.assign(assigned);
        c.seekToBeginning(assigned);
        Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(assigned, Duration.ofSeconds(10)));
        boolean reachedEnd = false;
        while (running) {
            for (ConsumerRecord<String, String> record : c.poll(POLL)) {
                if (record.value() == null) {
                    assembler.accept(record.key(), null);
                } else {
                    decode(record).ifPresent(chunk -> assembler.accept(record.key(), chunk));
                }
            }
            assembler.newerEdition().ifPresent(this::hand);
            if (!reachedEnd && end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                reachedEnd = true;
                Optional<ReferenceEdition> held = assembler.applied();
                log.info("read {} to its end: {}", Topics.REFERENCE, held.map(e -> "edition " + e.referenceDataVersion()
                        + " (revision " + e.revision() + ")").orElse("no complete edition"));
                listeners.forEach(l -> call(() -> l.caughtUp(held, assembler.highestRevision())));
            }
        }
    }

    private static Optional<ReferenceDataPublished> decode(ConsumerRecord<String, String> record) {
        try {
            return Optional.of(EventJson.mapper().readValue(record.value(), ReferenceDataPublished.class));
        } catch (RuntimeException e) {
            log.error("skipping {} record {} at {}-{}: not a reference chunk: {}", Topics.REFERENCE, record.key(),
                    record.partition(), record.offset(), e.toString());
            return Optional.empty();
        }
    }

    private void hand(ReferenceEdition edition) {
        log.info("reference data {} (revision {}): {} settlements, {} drop zones, {} areas of concern",
                edition.referenceDataVersion(), edition.revision(), edition.settlements().size(),
                edition.dropZones().size(), edition.areasOfConcern().size());
        listeners.forEach(l -> call(() -> l.editionReceived(edition)));
    }

    private static void call(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            // one listener's failure must not keep the others on the old edition
            log.error("a reference-data listener failed", e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(retry.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void start() {
        if (running) {
            return;
        }
        running = true;
        Thread t = new Thread(this::loop, "reference-reader");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        WorkerThreads.stop(worker);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

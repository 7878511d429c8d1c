package org.steppewatch.eventing.deadletter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.steppewatch.contracts.Topics;

/** The dead-letter topics of what this service consumes: what waits in them, and replaying it. */
public class DeadLetters {

    private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;
    private final DeadLetterReader reader;
    private final DeadLetterReplayer replayer;

    DeadLetters(ObjectProvider<KafkaListenerEndpointRegistry> listeners, DeadLetterReader reader,
                DeadLetterReplayer replayer) {
        this.listeners = listeners;
        this.reader = reader;
        this.replayer = replayer;
    }

    /** {@code <topic>.DLT} of every topic a listener of this service reads, sorted. */
    public List<String> topics() {
        TreeSet<String> topics = new TreeSet<>();
        KafkaListenerEndpointRegistry registry = listeners.getIfAvailable();
        if (registry != null) {
            for (MessageListenerContainer container : registry.getListenerContainers()) {
                String[] names = container.getContainerProperties().getTopics();
                if (names != null) {
                    for (String name : names) {
                        if (!name.endsWith(".DLT")) {
                            topics.add(Topics.deadLetter(name));
                        }
                    }
                }
            }
        }
        return List.copyOf(topics);
    }

    public List<DeadLetter> waiting() {
        List<DeadLetter> all = new ArrayList<>();
        for (String topic : topics()) {
            reader.waiting(topic).forEach(w -> w.records().forEach(r -> all.add(DeadLetter.of(r))));
        }
        return all;
    }

    public long count(String deadLetterTopic) {
        return reader.count(deadLetterTopic);
    }

    /**
     * Replays every waiting dead letter, or the one at {@code topic} (the dead-letter topic, or the topic it
     * belongs to), {@code partition}, {@code offset}.
     */
    public Replayed replay(String topic, Integer partition, Long offset) {
        List<String> targets = topic == null ? topics()
                : List.of(topic.endsWith(".DLT") ? topic : Topics.deadLetter(topic));
        int replayed = 0;
        int failed = 0;
        List<String> busy = new ArrayList<>();
        for (String target : targets) {
            if (!topics().contains(target)) {
                continue;
            }
            DeadLetterReplayer.Outcome outcome = replayer.replay(new DeadLetterReplayer.Selection(target, partition, offset));
            replayed += outcome.replayed();
            failed += outcome.failed();
            busy.addAll(outcome.busy());
        }
        return new Replayed(replayed, failed, busy);
    }

    /**
     * @param replayed dead letters sent back to their topics
     * @param failed   sends that failed (the partition stops there; its later records stay waiting)
     * @param busy     partitions skipped because another replay of them was running
     */
    public record Replayed(int replayed, int failed, List<String> busy) {
        public Replayed {
            busy = List.copyOf(Objects.requireNonNull(busy));
        }
    }
}

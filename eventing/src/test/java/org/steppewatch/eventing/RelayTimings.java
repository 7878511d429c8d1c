package org.steppewatch.eventing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Wall time the relay spends in each step, summed over a run: the real store, leases and publisher, each call
 * timed on its way through (the relay is one thread, so the steps add up to its wall time).
 */
final class RelayTimings {

    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();

    /** Milliseconds per step so far, by step name. */
    Map<String, Double> millis() {
        Map<String, Double> out = new TreeMap<>();
        nanos.forEach((step, n) -> out.put(step, n.sum() / 1e6));
        return out;
    }

    private <T> T time(String step, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            nanos.computeIfAbsent(step, s -> new LongAdder()).add(System.nanoTime() - start);
        }
    }

    OutboxStore store(MongoTemplate mongo, List<String> collections) {
        return new OutboxStore(mongo, collections) {
            @Override
            Map<String, List<String>> keysWaiting() {
                return time("store: keys waiting (distinct)", super::keysWaiting);
            }

            @Override
            List<Pending> claim(String key, List<String> in, String token) {
                return time("store: claim a key (stamp + find)", () -> super.claim(key, in, token));
            }

            @Override
            boolean remove(Pending pending, String token, boolean unstamp) {
                return time("store: remove an event (update)", () -> super.remove(pending, token, unstamp));
            }

            @Override
            void unstamp(List<Pending> worked, String token) {
                time("store: unstamp documents (update)", () -> {
                    super.unstamp(worked, token);
                    return null;
                });
            }
        };
    }

    OutboxLeases leases(MongoTemplate mongo, Duration duration) {
        return new OutboxLeases(mongo, duration, Clock.systemUTC()) {
            @Override
            String take(String key) {
                return time("lease: take (findAndModify)", () -> super.take(key));
            }

            @Override
            boolean renew(String key, String token) {
                return time("lease: renew when a quarter has passed (update)", () -> super.renew(key, token));
            }

            @Override
            void release(String key, String token) {
                time("lease: release (delete)", () -> {
                    super.release(key, token);
                    return null;
                });
            }
        };
    }

    CloudEventPublisher publisher(KafkaTemplate<String, String> kafka, String source, Duration timeout) {
        return new CloudEventPublisher(kafka, source, timeout) {
            @Override
            void publish(OutboxMessage message) throws PublishFailed {
                long start = System.nanoTime();
                try {
                    super.publish(message);
                } finally {
                    nanos.computeIfAbsent("kafka: send and wait for the ack", s -> new LongAdder()).add(System.nanoTime() - start);
                }
            }
        };
    }
}

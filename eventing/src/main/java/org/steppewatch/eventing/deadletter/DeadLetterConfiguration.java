package org.steppewatch.eventing.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.steppewatch.eventing.EventingProperties;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Dead letters of every service (imported by the eventing auto-configuration): the replay positions, the reader and
 * replayer, the gauge {@code steppewatch.dead.letters{topic}}, and in a servlet web application the admin API.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    private static final Duration REPLAY_LOCK = Duration.ofMinutes(2);

    @Bean
    DeadLetters deadLetters(ObjectProvider<KafkaListenerEndpointRegistry> listeners, ConsumerFactory<String, String> consumers,
                            KafkaTemplate<String, String> kafka, MongoTemplate mongo, Clock clock) {
        DeadLetterPositions positions = new DeadLetterPositions(mongo, REPLAY_LOCK, clock);
        DeadLetterReader reader = new DeadLetterReader(consumers, positions);
        return new DeadLetters(listeners, reader, new DeadLetterReplayer(reader, positions, kafka));
    }

    /** Registers nothing without a MeterRegistry (a service without actuator). */
    @Bean
    DeadLetterGauges deadLetterGauges(DeadLetters deadLetters, ObjectProvider<MeterRegistry> meters,
                                      EventingProperties properties, Clock clock) {
        return new DeadLetterGauges(deadLetters, meters, properties.deadLetterCountInterval(), clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        @Bean
        DeadLetterController deadLetterController(DeadLetters deadLetters) {
            return new DeadLetterController(deadLetters);
        }
    }

    /**
     * One gauge per dead-letter topic, registered once the listeners are known. Counting asks the broker, so a
     * count is reused for {@code dead-letter-count-interval}; while the broker does not answer the last count stays.
     */
    static class DeadLetterGauges {

        private static final Logger log = LoggerFactory.getLogger(DeadLetterGauges.class);

        private final DeadLetters deadLetters;
        private final ObjectProvider<MeterRegistry> meters;
        private final Duration maxAge;
        private final Clock clock;
        private final Map<String, Counted> counts = new ConcurrentHashMap<>();

        DeadLetterGauges(DeadLetters deadLetters, ObjectProvider<MeterRegistry> meters, Duration maxAge, Clock clock) {
            this.deadLetters = deadLetters;
            this.meters = meters;
            this.maxAge = maxAge;
            this.clock = clock;
        }

        private record Counted(double value, Instant at) {
        }

        @EventListener(ApplicationReadyEvent.class)
        void register() {
            MeterRegistry registry = meters.getIfAvailable();
            if (registry == null) {
                return;
            }
            for (String topic : deadLetters.topics()) {
                Gauge.builder("steppewatch.dead.letters", () -> count(topic)).tag("topic", topic)
                        .description("records waiting in a dead-letter topic, not yet replayed").register(registry);
            }
        }

        double count(String topic) {
            Counted last = counts.get(topic);
            if (last != null && last.at().plus(maxAge).isAfter(clock.instant())) {
                return last.value();
            }
            try {
                Counted now = new Counted(deadLetters.count(topic), clock.instant());
                counts.put(topic, now);
                return now.value();
            } catch (RuntimeException e) {
                log.debug("cannot count the dead letters of {}: {}", topic, e.toString());
                return last == null ? Double.NaN : last.value();
            }
        }
    }
}

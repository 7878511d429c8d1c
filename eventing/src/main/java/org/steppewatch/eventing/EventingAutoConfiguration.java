package org.steppewatch.eventing;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.steppewatch.contracts.Topics;
import org.steppewatch.eventing.deadletter.DeadLetterConfiguration;
import org.steppewatch.eventing.reference.ReferenceEditionListener;
import org.steppewatch.eventing.reference.ReferenceTopicReader;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Outbox relay, CloudEvents publishing, topic declarations, consumer error handling, dead letters and the
 * reference-data reader for every service.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, DataMongoAutoConfiguration.class})
@EnableConfigurationProperties(EventingProperties.class)
@Import(DeadLetterConfiguration.class)
public class EventingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OutboxWakeUp outboxWakeUp() {
        return new OutboxWakeUp();
    }

    /** Every write that stores an event wakes the relay once MongoDB acknowledged it: {@link OutboxWriteListener}. */
    @Bean
    MongoClientSettingsBuilderCustomizer outboxWritesWakeTheRelay(EventingProperties properties, OutboxWakeUp wakeUp) {
        return settings -> settings.addCommandListener(new OutboxWriteListener(properties.outboxCollections(), wakeUp));
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, EventingProperties properties,
                            Clock clock, ObjectProvider<MeterRegistry> meters, OutboxWakeUp wakeUp) {
        CloudEventPublisher publisher = new CloudEventPublisher(kafka, properties.source(), properties.sendTimeout());
        return new OutboxRelay(new OutboxStore(mongo, properties.outboxCollections()),
                new OutboxLeases(mongo, properties.outboxLease(), clock), publisher,
                meters.getIfAvailable(SimpleMeterRegistry::new), !properties.outboxCollections().isEmpty(),
                properties.pollInterval(), clock, wakeUp);
    }

    /**
     * The relay sends one record and waits for its acknowledgement before the next (that keeps each incident's
     * order), so a producer that lingers to batch only delays every event: {@code linger.ms} 0 unless the service
     * sets it (Kafka 4 lingers 5 ms by default).
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer producerSendsAtOnce() {
        return factory -> {
            if (!factory.getConfigurationProperties().containsKey(ProducerConfig.LINGER_MS_CONFIG)) {
                factory.updateConfigs(Map.of(ProducerConfig.LINGER_MS_CONFIG, 0));
            }
        };
    }

    @Bean
    ConsumerHealth eventConsumerHealth(EventingProperties properties, Clock clock) {
        return new ConsumerHealth(properties.maxBackoff(), clock);
    }

    /** Waits out infrastructure failures, dead-letters what can never be processed: {@link ConsumerErrorHandling}. */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, String> kafka, EventingProperties properties,
                                                  ConsumerHealth health) {
        return ConsumerErrorHandling.errorHandler(kafka, properties, health);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class ConsumerHealthConfiguration {

        /** {@code eventConsumers}: DOWN while a listener retries a record the infrastructure failed. */
        @Bean
        HealthIndicator eventConsumersHealthIndicator(ConsumerHealth health) {
            return () -> {
                var stuck = health.stuck().values();
                return (stuck.isEmpty() ? Health.up() : Health.down()).withDetail("waiting", stuck).build();
            };
        }
    }

    /** Reads reference.v1 for the beans that want the reference data: {@link ReferenceTopicReader}. */
    @Bean
    @ConditionalOnBean(ReferenceEditionListener.class)
    ReferenceTopicReader referenceTopicReader(KafkaProperties kafka, ObjectProvider<ReferenceEditionListener> listeners) {
        return new ReferenceTopicReader(() -> referenceConsumer(kafka), listeners.orderedStream().toList(),
                Duration.ofSeconds(2));
    }

    /** The service's Kafka settings (servers, security) without its consumer group: every instance reads it all. */
    private static Consumer<String, String> referenceConsumer(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a reader must not create the topic by asking for it: it would not be compacted
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    @Bean
    KafkaAdmin.NewTopics steppeWatchTopics(EventingProperties properties,
                                           @Value("${steppewatch.eventing.create-topics:true}") boolean create) {
        if (!create) {
            return new KafkaAdmin.NewTopics();
        }
        return new KafkaAdmin.NewTopics(
                topic(Topics.INCIDENTS, properties), topic(Topics.deadLetter(Topics.INCIDENTS), properties),
                topic(Topics.ASSESSMENTS, properties), topic(Topics.deadLetter(Topics.ASSESSMENTS), properties),
                topic(Topics.ALERTS, properties), topic(Topics.deadLetter(Topics.ALERTS), properties),
                topic(Topics.CONTAMINATION, properties), topic(Topics.deadLetter(Topics.CONTAMINATION), properties),
                topic(Topics.FINDINGS, properties), topic(Topics.deadLetter(Topics.FINDINGS), properties),
                topic(Topics.NOTICES, properties), topic(Topics.deadLetter(Topics.NOTICES), properties),
                // compacted: the latest chunk under each key is the reference data in use; no dead-letter topic
                TopicBuilder.name(Topics.REFERENCE).partitions(properties.partitions())
                        .replicas(properties.replicationFactor()).compact().build());
    }

    private static NewTopic topic(String name, EventingProperties properties) {
        return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicationFactor()).build();
    }
}

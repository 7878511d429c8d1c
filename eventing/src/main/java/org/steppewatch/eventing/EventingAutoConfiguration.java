package org.steppewatch.eventing;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.steppewatch.contracts.Topics;

/** Outbox relay, CloudEvents publishing, topic declarations and dead-lettering for every service. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, DataMongoAutoConfiguration.class})
@EnableConfigurationProperties(EventingProperties.class)
public class EventingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, EventingProperties properties,
                            Clock clock) {
        CloudEventPublisher publisher = new CloudEventPublisher(kafka, properties.source(), properties.sendTimeout());
        return new OutboxRelay(mongo, publisher, properties.outboxCollections(), properties.pollInterval(),
                properties.sendTimeout(), clock);
    }

    /** Retries a failing record a few times, then parks it on {@code <topic>.DLT} with the failure in its headers. */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, String> kafka, EventingProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxAttempts(properties.consumerAttempts() - 1);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                // partition left to the producer: the key (incident id) keeps one incident's records together
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        return new DefaultErrorHandler(recoverer, backOff);
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
                topic(Topics.ALERTS, properties), topic(Topics.deadLetter(Topics.ALERTS), properties));
    }

    private static NewTopic topic(String name, EventingProperties properties) {
        return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicationFactor()).build();
    }
}

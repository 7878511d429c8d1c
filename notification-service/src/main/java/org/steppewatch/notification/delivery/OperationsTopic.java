package org.steppewatch.notification.delivery;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.steppewatch.contracts.Topics;
import org.steppewatch.eventing.EventingProperties;

/** Declares {@code operations.v1}, where this service announces deliveries given up and endpoints disabled. */
@Configuration(proxyBeanMethods = false)
class OperationsTopic {

    /** Like the other topics: not where the deployment creates them itself (compose sets create-topics=false). */
    @Bean
    KafkaAdmin.NewTopics operationsTopicDeclaration(EventingProperties properties,
                                         @Value("${steppewatch.eventing.create-topics:true}") boolean create) {
        if (!create) {
            return new KafkaAdmin.NewTopics();
        }
        return new KafkaAdmin.NewTopics(TopicBuilder.name(Topics.OPERATIONS).partitions(properties.partitions())
                .replicas(properties.replicationFactor()).build());
    }
}

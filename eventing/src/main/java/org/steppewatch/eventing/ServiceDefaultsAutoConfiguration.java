package org.steppewatch.eventing;

import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.steppewatch.contracts.GeoJsonModule;

/** What every Steppe Watch service shares besides eventing: GeoJSON in REST bodies and a MongoDB health check. */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
public class ServiceDefaultsAutoConfiguration {

    /**
     * Boot adds JacksonModule beans to its JsonMapper: REST bodies read and write GeoJSON as JTS geometries.
     * Not named {@code geoJsonModule}: Spring Data MongoDB registers a bean of that name for its own types.
     */
    @Bean
    @ConditionalOnMissingBean
    GeoJsonModule steppeWatchGeoJsonModule() {
        return new GeoJsonModule();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AbstractHealthIndicator.class)
    static class MongoHealthConfiguration {

        /** Same name as Boot's indicator, which it replaces. */
        @Bean("mongoHealthIndicator")
        MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
            return new MongoPingHealthIndicator(mongo);
        }
    }

    /**
     * MongoDB health by {@code ping}, which every server answers. Boot's indicator sends {@code hello},
     * which the embedded mongo-java-server does not know, so health was DOWN on a working store.
     * Kafka has no health contributor on purpose: events wait in the outbox while the broker is away,
     * so a broker outage must not take a service out of rotation.
     */
    static class MongoPingHealthIndicator extends AbstractHealthIndicator {

        private final MongoTemplate mongo;

        MongoPingHealthIndicator(MongoTemplate mongo) {
            super("MongoDB health check failed");
            this.mongo = mongo;
        }

        @Override
        protected void doHealthCheck(Health.Builder builder) {
            Document answer = mongo.executeCommand(new Document("ping", 1));
            builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", answer.get("ok"));
        }
    }
}

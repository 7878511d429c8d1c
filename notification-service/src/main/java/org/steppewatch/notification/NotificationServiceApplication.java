package org.steppewatch.notification;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.steppewatch.georef.SettlementCatalog;

/** Community subscriptions, alerts built from assessments, and their delivery by webhook. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationServiceApplication {

    public static final String CONFIG_NAME = "notification-service";

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(NotificationServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        application().run(args);
    }

    /** Parsed once: subscriptions name settlements by id. */
    @Bean
    SettlementCatalog settlementCatalog() {
        return SettlementCatalog.shipped();
    }
}

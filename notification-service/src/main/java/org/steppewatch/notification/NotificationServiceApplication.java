package org.steppewatch.notification;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

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
}

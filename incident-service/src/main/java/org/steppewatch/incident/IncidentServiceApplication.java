package org.steppewatch.incident;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Registers, revises and retracts incidents; announces them on {@code incidents.v1} through the outbox. */
@SpringBootApplication
public class IncidentServiceApplication {

    public static final String CONFIG_NAME = "incident-service";

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(IncidentServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        application().run(args);
    }
}

package org.steppewatch.incident;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.steppewatch.contracts.GeoJsonModule;

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

    /**
     * Boot adds JacksonModule beans to its JsonMapper: REST bodies read and write GeoJSON as JTS geometries.
     * Not named {@code geoJsonModule}: Spring Data MongoDB registers a bean of that name (for its own GeoJSON types).
     */
    @Bean
    GeoJsonModule steppeWatchGeoJsonModule() {
        return new GeoJsonModule();
    }
}

package org.steppewatch.analysis;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * analysis-service: assesses every incident version from {@code incidents.v1} (drop zones, hazard zones,
 * settlements, sample limits, CAP severity) and publishes {@code IncidentAssessed} on {@code assessments.v1}.
 */
@SpringBootApplication
public class AnalysisServiceApplication {

    public static final String CONFIG_NAME = "analysis-service";

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(AnalysisServiceApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        application().run(args);
    }
}

package org.steppewatch.analysis.assessment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The model and its settings: {@code steppewatch.analysis.plume.exposure-minutes} and {@code .max-reach-km}. */
@Configuration(proxyBeanMethods = false)
class AssessmentConfiguration {

    @Bean
    PlumeHazards plumeHazards(
            @Value("${steppewatch.analysis.plume.exposure-minutes:" + PlumeHazards.DEFAULT_EXPOSURE_MINUTES + "}") int exposureMinutes,
            @Value("${steppewatch.analysis.plume.max-reach-km:" + PlumeHazards.DEFAULT_MAX_REACH_KM + "}") double maxReachKm) {
        return new PlumeHazards(exposureMinutes, maxReachKm);
    }

    @Bean
    IncidentAssessor incidentAssessor(PlumeHazards plumeHazards) {
        return new IncidentAssessor(plumeHazards, new ExceedanceCheck(), new SeverityRule());
    }
}

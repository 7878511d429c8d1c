package org.steppewatch.analysis.assessment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.steppewatch.analysis.reference.FallZoneIndex;
import org.steppewatch.analysis.reference.ReferenceDataVersion;
import org.steppewatch.analysis.reference.SettlementIndex;

/** The named operations of the assessment; a later model replaces one bean, not the assessor. */
@Configuration(proxyBeanMethods = false)
class AssessmentConfiguration {

    @Bean
    HazardModel hazardModel() {
        return new ScreeningRadius();
    }

    @Bean
    ExceedanceCheck exceedanceCheck() {
        return ExceedanceCheck.shipped();
    }

    @Bean
    SeverityRule severityRule() {
        return new SeverityRule();
    }

    @Bean
    IncidentAssessor incidentAssessor(FallZoneIndex fallZones, HazardModel hazardModel, SettlementIndex settlements,
                                      ExceedanceCheck exceedanceCheck, SeverityRule severityRule, ReferenceDataVersion version) {
        return new IncidentAssessor(fallZones, hazardModel, settlements, exceedanceCheck, severityRule, version.value());
    }
}

package org.steppewatch.notification.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;

class CapRulesTest {

    private static IncidentAssessed with(IncidentCategory category, List<IncidentAssessed.HazardZone> zones,
                                         List<IncidentAssessed.AffectedSettlement> settlements,
                                         List<IncidentAssessed.Exceedance> exceedances, String urgency) {
        IncidentAssessed p = CapFixtures.proton("inc", 1);
        return new IncidentAssessed(p.incidentId(), 1, p.assessmentId(), p.assessedAt(), p.referenceDataVersion(),
                new IncidentAssessed.IncidentSummary("t", category, p.incident().occurredAt(), p.incident().location()),
                p.fallZone(), zones, settlements, exceedances, p.severity(), urgency, p.certainty(), p.summary());
    }

    private static IncidentAssessed.HazardZone zone(String level, String substance) {
        return new IncidentAssessed.HazardZone(level, substance, null, null, CapFixtures.plume(5, 1, 8), "m", List.of());
    }

    private static IncidentAssessed.AffectedSettlement in(String zone) {
        return new IncidentAssessed.AffectedSettlement("gn:1", "A", "А", "А", 100, 5, 90, zone);
    }

    private static final IncidentAssessed.Exceedance HG = new IncidentAssessed.Exceedance("HG", "SOIL", 5, 2.1, "mg/kg",
            2.4, "MPC");

    @Test
    void propellantChemicalAndRadiologicalHazardsAreCbrneTheRestEnv() {
        assertThat(CapRules.category(with(IncidentCategory.STAGE_IMPACT, List.of(zone("SCREENING", "UDMH")), List.of(),
                List.of(), "Expected"))).isEqualTo("CBRNE");
        assertThat(CapRules.category(with(IncidentCategory.CONTAMINATION, List.of(), List.of(), List.of(HG), "Future")))
                .isEqualTo("CBRNE");
        assertThat(CapRules.category(with(IncidentCategory.RADIATION, List.of(), List.of(), List.of(), "Future")))
                .isEqualTo("CBRNE");
        assertThat(CapRules.category(with(IncidentCategory.FUEL_SPILL, List.of(), List.of(), List.of(), "Future")))
                .isEqualTo("CBRNE");
        assertThat(CapRules.category(with(IncidentCategory.STAGE_IMPACT, List.of(zone("REPORTED_FOOTPRINT", null)),
                List.of(), List.of(), "Expected"))).isEqualTo("Env");
        assertThat(CapRules.category(with(IncidentCategory.OTHER, List.of(), List.of(), List.of(), "Future"))).isEqualTo("Env");
    }

    @Test
    void aContaminationNoticeIsEnvWhateverTheIncidentsCategoryAndTheAcutePathKeepsTheRule() {
        IncidentAssessed p = with(IncidentCategory.FUEL_SPILL, List.of(), List.of(in(null)), List.of(HG), "Future");
        IncidentAssessed notice = new IncidentAssessed(p.incidentId(), 1, p.assessmentId(), p.assessedAt(), p.referenceDataVersion(),
                p.incident(), p.fallZone(), p.hazardZones(), p.affectedSettlements(), p.exceedances(), p.severity(), "Future",
                "Observed", p.summary(), null, null, IncidentAssessed.CONTAMINATION);
        IncidentAssessed acute = new IncidentAssessed(p.incidentId(), 1, p.assessmentId(), p.assessedAt(), p.referenceDataVersion(),
                p.incident(), p.fallZone(), p.hazardZones(), p.affectedSettlements(), p.exceedances(), p.severity(), "Future",
                "Observed", p.summary(), null, null, IncidentAssessed.ACUTE);

        assertThat(CapRules.category(notice)).isEqualTo("Env");
        assertThat(CapRules.category(acute)).isEqualTo("CBRNE");
        // what people should do about a notice: keep away from the site, its water, its pasture
        assertThat(CapRules.responseType("Alert", notice)).isEqualTo("Avoid");
    }

    @Test
    void responseTypeFollowsTheWrittenRule() {
        List<IncidentAssessed.HazardZone> zones = List.of(zone("AEGL-3", "UDMH"), zone("AEGL-2", "UDMH"));
        assertThat(CapRules.responseType("Cancel", with(IncidentCategory.LAUNCH_FAILURE, zones, List.of(in("AEGL-3")),
                List.of(), "Immediate"))).isEqualTo("AllClear");
        assertThat(CapRules.responseType("Alert", with(IncidentCategory.LAUNCH_FAILURE, zones, List.of(in("AEGL-3")),
                List.of(), "Immediate"))).isEqualTo("Shelter");
        assertThat(CapRules.responseType("Alert", with(IncidentCategory.LAUNCH_FAILURE, zones, List.of(in("AEGL-3")),
                List.of(), "Expected"))).isEqualTo("Evacuate");
        assertThat(CapRules.responseType("Update", with(IncidentCategory.LAUNCH_FAILURE, zones, List.of(in("AEGL-2")),
                List.of(), "Expected"))).isEqualTo("Shelter");
        assertThat(CapRules.responseType("Alert", with(IncidentCategory.CONTAMINATION, List.of(), List.of(in(null)),
                List.of(HG), "Future"))).isEqualTo("Avoid");
        assertThat(CapRules.responseType("Alert", with(IncidentCategory.STAGE_IMPACT, zones, List.of(in(null)),
                List.of(), "Expected"))).isEqualTo("Monitor");
    }
}

package org.steppewatch.analysis.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.steppewatch.analysis.reference.FallZoneIndex;
import org.steppewatch.analysis.reference.SettlementIndex;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentAssessed.AffectedSettlement;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.Severity;
import org.steppewatch.georef.Geodesy;
import org.steppewatch.georef.ReferenceResources;

/** The 2 July 2013 Proton-M crash at Baikonur, assessed with the shipped reference data. */
class ProtonM2013ScenarioTest {

    static IncidentAssessor shippedAssessor() {
        return new IncidentAssessor(FallZoneIndex.shipped(), new ScreeningRadius(), SettlementIndex.shipped(),
                ExceedanceCheck.shipped(), new SeverityRule(), ReferenceResources.shippedVersion());
    }

    private final IncidentAssessor assessor = shippedAssessor();
    private final Instant assessedAt = TestIncidents.PROTON_2013_AT.plus(Duration.ofHours(3));

    @Test
    void protonM2013ReachesBaikonurAndToretamAndIsExtreme() throws IOException {
        IncidentAssessed a = assessor.assess("proton-2013", 1, TestIncidents.protonM2013(), assessedAt);

        Files.writeString(Path.of("target", "proton-m-2013-assessment.json"),
                EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(a));

        assertThat(a.assessmentId()).isEqualTo("proton-2013:1");
        assertThat(a.referenceDataVersion()).startsWith("shipped-sha256:");
        assertThat(a.incident().category()).isEqualTo(IncidentCategory.LAUNCH_FAILURE);
        assertThat(a.hazardZones()).singleElement().extracting(IncidentAssessed.HazardZone::level).isEqualTo("SCREENING");

        AffectedSettlement baikonur = a.affectedSettlements().stream().filter(s -> s.id().equals("gn:1521368")).findFirst().orElseThrow();
        assertThat(baikonur.name()).isEqualTo("Baikonur");
        assertThat(baikonur.nameRu()).isEqualTo("Байконур");
        assertThat(baikonur.zone()).isEqualTo("SCREENING");
        // the press's 57 km is from pad 81/24; the impact was about 2 km from the pad, towards the town
        assertThat(baikonur.distanceKm()).isBetween(52.0, 56.0);
        assertThat(baikonur.bearingDeg()).isBetween(140.0, 170.0);
        assertThat(a.affectedSettlements()).filteredOn(s -> s.id().equals("gn:9858283"))
                .singleElement().extracting(AffectedSettlement::zone).isEqualTo("SCREENING");
        assertThat(a.affectedSettlements()).allSatisfy(s -> assertThat(s.distanceKm()).isLessThan(66.8))
                .extracting(AffectedSettlement::distanceKm).isSorted();

        assertThat(a.exceedances()).singleElement().satisfies(e -> assertThat(e.ratio()).isEqualTo(1230.0));
        assertThat(a.fallZone().status()).isEqualTo("NO_ZONE_NEARBY");
        assertThat(a.severity()).isEqualTo(Severity.EXTREME);
        assertThat(a.urgency()).isEqualTo("Immediate");
        assertThat(a.certainty()).isEqualTo("Observed");
        assertThat(a.summary()).startsWith("LAUNCH_FAILURE 'Proton-M launch failure after lift-off': 172 t UDMH; UDMH screening zone 66.7 km reaches ")
                .contains("Baikonur", "1230× the limit").contains("outside drop zones, none within 100 km (nearest RP-");
    }

    @Test
    void thePressDistanceFromPad81ToBaikonurIsReproduced() {
        assertThat(Geodesy.distanceKm(62.9849, 46.0712, 63.31667, 45.61667)).isBetween(55.5, 58.5);
    }

    @Test
    void aRevisionWithoutReleaseListsTheNearestSettlementsOutsideAnyZone() {
        IncidentAssessed a = assessor.assess("proton-2013", 2,
                TestIncidents.withoutReleaseOrSamples(IncidentCategory.LAUNCH_FAILURE, 63.00, 46.05), assessedAt);

        assertThat(a.hazardZones()).isEmpty();
        assertThat(a.affectedSettlements()).hasSizeBetween(1, 5).allSatisfy(s -> {
            assertThat(s.zone()).isNull();
            assertThat(s.distanceKm()).isLessThanOrEqualTo(150.0);
        }).extracting(AffectedSettlement::distanceKm).isSorted();
        assertThat(a.severity()).isEqualTo(Severity.MINOR);
        assertThat(a.certainty()).isEqualTo("Likely");
        assertThat(a.summary()).contains("no hazard zone drawn; nearest settlement ");
    }

    @Test
    void aReportedFootprintBecomesAZoneOfItsOwn() {
        var facts = TestIncidents.protonM2013();
        var footprint = org.steppewatch.georef.Geodesy.circle(org.steppewatch.contracts.Geo.point(63.31667, 45.61667), 3, 36);
        var withFootprint = new org.steppewatch.contracts.IncidentFacts(facts.title(), IncidentCategory.FUEL_SPILL, facts.occurredAt(),
                facts.location(), footprint, null, null, java.util.List.of(), java.util.List.of(), null, null);

        IncidentAssessed a = assessor.assess("spill", 1, withFootprint, assessedAt);

        assertThat(a.hazardZones()).singleElement().satisfies(z -> {
            assertThat(z.level()).isEqualTo("REPORTED_FOOTPRINT");
            assertThat(z.geometry()).isEqualTo(footprint);
        });
        assertThat(a.affectedSettlements()).extracting(AffectedSettlement::id).contains("gn:1521368");
        assertThat(a.affectedSettlements()).allSatisfy(s -> assertThat(s.zone()).isEqualTo("REPORTED_FOOTPRINT"));
        assertThat(a.severity()).isEqualTo(Severity.EXTREME);
    }

    @Test
    void anIncidentInsideADropZoneSaysSo() {
        IncidentAssessed a = assessor.assess("stage", 1,
                TestIncidents.withoutReleaseOrSamples(IncidentCategory.STAGE_IMPACT, 66.775, 47.3333), assessedAt);

        assertThat(a.fallZone().status()).isEqualTo("INSIDE");
        assertThat(a.summary()).contains("inside drop zone RP-15 (approximate outline)");
    }
}

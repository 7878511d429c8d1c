package org.steppewatch.analysis.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.steppewatch.analysis.assessment.AssessmentDetails.ZoneDetail;
import org.steppewatch.analysis.reference.FallZoneIndex;
import org.steppewatch.analysis.reference.ReferenceSnapshot;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentAssessed.AffectedSettlement;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.Severity;
import org.steppewatch.georef.Geodesy;
import org.steppewatch.georef.Settlement;
import org.steppewatch.georef.SettlementCatalog;

/**
 * The three historical Proton crashes (docs/assessment.md, section 10), assessed with the shipped reference data: the facts the
 * assessments state must match the record (distances, directions, drop-zone status); what the model adds
 * (zones, severity) is asserted as the model gives it.
 */
class HistoricalIncidentsScenarioTest {

    static final ReferenceSnapshot SHIPPED = ReferenceSnapshot.shipped(FallZoneIndex.DEFAULT_NEARBY_KM);
    private static final String BAIKONUR = "gn:1521368";
    private static final String TORETAM = "gn:9858283";

    private final IncidentAssessor assessor = IncidentAssessor.withDefaults();

    private IncidentAssessor.Assessment assess(String id, IncidentFacts facts) {
        return assessor.assess(SHIPPED, id, 1, facts, facts.occurredAt().plus(Duration.ofHours(3)));
    }

    private static AffectedSettlement settlement(IncidentAssessed a, String id) {
        return a.affectedSettlements().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " not listed"));
    }

    /** The deterministic zones of one released substance, by level. */
    private static Map<String, ZoneDetail> byLevel(IncidentAssessor.Assessment a, String substance) {
        return a.details().hazardZoneDetails().stream()
                .filter(d -> substance.equals(d.substance()) && !ProbabilityZones.METHOD.equals(d.method()))
                .collect(Collectors.toMap(ZoneDetail::level, d -> d));
    }

    @Test
    void protonM2013AsRecordedTheZonesPointTowardBaikonurAkaiAndTyuratam() {
        IncidentAssessor.Assessment assessed = assess("proton-2013-record", TestIncidents.protonM2013());

        // the cloud moved toward the three towns: from the impact they lie at 152.8°, 151.3° and 156.5° (Vincenty's
        // inverse on WGS-84, computed apart from the code), within 4° of the downwind bearing 153° of a wind from 333°
        assertThat(Geodesy.bearingDeg(Geo.point(63.00, 46.05), Geo.point(63.31667, 45.61667))).isCloseTo(152.8, within(0.1));
        assertThat(Geodesy.bearingDeg(Geo.point(63.00, 46.05), Geo.point(63.31163, 45.65005))).isCloseTo(151.3, within(0.1));
        Settlement akai = SettlementCatalog.shipped().findByName("Акай").get(0);
        assertThat(Geodesy.bearingDeg(Geo.point(63.00, 46.05), akai.point())).isCloseTo(156.5, within(0.1));
        assertThat(assessed.details().hazardZoneDetails()).filteredOn(z -> !ProbabilityZones.METHOD.equals(z.method())).isNotEmpty()
                .allSatisfy(z -> assertThat(z.downwindBearingDeg()).isEqualTo(153.0));
        // both propellants are modelled: the UDMH and the N2O4 (as NO2) that the fire left
        assertThat(assessed.details().hazardZoneDetails()).extracting(ZoneDetail::substance).contains("UDMH", "N2O4");
        // no speed on record: 1.5 m/s, class B from the sun, so the members run A to C. The towns are 50-54 km away.
        // UDMH: at most 5 % unburnt in a 1 cm pool, 2.3 kg/s; its centre line at 50 km in class C (σy 2,245 m, σz 1,206 m)
        // is 2.3e6 / (π · 1.5 · 2,245 · 1,206) = 0.18 mg/m³, far under AEGL-2 (7.37), and A and B spread it wider.
        // NO2: the unburnt N2O4 evaporates in 12-62 min, the faster the larger the rate; the fastest members (log-normal,
        // σ(ln u) 0.3: under 1.5 × e^(0.3 × 3.3) = 4.0 m/s for all but one in 2,000) carry it at most
        // 4.0 × (62 + 60) × 60 s = 29 km by the end of the hour after the release: nothing arrives in time
        IncidentAssessed a = assessed.event();
        for (String town : List.of(BAIKONUR, TORETAM, akai.id())) {
            assertThat(settlement(a, town).exceedanceProbability()).as(town).isNotEmpty().allSatisfy((level, p) -> assertThat(p).isZero());
            assertThat(settlement(a, town).arrivalMinutes()).as(town).isNull();
        }
        assertThat(a.weatherUsed().source()).isEqualTo(IncidentAssessed.WeatherUsed.ESTIMATED_FROM_SUN);
        assertThat(a.severity()).isEqualTo(Severity.MODERATE);
        assertThat(a.certainty()).isEqualTo("Unlikely");
    }

    @Test
    void protonM2013WithTheWindFromTheSouthWestTheZonesPointAwayFromBaikonurAndToretam() throws IOException {
        // the README walk-through's revision: UDMH only, the example weather of DESIGN section 2 (not the record)
        IncidentAssessor.Assessment assessed = assess("proton-2013", TestIncidents.protonM2013Example());
        IncidentAssessed a = assessed.event();
        Files.writeString(Path.of("target", "proton-m-2013-assessment.json"),
                EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(AssessmentJson.of(assessed)));

        assertThat(a.referenceDataVersion()).isEqualTo(SHIPPED.version()).startsWith("sha256:");
        // UDMH has AEGL-3 and AEGL-2 (AEGL-1 not recommended): two plume zones, pointing north-east (225° + 180°)
        assertThat(a.hazardZones()).extracting(IncidentAssessed.HazardZone::level, IncidentAssessed.HazardZone::kind).containsExactly(
                tuple("AEGL-3", "DETERMINISTIC"), tuple("AEGL-2", "DETERMINISTIC"),
                tuple("AEGL-3", "PROBABILITY_10"), tuple("AEGL-2", "PROBABILITY_10"));
        Map<String, ZoneDetail> zones = byLevel(assessed, "UDMH");
        assertThat(zones.get("AEGL-3").reachKm()).isCloseTo(3.3, within(0.05));
        assertThat(zones.get("AEGL-2").reachKm()).isCloseTo(8.5, within(0.05));
        assertThat(zones.values()).allSatisfy(z -> assertThat(z.downwindBearingDeg()).isEqualTo(45.0));
        assertThat(assessed.details().notModelled()).containsExactly("UDMH: AEGL-1 not recommended");

        // the town and Toretam lie 50-55 km SSE, outside both zones: listed as the nearest, with no zone
        AffectedSettlement baikonur = settlement(a, BAIKONUR);
        assertThat(baikonur.name()).isEqualTo("Baikonur");
        assertThat(baikonur.nameRu()).isEqualTo("Байконур");
        assertThat(baikonur.nameKk()).isEqualTo("Байқоңыр");
        // the press's 57 km is from pad 81/24; the impact was about 2 km from the pad, towards the town
        assertThat(baikonur.distanceKm()).isBetween(52.0, 56.0);
        assertThat(baikonur.bearingDeg()).isBetween(140.0, 170.0);
        assertThat(baikonur.zone()).isNull();
        AffectedSettlement toretam = settlement(a, TORETAM);
        assertThat(toretam.distanceKm()).isBetween(49.0, 53.0);
        assertThat(toretam.zone()).isNull();
        assertThat(a.affectedSettlements()).hasSize(5).allSatisfy(s -> {
            assertThat(s.zone()).isNull();
            // no member of the ensemble (σθ 10°, the class-D default, around a wind towards 45°) reaches a town 50 km SSE
            assertThat(s.exceedanceProbability()).containsOnly(entry("AEGL-3", 0.0), entry("AEGL-2", 0.0));
            assertThat(s.arrivalMinutes()).isNull();
        });
        assertThat(baikonur.radiusKm()).isEqualTo(3.85); // √(70,000 / (π × 1,500)) km

        assertThat(a.fallZone().status()).isEqualTo("NO_ZONE_NEARBY");
        assertThat(assessed.details().areasOfConcern()).singleElement().satisfies(area -> {
            assertThat(area.id()).isEqualTo("AOC-BAIKONUR-LEASE");
            assertThat(area.status()).isEqualTo("INSIDE");
            assertThat(area.approximate()).isTrue();
        });
        assertThat(a.exceedances()).singleElement().satisfies(e -> {
            assertThat(e.ratio()).isEqualTo(1230.0);
            assertThat(e.regime()).isEqualTo("KZ_MPC");
        });
        // nobody reached (the airborne odds are nil: Unlikely); zones were drawn, so the acute path rates it: an off-nominal
        // launch failure with a release that reaches nobody is Moderate, and the soil sample does not rate the airborne hazard
        assertThat(a.path()).isEqualTo(IncidentAssessed.ACUTE);
        assertThat(a.severity()).isEqualTo(Severity.MODERATE);
        assertThat(a.urgency()).isEqualTo("Immediate");
        assertThat(a.certainty()).isEqualTo("Unlikely");
        assertThat(a.summary()).startsWith("LAUNCH_FAILURE 'Proton-M launch failure after lift-off': 172 t UDMH; "
                        + "UDMH AEGL-3 3.3 km NE, UDMH AEGL-2 8.5 km NE (60 min, class D, 3 m/s) reach no settlement; nearest settlement Tyuratam")
                .contains("inside area of concern Baikonur Cosmodrome leased area (approximate outline)", "1230× the KZ_MPC limit");
    }

    @Test
    void aRedeliveredVersionGetsTheSameEnsembleAndAnotherVersionItsOwnSeed() {
        // the hypothetical night wind towards the towns with σθ 20°: the same members, so the same odds and 10 % zones
        IncidentFacts facts = TestIncidents.protonM2013Example(new IncidentFacts.Weather(332.0, 1.5, "F", null, 20.0));
        Instant at = facts.occurredAt().plus(Duration.ofHours(3));
        IncidentAssessed once = assessor.assess(SHIPPED, "proton-2013", 1, facts, at).event();
        IncidentAssessed again = assessor.assess(SHIPPED, "proton-2013", 1, facts, at).event();

        assertThat(again).isEqualTo(once);
        assertThat(once.hazardZones()).filteredOn(z -> "PROBABILITY_10".equals(z.kind())).hasSize(2);
        assertThat(EnsembleMembers.seed("proton-2013", 2)).isNotEqualTo(EnsembleMembers.seed("proton-2013", 1));
    }

    @Test
    void thePressDistanceFromPad81ToBaikonurIsReproduced() {
        assertThat(Geodesy.distanceKm(62.9849, 46.0712, 63.31667, 45.61667)).isBetween(55.5, 58.5);
    }

    @Test
    void protonM2013WithANightWindTowardsTheTownsTheZonesEndWhereTwoHoursOfWindHaveCarriedThePlume() {
        // hypothetical: wind from 332° (downwind 152°, the bearing of the two towns), class F, 1.5 m/s. Without the
        // time limit AEGL-3 would reach 43.9 km and AEGL-2 beyond 100 km; a 1.5 m/s wind carries the plume
        // 1.5 × (60 min release + 60 min exposure) × 60 = 10,800 m, short of Toretam (50.6 km) and Baikonur (54.1 km)
        IncidentAssessor.Assessment assessed = assess("proton-2013-what-if",
                TestIncidents.protonM2013Example(new IncidentFacts.Weather(332.0, 1.5, "F")));
        IncidentAssessed a = assessed.event();

        Map<String, ZoneDetail> zones = byLevel(assessed, "UDMH");
        assertThat(zones.values()).allSatisfy(z -> {
            assertThat(z.reachKm()).isEqualTo(10.8);
            assertThat(z.truncated()).isTrue();
            assertThat(z.cutBy()).isEqualTo(PlumeHazards.CUT_BY_TRAVEL_TIME);
        });
        assertThat(a.hazardZones()).filteredOn(z -> "DETERMINISTIC".equals(z.kind())).allSatisfy(z -> {
            assertThat(z.lowConfidenceFromKm()).isEqualTo(10.0);
            assertThat(z.caveats()).anySatisfy(c -> assertThat(c).startsWith("stable class F"))
                    .anySatisfy(c -> assertThat(c).startsWith("cut at 10.8 km"));
        });
        assertThat(settlement(a, BAIKONUR).zone()).isNull();
        assertThat(settlement(a, TORETAM).zone()).isNull();
        assertThat(a.weatherUsed()).isEqualTo(new IncidentAssessed.WeatherUsed(332.0, 1.5, "F", IncidentAssessed.WeatherUsed.REPORTED,
                List.of()));
        // no member of the ensemble reaches the towns in time either: nil odds, and nobody reached
        assertThat(settlement(a, BAIKONUR).exceedanceProbability()).containsOnly(entry("AEGL-3", 0.0), entry("AEGL-2", 0.0));
        assertThat(settlement(a, TORETAM).arrivalMinutes()).isNull();
        assertThat(a.severity()).isEqualTo(Severity.MODERATE);
        assertThat(a.certainty()).isEqualTo("Unlikely");
    }

    @Test
    void jcsat2007WithoutWeatherDrawsConservativeCirclesThatReachZhezkazganAndSatpayev() {
        IncidentAssessor.Assessment assessed = assess("jcsat-2007", TestIncidents.jcsat2007());
        IncidentAssessed a = assessed.event();

        // the record: 40-50 km from Zhezkazgan, south-west of it (AP: "30 miles SW")
        AffectedSettlement zhezkazgan = settlement(a, "gn:1516589");
        assertThat(zhezkazgan.nameRu()).isEqualTo("Жезказган");
        assertThat(zhezkazgan.distanceKm()).isBetween(40.0, 50.0);
        assertThat(zhezkazgan.bearingDeg()).isBetween(22.5, 67.5); // the town lies NE of the impact
        AffectedSettlement satpayev = settlement(a, "gn:1520692");
        assertThat(satpayev.distanceKm()).isBetween(40.0, 50.0);

        // just outside the approximate RP-15 outline: an off-nominal fall near the Yu-24 zones
        assertThat(a.fallZone().status()).isEqualTo("OUTSIDE");
        assertThat(a.fallZone().zoneId()).isEqualTo("RP-15");
        assertThat(a.fallZone().distanceKm()).isBetween(20.0, 40.0);
        assertThat(assessed.details().areasOfConcern()).isEmpty();

        // no wind on record; 22:43 UTC at 67.28 E is 03:12 local time: night, clear sky assumed, 1.5 m/s → class F (Turner).
        // 61 t UDMH would reach 11.8 km (AEGL-3) and 66.3 km (AEGL-2), 158 t N2O4 as NO2 24.5 and 50.8 km (the reach
        // equation of section 2 solved by hand), but every circle ends where 1.5 m/s carries the plume in the 60-min
        // release plus the 60-min exposure window: 1.5 × 120 × 60 = 10,800 m, short of both towns
        Map<String, ZoneDetail> zones = byLevel(assessed, "UDMH");
        assertThat(assessed.details().hazardZoneDetails()).filteredOn(z -> !ProbabilityZones.METHOD.equals(z.method())).allSatisfy(z -> {
            assertThat(z.method()).isEqualTo("NO_WIND_CIRCLE");
            assertThat(z.inputs().stability()).isEqualTo("F");
            assertThat(z.reachKm()).isEqualTo(10.8);
            assertThat(z.cutBy()).isEqualTo(PlumeHazards.CUT_BY_TRAVEL_TIME);
        });
        assertThat(zhezkazgan.zone()).isNull();
        assertThat(satpayev.zone()).isNull();
        assertThat(a.weatherUsed().source()).isEqualTo(IncidentAssessed.WeatherUsed.UNKNOWN_DIRECTION);
        assertThat(a.weatherUsed().stability()).isEqualTo("F");
        // the ensemble samples every direction, and in 60 + 60 min at about 1.5 m/s no member gets 45 km: nil odds, no zone of
        // 10 %; an off-nominal impact with a release that reaches nobody is Moderate, and Unlikely
        assertThat(zhezkazgan.exceedanceProbability()).containsEntry("AEGL-2", 0.0);
        assertThat(a.hazardZones()).noneMatch(z -> "PROBABILITY_10".equals(z.kind()));
        assertThat(a.severity()).isEqualTo(Severity.MODERATE);
        assertThat(a.certainty()).isEqualTo("Unlikely");
        assertThat(a.summary()).contains("no wind direction", "29.6 km from RP-15 (off-nominal, approximate outline)");
    }

    @Test
    void protonK1999FellAbout25KmNorthEastOfAtasu() {
        Settlement atasu = SettlementCatalog.shipped().findByName("Atasu").get(0);
        assertThat(atasu.id()).isEqualTo("gn:1526041"); // GeoNames Zhangaarqa, known locally as Atasu

        IncidentAssessor.Assessment assessed = assess("proton-k-1999", TestIncidents.protonK1999());
        IncidentAssessed a = assessed.event();

        AffectedSettlement listed = settlement(a, atasu.id());
        assertThat(listed.distanceKm()).isCloseTo(25.0, within(2.0));
        assertThat(listed.bearingDeg()).isBetween(202.5, 247.5); // Atasu lies SW of the impact: the impact is NE of Atasu
        assertThat(Geodesy.bearingDeg(atasu.point(), Geo.point(71.89, 48.85))).isBetween(22.5, 67.5);
        assertThat(a.affectedSettlements().get(0).id()).isEqualTo(atasu.id());

        // 30 t UDMH, no weather; 16:16 UTC at 71.89 E is about 21:03 local solar time in late October: night, F at 1.5 m/s. AEGL-3
        // 6.0 km; AEGL-2 (23.5 km without a time limit) ends at 1.5 × 120 × 60 = 10,800 m: both stop short of Atasu
        Map<String, ZoneDetail> zones = byLevel(assessed, "UDMH");
        assertThat(zones.get("AEGL-3").reachKm()).isCloseTo(6.0, within(0.05));
        assertThat(zones.get("AEGL-2").reachKm()).isEqualTo(10.8);
        assertThat(listed.zone()).isNull();
        assertThat(a.fallZone().status()).isEqualTo("NO_ZONE_NEARBY");
        assertThat(a.fallZone().distanceKm()).isGreaterThan(300.0);
        // an off-nominal impact that reaches nobody is a reason to go and look, not Severe by itself
        assertThat(a.severity()).isEqualTo(Severity.MODERATE);
        assertThat(a.certainty()).isEqualTo("Unlikely");
    }

    @Test
    void aRevisionWithoutReleaseListsTheNearestSettlementsOutsideAnyZone() {
        IncidentAssessed a = assess("proton-2013", TestIncidents.withoutReleaseOrSamples(IncidentCategory.LAUNCH_FAILURE, 63.00, 46.05)).event();

        assertThat(a.hazardZones()).isEmpty();
        assertThat(a.affectedSettlements()).hasSizeBetween(1, 5).allSatisfy(s -> {
            assertThat(s.zone()).isNull();
            assertThat(s.distanceKm()).isLessThanOrEqualTo(150.0);
        }).extracting(AffectedSettlement::distanceKm).isSorted();
        assertThat(a.severity()).isEqualTo(Severity.MINOR);
        assertThat(a.certainty()).isEqualTo("Unlikely");
        assertThat(a.summary()).contains("no hazard zone drawn; nearest settlement ");
    }

    @Test
    void aReportedFootprintIsAZoneOfItsOwnAndCountsLikeAegl2() {
        var facts = TestIncidents.protonM2013();
        var footprint = Geodesy.circle(Geo.point(63.31667, 45.61667), 3, 36);
        var withFootprint = new IncidentFacts(facts.title(), IncidentCategory.FUEL_SPILL, facts.occurredAt(),
                facts.location(), footprint, null, null, List.of(), List.of(), null, null);

        IncidentAssessor.Assessment assessed = assess("spill", withFootprint);
        IncidentAssessed a = assessed.event();

        assertThat(a.hazardZones()).singleElement().satisfies(z -> {
            assertThat(z.level()).isEqualTo("REPORTED_FOOTPRINT");
            assertThat(z.geometry()).isEqualTo(footprint);
        });
        assertThat(a.affectedSettlements()).extracting(AffectedSettlement::id).contains(BAIKONUR);
        assertThat(a.affectedSettlements()).allSatisfy(s -> assertThat(s.zone()).isEqualTo("REPORTED_FOOTPRINT"));
        assertThat(assessed.details().hazardZoneDetails().get(0).peopleInside()).isGreaterThanOrEqualTo(70_000);
        assertThat(a.severity()).isEqualTo(Severity.EXTREME);
        assertThat(a.certainty()).isEqualTo("Likely");
    }

    @Test
    void anIncidentInsideADropZoneSaysSo() {
        IncidentAssessed a = assess("stage", TestIncidents.withoutReleaseOrSamples(IncidentCategory.STAGE_IMPACT, 66.775, 47.3333)).event();

        assertThat(a.fallZone().status()).isEqualTo("INSIDE");
        assertThat(a.summary()).contains("inside drop zone RP-15 (approximate outline)");
    }

    @Test
    void aStageNearTheSemipalatinskTestSiteReportsTheAreaOfConcernSeparately() {
        IncidentAssessor.Assessment assessed = assess("sts",
                TestIncidents.withoutReleaseOrSamples(IncidentCategory.RADIATION, 78.717, 50.117));

        assertThat(assessed.event().fallZone().status()).isEqualTo("NO_ZONE_NEARBY");
        assertThat(assessed.details().areasOfConcern()).extracting(AssessmentDetails.AreaOfConcernFinding::id)
                .containsExactly("AOC-SEMIPALATINSK-TS");
        assertThat(assessed.event().summary()).contains("inside area of concern Semipalatinsk Test Site");
    }

    @Test
    void theAssessmentIsTheSameForTheSameInputs() {
        Instant at = TestIncidents.PROTON_2013_AT.plusSeconds(60);
        IncidentAssessed first = assessor.assess(SHIPPED, "p", 1, TestIncidents.protonM2013(), at).event();
        IncidentAssessed second = assessor.assess(SHIPPED, "p", 1, TestIncidents.protonM2013(), at).event();

        assertThat(EventJson.write(second)).isEqualTo(EventJson.write(first));
    }
}

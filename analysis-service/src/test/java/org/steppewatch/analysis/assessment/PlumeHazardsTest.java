package org.steppewatch.analysis.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.steppewatch.analysis.substance.SubstanceTable;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed.HazardZone;
import org.steppewatch.contracts.IncidentAssessed.WeatherUsed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.IncidentFacts.Release;
import org.steppewatch.contracts.IncidentFacts.Weather;

class PlumeHazardsTest {

    private static final SubstanceTable TABLE = SubstanceTable.shipped();
    private static final Point SITE = Geo.point(63.00, 46.05);
    private final PlumeHazards hazards = new PlumeHazards(60, 100);

    private static IncidentFacts releasing(Weather weather, Release... releases) {
        return new IncidentFacts("t", IncidentCategory.FUEL_SPILL, Instant.parse("2020-01-01T00:00:00Z"), SITE, null, null, null,
                List.of(releases), List.of(), weather, null);
    }

    private List<HazardZone> zones(PlumeHazards.Result result) {
        return result.zones().stream().map(PlumeHazards.Drawn::zone).toList();
    }

    @Test
    void udmhGetsAegl3AndAegl2ZonesAndSaysWhyNotAegl1() {
        PlumeHazards.Result result = hazards.zones(SITE, releasing(new Weather(225.0, 3.0, "D"), new Release("UDMH", 172_000)), TABLE);

        assertThat(zones(result)).extracting(HazardZone::level).containsExactly("AEGL-3", "AEGL-2");
        assertThat(zones(result)).extracting(HazardZone::thresholdPpm).containsExactly(11.0, 3.0);
        assertThat(zones(result)).allSatisfy(z -> {
            assertThat(z.exposureMinutes()).isEqualTo(60);
            assertThat(z.method()).contains("Gaussian plume", "class D", "Q = 4.778 kg/s", "u = 3 m/s", "MW 60.1");
            assertThat(z.caveats()).contains(PlumeHazards.MODEL_CAVEAT, PlumeHazards.ALOHA_CAVEAT);
        });
        assertThat(result.zones().get(0).detail()).satisfies(d -> {
            assertThat(d.method()).isEqualTo("GAUSSIAN_PLUME");
            assertThat(d.reachKm()).isCloseTo(3.32, within(0.01));
            assertThat(d.downwindBearingDeg()).isEqualTo(45.0);
            assertThat(d.inputs().sourceRateKgPerS()).isCloseTo(4.7778, within(1e-4));
            assertThat(d.inputs().stability()).isEqualTo("D");
            assertThat(d.thresholdConfidence()).isEqualTo("verified");
        });
        assertThat(result.zones().get(1).detail().reachKm()).isCloseTo(8.50, within(0.01));
        assertThat(result.notModelled()).containsExactly("UDMH: AEGL-1 not recommended");
    }

    @Test
    void withoutWindDirectionTheZonesAreCirclesWithTheDefaultsStated() {
        PlumeHazards.Result result = hazards.zones(SITE, releasing(null, new Release("UDMH", 30_000)), TABLE);

        assertThat(result.zones()).allSatisfy(d -> {
            assertThat(d.detail().method()).isEqualTo("NO_WIND_CIRCLE");
            // 1 January 2020 00:00 UTC at 63° E is about 04:10 local time: night, clear sky assumed, 1.5 m/s → F
            assertThat(d.detail().inputs().stability()).isEqualTo("F");
            assertThat(d.detail().inputs().windSpeedMs()).isEqualTo(1.5);
            assertThat(d.detail().assumptions()).contains("wind speed not reported: 1.5 m/s assumed")
                    .anySatisfy(a -> assertThat(a).startsWith("stability class not reported: F estimated from the sun")
                            .contains("night", "clear sky assumed"));
            assertThat(d.zone().method()).startsWith("no wind direction: circle of the downwind reach");
            assertThat(d.zone().caveats()).anySatisfy(c -> assertThat(c).startsWith("no wind direction reported"));
            assertThat(d.zone().caveats()).anySatisfy(c -> assertThat(c).startsWith("stable class F"));
        });
        assertThat(result.weatherUsed().source()).isEqualTo(WeatherUsed.UNKNOWN_DIRECTION);
        // 30 t UDMH, 10 % airborne over 1 h, F at 1.5 m/s: AEGL-3 6.0 km; AEGL-2 would reach 23.5 km but a 1.5 m/s wind
        // carries the plume 1.5 × (60 + 60) × 60 = 10,800 m within the release and the exposure window
        assertThat(result.zones().get(0).detail().reachKm()).isCloseTo(6.03, within(0.01));
        assertThat(result.zones().get(0).detail().truncated()).isFalse();
        assertThat(result.zones().get(1).detail().reachKm()).isEqualTo(10.8);
        assertThat(result.zones().get(1).detail().cutBy()).isEqualTo(PlumeHazards.CUT_BY_TRAVEL_TIME);
    }

    @Test
    void aMissingClassIsTheMostStableForTheWindAndSlowWindIsRaisedToOneMetrePerSecond() {
        PlumeHazards.Result result = hazards.zones(SITE, releasing(new Weather(0.0, 0.4, null), new Release("UDMH", 1_000)), TABLE);

        assertThat(result.zones().get(0).detail().inputs().windSpeedMs()).isEqualTo(1.0);
        assertThat(result.zones().get(0).detail().inputs().stability()).isEqualTo("F");
        assertThat(result.zones().get(0).detail().assumptions()).anySatisfy(a -> assertThat(a).contains("raised to 1"));
        assertThat(result.zones().get(0).zone().caveats()).anySatisfy(c -> assertThat(c).contains("under 1.5 m/s"));
        assertThat(hazards.zones(SITE, releasing(new Weather(0.0, 4.0, null), new Release("UDMH", 1_000)), TABLE)
                .zones().get(0).detail().inputs().stability()).isEqualTo("E");
    }

    @Test
    void n2o4IsModelledAsNo2WithAllThreeLevelsFlaggedUnverified() {
        PlumeHazards.Result result = hazards.zones(SITE, releasing(new Weather(270.0, 3.0, "D"), new Release("N2O4", 8_000)), TABLE);

        assertThat(zones(result)).extracting(HazardZone::level).containsExactly("AEGL-3", "AEGL-2", "AEGL-1");
        assertThat(zones(result)).extracting(HazardZone::substance).containsOnly("N2O4");
        assertThat(zones(result)).extracting(HazardZone::thresholdPpm).containsExactly(20.0, 12.0, 0.5);
        assertThat(result.zones()).allSatisfy(d -> {
            assertThat(d.detail().modelledAs()).isEqualTo("NO2");
            assertThat(d.detail().inputs().molecularWeight()).isEqualTo(46.01);
            assertThat(d.zone().caveats()).anySatisfy(c -> assertThat(c).startsWith("N2O4 modelled as NO2"));
            assertThat(d.zone().caveats()).anySatisfy(c -> assertThat(c).startsWith("threshold unverified"));
        });
        assertThat(result.zones().get(2).zone().geometry().contains(result.zones().get(1).zone().geometry())).isTrue();
        assertThat(result.zones().get(1).zone().geometry().contains(result.zones().get(0).zone().geometry())).isTrue();
    }

    @Test
    void zonesOfSeveralSubstancesComeMostSevereLevelFirst() {
        PlumeHazards.Result result = hazards.zones(SITE, releasing(new Weather(270.0, 3.0, "D"), new Release("N2O4", 8_000),
                new Release("UDMH", 30_000)), TABLE);

        assertThat(zones(result)).extracting(z -> z.level() + " " + z.substance())
                .containsExactly("AEGL-3 UDMH", "AEGL-3 N2O4", "AEGL-2 UDMH", "AEGL-2 N2O4", "AEGL-1 N2O4");
    }

    @Test
    void substancesWithoutAirborneHazardGetNoZoneAndTheReasonIsGiven() {
        PlumeHazards.Result result = hazards.zones(SITE, releasing(new Weather(270.0, 3.0, "D"), new Release("KEROSENE", 50_000),
                new Release("HG", 10), new Release("CS137", 1), new Release("PCB", 5), new Release("UDMH", 0)), TABLE);

        assertThat(result.zones()).isEmpty();
        assertThat(result.notModelled()).anySatisfy(n -> assertThat(n).startsWith("KEROSENE: no airborne threat zone").contains("no AEGL"))
                .anySatisfy(n -> assertThat(n).startsWith("HG: no airborne threat zone"))
                .anySatisfy(n -> assertThat(n).startsWith("CS137: no airborne threat zone"))
                .anySatisfy(n -> assertThat(n).startsWith("PCB: no airborne threat zone"))
                .contains("UDMH: mass not given, no zone drawn");
    }

    @Test
    void aVolatileSubstanceWithoutAeglsFallsBackToTheScreeningCircle() {
        PlumeHazards.Result result = hazards.zones(SITE, releasing(new Weather(270.0, 3.0, "D"), new Release("NDMA", 30_000)), TABLE);

        assertThat(result.zones()).singleElement().satisfies(d -> {
            assertThat(d.zone().level()).isEqualTo("SCREENING");
            assertThat(d.detail().method()).isEqualTo("SCREENING_RADIUS");
            assertThat(d.detail().reachKm()).isEqualTo(37.3);
        });
        assertThat(result.notModelled()).singleElement().asString().contains("no AEGL on file for NDMA");
    }

    @Test
    void releasesOfOneSubstanceAreAddedUp() {
        PlumeHazards.Result two = hazards.zones(SITE, releasing(new Weather(225.0, 3.0, "D"), new Release("UDMH", 86_000),
                new Release("udmh", 86_000)), TABLE);

        assertThat(two.zones().get(0).detail().inputs().massKg()).isEqualTo(172_000.0);
        assertThat(two.zones().get(0).detail().reachKm()).isCloseTo(3.32, within(0.01));
    }

    @Test
    void otherExposureTimesUseTheirOwnAegl() {
        PlumeHazards tenMinutes = new PlumeHazards(10, 100);
        PlumeHazards.Result result = tenMinutes.zones(SITE, releasing(new Weather(225.0, 3.0, "D"), new Release("UDMH", 172_000)), TABLE);

        assertThat(zones(result)).extracting(HazardZone::thresholdPpm).containsExactly(65.0, 18.0);
        assertThat(zones(result)).extracting(HazardZone::exposureMinutes).containsOnly(10);
        assertThatThrownBy(() -> new PlumeHazards(45, 100)).hasMessageContaining("45");
    }
}

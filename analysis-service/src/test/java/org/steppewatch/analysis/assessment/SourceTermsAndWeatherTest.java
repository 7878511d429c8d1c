package org.steppewatch.analysis.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.steppewatch.analysis.plume.PlumeModel;
import org.steppewatch.analysis.plume.Stability;
import org.steppewatch.analysis.substance.SubstanceTable;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed.WeatherUsed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.IncidentFacts.Release;
import org.steppewatch.contracts.IncidentFacts.Weather;

/** The weather used, the reach with time and the source terms by scenario, with expected values worked by hand. */
class SourceTermsAndWeatherTest {

    private static final SubstanceTable TABLE = SubstanceTable.shipped();
    private static final Point SITE = Geo.point(63.00, 46.05);
    private final PlumeHazards hazards = new PlumeHazards(60, 100);

    private static IncidentFacts at(Instant when, Weather weather, Release... releases) {
        return new IncidentFacts("t", IncidentCategory.LAUNCH_FAILURE, when, SITE, null, null, null, List.of(releases), List.of(),
                weather, null);
    }

    private static IncidentFacts releasing(Weather weather, Release... releases) {
        return at(TestIncidents.PROTON_2013_AT, weather, releases);
    }

    @Test
    void theMorningOfThe2013CrashWithoutAClassIsEstimatedFromTheSun() {
        // 08:38 local time, sun at 24.2° (slight insolation, 2), no cloud reported, 3 m/s: net radiation index 2 → C
        PlumeHazards.Result result = hazards.zones(SITE, releasing(new Weather(225.0, 3.0, null), new Release("UDMH", 172_000)), TABLE);

        assertThat(result.weatherUsed().source()).isEqualTo(WeatherUsed.ESTIMATED_FROM_SUN);
        assertThat(result.weatherUsed().stability()).isEqualTo("C");
        assertThat(result.weatherUsed().windFromDeg()).isEqualTo(225.0);
        assertThat(result.weatherUsed().assumptions()).singleElement().asString()
                .contains("C estimated from the sun", "solar elevation 24.2°", "insolation class 2", "net radiation index 2");
        assertThat(result.zones()).allSatisfy(d -> assertThat(d.detail().inputs().stability()).isEqualTo("C"));
    }

    @Test
    void aReportedDirectionAndClassAreReportedWithoutAssumptions() {
        PlumeHazards.Result result = hazards.zones(SITE, releasing(new Weather(225.0, 3.0, "D", 2, 20.0), new Release("UDMH", 1_000)),
                TABLE);

        assertThat(result.weatherUsed()).isEqualTo(new WeatherUsed(225.0, 3.0, "D", WeatherUsed.REPORTED, List.of()));
        assertThat(result.sources()).singleElement().satisfies(s -> {
            assertThat(s.windDirectionSigmaDeg()).isEqualTo(20.0);
            assertThat(s.stability()).isEqualTo(Stability.D);
            assertThat(s.windFromDeg()).isEqualTo(225.0);
        });
    }

    @Test
    void aZoneEndsWhereTheTravelTimeExceedsTheReleaseAndTheExposureWindow() {
        // 1 m/s: 1 × (60 + 60) min × 60 s = 7,200 m, within 10 km: cut, not low confidence
        PlumeHazards.Result slow = hazards.zones(SITE, releasing(new Weather(225.0, 1.0, "F"), new Release("UDMH", 172_000)), TABLE);
        assertThat(slow.zones()).allSatisfy(d -> {
            assertThat(d.detail().reachKm()).isEqualTo(7.2);
            assertThat(d.detail().cutBy()).isEqualTo(PlumeHazards.CUT_BY_TRAVEL_TIME);
            assertThat(d.zone().lowConfidenceFromKm()).isNull();
            assertThat(d.zone().method()).contains("cut where the travel time exceeds the 60-min release plus the 60-min exposure window");
        });

        // 3 m/s in F: the cut is at 21,600 m, where σy·σz = 486 × 46.2 m² is still below Q/(π·u·c) = 4.778e6 / (π × 3 × 7.374)
        // = 68,750 m² for AEGL-2: cut there, and low confidence beyond 10 km
        PlumeHazards.Result faster = hazards.zones(SITE, releasing(new Weather(225.0, 3.0, "F"), new Release("UDMH", 172_000)), TABLE);
        assertThat(faster.zones().get(1).detail().level()).isEqualTo("AEGL-2");
        assertThat(faster.zones().get(1).detail().reachKm()).isEqualTo(21.6);
        assertThat(faster.zones().get(1).zone().lowConfidenceFromKm()).isEqualTo(10.0);
        assertThat(faster.zones().get(1).zone().caveats()).anySatisfy(c -> assertThat(c).startsWith("low confidence beyond 10 km"));
    }

    /**
     * 10 t of UDMH in class D at 3 m/s. Spill: 10,000 / 791 / 0.01 = 1,264 m² (13,608 ft²), OCA D-1 at 3 m/s: 4.522 kg/s for
     * 36.9 min, at the ground. Fire: 2 % (200 kg) escapes burning and evaporates as a pool on the ground: 25.3 m², a fiftieth of
     * the area, so Q = 4.522 × 0.02 = 0.0904 kg/s for the same 36.9 min (a 1 cm pool's duration does not depend on its mass).
     * The rest burns: 9,800 kg × 32.9 MJ/kg × 0.65 / 600 s = 349.3 MW, F = 9.81 × 349.3e6 / (π × 1005 × 1.184 × 298.15) =
     * 3,074 m⁴/s³, a Briggs rise of 38.71 × 3,074^0.6 / 3 = 1,597 m, reported for the products of combustion.
     */
    @Test
    void aFireLeavesASmallUnburntFractionEvaporatingAtTheGroundWhereASpillEvaporatesWhole() {
        Weather weather = new Weather(225.0, 3.0, "D");
        PlumeHazards.Result fire = hazards.zones(SITE, releasing(weather, new Release("UDMH", 10_000, Release.FIRE)), TABLE);
        PlumeHazards.Result spill = hazards.zones(SITE, releasing(weather, new Release("UDMH", 10_000, Release.SPILL)), TABLE);

        PlumeHazards.Source f = fire.sources().get(0);
        PlumeHazards.Source s = spill.sources().get(0);
        assertThat(f.scenario()).isEqualTo(Release.FIRE);
        assertThat(s.qMgPerS()).isCloseTo(4.522e6, within(1e3));
        assertThat(s.releaseMinutes()).isCloseTo(36.9, within(0.1));
        assertThat(f.qMgPerS()).isCloseTo(0.0904e6, within(100.0));
        assertThat(f.releaseMinutes()).isCloseTo(36.9, within(0.1));
        assertThat(f.releaseHeightM()).isZero();
        assertThat(s.releaseHeightM()).isZero();

        assertThat(fire.zones()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.detail().inputs().scenario()).isEqualTo(Release.FIRE);
            assertThat(d.zone().caveats()).anySatisfy(c -> assertThat(c).contains("about 1597 m by Briggs' final rise"));
        });
        for (int i = 0; i < fire.zones().size(); i++) {
            assertThat(fire.zones().get(i).detail().reachKm()).isLessThan(spill.zones().get(i).detail().reachKm());
        }
        assertThat(spill.zones()).extracting(d -> d.zone().level()).containsExactly("AEGL-3", "AEGL-2");
        assertThat(spill.zones()).allSatisfy(d -> {
            assertThat(d.detail().inputs().scenario()).isEqualTo(Release.SPILL);
            assertThat(d.detail().inputs().airborneFraction()).isEqualTo(1.0);
            assertThat(d.detail().inputs().airborneFractionSource()).contains("evaporates whole");
            assertThat(d.detail().denseGas()).isTrue();
            assertThat(d.zone().caveats()).anySatisfy(c -> assertThat(c).startsWith("dense gas by the Britter–McQuaid criterion"));
        });
    }

    @Test
    void theOxidiserOfAFireAddsNoHeatToItsPlume() {
        Weather weather = new Weather(225.0, 3.0, "D");
        PlumeHazards.Result both = hazards.zones(SITE, releasing(weather, new Release("UDMH", 10_000, Release.FIRE),
                new Release("N2O4", 20_000, Release.FIRE)), TABLE);
        PlumeHazards.Result oxidiserOnly = hazards.zones(SITE, releasing(weather, new Release("N2O4", 20_000, Release.FIRE)), TABLE);

        assertThat(both.sources()).extracting(PlumeHazards.Source::releasedCode).containsExactly("N2O4", "UDMH");
        // the heat is the UDMH's alone (1,597 m, as above), whichever substance's zone reports it
        assertThat(both.zones()).allSatisfy(d -> assertThat(d.zone().caveats())
                .anySatisfy(c -> assertThat(c).contains("about 1597 m by Briggs' final rise")));
        // without a fuel nothing burns: no fire plume to report, and the unburnt N2O4 (as NO2) evaporates at the ground
        assertThat(oxidiserOnly.zones()).isNotEmpty().allSatisfy(d -> assertThat(d.zone().caveats())
                .noneSatisfy(c -> assertThat(c).contains("Briggs' final rise")));
    }

    /**
     * 8 t of N2O4 spilled (1,440 kg/m³, 1 cm: 555.6 m² = 5,980 ft²; 720 mmHg at 20 °C, MW 92.01) at 3 m/s: OCA D-1 gives
     * 2,441 lb/min = 18.45 kg/s, 7.2 min; in air it is NO2, with the NO2 AEGLs 20, 12 and 0.5 ppm.
     */
    @Test
    void anN2o4SpillDrawsNo2Zones() {
        PlumeHazards.Result result = hazards.zones(SITE, releasing(new Weather(270.0, 3.0, "D"), new Release("N2O4", 8_000, Release.SPILL)),
                TABLE);

        assertThat(result.zones()).extracting(d -> d.zone().level()).containsExactly("AEGL-3", "AEGL-2", "AEGL-1");
        assertThat(result.zones()).extracting(d -> d.zone().thresholdPpm()).containsExactly(20.0, 12.0, 0.5);
        assertThat(result.zones()).allSatisfy(d -> {
            assertThat(d.zone().substance()).isEqualTo("N2O4");
            assertThat(d.detail().modelledAs()).isEqualTo("NO2");
            assertThat(d.detail().inputs().molecularWeight()).isEqualTo(46.01);
            assertThat(d.detail().inputs().sourceRateKgPerS()).isCloseTo(18.45, within(0.01));
        });
        assertThat(result.sources()).singleElement().satisfies(s -> {
            assertThat(s.releasedCode()).isEqualTo("N2O4");
            assertThat(s.airborneCode()).isEqualTo("NO2");
            assertThat(s.levels()).extracting(l -> l.name()).containsExactly("AEGL-3", "AEGL-2", "AEGL-1");
            assertThat(s.levels().get(0).thresholdMgPerM3()).isCloseTo(20 * 46.01 / 24.45, within(1e-9));
        });
        assertThat(result.zones().get(2).zone().geometry().contains(result.zones().get(1).zone().geometry())).isTrue();
        assertThat(result.zones().get(1).zone().geometry().contains(result.zones().get(0).zone().geometry())).isTrue();
    }

    /**
     * An unknown scenario: the central value is the substance table's screening release, 172,000 kg × 0.1 / 3,600 s =
     * 4.778 kg/s at the ground over 60 min; the range spans a fire (its least: 1 % unburnt, 1,720 kg, in a 5 cm pool of
     * 43.5 m², a fivehundredth of the 21,744 m² of the whole load at 1 cm, so 77.78 / 500 = 0.1556 kg/s) and a spill (Q up
     * to 77.78 kg/s from a 1 cm pool at 3 m/s; 36.9 min from a 1 cm pool, 184.3 min from a 5 cm one), all at the ground.
     */
    @Test
    void anUnknownScenarioUsesTheScreeningReleaseAndExposesTheRangeOfFireAndSpill() {
        PlumeHazards.Result result = hazards.zones(SITE, releasing(new Weather(225.0, 3.0, "D"), new Release("UDMH", 172_000)), TABLE);

        assertThat(result.sources()).singleElement().satisfies(s -> {
            assertThat(s.scenario()).isEqualTo(Release.UNKNOWN);
            assertThat(s.qMgPerS()).isCloseTo(4.778e6, within(1e3));
            assertThat(s.qMinMgPerS()).isCloseTo(0.1556e6, within(1e2));
            assertThat(s.qMaxMgPerS()).isCloseTo(77.78e6, within(1e4));
            assertThat(s.releaseHeightM()).isZero();
            assertThat(s.releaseHeightMinM()).isZero();
            assertThat(s.releaseHeightMaxM()).isZero();
            assertThat(s.releaseMinutes()).isEqualTo(60);
            assertThat(s.releaseMinutesMin()).isCloseTo(36.9, within(0.1));
            assertThat(s.releaseMinutesMax()).isCloseTo(184.3, within(0.1));
            assertThat(s.windSpeedMs()).isEqualTo(3.0);
        });
        // the deterministic zones are those of the central value, as before scenarios existed
        assertThat(result.zones().get(0).detail().reachKm()).isCloseTo(3.32, within(0.01));
        assertThat(result.zones().get(1).detail().reachKm()).isCloseTo(8.50, within(0.01));
    }
}

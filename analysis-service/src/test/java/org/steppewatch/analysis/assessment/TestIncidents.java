package org.steppewatch.analysis.assessment;

import java.time.Instant;
import java.util.List;

import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;

/** Incident facts used across tests: the three historical Proton crashes (docs/assessment.md, section 10). */
final class TestIncidents {

    static final Instant PROTON_2013_AT = Instant.parse("2013-07-02T02:38:22Z");
    static final Instant JCSAT_2007_AT = Instant.parse("2007-09-05T22:43:00Z");
    static final Instant PROTON_K_1999_AT = Instant.parse("1999-10-27T16:16:00Z");

    /** The wind of 2 July 2013 as derived from the reports: from 333°, σθ 20°; nothing else was reported. */
    static final IncidentFacts.Weather RECORDED_WEATHER_2013 = new IncidentFacts.Weather(333.0, null, null, null, 20.0);

    private TestIncidents() {
    }

    /**
     * Proton-M, 2 July 2013, 08:38 local time, Site 81/24, as the record has it (docs/assessment.md, section 10): impact
     * about 46.05 N 63.00 E (±3 km); 172 t UDMH aboard (Kazakh Emergencies Minister, Reuters) and at most 428 t N2O4
     * (about 600 t of propellant in all, Kazcosmos), much of it burnt in the fire; 123 mg/kg UDMH in soil. The cloud
     * moved toward Baikonur, Akai and Tyuratam, which lie 151-157° from the impact, so the wind blew from about 333°
     * (NNW); the direction is derived from the reports, not measured, hence a spread of 20° (an assumption); wind speed,
     * stability and cloud cover were not reported (rain followed).
     */
    static IncidentFacts protonM2013() {
        return new IncidentFacts("Proton-M launch failure after lift-off", IncidentCategory.LAUNCH_FAILURE, PROTON_2013_AT,
                Geo.point(63.00, 46.05), null, "Proton-M", "Baikonur Site 81/24",
                List.of(new IncidentFacts.Release("UDMH", 172_000, IncidentFacts.Release.FIRE),
                        new IncidentFacts.Release("N2O4", 428_000, IncidentFacts.Release.FIRE)),
                udmhInSoil2013(), RECORDED_WEATHER_2013, "the rocket veered off course and crashed about 2 km from the pad");
    }

    /**
     * The README walk-through's revision of the 2013 crash: UDMH only, with the example weather of DESIGN section 2
     * (wind from 225° at 3 m/s, class D). <b>Not the record</b> (the cloud went the other way): a fixed input for
     * the model's numbers.
     */
    static IncidentFacts protonM2013Example() {
        return protonM2013Example(new IncidentFacts.Weather(225.0, 3.0, "D"));
    }

    /** The walk-through's 2013 facts (UDMH only) with other weather. */
    static IncidentFacts protonM2013Example(IncidentFacts.Weather weather) {
        IncidentFacts f = protonM2013();
        return new IncidentFacts(f.title(), f.category(), f.occurredAt(), f.location(), f.footprint(), f.vehicle(), f.launchSite(),
                List.of(new IncidentFacts.Release("UDMH", 172_000)), f.samples(), weather, f.description());
    }

    private static List<IncidentFacts.Sample> udmhInSoil2013() {
        return List.of(new IncidentFacts.Sample("UDMH", "SOIL", 123, "mg/kg", Geo.point(63.0, 46.05),
                Instant.parse("2013-07-03T10:00:00Z")));
    }

    /**
     * Proton-M / JCSAT-11, 5 September 2007, 22:43 UTC (night): impact 47.51 N 67.28 E (low confidence: reports say
     * 40-50 km from Zhezkazgan); almost 219 t of propellant aboard (RIA Novosti; "more than 220 t", Kazcosmos), of
     * which about 61 t UDMH and 158 t N2O4 at the Proton upper stages' mixture ratio of 2.6 (derived, not reported);
     * the second stage failed at 135-139 s and the vehicle fell with its upper stages full; no weather on record.
     */
    static IncidentFacts jcsat2007() {
        return new IncidentFacts("Proton-M JCSAT-11 launch failure", IncidentCategory.LAUNCH_FAILURE, JCSAT_2007_AT,
                Geo.point(67.28, 47.51), null, "Proton-M", "Baikonur Site 200/39",
                List.of(new IncidentFacts.Release("UDMH", 61_000, IncidentFacts.Release.UNKNOWN),
                        new IncidentFacts.Release("N2O4", 158_000, IncidentFacts.Release.UNKNOWN)), List.of(), null,
                "the first stage did not separate; the rocket fell south-west of Zhezkazgan");
    }

    /**
     * Proton-K / Express-A1, 27 October 1999, 20:16 Moscow summer time (16:16 UTC): about 25 km NE of Atasu
     * (48.85 N 71.89 E, low confidence), some 30 t UDMH in its tanks; fragments over 15-20 km.
     */
    static IncidentFacts protonK1999() {
        return new IncidentFacts("Proton-K Express-A1 launch failure near Atasu", IncidentCategory.LAUNCH_FAILURE,
                PROTON_K_1999_AT, Geo.point(71.89, 48.85), null, "Proton-K", "Baikonur",
                List.of(new IncidentFacts.Release("UDMH", 30_000, IncidentFacts.Release.UNKNOWN)), List.of(),
                null, "second-stage failure at 220 s; fragments over 15-20 km near Atasu (GeoNames: Zhangaarqa), Karaganda region");
    }

    static IncidentFacts withoutReleaseOrSamples(IncidentCategory category, double lon, double lat) {
        return new IncidentFacts("test incident", category, PROTON_2013_AT, Geo.point(lon, lat), null, null, null,
                List.of(), List.of(), null, null);
    }
}

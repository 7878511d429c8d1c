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
    static final Instant PROTON_K_1999_AT = Instant.parse("1999-10-27T00:00:00Z");

    private TestIncidents() {
    }

    /**
     * Proton-M, 2 July 2013, Site 81/24: impact about 46.05 N 63.00 E (±3 km), 172 t UDMH aboard, 123 mg/kg UDMH in
     * soil; the weather of the README walk-through (wind from 225° at 3 m/s, class D).
     */
    static IncidentFacts protonM2013() {
        return new IncidentFacts("Proton-M launch failure after lift-off", IncidentCategory.LAUNCH_FAILURE, PROTON_2013_AT,
                Geo.point(63.00, 46.05), null, "Proton-M", "Baikonur Site 81/24",
                List.of(new IncidentFacts.Release("UDMH", 172_000)),
                List.of(new IncidentFacts.Sample("UDMH", "SOIL", 123, "mg/kg", Geo.point(63.0, 46.05),
                        Instant.parse("2013-07-03T10:00:00Z"))),
                new IncidentFacts.Weather(225.0, 3.0, "D"), "the rocket veered off course and crashed about 2 km from the pad");
    }

    /** The 2013 facts with other weather. */
    static IncidentFacts protonM2013(IncidentFacts.Weather weather) {
        IncidentFacts f = protonM2013();
        return new IncidentFacts(f.title(), f.category(), f.occurredAt(), f.location(), f.footprint(), f.vehicle(), f.launchSite(),
                f.releases(), f.samples(), weather, f.description());
    }

    /**
     * Proton-M / JCSAT-11, 5 September 2007: impact 47.51 N 67.28 E (low confidence: reports say 40-50 km from
     * Zhezkazgan), about 219 t UDMH aboard; no weather on record.
     */
    static IncidentFacts jcsat2007() {
        return new IncidentFacts("Proton-M JCSAT-11 launch failure", IncidentCategory.LAUNCH_FAILURE, JCSAT_2007_AT,
                Geo.point(67.28, 47.51), null, "Proton-M", "Baikonur Site 200/39",
                List.of(new IncidentFacts.Release("UDMH", 219_000)), List.of(), null,
                "the first stage did not separate; the rocket fell south-west of Zhezkazgan");
    }

    /** Proton-K / Express-A1, 27 October 1999: about 25 km NE of Atasu (48.85 N 71.89 E, low confidence), about 30 t UDMH. */
    static IncidentFacts protonK1999() {
        return new IncidentFacts("Proton-K Express-A1 launch failure", IncidentCategory.LAUNCH_FAILURE, PROTON_K_1999_AT,
                Geo.point(71.89, 48.85), null, "Proton-K", "Baikonur", List.of(new IncidentFacts.Release("UDMH", 30_000)), List.of(),
                null, "second-stage failure; debris near Atasu, Karaganda region");
    }

    static IncidentFacts withoutReleaseOrSamples(IncidentCategory category, double lon, double lat) {
        return new IncidentFacts("test incident", category, PROTON_2013_AT, Geo.point(lon, lat), null, null, null,
                List.of(), List.of(), null, null);
    }
}

package org.steppewatch.analysis.assessment;

import java.time.Instant;
import java.util.List;

import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;

/** Incident facts used across tests. */
final class TestIncidents {

    static final Instant PROTON_2013_AT = Instant.parse("2013-07-02T02:38:22Z");

    private TestIncidents() {
    }

    /** Proton-M, 2 July 2013, Site 81/24: impact about 46.05 N 63.00 E, 172 t UDMH aboard, 123 mg/kg UDMH in soil. */
    static IncidentFacts protonM2013() {
        return new IncidentFacts("Proton-M launch failure after lift-off", IncidentCategory.LAUNCH_FAILURE, PROTON_2013_AT,
                Geo.point(63.00, 46.05), null, "Proton-M", "Baikonur Site 81/24",
                List.of(new IncidentFacts.Release("UDMH", 172_000)),
                List.of(new IncidentFacts.Sample("UDMH", "SOIL", 123, "mg/kg", Geo.point(63.0, 46.05),
                        Instant.parse("2013-07-03T10:00:00Z"))),
                new IncidentFacts.Weather(225.0, 3.0, "D"), "the rocket veered off course and crashed about 2 km from the pad");
    }

    static IncidentFacts withoutReleaseOrSamples(IncidentCategory category, double lon, double lat) {
        return new IncidentFacts("test incident", category, PROTON_2013_AT, Geo.point(lon, lat), null, null, null,
                List.of(), List.of(), null, null);
    }
}

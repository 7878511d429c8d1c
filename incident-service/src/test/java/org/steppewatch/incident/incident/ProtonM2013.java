package org.steppewatch.incident.incident;

import java.time.Instant;
import java.util.List;

import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;

/**
 * The README walk-through's report of the Proton-M launch failure of 2 July 2013, as a request body and as the facts it must
 * yield: UDMH only, with the walk-through's example weather (wind from 225°), not the record (docs/assessment.md, section 10).
 */
final class ProtonM2013 {

    static final Instant OCCURRED_AT = Instant.parse("2013-07-02T02:38:22Z");
    static final String FOOTPRINT = """
            {"type": "Polygon", "coordinates": [[[62.99,46.04],[63.01,46.04],[63.01,46.06],[62.99,46.04]]]}""";

    private ProtonM2013() {
    }

    /** The request, with a title of the caller's choosing so a test can find its own incident. */
    static String json(String title) {
        return """
                {
                  "title": "%s",
                  "category": "LAUNCH_FAILURE",
                  "occurredAt": "2013-07-02T02:38:22Z",
                  "location": {"type": "Point", "coordinates": [63.00, 46.05]},
                  "footprint": %s,
                  "vehicle": "Proton-M",
                  "launchSite": "Baikonur Site 81/24",
                  "releases": [{"substance": "UDMH", "massKg": 172000}],
                  "samples": [{"substance": "UDMH", "medium": "SOIL", "value": 123, "unit": "mg/kg",
                               "location": {"type": "Point", "coordinates": [63.0, 46.05]},
                               "sampledAt": "2013-07-03T10:00:00Z"}],
                  "weather": {"windFromDeg": 225, "windSpeedMs": 3.0, "stability": "D"},
                  "description": "Proton-M with three GLONASS-M satellites veered off course and crashed near Site 81/24."
                }""".formatted(title, FOOTPRINT);
    }

    static IncidentFacts facts(String title) {
        return new IncidentFacts(title, IncidentCategory.LAUNCH_FAILURE, OCCURRED_AT, Geo.point(63.00, 46.05),
                GeoJsonModule.read(FOOTPRINT), "Proton-M", "Baikonur Site 81/24",
                List.of(new IncidentFacts.Release("UDMH", 172000)),
                List.of(new IncidentFacts.Sample("UDMH", "SOIL", 123, "mg/kg", Geo.point(63.0, 46.05),
                        Instant.parse("2013-07-03T10:00:00Z"))),
                new IncidentFacts.Weather(225.0, 3.0, "D"),
                "Proton-M with three GLONASS-M satellites veered off course and crashed near Site 81/24.");
    }
}

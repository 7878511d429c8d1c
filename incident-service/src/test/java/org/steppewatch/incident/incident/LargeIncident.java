package org.steppewatch.incident.incident;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * A request as large as the validator lets an incident be: a footprint of 10,000 vertices (the most
 * {@code GeometryChecks} accepts) with 7 decimals (the precision the service keeps: about 1 cm), 500 samples,
 * and a description of {@code descriptionChars} three-byte characters. Written compactly, as a client would
 * send it; the event writes the same facts larger.
 */
final class LargeIncident {

    static final int VERTICES = 10_000;
    static final int SAMPLES = 500;

    private LargeIncident() {
    }

    /** @param descriptionChars at most 20,000 (the validator's limit); each is 3 bytes in UTF-8 */
    static String json(String title, int descriptionChars) {
        // a convex ring around the Proton-M crash site: valid, closed, every vertex distinct
        StringJoiner ring = new StringJoiner(",", "[", "]");
        for (int i = 0; i < VERTICES - 1; i++) {
            double angle = 2 * Math.PI * i / (VERTICES - 1);
            ring.add(position(63.0 + 0.0123456789 * Math.cos(angle), 46.05 + 0.0123456789 * Math.sin(angle)));
        }
        ring.add(position(63.0 + 0.0123456789, 46.05));
        StringJoiner samples = new StringJoiner(",", "[", "]");
        for (int i = 0; i < SAMPLES; i++) {
            // no location or time: the event writes them out as null, one of the ways it outgrows the request
            samples.add("{\"substance\": \"UDMH\", \"medium\": \"SOIL\", \"value\": " + (i + 1) + ", \"unit\": \"mg/kg\"}");
        }
        return """
                {"title": "%s", "category": "LAUNCH_FAILURE", "occurredAt": "2013-07-02T02:38:22Z",
                 "location": {"type": "Point", "coordinates": [63.00, 46.05]},
                 "footprint": {"type": "Polygon", "coordinates": [%s]},
                 "releases": [{"substance": "UDMH", "massKg": 172000}],
                 "samples": %s,
                 "description": "%s"}""".formatted(title, ring, samples, "漢".repeat(descriptionChars));
    }

    private static String position(double lon, double lat) {
        return String.format(Locale.ROOT, "[%.7f,%.7f]", lon, lat);
    }
}

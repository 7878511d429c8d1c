package org.steppewatch.benchmarks.broker;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.locationtech.jts.geom.Point;
import org.steppewatch.analysis.assessment.IncidentAssessor;
import org.steppewatch.analysis.reference.FallZoneIndex;
import org.steppewatch.analysis.reference.ReferenceSnapshot;
import org.steppewatch.analysis.reference.ShippedReference;
import org.steppewatch.contracts.AlertIssued;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;

/**
 * The bytes of the project's real events as they travel to Kafka: an {@code IncidentAssessed} made by the analysis
 * service's own assessor on the shipped reference data (the 2013 Proton-M release at its impact point, as the JMH
 * assessment benchmark), and the {@code AlertIssued} that follows it (its settlements; a headline of typical length).
 * A record's size is its key (the incident id), its JSON value and its CloudEvents headers, as
 * {@code CloudEventPublisher} writes them.
 */
record EventSizes(int assessmentBytes, int alertBytes) {

    static EventSizes measure() {
        ReferenceSnapshot reference = ReferenceSnapshot.assemble(ShippedReference.load(), ReferenceSnapshot.Imports.NONE,
                FallZoneIndex.DEFAULT_NEARBY_KM);
        Point site = Geo.point(63.00, 46.05);
        IncidentFacts facts = new IncidentFacts("Proton-M", IncidentCategory.LAUNCH_FAILURE,
                Instant.parse("2013-07-02T02:38:22Z"), site, null, "Proton-M", null,
                List.of(new IncidentFacts.Release("UDMH", 172_000)),
                List.of(new IncidentFacts.Sample("UDMH", "SOIL", 123, "mg/kg", site, Instant.parse("2013-07-03T10:00:00Z"))),
                new IncidentFacts.Weather(225.0, 3.0, "D"), null);
        String incidentId = UUID.randomUUID().toString();
        Instant at = Instant.parse("2013-07-02T03:00:00Z");
        IncidentAssessed assessed = IncidentAssessor.withDefaults().assess(reference, incidentId, 1, facts, at).event();
        List<String> settlementIds = assessed.affectedSettlements().stream().map(IncidentAssessed.AffectedSettlement::id).toList();
        AlertIssued alert = new AlertIssued(UUID.randomUUID().toString(), incidentId, 1, "Alert", at,
                assessed.severity(), assessed.urgency(), assessed.certainty(),
                "Toxic rocket propellant (UDMH) released after a Proton-M launch failure: stay indoors", settlementIds,
                1_000);
        return new EventSizes(recordBytes(incidentId, EventTypes.INCIDENT_ASSESSED, EventJson.write(assessed)),
                recordBytes(incidentId, EventTypes.ALERT_ISSUED, EventJson.write(alert)));
    }

    /** Key, value and the seven CloudEvents headers (names and values), in bytes. */
    private static int recordBytes(String key, String type, String json) {
        String[][] headers = {
                {EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_1_0},
                {EventHeaders.ID, UUID.randomUUID().toString()},
                {EventHeaders.SOURCE, "/steppewatch/notification-service"},
                {EventHeaders.TYPE, type},
                {EventHeaders.TIME, Instant.now().toString()},
                {EventHeaders.SUBJECT, key},
                {EventHeaders.CONTENT_TYPE, EventHeaders.JSON}};
        int bytes = key.getBytes(UTF_8).length + json.getBytes(UTF_8).length;
        for (String[] header : headers) {
            bytes += header[0].getBytes(UTF_8).length + header[1].getBytes(UTF_8).length;
        }
        return bytes;
    }
}

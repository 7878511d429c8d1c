package org.steppewatch.incident.facility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.eventing.OutboxMessage;

/**
 * A facility as a document of the {@code facilities} collection: the register entry, the releases with their
 * judgements (so a list filters on them in the database), who made the last change, and the {@code outbox}.
 */
final class FacilityDocuments {

    static final String COLLECTION = "facilities";
    static final String VERSION = "version";
    static final String NAME = "name";
    static final String RELEASES = "releases";
    static final String JUDGED_VERSION = "judgedVersion";
    static final String UPDATED_AT = "updatedAt";
    static final String LAST_CHANGE = "lastChange";

    private FacilityDocuments() {
    }

    static Document toDocument(Facility f, Document lastChange, OutboxMessage reported) {
        Document document = new Document("_id", f.id())
                .append(VERSION, f.version())
                .append(NAME, f.name())
                .append("operator", f.operator());
        putIfPresent(document, "activity", f.activity());
        document.append("location", Document.parse(GeoJsonModule.write(f.location())))
                .append("example", f.example())
                .append("source", f.source())
                .append(RELEASES, releases(f.releases()))
                .append("reportedAt", Date.from(f.reportedAt()))
                .append(UPDATED_AT, Date.from(f.updatedAt()))
                .append(JUDGED_VERSION, f.judgedVersion())
                .append(LAST_CHANGE, lastChange)
                .append(OutboxMessage.FIELD, new ArrayList<>(List.of(reported.toDocument())));
        return document;
    }

    static Facility fromDocument(Document d) {
        List<FacilityRelease> releases = d.getList(RELEASES, Document.class, List.of()).stream()
                .map(FacilityDocuments::release)
                .toList();
        return new Facility(d.getString("_id"), number(d.get(VERSION)), d.getString(NAME), d.getString("operator"),
                d.getString("activity"), (Point) GeoJsonModule.read(d.get("location", Document.class).toJson()),
                Boolean.TRUE.equals(d.getBoolean("example")), d.getString("source"), releases,
                d.getDate("reportedAt").toInstant(), d.getDate(UPDATED_AT).toInstant(), number(d.get(JUDGED_VERSION)));
    }

    static List<Document> releases(List<FacilityRelease> releases) {
        return releases.stream().map(FacilityDocuments::release).toList();
    }

    /** Who made a change and when: names of staff stay in the database, not in public answers. */
    static Document lastChange(String change, Instant at, String subject, String name) {
        Document document = new Document("change", change).append("at", Date.from(at));
        if (subject != null || name != null) {
            document.append("by", new Document("subject", subject).append("name", name));
        }
        return document;
    }

    private static Document release(FacilityRelease r) {
        Document document = new Document("year", r.year())
                .append("pollutant", r.pollutant())
                .append("medium", r.medium())
                .append("amountKg", r.amountKg());
        putIfPresent(document, "method", r.method());
        putIfPresent(document, "thresholdKg", r.thresholdKg());
        putIfPresent(document, "factor", r.factor());
        document.append("aboveThreshold", r.aboveThreshold());
        putIfPresent(document, "thresholdSource", r.thresholdSource());
        return document.append("judged", r.judged());
    }

    private static FacilityRelease release(Document d) {
        return new FacilityRelease(((Number) d.get("year")).intValue(), d.getString("pollutant"), d.getString("medium"),
                ((Number) d.get("amountKg")).doubleValue(), d.getString("method"), optionalDouble(d.get("thresholdKg")),
                optionalDouble(d.get("factor")), Boolean.TRUE.equals(d.getBoolean("aboveThreshold")),
                d.getString("thresholdSource"), Boolean.TRUE.equals(d.getBoolean("judged")));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double optionalDouble(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static void putIfPresent(Document document, String key, Object value) {
        if (value != null) {
            document.append(key, value);
        }
    }
}

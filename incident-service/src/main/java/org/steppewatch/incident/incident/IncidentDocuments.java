package org.steppewatch.incident.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.ReportedBy;
import org.steppewatch.eventing.OutboxMessage;

/**
 * The MongoDB shape of an incident: {@code facts} (geometries as GeoJSON sub-documents, instants
 * as dates), {@code version}, {@code status}, timestamps, {@code lastChange} (what made the current
 * version, when and by whom), {@code lon}/{@code lat} copied from the location for bounding-box
 * queries, and the {@code outbox} of events still to publish. Earlier versions live in
 * {@link IncidentRevisions}, so the document stays the size of one version however often it changes.
 */
final class IncidentDocuments {

    static final String COLLECTION = "incidents";
    static final String VERSION = "version";
    static final String STATUS = "status";
    static final String FACTS = "facts";
    static final String OCCURRED_AT = "facts.occurredAt";
    static final String CATEGORY = "facts.category";
    static final String LON = "lon";
    static final String LAT = "lat";
    static final String REPORTED_AT = "reportedAt";
    static final String UPDATED_AT = "updatedAt";
    static final String RETRACTION = "retraction";
    /** REPORTED, REVISED or RETRACTED, when and by whom: the current version's entry in the history. */
    static final String LAST_CHANGE = "lastChange";
    static final String CHANGE = "change";
    static final String AT = "at";
    static final String REASON = "reason";
    /** Who made a change. */
    static final String BY = "by";

    private IncidentDocuments() {
    }

    static Document toDocument(Incident incident, ReportedBy by, OutboxMessage pending) {
        Point location = (Point) incident.facts().location();
        Document document = new Document("_id", incident.id())
                .append(VERSION, incident.version())
                .append(STATUS, incident.status().name())
                .append(FACTS, facts(incident.facts()))
                .append(LON, location.getX())
                .append(LAT, location.getY())
                .append(REPORTED_AT, date(incident.reportedAt()))
                .append(UPDATED_AT, date(incident.updatedAt()))
                .append(LAST_CHANGE, lastChange(Revision.REPORTED, incident.reportedAt(), by));
        document.append(OutboxMessage.FIELD, new ArrayList<>(List.of(outbox(pending))));
        return document;
    }

    /** @param by who made the change (absent in histories written before it was recorded) */
    static Document lastChange(String change, Instant at, ReportedBy by) {
        Document document = new Document(CHANGE, change).append(AT, date(at));
        putIfPresent(document, BY, byDocument(by));
        return document;
    }

    static Document byDocument(ReportedBy by) {
        return by == null ? null : new Document("subject", by.subject()).append("name", by.name())
                .append("mayIssue", by.mayIssue());
    }

    static ReportedBy by(Document change) {
        Document by = change.get(BY, Document.class);
        return by == null ? null : new ReportedBy(by.getString("subject"), by.getString("name"),
                Boolean.TRUE.equals(by.getBoolean("mayIssue")));
    }

    static Document outbox(OutboxMessage message) {
        return message.toDocument();
    }

    static Document facts(IncidentFacts facts) {
        Document document = new Document("title", facts.title())
                .append("category", facts.category().name())
                .append("occurredAt", date(facts.occurredAt()))
                .append("location", geometry(facts.location()));
        putIfPresent(document, "footprint", facts.footprint() == null ? null : geometry(facts.footprint()));
        putIfPresent(document, "vehicle", facts.vehicle());
        putIfPresent(document, "launchSite", facts.launchSite());
        document.append("releases", facts.releases().stream()
                .map(IncidentDocuments::release)
                .toList());
        document.append("samples", facts.samples().stream().map(IncidentDocuments::sample).toList());
        if (facts.weather() != null) {
            Document weather = new Document();
            putIfPresent(weather, "windFromDeg", facts.weather().windFromDeg());
            putIfPresent(weather, "windSpeedMs", facts.weather().windSpeedMs());
            putIfPresent(weather, "stability", facts.weather().stability());
            putIfPresent(weather, "cloudCoverOktas", facts.weather().cloudCoverOktas());
            putIfPresent(weather, "windDirectionSigmaDeg", facts.weather().windDirectionSigmaDeg());
            document.append("weather", weather);
        }
        putIfPresent(document, "description", facts.description());
        return document;
    }

    private static Document release(IncidentFacts.Release r) {
        Document document = new Document("substance", r.substance()).append("massKg", r.massKg());
        putIfPresent(document, "scenario", r.scenario());
        return document;
    }

    private static Document sample(IncidentFacts.Sample s) {
        Document document = new Document("substance", s.substance())
                .append("medium", s.medium())
                .append("value", s.value())
                .append("unit", s.unit());
        putIfPresent(document, "detected", s.detected());
        putIfPresent(document, "detectionLimit", s.detectionLimit());
        putIfPresent(document, "location", s.location() == null ? null : geometry(s.location()));
        putIfPresent(document, "sampledAt", date(s.sampledAt()));
        return document;
    }

    static Incident fromDocument(Document document) {
        Document retraction = document.get(RETRACTION, Document.class);
        return new Incident(
                document.getString("_id"),
                number(document.get(VERSION)).longValue(),
                IncidentStatus.valueOf(document.getString(STATUS)),
                readFacts(document.get(FACTS, Document.class)),
                instant(document.getDate(REPORTED_AT)),
                instant(document.getDate(UPDATED_AT)),
                retraction == null ? null
                        : new Incident.Retraction(retraction.getString("reason"), instant(retraction.getDate("retractedAt"))));
    }

    static IncidentFacts readFacts(Document facts) {
        Document weather = facts.get("weather", Document.class);
        return new IncidentFacts(
                facts.getString("title"),
                IncidentCategory.valueOf(facts.getString("category")),
                instant(facts.getDate("occurredAt")),
                readGeometry(facts.get("location", Document.class)),
                readGeometry(facts.get("footprint", Document.class)),
                facts.getString("vehicle"),
                facts.getString("launchSite"),
                facts.getList("releases", Document.class, List.of()).stream()
                        .map(r -> new IncidentFacts.Release(r.getString("substance"), number(r.get("massKg")).doubleValue(),
                                r.getString("scenario")))
                        .toList(),
                facts.getList("samples", Document.class, List.of()).stream()
                        .map(s -> new IncidentFacts.Sample(s.getString("substance"), s.getString("medium"),
                                optionalDouble(s.get("value")), s.getString("unit"),
                                readGeometry(s.get("location", Document.class)), instant(s.getDate("sampledAt")),
                                s.getBoolean("detected"), optionalDouble(s.get("detectionLimit"))))
                        .toList(),
                weather == null ? null : new IncidentFacts.Weather(optionalDouble(weather.get("windFromDeg")),
                        optionalDouble(weather.get("windSpeedMs")), weather.getString("stability"),
                        weather.get("cloudCoverOktas") == null ? null : number(weather.get("cloudCoverOktas")).intValue(),
                        optionalDouble(weather.get("windDirectionSigmaDeg"))),
                facts.getString("description"));
    }

    static Document geometry(Geometry geometry) {
        return Document.parse(GeoJsonModule.write(geometry));
    }

    private static Geometry readGeometry(Document document) {
        return document == null ? null : GeoJsonModule.read(document.toJson());
    }

    static void putIfPresent(Document document, String key, Object value) {
        if (value != null) {
            document.append(key, value);
        }
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    static Number number(Object value) {
        return (Number) value;
    }

    private static Double optionalDouble(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}

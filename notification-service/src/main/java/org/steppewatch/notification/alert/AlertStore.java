package org.steppewatch.notification.alert;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.Severity;
import org.steppewatch.eventing.OutboxMessage;
import org.steppewatch.notification.PublicLinks;
import org.steppewatch.notification.delivery.AlertPayloads;
import org.steppewatch.notification.feed.ActiveAlerts;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts in MongoDB, each with its CAP 1.2 document as written when it was issued (so what was
 * sent, what the API serves and what the feed lists are the same bytes). Each document carries the
 * outbox of the event that announces it (AlertIssued, or AlertCancelled for a Cancel). Drafts (see
 * {@link Issuing}) share the collection but no public read here returns them: they are never earlier
 * alerts of an incident, never in force, never listed or served without sign-in.
 */
@Component
class AlertStore implements AlertPayloads, ActiveAlerts {

    /** Also named in steppewatch.eventing.outbox-collections, so the relay publishes its outbox. */
    static final String COLLECTION = "alerts";
    static final String ACTIVE = "ACTIVE";
    static final String EXPIRED = "EXPIRED";
    static final String SUPERSEDED = "SUPERSEDED";
    static final String CANCELLED = "CANCELLED";
    /** A draft closed because its incident was retracted before an issuer decided. */
    static final String WITHDRAWN = "WITHDRAWN";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final PublicLinks links;
    private final Clock clock;

    AlertStore(MongoTemplate mongo, JsonMapper json, PublicLinks links, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.links = links;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("incidentId", Sort.Direction.ASC)
                .on("incidentVersion", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expires", Sort.Direction.DESC));
    }

    /** What an alert document holds besides the view: the CAP XML and the assessment it was made from. */
    record Stored(AlertView view, String cap, String assessmentJson) {
    }

    boolean exists(String alertId) {
        return mongo.exists(query(where("_id").is(alertId)), COLLECTION);
    }

    /** What went out: not a draft, not a rejected one (alerts from before the workflow have no state and count). */
    static Criteria issued() {
        return where(Issuing.STATE).nin(Issuing.DRAFT, Issuing.REJECTED);
    }

    /** The incident's issued Alert and Update messages (not its Cancels, not drafts) before {@code version}, oldest first. */
    List<Stored> earlier(String incidentId, long version) {
        Query earlier = query(where("incidentId").is(incidentId).and("incidentVersion").lt(version)
                .and("msgType").ne("Cancel")).addCriteria(issued()).with(Sort.by("incidentVersion"));
        return mongo.find(earlier, Document.class, COLLECTION).stream().map(this::stored).toList();
    }

    boolean cancelledIncident(String incidentId) {
        return mongo.exists(query(where("incidentId").is(incidentId).and("msgType").is("Cancel")), COLLECTION);
    }

    /**
     * @param event the announcing event; null for a draft, which is not announced
     * @return false when the alert existed already (a redelivered event): nothing was written
     */
    boolean insertIfAbsent(AlertView alert, String cap, String assessmentJson, String reason, OutboxMessage event,
                           Issuing issuing) {
        try {
            mongo.insert(document(alert, cap, assessmentJson, reason, event, issuing), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The whole stored alert; a draft has nothing to fan out, an alert that goes out has everything still to do. */
    static Document document(AlertView alert, String cap, String assessmentJson, String reason, OutboxMessage event,
                             Issuing issuing) {
        Document doc = new Document("_id", alert.id())
                .append("incidentId", alert.incidentId())
                .append("incidentVersion", alert.incidentVersion())
                .append("msgType", alert.msgType())
                .append("references", alert.references())
                .append("sent", Date.from(alert.sent()))
                .append("expires", Date.from(alert.expires()))
                .append("severity", alert.severity().cap())
                .append("urgency", alert.urgency())
                .append("certainty", alert.certainty())
                .append("category", alert.category())
                .append("responseType", alert.responseType())
                .append("headline", alert.headline())
                .append("summary", alert.summary())
                .append("texts", texts(alert.texts()))
                .append("settlementIds", alert.settlementIds())
                .append("hazardZones", alert.hazardZones().stream()
                        .map(z -> new Document("level", z.level()).append("substance", z.substance())
                                .append("geometry", new Document(z.geometry())))
                        .toList())
                .append("recipients", alert.recipients())
                .append("cap", cap)
                .append("assessment", assessmentJson)
                .append("reason", reason)
                // a draft goes to nobody; an alert that goes out has its fan-out still to do (FanOut)
                .append(FanOutState.DONE, issuing.draft())
                .append(Issuing.FIELD, issuing.toDocument());
        if (event != null) {
            // the event rides in the same document write as the alert: no dual write
            doc.append(OutboxMessage.FIELD, List.of(event.toDocument()));
        }
        return doc;
    }

    /** Marks alerts as replaced by the Update {@code updateId}, unless an earlier Update did; repeating changes nothing. */
    void markSuperseded(Collection<String> alertIds, String updateId, Instant at) {
        if (alertIds.isEmpty()) {
            return;
        }
        mongo.updateMulti(query(where("_id").in(alertIds).and("supersededBy").exists(false)),
                new Update().set("supersededBy", updateId).set("supersededAt", Date.from(at)), COLLECTION);
    }

    /** Marks alerts as withdrawn by the Cancel {@code cancelId}; repeating it changes nothing. */
    void markCancelled(Collection<String> alertIds, String cancelId, Instant at) {
        mongo.updateMulti(query(where("_id").in(alertIds).and("cancelledBy").exists(false)),
                new Update().set("cancelledBy", cancelId).set("cancelledAt", Date.from(at)), COLLECTION);
    }

    /** @param staff a signed-in caller: drafts too, and who reported and approved */
    Optional<AlertView> find(String alertId, boolean staff) {
        Query q = query(where("_id").is(alertId));
        if (!staff) {
            q.addCriteria(issued());
        }
        q.fields().exclude("cap").exclude("assessment").exclude(OutboxMessage.FIELD);
        return Optional.ofNullable(mongo.findOne(q, Document.class, COLLECTION)).map(d -> view(d, staff));
    }

    /** @param staff a signed-in caller, who may read a draft's CAP ({@code status} Draft) */
    Optional<String> cap(String alertId, boolean staff) {
        Query q = query(where("_id").is(alertId));
        if (!staff) {
            q.addCriteria(issued());
        }
        q.fields().include("cap");
        return Optional.ofNullable(mongo.findOne(q, Document.class, COLLECTION)).map(d -> d.getString("cap"));
    }

    /** Issued alerts, newest first; with who reported and approved them for a signed-in caller ({@code staff}). */
    List<AlertView> list(String incidentId, int limit, boolean staff) {
        Query q = query(issued());
        if (incidentId != null) {
            q.addCriteria(where("incidentId").is(incidentId));
        }
        return list(q, limit, staff);
    }

    List<AlertView> list(Query q, int limit, boolean staff) {
        q.with(Sort.by(Sort.Order.desc("sent"), Sort.Order.desc("incidentVersion"))).limit(limit);
        q.fields().exclude("cap").exclude("assessment").exclude(OutboxMessage.FIELD);
        return mongo.find(q, Document.class, COLLECTION).stream().map(d -> view(d, staff)).toList();
    }

    /**
     * Alerts in force at {@code now}, newest first: not expired, not cancelled, and only the latest
     * message of each incident (an Update supersedes the Alert it references). A Cancel is listed
     * until it expires, so feed readers learn that the earlier alert is withdrawn.
     */
    List<Stored> active(Instant now, int limit) {
        Query q = query(where("expires").gt(Date.from(now)).and("cancelledBy").exists(false)).addCriteria(issued())
                .with(Sort.by(Sort.Order.desc("sent"), Sort.Order.desc("incidentVersion")));
        q.fields().exclude("assessment");
        Map<String, Stored> latest = new LinkedHashMap<>();
        for (Document d : mongo.find(q, Document.class, COLLECTION)) {
            Stored s = stored(d);
            Stored known = latest.get(s.view().incidentId());
            if (known == null || known.view().incidentVersion() < s.view().incidentVersion()) {
                latest.put(s.view().incidentId(), s);
            }
        }
        return latest.values().stream().limit(limit).toList();
    }

    @Override
    public List<ActiveAlerts.Entry> active(int limit) {
        return active(clock.instant(), limit).stream().map(s -> {
            Map<String, String> headlines = new LinkedHashMap<>();
            Map<String, String> descriptions = new LinkedHashMap<>();
            s.view().texts().forEach((lang, t) -> {
                headlines.put(lang, t.headline());
                descriptions.put(lang, t.description());
            });
            return new ActiveAlerts.Entry(s.view().id(), s.view().msgType(), s.view().sent(), s.view().expires(),
                    headlines, descriptions);
        }).toList();
    }

    @Override
    public Map<String, AlertPayload> load(Collection<String> alertIds) {
        Query q = query(where("_id").in(alertIds));
        q.fields().exclude("assessment").exclude(OutboxMessage.FIELD);
        Map<String, AlertPayload> payloads = new LinkedHashMap<>();
        for (Document d : mongo.find(q, Document.class, COLLECTION)) {
            AlertView view = view(d, false);
            Map<String, AlertPayloads.Text> texts = new LinkedHashMap<>();
            view.texts().forEach((lang, t) -> texts.put(lang, new AlertPayloads.Text(t.headline(), t.description(),
                    t.instruction())));
            payloads.put(view.id(), new AlertPayload(view.id(), view.msgType(), view.sent(), view.cancelledBy() != null,
                    d.getString("cap"), json.convertValue(view, MAP), texts));
        }
        return payloads;
    }

    Stored stored(Document d) {
        return new Stored(view(d, false), d.getString("cap"), d.getString("assessment"));
    }

    private static Document texts(Map<String, AlertView.Text> texts) {
        Document doc = new Document();
        texts.forEach((lang, t) -> doc.append(lang, new Document("headline", t.headline())
                .append("description", t.description()).append("instruction", t.instruction())));
        return doc;
    }

    /** @param staff with who reported and approved it (for signed-in users only) */
    AlertView view(Document d, boolean staff) {
        List<AlertView.Zone> zones = d.getList("hazardZones", Document.class, List.of()).stream()
                .map(z -> new AlertView.Zone(z.getString("level"), z.getString("substance"),
                        z.get("geometry", Document.class)))
                .toList();
        Map<String, AlertView.Text> texts = new LinkedHashMap<>();
        Document textDoc = d.get("texts", Document.class);
        if (textDoc != null) {
            textDoc.forEach((lang, t) -> {
                Document td = (Document) t;
                texts.put(lang, new AlertView.Text(td.getString("headline"), td.getString("description"),
                        td.getString("instruction")));
            });
        }
        Instant expires = d.getDate("expires").toInstant();
        String cancelledBy = d.getString("cancelledBy");
        String supersededBy = d.getString("supersededBy");
        Issuing issuing = Issuing.fromDocument(d);
        String status = Issuing.REJECTED.equals(issuing.state()) ? Issuing.REJECTED
                : issuing.draft() && issuing.withdrawnAt() != null ? WITHDRAWN
                : cancelledBy != null ? CANCELLED
                : supersededBy != null ? SUPERSEDED
                : issuing.draft() ? Issuing.DRAFT
                : clock.instant().isBefore(expires) ? ACTIVE : EXPIRED;
        String id = d.getString("_id");
        return new AlertView(id, d.getString("incidentId"), ((Number) d.get("incidentVersion")).longValue(),
                d.getString("msgType"), d.getList("references", String.class, List.of()), d.getDate("sent").toInstant(),
                expires, status, supersededBy, cancelledBy, Severity.fromCap(d.getString("severity")), d.getString("urgency"),
                d.getString("certainty"), d.getString("category"), d.getString("responseType"), d.getString("headline"),
                d.getString("summary"), texts, d.getList("settlementIds", String.class, List.of()), zones,
                d.getInteger("recipients", 0), links.cap(id), staff ? issuing : null);
    }
}

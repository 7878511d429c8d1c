package org.steppewatch.notification.alert;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.Severity;
import org.steppewatch.eventing.OutboxMessage;
import org.steppewatch.notification.delivery.AlertPayloads;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Alerts in MongoDB; each document carries the outbox of the AlertIssued event it announces. */
@Component
class AlertStore implements AlertPayloads {

    /** Also named in steppewatch.eventing.outbox-collections, so the relay publishes its outbox. */
    static final String COLLECTION = "alerts";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final MongoTemplate mongo;
    private final JsonMapper json;

    AlertStore(MongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("incidentId", Sort.Direction.ASC)
                .on("incidentVersion", Sort.Direction.ASC));
    }

    boolean exists(String alertId) {
        return mongo.exists(query(where("_id").is(alertId)), COLLECTION);
    }

    /** Ids of the incident's alerts for versions before {@code version}, oldest first: what an Update references. */
    List<String> earlierAlertIds(String incidentId, long version) {
        Query earlier = query(where("incidentId").is(incidentId).and("incidentVersion").lt(version))
                .with(Sort.by("incidentVersion"));
        earlier.fields().include("_id");
        return mongo.find(earlier, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    /** @return false when the alert existed already (a redelivered assessment): nothing was written */
    boolean insertIfAbsent(AlertView alert, OutboxMessage issued) {
        Document doc = new Document("_id", alert.id())
                .append("incidentId", alert.incidentId())
                .append("incidentVersion", alert.incidentVersion())
                .append("msgType", alert.msgType())
                .append("references", alert.references())
                .append("sent", Date.from(alert.sent()))
                .append("severity", alert.severity().cap())
                .append("urgency", alert.urgency())
                .append("certainty", alert.certainty())
                .append("headline", alert.headline())
                .append("summary", alert.summary())
                .append("settlementIds", alert.settlementIds())
                .append("hazardZones", alert.hazardZones().stream()
                        .map(z -> new Document("level", z.level()).append("substance", z.substance())
                                .append("geometry", new Document(z.geometry())))
                        .toList())
                .append("recipients", alert.recipients())
                // the event rides in the same document write as the alert: no dual write
                .append(OutboxMessage.FIELD, List.of(new Document("eventId", issued.eventId())
                        .append("type", issued.type())
                        .append("topic", issued.topic())
                        .append("key", issued.key())
                        .append("time", Date.from(issued.time()))
                        .append("payload", issued.payload())));
        try {
            mongo.insert(doc, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<AlertView> find(String alertId) {
        return Optional.ofNullable(mongo.findById(alertId, Document.class, COLLECTION)).map(AlertStore::view);
    }

    /** Newest first. */
    List<AlertView> list(String incidentId, int limit) {
        Query q = incidentId == null ? new Query() : query(where("incidentId").is(incidentId));
        q.with(Sort.by(Sort.Order.desc("sent"), Sort.Order.desc("incidentVersion"))).limit(limit);
        return mongo.find(q, Document.class, COLLECTION).stream().map(AlertStore::view).toList();
    }

    @Override
    public Optional<Map<String, Object>> webhookData(String alertId) {
        return find(alertId).map(view -> json.convertValue(view, MAP));
    }

    private static AlertView view(Document d) {
        List<AlertView.Zone> zones = d.getList("hazardZones", Document.class, List.of()).stream()
                .map(z -> new AlertView.Zone(z.getString("level"), z.getString("substance"),
                        z.get("geometry", Document.class)))
                .toList();
        return new AlertView(d.getString("_id"), d.getString("incidentId"), ((Number) d.get("incidentVersion")).longValue(),
                d.getString("msgType"), d.getList("references", String.class, List.of()), d.getDate("sent").toInstant(),
                Severity.fromCap(d.getString("severity")), d.getString("urgency"), d.getString("certainty"),
                d.getString("headline"), d.getString("summary"), d.getList("settlementIds", String.class, List.of()),
                zones, d.getInteger("recipients", 0));
    }
}

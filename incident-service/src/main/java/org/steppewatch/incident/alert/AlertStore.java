package org.steppewatch.incident.alert;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.AlertCancelled;
import org.steppewatch.contracts.AlertIssued;
import org.steppewatch.contracts.Severity;

/**
 * Read model of {@code alerts.v1}: one document per alert, {@code _id = alertId}. Both writes are
 * upserts that set the same values whatever the order or the number of deliveries, so a
 * redelivered record, or a cancellation read before its alert, ends in the same document.
 */
@Component
class AlertStore {

    static final String COLLECTION = "alerts";
    private static final Logger log = LoggerFactory.getLogger(AlertStore.class);

    private final MongoTemplate mongo;

    AlertStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    AlertSummary issued(AlertIssued alert, Instant receivedAt) {
        Update update = new Update()
                .set("incidentId", alert.incidentId())
                .set("incidentVersion", alert.incidentVersion())
                .set("msgType", alert.msgType())
                .set("sent", date(alert.sent()))
                .set("severity", alert.severity() == null ? null : alert.severity().cap())
                .set("urgency", alert.urgency())
                .set("certainty", alert.certainty())
                .set("headline", alert.headline())
                .set("settlementIds", alert.settlementIds())
                .set("recipients", alert.recipients())
                .setOnInsert("receivedAt", date(receivedAt));
        return write(alert.alertId(), update);
    }

    AlertSummary cancelled(AlertCancelled cancel, Instant receivedAt) {
        Update update = new Update()
                .set("incidentId", cancel.incidentId())
                .set("cancelled", new Document("sent", date(cancel.sent())).append("reason", cancel.reason()))
                .setOnInsert("receivedAt", date(receivedAt));
        return write(cancel.alertId(), update);
    }

    /** Oldest first: the first alert, then its updates. */
    List<AlertSummary> forIncident(String incidentId) {
        Query q = query(where("incidentId").is(incidentId))
                .with(Sort.by(Sort.Order.asc("incidentVersion"), Sort.Order.asc("sent")));
        return mongo.find(q, Document.class, COLLECTION).stream().map(AlertStore::summary).toList();
    }

    private AlertSummary write(String alertId, Update update) {
        Document stored = mongo.findAndModify(query(where("_id").is(alertId)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        return summary(stored);
    }

    private static AlertSummary summary(Document d) {
        Document cancelled = d.get("cancelled", Document.class);
        Number version = (Number) d.get("incidentVersion");
        Number recipients = (Number) d.get("recipients");
        String severity = d.getString("severity");
        return new AlertSummary(d.getString("_id"), d.getString("incidentId"),
                version == null ? null : version.longValue(), d.getString("msgType"), instant(d.getDate("sent")),
                severity == null ? null : Severity.fromCap(severity), d.getString("urgency"), d.getString("certainty"),
                d.getString("headline"), d.getList("settlementIds", String.class), recipients == null ? null : recipients.intValue(),
                cancelled == null ? null : new AlertSummary.Cancellation(instant(cancelled.getDate("sent")),
                        cancelled.getString("reason")));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return Optional.ofNullable(date).map(Date::toInstant).orElse(null);
    }

    /** Best effort: a store that refuses the index still answers, only slower. */
    @EventListener(ApplicationReadyEvent.class)
    void ensureIndex() {
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("incidentId", Sort.Direction.ASC).named("incident"));
        } catch (RuntimeException e) {
            log.warn("could not create the alert index: {}", e.getMessage());
        }
    }
}

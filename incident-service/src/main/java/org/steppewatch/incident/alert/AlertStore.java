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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.AlertCancelled;
import org.steppewatch.contracts.AlertIssued;
import org.steppewatch.contracts.Severity;

/**
 * Read model of {@code alerts.v1}, per incident: one document per issued alert in {@code alerts}
 * ({@code _id = alertId}) and the incident's cancellation in {@code alertCancellations} ({@code _id = incidentId}).
 * Both writes are upserts that set the same values whatever the order or the number of deliveries.
 *
 * <p>Which alert is the incident's current one is decided when it is read, from what is stored, so it does not
 * depend on the order the events arrived in: an alert of a version below the cancellation's (the retracting
 * version) is cancelled, even when it arrived after the cancellation; of the others, that of the highest version
 * is current and the rest are superseded, even when an older one arrived last.
 */
@Component
class AlertStore {

    static final String COLLECTION = "alerts";
    static final String CANCELLATIONS = "alertCancellations";
    private static final Logger log = LoggerFactory.getLogger(AlertStore.class);

    private final MongoTemplate mongo;

    AlertStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void issued(AlertIssued alert, Instant receivedAt) {
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
        mongo.upsert(query(where("_id").is(alert.alertId())), update, COLLECTION);
    }

    /**
     * The incident's alerts below the cancelling version no longer stand. Every cancellation of the incident (one
     * Cancel, or one event per cancelled alert) carries the retracting version; the first one's time and reason are
     * kept.
     */
    void cancelled(AlertCancelled cancel, Instant receivedAt) {
        Update update = new Update()
                .max("incidentVersion", cancel.incidentVersion())
                .setOnInsert("sent", date(cancel.sent()))
                .setOnInsert("reason", cancel.reason())
                .setOnInsert("receivedAt", date(receivedAt));
        mongo.upsert(query(where("_id").is(cancel.incidentId())), update, CANCELLATIONS);
    }

    /** Oldest first: the first alert, then its updates, each with its state. */
    List<AlertSummary> forIncident(String incidentId) {
        Query q = query(where("incidentId").is(incidentId))
                .with(Sort.by(Sort.Order.asc("incidentVersion"), Sort.Order.asc("sent")));
        List<Document> stored = mongo.find(q, Document.class, COLLECTION);
        AlertStates states = new AlertStates(mongo.findById(incidentId, Document.class, CANCELLATIONS), stored);
        return stored.stream().filter(AlertStates::issued).map(d -> summary(d, states)).toList();
    }

    private static AlertSummary summary(Document d, AlertStates states) {
        Number version = (Number) d.get("incidentVersion");
        Number recipients = (Number) d.get("recipients");
        String severity = d.getString("severity");
        Document cancelled = states.cancellation(d);
        return new AlertSummary(d.getString("_id"), d.getString("incidentId"),
                version == null ? null : version.longValue(), d.getString("msgType"), instant(d.getDate("sent")),
                severity == null ? null : Severity.fromCap(severity), d.getString("urgency"), d.getString("certainty"),
                d.getString("headline"), d.getList("settlementIds", String.class), recipients == null ? null : recipients.intValue(),
                states.state(d), cancelled == null ? null : new AlertSummary.Cancellation(instant(cancelled.getDate("sent")),
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

package org.steppewatch.incident.incident;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.steppewatch.incident.incident.IncidentDocuments.COLLECTION;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.locationtech.jts.geom.Point;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.ReportedBy;
import org.steppewatch.eventing.OutboxMessage;

/**
 * The {@code incidents} collection. Every state change is one single-document write that also
 * appends the announcing event to the document's outbox, guarded by the version the caller saw;
 * the version it replaces is copied to {@link IncidentRevisions} first.
 */
@Component
public class IncidentStore {

    private final MongoTemplate mongo;
    private final IncidentRevisions history;

    IncidentStore(MongoTemplate mongo, IncidentRevisions history) {
        this.mongo = mongo;
        this.history = history;
    }

    void insert(Incident incident, ReportedBy by, OutboxMessage reported) {
        mongo.insert(IncidentDocuments.toDocument(incident, by, reported), COLLECTION);
    }

    Optional<Incident> find(String id) {
        return findDocument(id).map(IncidentDocuments::fromDocument);
    }

    /** @return the incident's versions, oldest first; empty when there is no such incident */
    Optional<List<Revision>> revisions(String id) {
        return findDocument(id).map(history::of);
    }

    private Optional<Document> findDocument(String id) {
        Query query = byId(id);
        query.fields().exclude(OutboxMessage.FIELD);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION));
    }

    public boolean exists(String id) {
        return mongo.exists(byId(id), COLLECTION);
    }

    /** @return the incident's status; empty when there is no such incident */
    public Optional<IncidentStatus> status(String id) {
        Query query = byId(id);
        query.fields().include(IncidentDocuments.STATUS);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION))
                .map(d -> IncidentStatus.valueOf(d.getString(IncidentDocuments.STATUS)));
    }

    record Page(List<Incident> items, long total) {
    }

    Page list(IncidentQuery filter) {
        Criteria criteria = new Criteria();
        if (filter.category() != null) {
            criteria.and(IncidentDocuments.CATEGORY).is(filter.category().name());
        }
        if (filter.status() != null) {
            criteria.and(IncidentDocuments.STATUS).is(filter.status().name());
        }
        if (filter.since() != null || filter.until() != null) {
            // one criterion per key: a document cannot hold two
            Criteria occurred = criteria.and(IncidentDocuments.OCCURRED_AT);
            if (filter.since() != null) {
                occurred.gte(IncidentDocuments.date(filter.since()));
            }
            if (filter.until() != null) {
                occurred.lt(IncidentDocuments.date(filter.until()));
            }
        }
        if (filter.bbox() != null) {
            criteria.and(IncidentDocuments.LON).gte(filter.bbox().minLon()).lte(filter.bbox().maxLon());
            criteria.and(IncidentDocuments.LAT).gte(filter.bbox().minLat()).lte(filter.bbox().maxLat());
        }
        long total = mongo.count(new Query(criteria), COLLECTION);
        Query page = new Query(criteria)
                .with(Sort.by(Sort.Order.desc(IncidentDocuments.OCCURRED_AT), Sort.Order.asc("_id")))
                .skip((long) filter.page() * filter.size())
                .limit(filter.size());
        page.fields().exclude(OutboxMessage.FIELD);
        List<Incident> items = mongo.find(page, Document.class, COLLECTION).stream()
                .map(IncidentDocuments::fromDocument)
                .toList();
        return new Page(items, total);
    }

    /** @return the revised incident, or empty when it is not at {@code expectedVersion} or is retracted */
    Optional<Incident> revise(String id, long expectedVersion, IncidentFacts facts, Instant now, ReportedBy by,
                              OutboxMessage revised) {
        Point location = (Point) facts.location();
        Update update = new Update()
                .set(IncidentDocuments.FACTS, IncidentDocuments.facts(facts))
                .set(IncidentDocuments.LON, location.getX())
                .set(IncidentDocuments.LAT, location.getY())
                .set(IncidentDocuments.VERSION, expectedVersion + 1)
                .set(IncidentDocuments.STATUS, IncidentStatus.REVISED.name())
                .set(IncidentDocuments.UPDATED_AT, IncidentDocuments.date(now))
                .set(IncidentDocuments.LAST_CHANGE, IncidentDocuments.lastChange(Revision.REVISED, now, by))
                .push(OutboxMessage.FIELD, IncidentDocuments.outbox(revised));
        return modify(id, expectedVersion, update);
    }

    /** @return the retracted incident, or empty when it is not at {@code expectedVersion} or is retracted already */
    Optional<Incident> retract(String id, long expectedVersion, Incident.Retraction retraction, ReportedBy by,
                               OutboxMessage retracted) {
        Update update = new Update()
                .set(IncidentDocuments.VERSION, expectedVersion + 1)
                .set(IncidentDocuments.STATUS, IncidentStatus.RETRACTED.name())
                .set(IncidentDocuments.UPDATED_AT, IncidentDocuments.date(retraction.retractedAt()))
                .set(IncidentDocuments.RETRACTION, new Document("reason", retraction.reason())
                        .append("retractedAt", IncidentDocuments.date(retraction.retractedAt())))
                .set(IncidentDocuments.LAST_CHANGE, IncidentDocuments.lastChange(Revision.RETRACTED,
                        retraction.retractedAt(), by))
                .push(OutboxMessage.FIELD, IncidentDocuments.outbox(retracted));
        return modify(id, expectedVersion, update);
    }

    /**
     * An assessment of {@code version} arrived: the incident becomes ASSESSED only if that is still
     * its current version and it awaits one (a late assessment of an older version changes nothing).
     * Not an incident event, so nothing goes to the outbox.
     *
     * @return whether the status changed
     */
    public boolean markAssessed(String id, long version, Instant now) {
        Query guard = byId(id).addCriteria(where(IncidentDocuments.VERSION).is(version)
                .and(IncidentDocuments.STATUS).in(IncidentStatus.REPORTED.name(), IncidentStatus.REVISED.name()));
        Update update = new Update()
                .set(IncidentDocuments.STATUS, IncidentStatus.ASSESSED.name())
                .set(IncidentDocuments.UPDATED_AT, IncidentDocuments.date(now));
        return mongo.updateFirst(guard, update, COLLECTION).getModifiedCount() > 0;
    }

    private Optional<Incident> modify(String id, long expectedVersion, Update update) {
        Optional<Document> current = findDocument(id).filter(d -> changeable(d, expectedVersion));
        if (current.isEmpty()) {
            return Optional.empty(); // nothing written: the caller tells why
        }
        history.keep(current.get());
        Query guard = byId(id).addCriteria(where(IncidentDocuments.VERSION).is(expectedVersion)
                .and(IncidentDocuments.STATUS).ne(IncidentStatus.RETRACTED.name()));
        Document modified = mongo.findAndModify(guard, update, FindAndModifyOptions.options().returnNew(true),
                Document.class, COLLECTION);
        return Optional.ofNullable(modified).map(IncidentDocuments::fromDocument);
    }

    private static boolean changeable(Document incident, long expectedVersion) {
        return IncidentDocuments.number(incident.get(IncidentDocuments.VERSION)).longValue() == expectedVersion
                && !IncidentStatus.RETRACTED.name().equals(incident.getString(IncidentDocuments.STATUS));
    }

    private static Query byId(String id) {
        return query(where("_id").is(id));
    }
}

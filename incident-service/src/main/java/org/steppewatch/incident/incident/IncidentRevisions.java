package org.steppewatch.incident.incident;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.steppewatch.incident.incident.IncidentDocuments.AT;
import static org.steppewatch.incident.incident.IncidentDocuments.BY;
import static org.steppewatch.incident.incident.IncidentDocuments.CHANGE;
import static org.steppewatch.incident.incident.IncidentDocuments.FACTS;
import static org.steppewatch.incident.incident.IncidentDocuments.REASON;
import static org.steppewatch.incident.incident.IncidentDocuments.VERSION;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The {@code incidentRevisions} collection: one document per earlier version of an incident,
 * {@code _id = <incidentId>:<version>}. The current version is not copied here: the incident document
 * itself is its history entry ({@code facts}, {@code lastChange}, {@code retraction}).
 *
 * <p>A version is copied just before the version-guarded update that replaces it, from the incident
 * document as read at that version. So a refused update leaves nothing that could show (the version it
 * copied exists and its copy is exact), two writers racing over one version write identical copies, and a
 * crash between copy and update leaves an exact copy that the next writer writes again. Only committed
 * versions are ever copied; reads still take the collection only below the current version.
 */
@Component
class IncidentRevisions {

    static final String COLLECTION = "incidentRevisions";
    private static final String INCIDENT_ID = "incidentId";

    private final MongoTemplate mongo;

    IncidentRevisions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String id(String incidentId, long version) {
        return incidentId + ":" + version;
    }

    /** Copies the incident's current version, as {@code incident} holds it; repeatable. */
    void keep(Document incident) {
        mongo.save(document(incident.getString("_id"), current(incident)), COLLECTION);
    }

    /** Stores one version as it was (the migration of embedded histories); repeatable. */
    void keep(String incidentId, Revision revision) {
        mongo.save(document(incidentId, revision), COLLECTION);
    }

    /** Every version of the incident, oldest first: the copies below the current version, then the current one. */
    List<Revision> of(Document incident) {
        long current = IncidentDocuments.number(incident.get(VERSION)).longValue();
        Query earlier = query(where(INCIDENT_ID).is(incident.getString("_id")).and(VERSION).lt(current))
                .with(Sort.by(VERSION));
        List<Revision> revisions = new ArrayList<>(mongo.find(earlier, Document.class, COLLECTION).stream()
                .map(IncidentRevisions::revision).toList());
        revisions.add(current(incident));
        return revisions;
    }

    /**
     * The current version's history entry. An incident stored before {@code lastChange} was recorded gets
     * what its document tells: the change from its status and version, the time it was last updated.
     */
    static Revision current(Document incident) {
        Incident current = IncidentDocuments.fromDocument(incident);
        Document last = incident.get(IncidentDocuments.LAST_CHANGE, Document.class);
        boolean retracted = current.status() == IncidentStatus.RETRACTED;
        String change = last != null ? last.getString(CHANGE)
                : retracted ? Revision.RETRACTED : current.version() == 1 ? Revision.REPORTED : Revision.REVISED;
        var at = last != null ? IncidentDocuments.instant(last.getDate(AT))
                : retracted && current.retraction() != null ? current.retraction().retractedAt() : current.updatedAt();
        return new Revision(current.version(), change, at, retracted ? null : current.facts(),
                retracted && current.retraction() != null ? current.retraction().reason() : null,
                last == null ? null : IncidentDocuments.by(last));
    }

    private static Document document(String incidentId, Revision revision) {
        Document document = new Document("_id", id(incidentId, revision.version()))
                .append(INCIDENT_ID, incidentId)
                .append(VERSION, revision.version())
                .append(CHANGE, revision.change())
                .append(AT, IncidentDocuments.date(revision.at()));
        IncidentDocuments.putIfPresent(document, FACTS,
                revision.facts() == null ? null : IncidentDocuments.facts(revision.facts()));
        IncidentDocuments.putIfPresent(document, REASON, revision.reason());
        IncidentDocuments.putIfPresent(document, BY, IncidentDocuments.byDocument(revision.by()));
        return document;
    }

    static Revision revision(Document stored) {
        Document facts = stored.get(FACTS, Document.class);
        return new Revision(IncidentDocuments.number(stored.get(VERSION)).longValue(), stored.getString(CHANGE),
                IncidentDocuments.instant(stored.getDate(AT)), facts == null ? null : IncidentDocuments.readFacts(facts),
                stored.getString(REASON), IncidentDocuments.by(stored));
    }

    /** The history of one incident is read by incident and version. */
    void ensureIndex() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on(INCIDENT_ID, Sort.Direction.ASC)
                .on(VERSION, Sort.Direction.ASC).named("history"));
    }
}

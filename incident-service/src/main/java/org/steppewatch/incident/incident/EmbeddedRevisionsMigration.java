package org.steppewatch.incident.incident;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.stream.Stream;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.eventing.OutboxMessage;

/**
 * Runs at every start, before the API serves: moves histories that earlier releases kept inside the incident
 * document (an array {@code revisions}, which met MongoDB's 16 MB document limit after a few revisions of a large
 * footprint) to {@link IncidentRevisions}. The current version's entry becomes {@code lastChange}. Repeatable: the
 * copies are keyed by incident and version, and an incident that changed meanwhile keeps its array for the next start.
 */
@Component
class EmbeddedRevisionsMigration implements InitializingBean {

    static final String EMBEDDED = "revisions";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRevisionsMigration.class);

    private final MongoTemplate mongo;
    private final IncidentRevisions revisions;

    EmbeddedRevisionsMigration(MongoTemplate mongo, IncidentRevisions revisions) {
        this.mongo = mongo;
        this.revisions = revisions;
    }

    @Override
    public void afterPropertiesSet() {
        revisions.ensureIndex();
        Query embedded = query(where(EMBEDDED).exists(true));
        embedded.fields().exclude(OutboxMessage.FIELD);
        int moved = 0;
        try (Stream<Document> incidents = mongo.stream(embedded, Document.class, IncidentDocuments.COLLECTION)) {
            for (Document incident : (Iterable<Document>) incidents::iterator) {
                moved += migrate(incident) ? 1 : 0;
            }
        }
        if (moved > 0) {
            log.info("moved the revision histories of {} incidents out of their documents", moved);
        }
    }

    private boolean migrate(Document incident) {
        String id = incident.getString("_id");
        long version = IncidentDocuments.number(incident.get(IncidentDocuments.VERSION)).longValue();
        Update update = new Update().unset(EMBEDDED);
        for (Document entry : incident.getList(EMBEDDED, Document.class, List.of())) {
            Revision revision = IncidentRevisions.revision(entry);
            if (revision.version() < version) {
                revisions.keep(id, revision);
            } else if (revision.version() == version && !incident.containsKey(IncidentDocuments.LAST_CHANGE)) {
                update.set(IncidentDocuments.LAST_CHANGE,
                        IncidentDocuments.lastChange(revision.change(), revision.at(), revision.by()));
            }
        }
        // only at the version read: a writer that moved it on has already copied that version itself
        return mongo.updateFirst(query(where("_id").is(id).and(IncidentDocuments.VERSION).is(version)), update,
                IncidentDocuments.COLLECTION).getModifiedCount() > 0;
    }
}

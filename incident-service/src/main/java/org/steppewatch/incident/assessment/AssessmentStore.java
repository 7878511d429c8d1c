package org.steppewatch.incident.assessment;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.IncidentAssessed;

/**
 * Read model of {@code assessments.v1}: one document per assessed incident version,
 * {@code _id = incidentId:incidentVersion}, the event JSON kept as a sub-document.
 */
@Component
class AssessmentStore {

    static final String COLLECTION = "assessments";
    private static final Logger log = LoggerFactory.getLogger(AssessmentStore.class);

    private final MongoTemplate mongo;

    AssessmentStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Insert-if-absent: a redelivered assessment changes nothing. */
    void save(IncidentAssessed assessment, Instant receivedAt) {
        String id = IncidentAssessed.assessmentId(assessment.incidentId(), assessment.incidentVersion());
        Update update = new Update()
                .setOnInsert("incidentId", assessment.incidentId())
                .setOnInsert("incidentVersion", assessment.incidentVersion())
                .setOnInsert("receivedAt", Date.from(receivedAt))
                .setOnInsert("assessment", Document.parse(EventJson.write(assessment)));
        mongo.upsert(query(where("_id").is(id)), update, COLLECTION);
    }

    /** The assessment of the highest incident version received. */
    Optional<IncidentAssessed> latest(String incidentId) {
        Document found = mongo.findOne(query(where("incidentId").is(incidentId))
                .with(Sort.by(Sort.Direction.DESC, "incidentVersion")).limit(1), Document.class, COLLECTION);
        return Optional.ofNullable(found)
                .map(d -> d.get("assessment", Document.class))
                .map(assessment -> EventJson.read(assessment.toJson(), IncidentAssessed.class));
    }

    /** Best effort: a store that refuses the index still answers, only slower. */
    @EventListener(ApplicationReadyEvent.class)
    void ensureIndex() {
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index()
                    .on("incidentId", Sort.Direction.ASC).on("incidentVersion", Sort.Direction.DESC).named("latest"));
        } catch (RuntimeException e) {
            log.warn("could not create the assessment index: {}", e.getMessage());
        }
    }
}

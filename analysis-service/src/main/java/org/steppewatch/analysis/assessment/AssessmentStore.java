package org.steppewatch.analysis.assessment;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.eventing.OutboxMessage;

/**
 * The {@code assessments} collection: one document per incident version, {@code _id} = assessment id
 * ({@code incidentId:version}). The assessment (geometries as GeoJSON) and the IncidentAssessed event
 * announcing it are written by ONE insert, so they cannot disagree, and a second insert of the same id
 * fails: a redelivered incident event stores nothing and announces nothing.
 */
@Component
class AssessmentStore implements InitializingBean {

    static final String COLLECTION = "assessments";

    private final MongoTemplate mongo;

    AssessmentStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * An assessment as stored, with the withdrawal mark set when its incident was retracted.
     *
     * @param details the {@link AssessmentDetails} as stored (JSON), or null for assessments stored before they existed
     */
    record Stored(IncidentAssessed assessment, Document details, boolean withdrawn, Instant withdrawnAt, String withdrawnReason) {
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("incidentId", Sort.Direction.ASC).on("incidentVersion", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("assessedAt", Sort.Direction.DESC));
    }

    boolean exists(String assessmentId) {
        return mongo.exists(query(where("_id").is(assessmentId)), COLLECTION);
    }

    /** @return false when an assessment with this id is already stored (nothing was written) */
    boolean insertWithEvent(IncidentAssessor.Assessment assessed, Instant now) {
        IncidentAssessed assessment = assessed.event();
        Document outboxMessage = OutboxMessage.of(assessment, now).toDocument();
        Document document = new Document("_id", assessment.assessmentId())
                .append("incidentId", assessment.incidentId())
                .append("incidentVersion", assessment.incidentVersion())
                .append("assessedAt", Date.from(assessment.assessedAt()))
                .append("severity", assessment.severity().cap())
                .append("withdrawn", false)
                // the event's own JSON: GeoJSON geometries, the same field names as on the topic and the API
                .append("assessment", Document.parse(EventJson.write(assessment)))
                .append("details", Document.parse(EventJson.mapper().writeValueAsString(assessed.details())))
                .append(OutboxMessage.FIELD, List.of(outboxMessage));
        try {
            mongo.insert(document, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Stored> latest(String incidentId) {
        return Optional.ofNullable(mongo.findOne(query(where("incidentId").is(incidentId))
                .with(Sort.by(Sort.Direction.DESC, "incidentVersion")).limit(1), Document.class, COLLECTION)).map(AssessmentStore::read);
    }

    Optional<Stored> find(String incidentId, long version) {
        return Optional.ofNullable(mongo.findById(IncidentAssessed.assessmentId(incidentId, version), Document.class, COLLECTION))
                .map(AssessmentStore::read);
    }

    /** One page of a listing and how many there are in all. */
    record Page(List<Stored> items, long total) {
    }

    /**
     * Assessments newest first (by the time they were made), of one incident or of all; without the details and
     * the outbox, which a listing does not show.
     */
    Page list(String incidentId, int page, int size) {
        Query q = incidentId == null ? new Query() : query(where("incidentId").is(incidentId));
        long total = mongo.count(q, COLLECTION);
        q.with(Sort.by(Sort.Order.desc("assessedAt"), Sort.Order.asc("_id"))).skip((long) page * size).limit(size);
        q.fields().exclude("details").exclude(OutboxMessage.FIELD);
        return new Page(mongo.find(q, Document.class, COLLECTION).stream().map(AssessmentStore::read).toList(), total);
    }

    /** The ids of the incident's assessments, oldest version first. */
    List<String> assessmentIds(String incidentId) {
        Query q = query(where("incidentId").is(incidentId)).with(Sort.by(Sort.Direction.ASC, "incidentVersion"));
        q.fields().include("_id");
        return mongo.find(q, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    /** @return the highest version of the incident assessed, 0 when none is */
    long newestVersion(String incidentId) {
        Query newest = query(where("incidentId").is(incidentId)).with(Sort.by(Sort.Direction.DESC, "incidentVersion")).limit(1);
        newest.fields().include("incidentVersion");
        Document found = mongo.findOne(newest, Document.class, COLLECTION);
        return found == null ? 0 : ((Number) found.get("incidentVersion")).longValue();
    }

    long count(String incidentId) {
        return mongo.count(query(where("incidentId").is(incidentId)), COLLECTION);
    }

    /** Marks every assessment of the incident withdrawn; repeating it with the same values changes nothing. */
    long withdraw(String incidentId, Instant retractedAt, String reason) {
        Update update = new Update().set("withdrawn", true).set("withdrawnReason", reason);
        if (retractedAt != null) {
            update.set("withdrawnAt", Date.from(retractedAt));
        }
        return mongo.updateMulti(query(where("incidentId").is(incidentId)), update, COLLECTION).getMatchedCount();
    }

    private static Stored read(Document document) {
        IncidentAssessed assessment = EventJson.read(document.get("assessment", Document.class).toJson(), IncidentAssessed.class);
        Date withdrawnAt = document.getDate("withdrawnAt");
        return new Stored(assessment, document.get("details", Document.class), Boolean.TRUE.equals(document.getBoolean("withdrawn")),
                withdrawnAt == null ? null : withdrawnAt.toInstant(), document.getString("withdrawnReason"));
    }
}

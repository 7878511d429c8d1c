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
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.AssessmentWithdrawn;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.IncidentAssessed;

/**
 * Read model of {@code assessments.v1}, per incident: one document per assessed version in {@code assessments}
 * ({@code _id = incidentId:incidentVersion}, the event JSON kept as a sub-document) and, once the incident's
 * assessments were withdrawn, one document in {@code assessmentWithdrawals} ({@code _id = incidentId}).
 *
 * <p>What the API shows is decided when it is read, from what is stored, so it does not depend on the order the
 * events arrived in: the highest version is current, and a withdrawal outranks every assessment (its version is
 * the retraction's, above every assessed one). An assessment that arrives late (older than one stored, or after
 * the withdrawal, which analysis-service may publish first) is not even stored. Every write is an upsert of the
 * same values, so a redelivered record changes nothing.
 */
@Component
class AssessmentStore {

    static final String COLLECTION = "assessments";
    static final String WITHDRAWALS = "assessmentWithdrawals";
    private static final Logger log = LoggerFactory.getLogger(AssessmentStore.class);

    private final MongoTemplate mongo;

    AssessmentStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The incident's assessments were withdrawn by its retraction (version) at a time, for a reason. */
    record Withdrawal(long incidentVersion, Instant withdrawnAt, String reason) {
    }

    /**
     * Stores the assessment unless the incident's assessments were withdrawn or a newer version's is stored.
     *
     * @return whether it is stored (now or by an earlier delivery): false when it is stale and nothing was written
     */
    boolean save(IncidentAssessed assessment, Instant receivedAt) {
        if (withdrawal(assessment.incidentId()).isPresent() || newestVersion(assessment.incidentId()) > assessment.incidentVersion()) {
            return false;
        }
        String id = IncidentAssessed.assessmentId(assessment.incidentId(), assessment.incidentVersion());
        Update update = new Update()
                .setOnInsert("incidentId", assessment.incidentId())
                .setOnInsert("incidentVersion", assessment.incidentVersion())
                .setOnInsert("receivedAt", Date.from(receivedAt))
                .setOnInsert("assessment", Document.parse(EventJson.write(assessment)));
        mongo.upsert(query(where("_id").is(id)), update, COLLECTION);
        return true;
    }

    /** Remembers the withdrawal, whether or not an assessment of the incident arrived yet; repeatable. */
    void withdraw(AssessmentWithdrawn withdrawal, Instant receivedAt) {
        Update update = new Update()
                .max("incidentVersion", withdrawal.incidentVersion())
                .setOnInsert("withdrawnAt", Date.from(withdrawal.withdrawnAt() == null ? receivedAt : withdrawal.withdrawnAt()))
                .setOnInsert("reason", withdrawal.reason())
                .setOnInsert("assessmentIds", withdrawal.assessmentIds())
                .setOnInsert("receivedAt", Date.from(receivedAt));
        mongo.upsert(query(where("_id").is(withdrawal.incidentId())), update, WITHDRAWALS);
    }

    Optional<Withdrawal> withdrawal(String incidentId) {
        return Optional.ofNullable(mongo.findById(incidentId, Document.class, WITHDRAWALS))
                .map(d -> new Withdrawal(((Number) d.get("incidentVersion")).longValue(),
                        d.getDate("withdrawnAt").toInstant(), d.getString("reason")));
    }

    /** The incident's current assessment: that of the highest version stored, unless its assessments were withdrawn. */
    Optional<IncidentAssessed> current(String incidentId) {
        if (withdrawal(incidentId).isPresent()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(newest(incidentId), Document.class, COLLECTION))
                .map(d -> d.get("assessment", Document.class))
                .map(assessment -> EventJson.read(assessment.toJson(), IncidentAssessed.class));
    }

    private long newestVersion(String incidentId) {
        Query newest = newest(incidentId);
        newest.fields().include("incidentVersion");
        Document found = mongo.findOne(newest, Document.class, COLLECTION);
        return found == null ? 0 : ((Number) found.get("incidentVersion")).longValue();
    }

    private static Query newest(String incidentId) {
        return query(where("incidentId").is(incidentId)).with(Sort.by(Sort.Direction.DESC, "incidentVersion")).limit(1);
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

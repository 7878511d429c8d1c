package org.steppewatch.analysis.assessment;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.AssessmentWithdrawn;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.eventing.OutboxMessage;

/**
 * The {@code withdrawals} collection: one document per retracted incident, {@code _id} =
 * {@code <incidentId>:withdrawn}, holding the {@link AssessmentWithdrawn} event in its outbox. A second insert of
 * the same id fails, so a redelivered retraction announces nothing twice.
 */
@Component
class WithdrawalStore {

    static final String COLLECTION = "withdrawals";

    private final MongoTemplate mongo;

    WithdrawalStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String id(String incidentId) {
        return incidentId + ":withdrawn";
    }

    boolean exists(String incidentId) {
        return mongo.exists(query(where("_id").is(id(incidentId))), COLLECTION);
    }

    /** @return false when the incident's withdrawal is already stored (nothing was written) */
    boolean insertWithEvent(AssessmentWithdrawn withdrawn, Instant now) {
        Document outboxMessage = OutboxMessage.of(withdrawn, now).toDocument();
        Document document = new Document("_id", id(withdrawn.incidentId()))
                .append("incidentId", withdrawn.incidentId())
                .append("incidentVersion", withdrawn.incidentVersion())
                .append("withdrawnAt", withdrawn.withdrawnAt() == null ? null : Date.from(withdrawn.withdrawnAt()))
                .append("withdrawal", Document.parse(EventJson.write(withdrawn)))
                .append(OutboxMessage.FIELD, List.of(outboxMessage));
        try {
            mongo.insert(document, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}

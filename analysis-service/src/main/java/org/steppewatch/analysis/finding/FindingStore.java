package org.steppewatch.analysis.finding;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.FacilityJudged;
import org.steppewatch.contracts.ResultJudged;
import org.steppewatch.eventing.OutboxMessage;

/**
 * The judgements, each written with the event announcing it in ONE document write (both collections are named in
 * {@code steppewatch.eventing.outbox-collections}, so the relay publishes their outboxes):
 * <ul>
 * <li>{@code result_judgements}: one document per result, {@code _id} = resultId; a second insert of the same id
 *     fails, so a result is judged and announced once.</li>
 * <li>{@code facility_judgements}: one document per facility, {@code _id} = facilityId, holding its newest judged
 *     version; a version is written only over an older one (a conditional update, else an insert that fails when
 *     the document exists), so an older or equal version announces nothing.</li>
 * </ul>
 */
@Component
class FindingStore {

    static final String RESULTS = "result_judgements";
    static final String FACILITIES = "facility_judgements";

    private final MongoTemplate mongo;

    FindingStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    boolean resultJudged(String resultId) {
        return mongo.exists(query(where("_id").is(resultId)), RESULTS);
    }

    /** @return false when the result was judged before (nothing was written) */
    boolean insertWithEvent(ResultJudged judged, Instant now) {
        Document document = new Document("_id", judged.resultId())
                .append("siteId", judged.siteId())
                .append("judgedAt", Date.from(judged.judgedAt()))
                .append("above", judged.notice() != null)
                .append("judgement", Document.parse(EventJson.write(judged)))
                .append(OutboxMessage.FIELD, List.of(OutboxMessage.of(judged, now).toDocument()));
        try {
            mongo.insert(document, RESULTS);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** @return false when this version or a newer one of the facility was judged before (nothing was written) */
    boolean replaceOlderWithEvent(FacilityJudged judged, Instant now) {
        Document judgement = Document.parse(EventJson.write(judged));
        Document outboxMessage = OutboxMessage.of(judged, now).toDocument();
        // pushed, not set: the event of the version before may still be waiting for the relay
        Update newer = new Update().set("facilityVersion", judged.facilityVersion()).set("judgedAt", Date.from(judged.judgedAt()))
                .set("judgement", judgement).push(OutboxMessage.FIELD, outboxMessage);
        if (mongo.updateFirst(query(where("_id").is(judged.facilityId()).and("facilityVersion").lt(judged.facilityVersion())),
                newer, FACILITIES).getMatchedCount() == 1) {
            return true;
        }
        Document document = new Document("_id", judged.facilityId())
                .append("facilityVersion", judged.facilityVersion())
                .append("judgedAt", Date.from(judged.judgedAt()))
                .append("judgement", judgement)
                .append(OutboxMessage.FIELD, List.of(outboxMessage));
        try {
            mongo.insert(document, FACILITIES);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The newest judged version of the facility, 0 when none is. */
    long judgedVersion(String facilityId) {
        Document found = mongo.findById(facilityId, Document.class, FACILITIES);
        return found == null ? 0 : ((Number) found.get("facilityVersion")).longValue();
    }
}

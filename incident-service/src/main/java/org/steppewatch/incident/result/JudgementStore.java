package org.steppewatch.incident.result;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.ResultJudged;

/**
 * Read model of the {@link ResultJudged} events: {@code resultJudgements}, one document per result
 * ({@code _id} = resultId, the event as its {@code judgement} sub-document). A result is judged once: the first
 * judgement stored stays, a redelivery or a second judgement changes nothing. Kept apart from the result, so a
 * judgement that overtakes its result (another instance's outbox) is kept all the same.
 */
@Component
class JudgementStore {

    static final String COLLECTION = "resultJudgements";
    private static final String JUDGEMENT = "judgement";

    private final MongoTemplate mongo;

    JudgementStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return whether stored now (false: it was judged before, and that judgement stays) */
    boolean save(ResultJudged judged, Instant receivedAt) {
        Update update = new Update()
                .setOnInsert(JUDGEMENT, Document.parse(EventJson.write(judged)))
                .setOnInsert("receivedAt", Date.from(receivedAt));
        return mongo.upsert(query(where("_id").is(judged.resultId())), update, COLLECTION).getUpsertedId() != null;
    }

    Optional<ResultJudged> find(String resultId) {
        return Optional.ofNullable(find(java.util.List.of(resultId)).get(resultId));
    }

    Map<String, ResultJudged> find(Collection<String> resultIds) {
        Map<String, ResultJudged> found = new LinkedHashMap<>();
        for (Document d : mongo.find(query(where("_id").in(resultIds)), Document.class, COLLECTION)) {
            found.put(d.getString("_id"), EventJson.readContamination(d.get(JUDGEMENT, Document.class).toJson(),
                    ResultJudged.class));
        }
        return found;
    }
}

package org.steppewatch.incident.result;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.ResultRecorded;
import org.steppewatch.eventing.OutboxMessage;
import org.steppewatch.incident.site.SeriesCount;
import org.steppewatch.incident.site.SiteResults;

/**
 * The {@code results} collection: one document per result ({@code _id} = resultId), the {@link ResultRecorded} as
 * its {@code result} sub-document, the fields the lists filter and sort on beside it, and the event in its
 * {@code outbox} array: written in the same insert, published by the relay (named in
 * {@code steppewatch.eventing.outbox-collections}). A result is immutable once recorded.
 */
@Component
class ResultStore implements SiteResults {

    static final String COLLECTION = "results";
    static final String SITE = "siteId";
    static final String SUBSTANCE = "substance";
    static final String MEDIUM = "medium";
    static final String SAMPLED_FROM = "sampledFrom";
    static final String RECORDED_AT = "recordedAt";
    static final String RESULT = "result";
    private static final Logger log = LoggerFactory.getLogger(ResultStore.class);

    private final MongoTemplate mongo;

    ResultStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void insert(ResultRecorded result, OutboxMessage recorded) {
        mongo.insert(toDocument(result, recorded), COLLECTION);
    }

    /** All in one bulk insert (ordered): a batch that fails part-way is removed again by the caller. */
    void insertAll(List<ResultRecorded> results, List<OutboxMessage> recorded) {
        List<Document> documents = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            documents.add(toDocument(results.get(i), recorded.get(i)));
        }
        mongo.insert(documents, COLLECTION);
    }

    /** Removes what a failed import stored; its events leave with their documents (unless already published). */
    void removeAll(Collection<String> resultIds) {
        mongo.remove(query(where("_id").in(resultIds)), COLLECTION);
    }

    /** Stores the result with its event unless one with its id exists. @return whether stored now */
    boolean insertIfAbsent(ResultRecorded result, OutboxMessage recorded) {
        Update update = new Update();
        toDocument(result, recorded).forEach((field, value) -> {
            if (!"_id".equals(field)) {
                update.setOnInsert(field, value);
            }
        });
        try {
            return mongo.upsert(query(where("_id").is(result.resultId())), update, COLLECTION).getUpsertedId() != null;
        } catch (DuplicateKeyException e) {
            return false; // another instance seeded it at the same moment
        }
    }

    Optional<ResultRecorded> find(String resultId) {
        return Optional.ofNullable(mongo.findOne(byId(resultId), Document.class, COLLECTION)).map(ResultStore::fromDocument);
    }

    record Page(List<ResultRecorded> items, long total) {
    }

    /** Newest first; each filter only when given (substance upper case, medium lower case). */
    Page list(String siteId, String substance, String medium, int page, int size) {
        Criteria criteria = filter(siteId, substance, medium);
        Query found = query(criteria).with(Sort.by(Sort.Direction.DESC, RECORDED_AT).and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        found.fields().include(RESULT);
        List<ResultRecorded> items = mongo.find(found, Document.class, COLLECTION).stream()
                .map(ResultStore::fromDocument).toList();
        return new Page(items, mongo.count(query(criteria), COLLECTION));
    }

    /** One site's series, in time order (undated results first, then by the day sampling began, then as recorded). */
    List<ResultRecorded> series(String siteId, String substance, String medium) {
        Query found = query(filter(siteId, substance, medium))
                .with(Sort.by(SAMPLED_FROM).and(Sort.by(RECORDED_AT)).and(Sort.by("_id")));
        found.fields().include(RESULT);
        return mongo.find(found, Document.class, COLLECTION).stream().map(ResultStore::fromDocument).toList();
    }

    @Override
    public Map<String, List<SeriesCount>> seriesOf(Collection<String> siteIds) {
        var aggregation = Aggregation.newAggregation(
                Aggregation.match(where(SITE).in(siteIds)),
                Aggregation.group(SITE, SUBSTANCE, MEDIUM).count().as("count"));
        Map<String, List<SeriesCount>> series = new LinkedHashMap<>();
        for (Document group : mongo.aggregate(aggregation, COLLECTION, Document.class)) {
            Document id = group.get("_id", Document.class);
            series.computeIfAbsent(id.getString(SITE), s -> new ArrayList<>()).add(new SeriesCount(
                    id.getString(SUBSTANCE), id.getString(MEDIUM), ((Number) group.get("count")).longValue()));
        }
        series.values().forEach(list -> list.sort(Comparator.comparingLong(SeriesCount::count).reversed()
                .thenComparing(SeriesCount::substance).thenComparing(SeriesCount::medium)));
        return series;
    }

    private static Criteria filter(String siteId, String substance, String medium) {
        Criteria criteria = new Criteria();
        if (siteId != null) {
            criteria.and(SITE).is(siteId);
        }
        if (substance != null) {
            criteria.and(SUBSTANCE).is(substance);
        }
        if (medium != null) {
            criteria.and(MEDIUM).is(medium);
        }
        return criteria;
    }

    private static Query byId(String id) {
        Query query = query(where("_id").is(id));
        query.fields().include(RESULT);
        return query;
    }

    private static Document toDocument(ResultRecorded result, OutboxMessage recorded) {
        return new Document("_id", result.resultId())
                .append(SITE, result.siteId())
                .append("campaignId", result.campaignId())
                .append(SUBSTANCE, result.substance())
                .append(MEDIUM, result.medium())
                // ISO dates sort as text; null (undated) sorts first
                .append(SAMPLED_FROM, result.sampledFrom() == null ? null : result.sampledFrom().toString())
                .append(RECORDED_AT, Date.from(result.recordedAt()))
                .append("enteredBy", result.enteredBy())
                .append(RESULT, Document.parse(EventJson.write(result)))
                .append(OutboxMessage.FIELD, List.of(recorded.toDocument()));
    }

    private static ResultRecorded fromDocument(Document document) {
        return EventJson.readContamination(document.get(RESULT, Document.class).toJson(), ResultRecorded.class);
    }

    /** Best effort: a store that refuses an index still answers, only slower. */
    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        try {
            var indexes = mongo.indexOps(COLLECTION);
            indexes.createIndex(new Index().on(SITE, Sort.Direction.ASC).on(SUBSTANCE, Sort.Direction.ASC)
                    .on(MEDIUM, Sort.Direction.ASC).on(SAMPLED_FROM, Sort.Direction.ASC).named("series"));
            indexes.createIndex(new Index().on(RECORDED_AT, Sort.Direction.DESC).named("recent"));
            indexes.createIndex(new Index().on("campaignId", Sort.Direction.ASC).named("campaign"));
        } catch (RuntimeException e) {
            log.warn("could not create the result indexes: {}", e.getMessage());
        }
    }
}

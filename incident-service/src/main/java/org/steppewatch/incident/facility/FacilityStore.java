package org.steppewatch.incident.facility;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.eventing.OutboxMessage;

/**
 * The {@code facilities} collection. A change of the register (a facility registered, releases added) is one
 * document write that also appends its FacilityReported to the document's outbox. Changes and judgements are both
 * guarded by the version and the judged version the writer read, so neither undoes the other: the loser re-reads.
 */
@Component
class FacilityStore {

    private final MongoTemplate mongo;

    FacilityStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the id is taken */
    void insert(Facility facility, Document lastChange, OutboxMessage reported) {
        mongo.insert(FacilityDocuments.toDocument(facility, lastChange, reported), FacilityDocuments.COLLECTION);
    }

    boolean exists(String id) {
        return mongo.exists(byId(id), FacilityDocuments.COLLECTION);
    }

    Optional<Facility> find(String id) {
        Query query = byId(id);
        query.fields().exclude(OutboxMessage.FIELD);
        return Optional.ofNullable(mongo.findOne(query, Document.class, FacilityDocuments.COLLECTION))
                .map(FacilityDocuments::fromDocument);
    }

    record Page(List<Facility> items, long total) {
    }

    Page list(FacilityQuery filter) {
        Criteria criteria = new Criteria();
        if (filter.filtersReleases()) {
            Criteria release = new Criteria();
            if (filter.pollutant() != null) {
                release.and("pollutant").is(filter.pollutant());
            }
            if (filter.year() != null) {
                release.and("year").is(filter.year());
            }
            if (filter.aboveThreshold()) {
                release.and("aboveThreshold").is(true);
            }
            criteria = where(FacilityDocuments.RELEASES).elemMatch(release);
        }
        long total = mongo.count(new Query(criteria), FacilityDocuments.COLLECTION);
        Query page = new Query(criteria)
                .with(Sort.by(Sort.Order.asc(FacilityDocuments.NAME), Sort.Order.asc("_id")))
                .skip((long) filter.page() * filter.size())
                .limit(filter.size());
        page.fields().exclude(OutboxMessage.FIELD);
        List<Facility> items = mongo.find(page, Document.class, FacilityDocuments.COLLECTION).stream()
                .map(FacilityDocuments::fromDocument)
                .toList();
        return new Page(items, total);
    }

    /**
     * The facility's releases become {@code releases} at the next version, announced by {@code reported}.
     *
     * @return the changed facility, or empty when it changed (or was judged) since {@code read}
     */
    Optional<Facility> changeReleases(Facility read, List<FacilityRelease> releases, Instant now, Document lastChange,
                                      OutboxMessage reported) {
        Update update = new Update()
                .set(FacilityDocuments.RELEASES, FacilityDocuments.releases(releases))
                .set(FacilityDocuments.VERSION, read.version() + 1)
                .set(FacilityDocuments.UPDATED_AT, Date.from(now))
                .set(FacilityDocuments.LAST_CHANGE, lastChange)
                .push(OutboxMessage.FIELD, reported.toDocument());
        FindAndModifyOptions returnNew = FindAndModifyOptions.options().returnNew(true);
        return Optional.ofNullable(mongo.findAndModify(unchangedSince(read), update, returnNew, Document.class,
                FacilityDocuments.COLLECTION)).map(FacilityDocuments::fromDocument);
    }

    /**
     * Records a judgement of {@code judgedVersion}: the releases with their thresholds. Not a change of the
     * register, so no new version and nothing to publish.
     *
     * @return false when the facility changed (or was judged) since {@code read}
     */
    boolean judge(Facility read, List<FacilityRelease> releases, long judgedVersion) {
        Update update = new Update()
                .set(FacilityDocuments.RELEASES, FacilityDocuments.releases(releases))
                .set(FacilityDocuments.JUDGED_VERSION, judgedVersion);
        return mongo.updateFirst(unchangedSince(read), update, FacilityDocuments.COLLECTION).getModifiedCount() > 0;
    }

    private static Query unchangedSince(Facility read) {
        return byId(read.id()).addCriteria(where(FacilityDocuments.VERSION).is(read.version())
                .and(FacilityDocuments.JUDGED_VERSION).is(read.judgedVersion()));
    }

    private static Query byId(String id) {
        return query(where("_id").is(id));
    }
}

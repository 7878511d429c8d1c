package org.steppewatch.notification.subscription;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.contracts.Severity;

/**
 * Subscriptions in MongoDB. A deleted subscription is kept (deliveries refer to it) but marked
 * DELETED and its signing secret removed.
 */
@Component
public class SubscriptionStore {

    static final String COLLECTION = "subscriptions";
    private static final int BATCH = 1000;
    private static final int PAGE = 10_000;
    /**
     * Ids per {@code $in} lookup. The embedded MongoDB tests each document it finds against every
     * listed id, so one lookup of n ids costs n² comparisons (5,000 ids took seconds); MongoDB
     * itself does not care, and chunks of this size cost either of them next to nothing.
     */
    private static final int IDS_PER_LOOKUP = 200;

    private final MongoTemplate mongo;

    SubscriptionStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC));
    }

    void insert(Subscription s) {
        mongo.insert(document(s), COLLECTION);
    }

    /** Bulk insert, for imports and the fan-out benchmark (the index must be reloaded after it). */
    public void insertAll(List<Subscription> subscriptions) {
        for (int from = 0; from < subscriptions.size(); from += BATCH) {
            List<Document> batch = new ArrayList<>();
            subscriptions.subList(from, Math.min(subscriptions.size(), from + BATCH)).forEach(s -> batch.add(document(s)));
            mongo.bulkOps(BulkMode.UNORDERED, COLLECTION).insert(batch).execute();
        }
    }

    private static Document document(Subscription s) {
        return new Document("_id", s.id())
                .append("name", s.name())
                .append("area", s.area())
                // the matched polygon or point, as GeoJSON: a real deployment can put a 2dsphere index on it
                .append("geometry", Document.parse(GeoJsonModule.write(s.geometry())))
                .append("channel", new Document("type", s.channelType()).append("url", s.url())
                        .append("secret", s.secret()).append("address", s.address()))
                .append("language", s.language())
                .append("minSeverity", s.minSeverity().cap())
                .append("state", s.state())
                .append("createdAt", Date.from(s.createdAt()))
                .append("updatedAt", Date.from(s.createdAt()))
                .append("manageTokenHash", s.manageTokenHash())
                .append("unsubscribeToken", s.unsubscribeToken())
                .append("confirmToken", s.confirmToken());
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(SubscriptionStore::read);
    }

    /** The subscriptions among {@code ids}, whatever their state, without their areas (geometry null): what a delivery needs. */
    public List<Subscription> findForDelivery(Collection<String> ids) {
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        List<Subscription> found = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += IDS_PER_LOOKUP) {
            Query q = query(where("_id").in(all.subList(from, Math.min(all.size(), from + IDS_PER_LOOKUP))));
            q.fields().exclude("geometry").exclude("area");
            mongo.find(q, Document.class, COLLECTION).forEach(d -> found.add(read(d)));
        }
        return found;
    }

    /** Every active subscription (what matching and delivery need of it). */
    List<Subscription> allActive() {
        return inPages(where("state").is(Subscription.ACTIVE));
    }

    /** Subscriptions created, confirmed or deleted at or after {@code since}, whatever their state now. */
    List<Subscription> changedSince(Instant since) {
        return inPages(where("updatedAt").gte(Date.from(since)));
    }

    /**
     * Reads in pages of {@value #PAGE} by id: one reply with 100,000 subscriptions would exceed the
     * 48 MB a MongoDB reply may have (the embedded server does not split results into cursor
     * batches). Only what matching and delivery need is read.
     */
    private List<Subscription> inPages(org.springframework.data.mongodb.core.query.Criteria criteria) {
        List<Subscription> all = new ArrayList<>();
        String after = null;
        while (true) {
            Query page = query(criteria);
            if (after != null) {
                page.addCriteria(where("_id").gt(after));
            }
            page.with(Sort.by("_id")).limit(PAGE);
            page.fields().exclude("area").exclude("manageTokenHash").exclude("confirmToken");
            List<Document> docs = mongo.find(page, Document.class, COLLECTION);
            docs.forEach(d -> all.add(read(d)));
            if (docs.size() < PAGE) {
                return all;
            }
            after = docs.get(docs.size() - 1).getString("_id");
        }
    }

    /** PENDING_CONFIRMATION -> ACTIVE. @return false when it was not pending */
    boolean activate(String id, Instant at) {
        return mongo.updateFirst(query(where("_id").is(id).and("state").is(Subscription.PENDING_CONFIRMATION)),
                new Update().set("state", Subscription.ACTIVE).set("confirmedAt", Date.from(at)).set("updatedAt", Date.from(at)),
                COLLECTION)
                .getModifiedCount() > 0;
    }

    /** @return false when it was deleted already (or unknown) */
    boolean markDeleted(String id, Instant at, String how) {
        return mongo.updateFirst(query(where("_id").is(id).and("state").ne(Subscription.DELETED)),
                new Update().set("state", Subscription.DELETED).set("deletedAt", Date.from(at)).set("deletedBy", how)
                        .set("updatedAt", Date.from(at))
                        .unset("channel.secret"),
                COLLECTION).getModifiedCount() > 0;
    }

    private static Subscription read(Document d) {
        Document channel = d.get("channel", Document.class);
        Document geometry = d.get("geometry", Document.class);
        return new Subscription(d.getString("_id"), d.getString("name"), d.get("area", Document.class),
                geometry == null ? null : GeoJsonModule.read(geometry.toJson()), channel.getString("type"),
                channel.getString("url"), channel.getString("secret"), channel.getString("address"),
                d.getString("language"), Severity.fromCap(d.getString("minSeverity")), d.getString("state"),
                d.getDate("createdAt").toInstant(), d.getString("manageTokenHash"), d.getString("unsubscribeToken"),
                d.getString("confirmToken"));
    }
}

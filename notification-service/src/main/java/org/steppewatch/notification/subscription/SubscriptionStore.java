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
import java.util.function.Function;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.secrets.SecretBox;

/**
 * Subscriptions in MongoDB. A deleted subscription is kept (deliveries refer to it) but marked
 * DELETED and its signing secret removed. Nothing that grants power over a subscription is stored
 * in clear: the webhook secret is encrypted ({@link SecretBox}), the manage token is a hash, and
 * the confirmation and unsubscribe tokens are derived from the key when a message needs them and
 * stored only as hashes ({@code keyId} says which key).
 */
@Component
public class SubscriptionStore {

    static final String COLLECTION = "subscriptions";
    /** The counter that numbers subscription changes ({@link #CHANGE}). */
    static final String COUNTERS = "subscriptionChangeCounter";
    /**
     * Every write that changes whether a subscription matches (create, confirm, delete) stamps the subscription with
     * the next number of one counter shared by all instances, taken just before the write: what
     * {@link SubscriptionIndex} catches up from.
     */
    static final String CHANGE = "changeSeq";
    private static final int BATCH = 1000;
    private static final int PAGE = 10_000;
    /**
     * Ids per {@code $in} lookup. The embedded MongoDB tests each document it finds against every
     * listed id, so one lookup of n ids costs n² comparisons (5,000 ids took seconds); MongoDB
     * itself does not care, and chunks of this size cost either of them next to nothing.
     */
    private static final int IDS_PER_LOOKUP = 200;

    static final String UNSUBSCRIBE = "unsubscribe";
    static final String CONFIRM = "confirm";

    private final MongoTemplate mongo;
    private final SecretBox box;

    SubscriptionStore(MongoTemplate mongo, SecretBox box) {
        this.mongo = mongo;
        this.box = box;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on(CHANGE, Sort.Direction.ASC));
        new SubscriptionKeyMigration(mongo, box).run();
    }

    /** Stores {@code s}; its tokens are not taken from it but derived (read them back with {@link #find}). */
    void insert(Subscription s) {
        long taken = System.nanoTime();
        mongo.insert(document(s).append(CHANGE, nextChanges(1)), COLLECTION);
        stampAgainIfSlow(s.id(), taken);
    }

    /**
     * A write that committed long after taking its number may have been passed by the catch-ups of
     * {@link SubscriptionIndex} (they look back {@link SubscriptionIndex#OVERLAP}): stamp it again until one stamp
     * takes well under that, before the request is answered.
     */
    private void stampAgainIfSlow(String id, long taken) {
        long limit = SubscriptionIndex.OVERLAP.toNanos() / 3;
        while (System.nanoTime() - taken > limit) {
            taken = System.nanoTime();
            mongo.updateFirst(query(where("_id").is(id)), new Update().set(CHANGE, nextChanges(1)), COLLECTION);
        }
    }

    /** Takes {@code count} change numbers at once; @return the last of them */
    private long nextChanges(int count) {
        Document counter = mongo.findAndModify(query(where("_id").is(COLLECTION)), new Update().inc("value", count),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTERS);
        return ((Number) counter.get("value")).longValue();
    }

    /** The last change number taken (its write may not be committed yet); 0 before the first. */
    long lastChange() {
        Document counter = mongo.findById(COLLECTION, Document.class, COUNTERS);
        return counter == null ? 0 : ((Number) counter.get("value")).longValue();
    }

    /** Bulk insert, for imports and the fan-out benchmark (the index must be reloaded after it). */
    public void insertAll(List<Subscription> subscriptions) {
        for (int from = 0; from < subscriptions.size(); from += BATCH) {
            List<Subscription> part = subscriptions.subList(from, Math.min(subscriptions.size(), from + BATCH));
            long first = nextChanges(part.size()) - part.size() + 1;
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                batch.add(document(part.get(i)).append(CHANGE, first + i));
            }
            mongo.bulkOps(BulkMode.UNORDERED, COLLECTION).insert(batch).execute();
        }
    }

    private Document document(Subscription s) {
        String keyId = box.currentKeyId();
        boolean email = Subscription.EMAIL.equals(s.channelType());
        return new Document("_id", s.id())
                .append("name", s.name())
                .append("area", s.area())
                // the matched polygon or point, as GeoJSON: a real deployment can put a 2dsphere index on it
                .append("geometry", Document.parse(GeoJsonModule.write(s.geometry())))
                .append("channel", new Document("type", s.channelType()).append("url", s.url())
                        .append("secret", s.secret() == null ? null : box.seal(s.secret(), secretContext(s.id())))
                        .append("address", s.address()))
                .append("language", s.language())
                .append("minSeverity", s.minSeverity().cap())
                .append("kinds", s.kinds())
                .append("state", s.state())
                .append("createdAt", Date.from(s.createdAt()))
                .append("updatedAt", Date.from(s.createdAt()))
                .append("manageTokenHash", s.manageTokenHash())
                .append("keyId", keyId)
                .append(hashesField(UNSUBSCRIBE), List.of(SecretBox.hash(box.token(keyId, UNSUBSCRIBE, s.id()))))
                .append(hashesField(CONFIRM), email ? List.of(SecretBox.hash(box.token(keyId, CONFIRM, s.id()))) : List.of());
    }

    /** The GCM associated data of a subscription's webhook secret: it decrypts in this document only. */
    static String secretContext(String subscriptionId) {
        return "subscription:" + subscriptionId + ":webhook-secret";
    }

    static String hashesField(String purpose) {
        return purpose + "TokenHashes";
    }

    /** The subscription, when {@code token} is one of its {@code purpose} tokens (compared by hash, in constant time). */
    Optional<Subscription> findWithToken(String id, String purpose, String token) {
        Document d = mongo.findById(id, Document.class, COLLECTION);
        if (d == null || !SecretBox.matches(token, d.getList(hashesField(purpose), String.class, List.of()))) {
            return Optional.empty();
        }
        return Optional.of(read(d));
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(this::read);
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
        return inPages(where("state").is(Subscription.ACTIVE), this::read);
    }

    /** A subscription as it is now, with the number of its last change. */
    record Change(long number, Subscription subscription) {
    }

    /** The subscriptions whose last change has a number above {@code number}, whatever their state now. */
    List<Change> changesAbove(long number) {
        return inPages(where(CHANGE).gt(number), this::change);
    }

    /** The subscriptions whose last change has one of {@code numbers}, whatever their state now. */
    List<Change> changesNumbered(List<Long> numbers) {
        List<Change> found = new ArrayList<>();
        for (int from = 0; from < numbers.size(); from += IDS_PER_LOOKUP) {
            found.addAll(inPages(where(CHANGE).in(numbers.subList(from, Math.min(numbers.size(), from + IDS_PER_LOOKUP))),
                    this::change));
        }
        return found;
    }

    private Change change(Document d) {
        return new Change(((Number) d.get(CHANGE)).longValue(), read(d));
    }

    /**
     * Reads in pages of {@value #PAGE} by id: one reply with 100,000 subscriptions would exceed the
     * 48 MB a MongoDB reply may have (the embedded server does not split results into cursor
     * batches). Only what matching and delivery need is read.
     */
    private <T> List<T> inPages(org.springframework.data.mongodb.core.query.Criteria criteria, Function<Document, T> as) {
        List<T> all = new ArrayList<>();
        String after = null;
        while (true) {
            Query page = query(criteria);
            if (after != null) {
                page.addCriteria(where("_id").gt(after));
            }
            page.with(Sort.by("_id")).limit(PAGE);
            page.fields().exclude("area").exclude("manageTokenHash").exclude(hashesField(UNSUBSCRIBE))
                    .exclude(hashesField(CONFIRM));
            List<Document> docs = mongo.find(page, Document.class, COLLECTION);
            docs.forEach(d -> all.add(as.apply(d)));
            if (docs.size() < PAGE) {
                return all;
            }
            after = docs.get(docs.size() - 1).getString("_id");
        }
    }

    /** PENDING_CONFIRMATION -> ACTIVE. @return false when it was not pending */
    boolean activate(String id, Instant at) {
        long taken = System.nanoTime();
        boolean activated = mongo.updateFirst(query(where("_id").is(id).and("state").is(Subscription.PENDING_CONFIRMATION)),
                new Update().set("state", Subscription.ACTIVE).set("confirmedAt", Date.from(at)).set("updatedAt", Date.from(at))
                        .set(CHANGE, nextChanges(1)),
                COLLECTION)
                .getModifiedCount() > 0;
        stampAgainIfSlow(id, taken);
        return activated;
    }

    /** @return false when it was deleted already (or unknown) */
    boolean markDeleted(String id, Instant at, String how) {
        long taken = System.nanoTime();
        boolean deleted = mongo.updateFirst(query(where("_id").is(id).and("state").ne(Subscription.DELETED)),
                new Update().set("state", Subscription.DELETED).set("deletedAt", Date.from(at)).set("deletedBy", how)
                        .set("updatedAt", Date.from(at)).set(CHANGE, nextChanges(1))
                        .unset("channel.secret"),
                COLLECTION).getModifiedCount() > 0;
        stampAgainIfSlow(id, taken);
        return deleted;
    }

    /** Decrypts the secret and derives the tokens the messages carry (the migration at start left no plaintext). */
    private Subscription read(Document d) {
        String id = d.getString("_id");
        Document channel = d.get("channel", Document.class);
        Document geometry = d.get("geometry", Document.class);
        String secret = channel.getString("secret");
        String keyId = d.getString("keyId");
        boolean email = Subscription.EMAIL.equals(channel.getString("type"));
        return new Subscription(id, d.getString("name"), d.get("area", Document.class),
                geometry == null ? null : GeoJsonModule.read(geometry.toJson()), channel.getString("type"),
                channel.getString("url"), secret == null ? null : box.open(secret, secretContext(id)),
                channel.getString("address"), d.getString("language"), Severity.fromCap(d.getString("minSeverity")),
                d.getString("state"), d.getDate("createdAt").toInstant(), d.getString("manageTokenHash"),
                box.token(keyId, UNSUBSCRIBE, id), email ? box.token(keyId, CONFIRM, id) : null,
                // none stored: made before notices existed, when every subscription was to alerts and only alerts;
                // read as ["ALERT"] (the record's default) so it keeps getting what it asked for and nothing else
                d.getList("kinds", String.class));
    }

    /**
     * ACTIVE -> DISABLED, for a webhook whose every attempt failed for days.
     *
     * @return false when it was not active
     */
    public boolean disable(String id, String reason, Instant at) {
        long taken = System.nanoTime();
        // numbered like every other change, so that every instance's index drops it within a second
        boolean disabled = mongo.updateFirst(query(where("_id").is(id).and("state").is(Subscription.ACTIVE)),
                new Update().set("state", Subscription.DISABLED).set("disabledAt", Date.from(at)).set("disabledReason", reason)
                        .set("updatedAt", Date.from(at)).set(CHANGE, nextChanges(1)),
                COLLECTION).getModifiedCount() > 0;
        stampAgainIfSlow(id, taken);
        return disabled;
    }

    /** DISABLED -> ACTIVE, numbered like every change. @return false when it was not disabled */
    boolean enable(String id, Instant at) {
        long taken = System.nanoTime();
        boolean enabled = mongo.updateFirst(query(where("_id").is(id).and("state").is(Subscription.DISABLED)),
                new Update().set("state", Subscription.ACTIVE).unset("disabledAt").unset("disabledReason")
                        .set("updatedAt", Date.from(at)).set(CHANGE, nextChanges(1)),
                COLLECTION).getModifiedCount() > 0;
        stampAgainIfSlow(id, taken);
        return enabled;
    }
}

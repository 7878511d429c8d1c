package org.steppewatch.notification.subscription;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
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
    private static final String ACTIVE = "ACTIVE";
    private static final String DELETED = "DELETED";

    private final MongoTemplate mongo;

    SubscriptionStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", org.springframework.data.domain.Sort.Direction.ASC));
    }

    void insert(Subscription s) {
        Document doc = new Document("_id", s.id())
                .append("name", s.name())
                .append("area", s.area())
                // the matched polygon or point, as GeoJSON: a real deployment can put a 2dsphere index on it
                .append("geometry", Document.parse(GeoJsonModule.write(s.geometry())))
                .append("channel", new Document("type", s.channelType()).append("url", s.url()).append("secret", s.secret()))
                .append("language", s.language())
                .append("minSeverity", s.minSeverity().cap())
                .append("state", ACTIVE)
                .append("createdAt", Date.from(s.createdAt()))
                .append("manageTokenHash", s.manageTokenHash());
        mongo.insert(doc, COLLECTION);
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(SubscriptionStore::read);
    }

    public List<Subscription> findActive(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("_id").in(ids).and("state").is(ACTIVE)), Document.class, COLLECTION).stream()
                .map(SubscriptionStore::read).toList();
    }

    List<Subscription> allActive() {
        return mongo.find(query(where("state").is(ACTIVE)), Document.class, COLLECTION).stream()
                .map(SubscriptionStore::read).toList();
    }

    /** @return false when it was not active (already deleted, or unknown) */
    boolean markDeleted(String id, Instant at) {
        return mongo.updateFirst(query(where("_id").is(id).and("state").is(ACTIVE)),
                new Update().set("state", DELETED).set("deletedAt", Date.from(at)).unset("channel.secret"),
                COLLECTION).getModifiedCount() > 0;
    }

    private static Subscription read(Document d) {
        Document channel = d.get("channel", Document.class);
        return new Subscription(d.getString("_id"), d.getString("name"), d.get("area", Document.class),
                GeoJsonModule.read(d.get("geometry", Document.class).toJson()), channel.getString("type"),
                channel.getString("url"), channel.getString("secret"), d.getString("language"),
                Severity.fromCap(d.getString("minSeverity")), ACTIVE.equals(d.getString("state")),
                d.getDate("createdAt").toInstant(), d.getString("manageTokenHash"));
    }
}

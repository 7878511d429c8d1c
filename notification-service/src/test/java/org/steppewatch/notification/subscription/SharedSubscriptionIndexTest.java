package org.steppewatch.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.TcpForwarder;
import org.steppewatch.notification.secrets.SecretBox;
import org.steppewatch.testsupport.TestMongoDatabase;

import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Two instances' subscription indexes on one real MongoDB, each with its own store, as two notification-service
 * instances have them (the Spring context adds nothing between the index and the store): what one instance takes,
 * the other matches at once; what one deletes, the other stops matching and sending to within two seconds.
 */
class SharedSubscriptionIndexTest {

    private static final byte[] KEY = new byte[32];
    /** Around Baikonur; every subscription of the test is a point inside it. */
    private static final Envelope AREA = new Envelope(63.2, 63.4, 45.5, 45.7);
    private static final Geometry ZONE = Geo.FACTORY.toGeometry(AREA);

    private TestMongoDatabase database;
    private final List<SubscriptionIndex> started = new ArrayList<>();

    @BeforeEach
    void connect() {
        database = TestMongoDatabase.open("shared-index");
    }

    @AfterEach
    void close() {
        started.forEach(SubscriptionIndex::stop);
        database.close();
    }

    /** An instance's store and index, started as the context starts it (the initial load, then a catch-up each second). */
    private Instance instance(MongoTemplate mongo) {
        SubscriptionStore store = new SubscriptionStore(mongo, SecretBox.of(KEY));
        SubscriptionIndex index = new SubscriptionIndex(store, Duration.ofSeconds(1));
        index.start();
        started.add(index);
        return new Instance(store, index);
    }

    private record Instance(SubscriptionStore store, SubscriptionIndex index) {

        /** What SubscriptionService does for a webhook subscription: stored, then in this instance's index. */
        void subscribe(Subscription s) {
            store.insert(s);
            index.add(s);
        }

        void delete(String id) {
            assertThat(store.markDeleted(id, Instant.now(), "manage-token")).isTrue();
            index.remove(id);
        }
    }

    private static Subscription subscription(int i) {
        // a 25 x 40 grid of points inside AREA
        double lon = AREA.getMinX() + 0.005 + (i % 25) * 0.0075;
        double lat = AREA.getMinY() + 0.005 + (i / 25) * 0.00475;
        String id = "sub-" + i;
        return new Subscription(id, id, new Document("point", id), Geo.point(lon, lat), Subscription.WEBHOOK,
                "https://example.org/" + id, "whsec_" + id, null, "kk", Severity.MINOR, Subscription.ACTIVE,
                Instant.now(), "hash", null, null);
    }

    @Test
    void subscriptionsTakenByOneInstanceAreMatchedByTheOtherAtOnceAndADeletionStopsThereWithinTwoSeconds() {
        Instance a = instance(database.template());
        Instance b = instance(database.template());
        assertThat(b.index().matching(List.of(ZONE), Severity.EXTREME)).isEmpty();

        for (int i = 0; i < 1000; i++) {
            a.subscribe(subscription(i));
        }
        // B matches right after the last write, with no refresh period in between
        assertThat(b.index().matching(List.of(ZONE), Severity.EXTREME)).hasSize(1000);

        a.delete("sub-7");
        // matching catches up first: the deletion is seen at once
        assertThat(b.index().matching(List.of(ZONE), Severity.EXTREME)).hasSize(999).doesNotContain("sub-7");
        a.delete("sub-8");
        // the delivery worker's view of B (no catch-up of its own) drops it within two seconds
        await().atMost(Duration.ofSeconds(2)).until(() -> !b.index().activeAmong(List.of("sub-8")).containsKey("sub-8"));
        assertThat(b.index().activeAmong(List.of("sub-9"))).containsKey("sub-9");
    }

    @Test
    void aWriteNumberedEarlierButCommittedLaterIsStillSeen() {
        Instance a = instance(database.template());
        Instance b = instance(database.template());
        a.subscribe(subscription(1));
        assertThat(b.index().matching(List.of(ZONE), Severity.EXTREME)).containsExactly("sub-1");
        // a slow write on another instance takes its number now (as SubscriptionStore does) and commits only later
        long late = database.template().getCollection(SubscriptionStore.COUNTERS).findOneAndUpdate(
                new Document("_id", SubscriptionStore.COLLECTION), new Document("$inc", new Document("value", 1)),
                new com.mongodb.client.model.FindOneAndUpdateOptions()
                        .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER)).get("value", Number.class)
                .longValue();
        a.subscribe(subscription(2));
        assertThat(a.store().lastChange()).isEqualTo(late + 1);
        assertThat(b.index().matching(List.of(ZONE), Severity.EXTREME)).containsExactlyInAnyOrder("sub-1", "sub-2");
        database.template().getCollection(SubscriptionStore.COLLECTION).insertOne(new Document("_id", "late")
                .append("name", "late").append("area", new Document())
                .append("geometry", Document.parse("{\"type\":\"Point\",\"coordinates\":[63.3,45.6]}"))
                .append("channel", new Document("type", "webhook").append("url", "https://example.org/late"))
                .append("language", "kk").append("minSeverity", "Minor").append("state", Subscription.ACTIVE)
                .append("createdAt", new java.util.Date()).append("keyId", SecretBox.of(KEY).currentKeyId())
                .append(SubscriptionStore.CHANGE, late));
        assertThat(b.index().matching(List.of(ZONE), Severity.EXTREME)).containsExactlyInAnyOrder("sub-1", "sub-2",
                "late");
    }

    @Test
    void anIndexThatCouldNotLoadRefusesToMatchRatherThanMatchAPart() throws Exception {
        Instance a = instance(database.template());
        a.subscribe(subscription(1));
        String uri = org.steppewatch.testsupport.TestInfrastructure.get().mongoUri("unused");
        ServerAddress server = new com.mongodb.ConnectionString(uri).getHosts().stream().findFirst()
                .map(ServerAddress::new).orElseThrow();
        String databaseName = database.template().getDb().getName();
        try (TcpForwarder link = TcpForwarder.to(server.getHost(), server.getPort());
             MongoClient client = MongoClients.create(MongoClientSettings.builder()
                     .applyToClusterSettings(c -> c.hosts(List.of(new ServerAddress("127.0.0.1", link.port())))
                             .serverSelectionTimeout(500, TimeUnit.MILLISECONDS))
                     .applyToSocketSettings(s -> s.connectTimeout(500, TimeUnit.MILLISECONDS))
                     .build())) {
            SubscriptionStore store = new SubscriptionStore(new MongoTemplate(client, databaseName), SecretBox.of(KEY));
            SubscriptionIndex b = new SubscriptionIndex(store, Duration.ofSeconds(1));
            // MongoDB goes away for this instance before its index could load
            link.close();
            b.start();
            started.add(b);
            assertThatThrownBy(() -> b.matching(List.of(ZONE), Severity.EXTREME))
                    .isInstanceOf(TransientDataAccessResourceException.class);
            assertThat(b.activeAmong(List.of("sub-1"))).isEmpty();
        }
    }
}

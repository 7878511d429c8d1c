package org.steppewatch.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.steppewatch.testsupport.TestInfrastructure;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** Which writes, acknowledged by a real MongoDB server, ring the relay's wake-up: those that store an event. */
class OutboxWriteListenerTest {

    private static final String OUTBOX = "aggregates";
    private static final String OTHER = "elsewhere";

    private final AtomicInteger rings = new AtomicInteger();
    private final OutboxWakeUp wakeUp = new OutboxWakeUp() {
        @Override
        void ring() {
            rings.incrementAndGet();
        }
    };
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(TestInfrastructure.get().mongoUri("outbox-writes")))
            .addCommandListener(new OutboxWriteListener(List.of(OUTBOX), wakeUp)).build());
    private final MongoTemplate mongo = new MongoTemplate(client, "outbox-writes-" + UUID.randomUUID());

    @AfterEach
    void close() {
        client.close();
    }

    private static Document event() {
        return new Document("eventId", UUID.randomUUID().toString()).append("key", "incident-1").append("sequence", 1L);
    }

    @Test
    void anInsertedDocumentWithAnOutboxRingsOnceWhenAcknowledged() {
        mongo.insert(new Document("_id", "a").append(OutboxMessage.FIELD, List.of(event())), OUTBOX);

        assertThat(rings).hasValue(1);
    }

    @Test
    void pushingSettingOrUpsertingAnOutboxRingsOncePerWrite() {
        mongo.insert(new Document("_id", "a").append("state", "x"), OUTBOX);
        assertThat(rings).as("a document without an outbox").hasValue(0);

        mongo.updateFirst(query(where("_id").is("a")), new Update().push(OutboxMessage.FIELD, event()), OUTBOX);
        assertThat(rings).as("$push").hasValue(1);

        mongo.updateFirst(query(where("_id").is("a")), new Update().set(OutboxMessage.FIELD, List.of(event())), OUTBOX);
        assertThat(rings).as("$set").hasValue(2);

        mongo.findAndModify(query(where("_id").is("b")), new Update().setOnInsert(OutboxMessage.FIELD, List.of(event())),
                FindAndModifyOptions.options().upsert(true), Document.class, OUTBOX);
        assertThat(rings).as("findAndModify upserting with $setOnInsert").hasValue(3);

        mongo.upsert(query(where("_id").is("c")), new Update().push(OutboxMessage.FIELD, event()), OUTBOX);
        assertThat(rings).as("an upserting update").hasValue(4);
    }

    @Test
    void theRelaysOwnWritesAndOtherCollectionsDoNotRing() {
        Document stored = event();
        mongo.insert(new Document("_id", "a").append(OutboxMessage.FIELD, List.of(stored)), OUTBOX);
        rings.set(0);

        // what OutboxStore does while publishing: stamp its lease, pull the published event, unstamp
        mongo.updateMulti(query(where("_id").is("a")), new Update().set("outboxLease", "token"), OUTBOX);
        mongo.updateFirst(query(where("_id").is("a")),
                new Update().pull(OutboxMessage.FIELD, new Document("eventId", stored.getString("eventId"))), OUTBOX);
        mongo.updateFirst(query(where("_id").is("a")), new Update().unset("outboxLease"), OUTBOX);
        mongo.find(query(where("_id").is("a")), Document.class, OUTBOX);
        // an outbox in a collection the service does not relay from
        mongo.insert(new Document("_id", "x").append(OutboxMessage.FIELD, List.of(event())), OTHER);

        assertThat(rings).hasValue(0);
    }

    @Test
    void aWriteTheServerRefusesDoesNotRing() {
        mongo.insert(new Document("_id", "a").append(OutboxMessage.FIELD, List.of(event())), OUTBOX);
        rings.set(0);

        assertThatThrownBy(() -> mongo.insert(new Document("_id", "a").append(OutboxMessage.FIELD, List.of(event())), OUTBOX))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(rings).hasValue(0);
    }

    @Test
    void aRingEndsTheRelaysWaitLongBeforeItsPollInterval() throws InterruptedException {
        OutboxWakeUp real = new OutboxWakeUp();
        try (MongoClient woken = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestInfrastructure.get().mongoUri("outbox-writes")))
                .addCommandListener(new OutboxWriteListener(List.of(OUTBOX), real)).build())) {
            MongoTemplate template = new MongoTemplate(woken, mongo.getDb().getName());
            Thread writer = new Thread(() -> template.insert(
                    new Document("_id", "w").append(OutboxMessage.FIELD, List.of(event())), OUTBOX));
            long started = System.nanoTime();
            writer.start();
            real.await(Duration.ofMinutes(1));
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            writer.join();

            assertThat(waitedMillis).isLessThan(30_000);
        }
    }
}

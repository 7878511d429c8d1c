package org.steppewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Property: the same random sequence of inserts, fenced updates, upserts, replacements, deletes and reads, run
 * against the narrowed server and against the unchanged server (which answers every {@code {_id, ...}} query by a
 * scan), gives the same answer to every operation and leaves the same documents, on both backends, across a restart
 * of the file backend.
 */
class NarrowedQueriesTest {

    private static final int OPERATIONS = 600;
    private static final String[] TOKENS = {"t-1", "t-2", "t-3"};
    private static final String[] STATES = {"PENDING", "SENT", "FAILED"};

    @Test
    void everyAnswerEqualsTheScansInMemory() {
        try (EmbeddedMongo narrowed = EmbeddedMongo.startInMemory()) {
            MongoServer plain = new MongoServer(new MemoryBackend());
            try (MongoClient a = MongoClients.create(narrowed.connectionString());
                 MongoClient b = MongoClients.create(plain.bindAndGetConnectionString())) {
                Random random = new Random(13);
                for (int step = 0; step < OPERATIONS; step++) {
                    assertSameAnswer(step, random, collection(a), collection(b));
                }
                assertThat(all(collection(a))).isEqualTo(all(collection(b))).isNotEmpty();
            } finally {
                plain.shutdownNow();
            }
        }
    }

    @Test
    void everyAnswerEqualsTheScansOnTheFileBackendAcrossARestart(@TempDir Path dir) {
        Path narrowedFile = dir.resolve("narrowed.mv");
        Path plainFile = dir.resolve("plain.mv");
        Random random = new Random(17);
        for (int run = 0; run < 2; run++) {
            EmbeddedMongo narrowed = EmbeddedMongo.startPersistent(narrowedFile, 0);
            MongoServer plain = new MongoServer(new H2Backend(plainFile.toString()));
            try (MongoClient a = MongoClients.create(narrowed.connectionString());
                 MongoClient b = MongoClients.create(plain.bindAndGetConnectionString())) {
                assertThat(all(collection(a))).as("reopened").isEqualTo(all(collection(b)));
                for (int step = 0; step < OPERATIONS / 2; step++) {
                    assertSameAnswer(step, random, collection(a), collection(b));
                }
                assertThat(all(collection(a))).isEqualTo(all(collection(b))).isNotEmpty();
            } finally {
                plain.shutdown();
                narrowed.close();
            }
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("steppewatch").getCollection("deliveries");
    }

    private static List<Document> all(MongoCollection<Document> c) {
        return c.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private static void assertSameAnswer(int step, Random random, MongoCollection<Document> narrowed,
                                         MongoCollection<Document> plain) {
        Function<MongoCollection<Document>, Object> operation = operation(random);
        assertThat(answer(operation, narrowed)).as("operation %d", step).isEqualTo(answer(operation, plain));
        if (step % 50 == 0) {
            assertThat(all(narrowed)).as("documents after operation %d", step).isEqualTo(all(plain));
        }
    }

    /** What an operation returned, or the server's error code when it refused it. */
    private static Object answer(Function<MongoCollection<Document>, Object> operation, MongoCollection<Document> c) {
        try {
            return operation.apply(c);
        } catch (MongoException e) {
            return "error " + e.getCode();
        }
    }

    /** One random operation; the random choices are made here, once, so both servers get the same one. */
    private static Function<MongoCollection<Document>, Object> operation(Random random) {
        Object id = id(random);
        String token = TOKENS[random.nextInt(TOKENS.length)];
        String state = STATES[random.nextInt(STATES.length)];
        Bson fenced = Filters.and(Filters.eq("_id", id), Filters.eq("leaseToken", token));
        return switch (random.nextInt(11)) {
            case 0, 1 -> c -> {
                c.insertOne(new Document("_id", id).append("leaseToken", token).append("state", state)
                        .append("attempts", List.of()).append("n", 0));
                return "inserted";
            };
            case 2 -> c -> c.updateOne(fenced, Updates.combine(Updates.set("state", state), Updates.unset("leaseToken"),
                    Updates.inc("n", 1), Updates.push("attempts", new Document("id", "a-" + token)))).toString();
            case 3 -> c -> c.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", state)),
                    Updates.set("leaseToken", token), new UpdateOptions().upsert(true)).toString();
            case 4 -> c -> c.updateMany(Filters.eq("leaseToken", token), Updates.set("leaseToken", TOKENS[0])).toString();
            case 5 -> c -> c.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", state))).getDeletedCount();
            case 6 -> c -> c.replaceOne(fenced, new Document("state", state).append("n", 100)).toString();
            case 7 -> c -> c.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.ne("state", state)),
                    Updates.set("state", state), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            case 8 -> {
                List<UpdateOneModel<Document>> models = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    models.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", id(random)),
                            Filters.eq("leaseToken", TOKENS[random.nextInt(TOKENS.length)])),
                            Updates.combine(Updates.set("state", STATES[random.nextInt(STATES.length)]),
                                    Updates.unset("leaseToken"))));
                }
                yield c -> c.bulkWrite(models, new BulkWriteOptions().ordered(false)).getMatchedCount();
            }
            case 9 -> c -> c.updateOne(Filters.and(Filters.eq("_id", id), Filters.ne("attempts.id", "a-" + token)),
                    Updates.combine(Updates.push("attempts", new Document("id", "a-" + token)), Updates.inc("n", 1)))
                    .toString();
            default -> c -> c.find(fenced).into(new ArrayList<>());
        };
    }

    /** Few ids, so operations meet the same documents; numbers of three types that MongoDB treats as equal. */
    private static Object id(Random random) {
        int n = random.nextInt(40);
        if (n >= 8) {
            return "d-" + n;
        }
        return switch (random.nextInt(3)) {
            case 0 -> n;
            case 1 -> (long) n;
            default -> (double) n;
        };
    }
}

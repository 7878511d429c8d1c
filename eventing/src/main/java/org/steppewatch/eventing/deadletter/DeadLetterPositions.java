package org.steppewatch.eventing.deadletter;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * How far each dead-letter partition has been replayed, in {@code deadLetterPositions}: {@code _id}
 * {@code <topic>/<partition>}, {@code next} (every offset below it is replayed) and {@code replayed} (single
 * offsets at or above it replayed one by one). A replay holds the partition's lock ({@code lockToken},
 * {@code lockUntil}) and moves the position only with its token, so two replays cannot both advance it.
 */
class DeadLetterPositions {

    static final String COLLECTION = "deadLetterPositions";

    private final MongoTemplate mongo;
    private final Duration lock;
    private final Clock clock;

    DeadLetterPositions(MongoTemplate mongo, Duration lock, Clock clock) {
        this.mongo = mongo;
        this.lock = lock;
        this.clock = clock;
    }

    /** Where replaying stands in one partition. */
    record Position(long next, Set<Long> replayed) {

        static final Position START = new Position(0, Set.of());

        boolean waiting(long offset) {
            return offset >= next && !replayed.contains(offset);
        }

        /** The position after {@code offsets} were replayed: {@code next} moves over every offset now done. */
        Position after(Iterable<Long> offsets, long firstOffsetOfPartition) {
            TreeSet<Long> done = new TreeSet<>(replayed);
            offsets.forEach(done::add);
            long moved = Math.max(next, firstOffsetOfPartition);
            while (done.contains(moved)) {
                done.remove(moved);
                moved++;
            }
            done.headSet(moved).clear();
            return new Position(moved, Set.copyOf(done));
        }
    }

    Position get(String topic, int partition) {
        Document stored = mongo.findById(id(topic, partition), Document.class, COLLECTION);
        if (stored == null) {
            return Position.START;
        }
        List<Number> replayed = stored.getList("replayed", Number.class, List.of());
        return new Position(((Number) stored.get("next")).longValue(),
                Set.copyOf(replayed.stream().map(Number::longValue).toList()));
    }

    /** @return the lock's token, or null while another replay of the partition runs */
    String lock(String topic, int partition) {
        String token = UUID.randomUUID().toString();
        Date now = Date.from(clock.instant());
        Criteria free = new Criteria().orOperator(where("lockUntil").exists(false), where("lockUntil").lt(now));
        try {
            Document locked = mongo.findAndModify(query(where("_id").is(id(topic, partition)).andOperator(free)),
                    new Update().set("lockToken", token).set("lockUntil", Date.from(clock.instant().plus(lock)))
                            .setOnInsert("topic", topic).setOnInsert("partition", partition)
                            .setOnInsert("next", 0L).setOnInsert("replayed", List.of()),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            return locked != null && token.equals(locked.getString("lockToken")) ? token : null;
        } catch (DuplicateKeyException e) {
            return null;
        }
    }

    /** Stores the new position and unlocks; false (nothing written) when the lock is no longer this token's. */
    boolean advance(String topic, int partition, String token, Position position) {
        return mongo.updateFirst(query(where("_id").is(id(topic, partition)).and("lockToken").is(token)),
                new Update().set("next", position.next()).set("replayed", List.copyOf(new TreeSet<>(position.replayed())))
                        .unset("lockToken").unset("lockUntil"),
                COLLECTION).getMatchedCount() == 1;
    }

    void unlock(String topic, int partition, String token) {
        mongo.updateFirst(query(where("_id").is(id(topic, partition)).and("lockToken").is(token)),
                new Update().unset("lockToken").unset("lockUntil"), COLLECTION);
    }

    private static String id(String topic, int partition) {
        return topic + "/" + partition;
    }
}

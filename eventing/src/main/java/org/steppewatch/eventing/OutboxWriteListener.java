package org.steppewatch.eventing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;

/**
 * Rings the relay's {@link OutboxWakeUp} when MongoDB has acknowledged a write that put an event into an
 * {@code outbox} array of one of the service's outbox collections: an insert of a document with an {@code outbox},
 * or an update or findAndModify that pushes, adds to, sets or inserts it. Installed on the service's MongoClient, so
 * every store's outbox write wakes the relay, whichever code path made it, at the moment the write is durable; the
 * relay's own writes ({@code $pull} of a published event, its {@code outboxLease} stamp) wake nothing. With a
 * multi-document transaction the acknowledged statement is not yet committed: the relay then finds nothing and the
 * poll picks the event up.
 */
final class OutboxWriteListener implements CommandListener {

    private static final List<String> ADDING = List.of("$push", "$addToSet", "$set", "$setOnInsert");

    private final Set<String> collections;
    private final OutboxWakeUp wakeUp;
    /** Request ids of outbox writes sent and not yet answered. */
    private final Set<Integer> inFlight = ConcurrentHashMap.newKeySet();

    OutboxWriteListener(List<String> collections, OutboxWakeUp wakeUp) {
        this.collections = Set.copyOf(collections);
        this.wakeUp = wakeUp;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        // the command document is only readable during this call
        if (!collections.isEmpty() && addsToAnOutbox(event.getCommandName(), event.getCommand())) {
            inFlight.add(event.getRequestId());
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (inFlight.remove(event.getRequestId()) && wroteSomething(event.getResponse())) {
            wakeUp.ring();
        }
    }

    /**
     * An acknowledged write command may still have written nothing: a duplicate key is a {@code writeErrors} entry in
     * an ok answer, a fenced update matches nothing ({@code n}: what was inserted or matched, upserts included). An
     * answer with write errors rings nothing (what a multi-document write stored before its error is found by the
     * next poll); findAndModify, which answers without {@code n}, rings whenever it succeeded.
     */
    private static boolean wroteSomething(BsonDocument response) {
        if (response.containsKey("writeErrors")) {
            return false;
        }
        BsonValue n = response.get("n");
        return n == null || (n.isNumber() && n.asNumber().longValue() > 0);
    }

    private boolean addsToAnOutbox(String name, BsonDocument command) {
        switch (name) {
            case "insert", "update", "findAndModify", "findandmodify" -> {
                // the collection is the value of the command's own (first) field
                BsonValue collection = command.get(name);
                if (collection == null || !collection.isString() || !collections.contains(collection.asString().getValue())) {
                    return false;
                }
            }
            default -> {
                return false;
            }
        }
        return switch (name) {
            case "insert" -> anyOf(command.get("documents"), d -> d.isDocument() && holdsOutbox(d.asDocument()));
            case "update" -> anyOf(command.get("updates"),
                    u -> u.isDocument() && addsOutbox(u.asDocument().get("u")));
            default -> addsOutbox(command.get("update"));
        };
    }

    private static boolean anyOf(BsonValue array, java.util.function.Predicate<BsonValue> test) {
        if (!(array instanceof BsonArray values)) {
            return false;
        }
        for (BsonValue value : values) {
            if (test.test(value)) {
                return true;
            }
        }
        return false;
    }

    /** An update document (operators or a replacement); a pipeline is not used for outboxes. */
    private static boolean addsOutbox(BsonValue update) {
        if (update == null || !update.isDocument()) {
            return false;
        }
        BsonDocument document = update.asDocument();
        if (holdsOutbox(document)) {
            return true; // a replacement
        }
        for (String operator : ADDING) {
            BsonValue fields = document.get(operator);
            if (fields != null && fields.isDocument() && holdsOutbox(fields.asDocument())) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsOutbox(BsonDocument document) {
        for (String field : document.keySet()) {
            if (field.equals(OutboxMessage.FIELD) || field.startsWith(OutboxMessage.FIELD + ".")) {
                return true;
            }
        }
        return false;
    }
}

package org.steppewatch.notification.subscription;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.steppewatch.notification.secrets.SecretBox;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;

/**
 * {@code Idempotency-Key} (draft-ietf-httpapi-idempotency-key-header) for creating subscriptions: the first request
 * with a key reserves it with the fingerprint of its body, and its answer is kept for {@link #KEPT} (a TTL index);
 * a repeat with the same body gets that answer again, a repeat with another body 422, a repeat while the first is
 * still being handled 409. The answer carries the manage token (and a generated webhook secret), so it is stored
 * sealed with the secrets key, bound to the key's hash, and the key itself only as a hash.
 */
@Component
class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    static final Duration KEPT = Duration.ofHours(24);
    /** A reservation this old without an answer is taken to be abandoned (its request died). */
    private static final Duration ABANDONED = Duration.ofMinutes(1);
    private static final int MAX_KEY = 255;
    private static final String COLLECTION = "subscriptionIdempotencyKeys";

    private final MongoTemplate mongo;
    private final SecretBox box;
    private final Clock clock;

    IdempotencyKeys(MongoTemplate mongo, SecretBox box, Clock clock) {
        this.mongo = mongo;
        this.box = box;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("createdAt", Sort.Direction.ASC).expire(KEPT));
    }

    /** The answer a request with this key got: 201, its Location and its JSON body. */
    record Answer(String location, String body) {
    }

    /**
     * The key as sent: a structured-field string ({@code "…"}, as the draft has it) or, leniently, a bare token.
     *
     * @throws org.springframework.web.ErrorResponseException 400 when it is empty or too long
     */
    static String parse(String header) {
        String key = header.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (key.isEmpty() || key.length() > MAX_KEY) {
            throw Problems.invalid("The Idempotency-Key must have 1 to " + MAX_KEY + " characters.",
                    List.of(new FieldProblem(HEADER, key.isEmpty() ? "empty" : "too long")));
        }
        return key;
    }

    /**
     * Reserves {@code key} for a request whose body has {@code fingerprint}.
     *
     * @return the answer to repeat when the key was used before with the same body; empty when the caller now holds
     *         the key and must create, then {@link #answer} or {@link #release}
     * @throws org.springframework.web.ErrorResponseException 422 for another body, 409 while the first is in flight
     */
    Optional<Answer> reserve(String key, String fingerprint) {
        String id = SecretBox.hash(key);
        Instant now = clock.instant();
        while (true) {
            try {
                mongo.insert(new Document("_id", id).append("fingerprint", fingerprint)
                        .append("createdAt", Date.from(now)), COLLECTION);
                return Optional.empty();
            } catch (DuplicateKeyException e) {
                Document known = mongo.findById(id, Document.class, COLLECTION);
                if (known == null) {
                    continue; // expired meanwhile
                }
                Instant created = known.getDate("createdAt").toInstant();
                boolean answered = known.getString("body") != null;
                // the TTL monitor runs about once a minute (and not at all on some embedded servers): expiry is ours
                if (!created.isAfter(now.minus(KEPT)) || !answered && !created.isAfter(now.minus(ABANDONED))) {
                    mongo.remove(query(where("_id").is(id).and("createdAt").is(known.getDate("createdAt"))), COLLECTION);
                    continue;
                }
                if (!fingerprint.equals(known.getString("fingerprint"))) {
                    throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused",
                            "This Idempotency-Key was used with another request body; use a new key for a new request.");
                }
                if (!answered) {
                    throw Problems.conflict("A request with this Idempotency-Key is still being handled; repeat it later.");
                }
                return Optional.of(new Answer(known.getString("location"), box.open(known.getString("body"), context(id))));
            }
        }
    }

    /** Keeps the answer for repeats of the request. */
    void answer(String key, Answer answer) {
        String id = SecretBox.hash(key);
        mongo.updateFirst(query(where("_id").is(id)), new Update().set("location", answer.location())
                .set("body", box.seal(answer.body(), context(id))), COLLECTION);
    }

    /** Frees the key of a request that was refused: it changed nothing, so it may be sent again. */
    void release(String key) {
        mongo.remove(query(where("_id").is(SecretBox.hash(key)).and("body").exists(false)), COLLECTION);
    }

    private static String context(String id) {
        return "idempotency-key:" + id;
    }
}

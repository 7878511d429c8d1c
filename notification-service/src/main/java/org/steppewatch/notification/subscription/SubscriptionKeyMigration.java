package org.steppewatch.notification.subscription;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.steppewatch.notification.secrets.SecretBox;

/**
 * Runs once at every start, before anything reads a subscription: brings every subscription not
 * yet under the current key to it. Plaintext webhook secrets (stored before encryption) are
 * encrypted, secrets under an older key re-encrypted; plaintext confirmation and unsubscribe tokens
 * are replaced by their hashes, and the hashes of the tokens derived from the new key are added
 * (old links keep working). A subscription under a key the service does not have stops the start:
 * better than sending webhooks signed with garbage.
 */
final class SubscriptionKeyMigration {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionKeyMigration.class);

    private final MongoTemplate mongo;
    private final SecretBox box;

    SubscriptionKeyMigration(MongoTemplate mongo, SecretBox box) {
        this.mongo = mongo;
        this.box = box;
    }

    void run() {
        String current = box.currentKeyId();
        Query stale = query(where("keyId").ne(current));
        stale.fields().include("_id", "keyId", "channel", "unsubscribeToken", "confirmToken",
                SubscriptionStore.hashesField(SubscriptionStore.UNSUBSCRIBE),
                SubscriptionStore.hashesField(SubscriptionStore.CONFIRM));
        List<Document> documents = mongo.find(stale, Document.class, SubscriptionStore.COLLECTION);
        int plaintext = 0;
        for (Document d : documents) {
            String oldKey = d.getString("keyId");
            if (oldKey != null && !box.knownKeyIds().contains(oldKey)) {
                throw new IllegalStateException(box.unknownKey(oldKey));
            }
            String secret = d.get("channel", Document.class).getString("secret");
            if (secret != null && !SecretBox.isSealed(secret)) {
                plaintext++;
            }
            migrate(d, current);
        }
        if (!documents.isEmpty()) {
            log.info("secrets at rest: {} subscriptions brought under key {} ({} plaintext webhook secrets encrypted)",
                    documents.size(), current, plaintext);
        }
    }

    private void migrate(Document d, String current) {
        String id = d.getString("_id");
        String oldKey = d.getString("keyId");
        Document channel = d.get("channel", Document.class);
        Update update = new Update().set("keyId", current);
        String secret = channel.getString("secret");
        if (secret != null) {
            String context = SubscriptionStore.secretContext(id);
            String clear = SecretBox.isSealed(secret) ? box.open(secret, context) : secret;
            update.set("channel.secret", box.seal(clear, context));
        }
        boolean email = Subscription.EMAIL.equals(channel.getString("type"));
        tokenHashes(update, d, SubscriptionStore.UNSUBSCRIBE, "unsubscribeToken", true, current);
        tokenHashes(update, d, SubscriptionStore.CONFIRM, "confirmToken", email, current);
        // only if nobody (another instance) migrated it meanwhile
        Criteria unchanged = oldKey == null ? where("keyId").exists(false) : where("keyId").is(oldKey);
        mongo.updateFirst(query(where("_id").is(id)).addCriteria(unchanged), update, SubscriptionStore.COLLECTION);
    }

    private void tokenHashes(Update update, Document d, String purpose, String legacyField, boolean derive,
                             String current) {
        String field = SubscriptionStore.hashesField(purpose);
        Set<String> hashes = new LinkedHashSet<>(d.getList(field, String.class, List.of()));
        String legacy = d.getString(legacyField);
        if (legacy != null) {
            hashes.add(SecretBox.hash(legacy));
            update.unset(legacyField);
        }
        if (derive) {
            hashes.add(SecretBox.hash(box.token(current, purpose, d.getString("_id"))));
        }
        update.set(field, new ArrayList<>(hashes));
    }
}

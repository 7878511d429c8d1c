package org.steppewatch.auth.key;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.steppewatch.auth.MongoErrors;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA key that signs tokens, kept in MongoDB (collection {@code signing_keys}) so tokens issued before a
 * restart still verify after it. Created on the first start; when two instances start on an empty database at
 * once, the one whose insert loses reads the winner's key.
 * <p>
 * The private key is stored as a JWK in plain text: whoever can read this database can sign tokens. Protect the
 * database as the key itself.
 */
final class SigningKeyStore {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);
    static final String COLLECTION = "signing_keys";
    /** One active key for now; rotation would add documents and publish them all. */
    static final String ACTIVE = "active";

    private final MongoCollection<Document> keys;

    SigningKeyStore(MongoTemplate mongo) {
        this.keys = mongo.getCollection(COLLECTION);
    }

    RSAKey activeKey() {
        Document stored = keys.find(Filters.eq("_id", ACTIVE)).first();
        if (stored != null) {
            return parse(stored);
        }
        RSAKey created = generate();
        try {
            keys.insertOne(new Document("_id", ACTIVE).append("kid", created.getKeyID())
                    .append("jwk", created.toJSONString()).append("createdAt", Date.from(Instant.now())));
            log.info("Created the token signing key {} (RSA 2048)", created.getKeyID());
            return created;
        } catch (RuntimeException e) {
            if (!MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
            return parse(keys.find(Filters.eq("_id", ACTIVE)).first());
        }
    }

    private static RSAKey parse(Document stored) {
        try {
            return RSAKey.parse(stored.getString("jwk"));
        } catch (ParseException e) {
            throw new IllegalStateException("the stored signing key is not a valid RSA JWK", e);
        }
    }

    private static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .issueTime(new Date()).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

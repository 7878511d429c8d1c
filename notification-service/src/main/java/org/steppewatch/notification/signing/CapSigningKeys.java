package org.steppewatch.notification.signing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.steppewatch.notification.secrets.SecretBox;

/**
 * The CAP signing keys, one document each in MongoDB, in the order they became active
 * ({@code seq}, unique). The active key is the one from {@code steppewatch.cap.signing-key-file}
 * when set, else the newest generated one; its private half is stored encrypted with the secrets
 * key, so every instance and every restart signs with the same key. Keys are never deleted: a
 * partner can verify an old alert with the key its {@code KeyName} names.
 */
@Component
class CapSigningKeys {

    static final String COLLECTION = "capSigningKeys";
    private static final Logger log = LoggerFactory.getLogger(CapSigningKeys.class);
    private static final int RSA_BITS = 3072;

    private final MongoTemplate mongo;
    private final SecretBox box;
    private final Clock clock;
    /** The key from the file, or null when keys are generated. */
    private final SigningKey fileKey;
    private final Map<String, SigningKey> parsed = new ConcurrentHashMap<>();

    CapSigningKeys(MongoTemplate mongo, SecretBox box, Clock clock, CapSigningProperties properties) {
        this.mongo = mongo;
        this.box = box;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("seq", Sort.Direction.ASC).unique());
        reEncryptUnderCurrentSecretsKey();
        if (properties.signingKeyFile() != null) {
            fileKey = fromFile(Path.of(properties.signingKeyFile()));
            publish(fileKey, null, "file");
        } else {
            fileKey = null;
            if (!mongo.exists(query(where("privateKey").exists(true)), COLLECTION)) {
                generate();
            }
        }
        // at start, so a key that cannot be read (the secrets key is wrong) stops the service here
        SigningKey active = active();
        log.info("CAP documents are signed with key {} ({}), published at /api/v1/keys/cap/{}.pem", active.kid(),
                fileKey != null ? properties.signingKeyFile() : "generated, kept in MongoDB", active.kid());
    }

    /** After a rotation of the secrets key, so the old one can be dropped; a key it cannot read stops the start. */
    private void reEncryptUnderCurrentSecretsKey() {
        Query q = query(where("privateKey").exists(true));
        q.fields().include("_id", "privateKey");
        for (Document d : mongo.find(q, Document.class, COLLECTION)) {
            String sealed = d.getString("privateKey");
            if (!box.currentKeyId().equals(SecretBox.keyIdOf(sealed))) {
                String kid = d.getString("_id");
                mongo.updateFirst(query(where("_id").is(kid).and("privateKey").is(sealed)),
                        new org.springframework.data.mongodb.core.query.Update()
                                .set("privateKey", box.seal(box.open(sealed, context(kid)), context(kid))),
                        COLLECTION);
                log.info("CAP signing key {}: private key re-encrypted under secrets key {}", kid, box.currentKeyId());
            }
        }
    }

    /** The key new signatures are made with. */
    SigningKey active() {
        if (fileKey != null) {
            return fileKey;
        }
        Query newest = query(where("privateKey").exists(true)).with(Sort.by(Sort.Direction.DESC, "seq")).limit(1);
        newest.fields().include("_id");
        Document d = mongo.findOne(newest, Document.class, COLLECTION);
        if (d == null) {
            throw new IllegalStateException("no CAP signing key in " + COLLECTION);
        }
        return parsed.computeIfAbsent(d.getString("_id"), this::load);
    }

    /** Every key ever used, oldest first. */
    List<SigningKey> published() {
        Query all = new Query().with(Sort.by("seq"));
        all.fields().exclude("privateKey");
        return mongo.find(all, Document.class, COLLECTION).stream().map(CapSigningKeys::publicOnly).toList();
    }

    Optional<SigningKey> published(String kid) {
        Query q = query(where("_id").is(kid));
        q.fields().exclude("privateKey");
        return Optional.ofNullable(mongo.findOne(q, Document.class, COLLECTION)).map(CapSigningKeys::publicOnly);
    }

    boolean fromFile() {
        return fileKey != null;
    }

    /** A new generated key becomes active at once, on every instance (they read the newest on each signature). */
    SigningKey rotate() {
        if (fileKey != null) {
            throw new IllegalStateException("the CAP signing key comes from a file: rotate by replacing the file");
        }
        SigningKey key = generate();
        log.info("CAP signing key rotated: new signatures use {}", key.kid());
        return key;
    }

    private SigningKey generate() {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is unavailable", e);
        }
        SigningKey key = new SigningKey(Pem.kid(pair.getPublic()), pair.getPublic(), pair.getPrivate(),
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        String sealed = box.seal(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()), context(key.kid()));
        publish(key, sealed, "generated");
        return key;
    }

    /** Inserts the key as the newest one, unless it is stored already (a restart with the same file). */
    private void publish(SigningKey key, String sealedPrivateKey, String source) {
        for (int attempt = 0; attempt < 5; attempt++) {
            if (mongo.exists(query(where("_id").is(key.kid())), COLLECTION)) {
                return;
            }
            Query last = new Query().with(Sort.by(Sort.Direction.DESC, "seq")).limit(1);
            Document newest = mongo.findOne(last, Document.class, COLLECTION);
            long seq = newest == null ? 1 : ((Number) newest.get("seq")).longValue() + 1;
            Document doc = new Document("_id", key.kid()).append("seq", seq)
                    .append("algorithm", key.algorithm())
                    .append("keyType", key.publicKey().getAlgorithm())
                    .append("publicKey", Pem.publicPem(key.publicKey()))
                    .append("created", Date.from(key.created()))
                    .append("source", source);
            if (sealedPrivateKey != null) {
                doc.append("privateKey", sealedPrivateKey);
            }
            try {
                mongo.insert(doc, COLLECTION);
                return;
            } catch (DuplicateKeyException e) {
                // another instance took this seq (or stored this key) at the same moment: look again
            }
        }
        throw new IllegalStateException("could not store CAP signing key " + key.kid() + ": too many concurrent writers");
    }

    private SigningKey load(String kid) {
        Document d = mongo.findById(kid, Document.class, COLLECTION);
        String keyType = d.getString("keyType");
        byte[] pkcs8 = Base64.getDecoder().decode(box.open(d.getString("privateKey"), context(kid)));
        return new SigningKey(kid, Pem.publicKey(d.getString("publicKey"), keyType), Pem.privateKey(pkcs8, keyType),
                d.getDate("created").toInstant());
    }

    private static SigningKey publicOnly(Document d) {
        return new SigningKey(d.getString("_id"), Pem.publicKey(d.getString("publicKey"), d.getString("keyType")), null,
                d.getDate("created").toInstant());
    }

    private SigningKey fromFile(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CAP signing key file " + file.toAbsolutePath() + ": " + e, e);
        }
        KeyPair pair = Pem.keyPair(pem, file.toAbsolutePath().toString());
        return new SigningKey(Pem.kid(pair.getPublic()), pair.getPublic(), pair.getPrivate(),
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    private static String context(String kid) {
        return "cap-signing-key:" + kid;
    }
}

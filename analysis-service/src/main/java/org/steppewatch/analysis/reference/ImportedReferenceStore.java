package org.steppewatch.analysis.reference;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.georef.Settlement;
import org.steppewatch.georef.SettlementName;

import tools.jackson.databind.JsonNode;

/**
 * Imported reference data in MongoDB: {@code imported_settlements} (one document per settlement, {@code _id} =
 * settlement id, so a repeated import changes nothing), {@code imported_zones} (one document holding the
 * imported zones of each kind: a replacement is one atomic write) and {@code reference_data_versions} (every
 * edition of the reference data ever in use, by version, so an old assessment can be explained).
 */
@Component
class ImportedReferenceStore {

    static final String SETTLEMENTS = "imported_settlements";
    static final String ZONES = "imported_zones";
    static final String VERSIONS = "reference_data_versions";
    static final String ZONES_ID = "zones";
    private static final int BATCH = 1_000;

    private final MongoTemplate mongo;

    ImportedReferenceStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Upserts the settlements by id, in unordered batches; returns how many were written. */
    int upsertSettlements(List<Settlement> settlements, Instant now) {
        int written = 0;
        for (int from = 0; from < settlements.size(); from += BATCH) {
            List<Settlement> batch = settlements.subList(from, Math.min(settlements.size(), from + BATCH));
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, SETTLEMENTS);
            for (Settlement s : batch) {
                bulk.replaceOne(query(where("_id").is(s.id())), document(s, now), FindAndReplaceOptions.options().upsert());
            }
            bulk.execute();
            written += batch.size();
        }
        return written;
    }

    long removeSettlements() {
        return mongo.remove(new Query(), SETTLEMENTS).getDeletedCount();
    }

    /** All imported settlements, by id, with a content hash over them (ids, names, coordinates, populations). */
    Imported settlements() {
        List<Settlement> all = new ArrayList<>();
        MessageDigest sha = sha256();
        for (Document d : mongo.getCollection(SETTLEMENTS).find().sort(new Document("_id", 1))) {
            Settlement s = settlement(d);
            all.add(s);
            sha.update((s.id() + '|' + s.name() + '|' + s.nameRu() + '|' + s.nameKk() + '|' + s.lon() + '|' + s.lat() + '|'
                    + s.population() + '|' + String.join(",", s.alternateNames()) + languages(s) + '\n').getBytes(UTF_8));
        }
        return new Imported(all, all.isEmpty() ? null : "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16));
    }

    /** The languages of the alternate names, when any has one (empty otherwise, so imports of before keep their hash). */
    private static String languages(Settlement s) {
        List<String> tagged = s.names().stream().skip(s.names().size() - s.alternateNames().size())
                .filter(n -> n.language() != null).map(n -> n.name() + '@' + n.language()).toList();
        return tagged.isEmpty() ? "" : "|" + String.join(",", tagged);
    }

    record Imported(List<Settlement> settlements, String version) {
    }

    /**
     * The imported zones as stored: per kind the JSON array of its features, or null for "none imported".
     */
    record StoredZones(String dropZones, String areasOfConcern) {
    }

    Optional<StoredZones> zones() {
        Document d = mongo.findById(ZONES_ID, Document.class, ZONES);
        return d == null ? Optional.empty() : Optional.of(new StoredZones(d.getString("dropZones"), d.getString("areasOfConcern")));
    }

    void saveZones(StoredZones zones, Instant now) {
        Document d = new Document("_id", ZONES_ID).append("dropZones", zones.dropZones())
                .append("areasOfConcern", zones.areasOfConcern()).append("importedAt", Date.from(now));
        mongo.save(d, ZONES);
    }

    void removeZones() {
        mongo.remove(query(where("_id").is(ZONES_ID)), ZONES);
    }

    /** Records an edition of the reference data the first time it is used; a known version is left as it is. */
    void recordVersion(ReferenceSnapshot snapshot, Instant now) {
        Document d = new Document("_id", snapshot.version()).append("firstUsedAt", Date.from(now))
                .append("parts", Document.parse(EventJson.mapper().writeValueAsString(new Parts(snapshot.parts()))).get("parts"));
        try {
            mongo.insert(d, VERSIONS);
        } catch (DuplicateKeyException known) {
            // the same content was in use before: keep its first date
        }
    }

    private record Parts(List<ReferenceSnapshot.Part> parts) {
    }

    Optional<Document> version(String version) {
        return Optional.ofNullable(mongo.findById(version, Document.class, VERSIONS));
    }

    List<Document> versions() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "firstUsedAt")).limit(100), Document.class, VERSIONS);
    }

    static String hash(String content) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(content.getBytes(UTF_8))).substring(0, 16);
    }

    static JsonNode parse(String json) {
        return EventJson.mapper().readTree(json);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document document(Settlement s, Instant now) {
        return new Document("_id", s.id()).append("name", s.name()).append("nameRu", s.nameRu()).append("nameKk", s.nameKk())
                .append("lon", s.lon()).append("lat", s.lat()).append("population", s.population()).append("source", s.source())
                .append("populationSource", s.populationSource()).append("alternateNames", s.alternateNames())
                .append("names", s.names().stream().map(n -> new Document("name", n.name()).append("language", n.language())).toList())
                .append("importedAt", Date.from(now));
    }

    private static Settlement settlement(Document d) {
        Number population = d.get("population", Number.class);
        return new Settlement(d.getString("_id"), d.getString("name"), d.getString("nameRu"), d.getString("nameKk"),
                d.get("lon", Number.class).doubleValue(), d.get("lat", Number.class).doubleValue(),
                population == null ? 0 : population.longValue(), d.getString("source"), d.getString("populationSource"),
                d.getList("alternateNames", String.class, List.of()),
                // stored before names had languages: none, and the alternate names say it all
                d.getList("names", Document.class, List.of()).stream()
                        .map(n -> new SettlementName(n.getString("name"), n.getString("language"))).toList());
    }
}

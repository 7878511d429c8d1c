package org.steppewatch.incident.site;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.locationtech.jts.geom.Geometry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.EventJson;

/**
 * The {@code sites} collection: one document per site ({@code _id} = the site id), its fields as the site's JSON
 * (geometries as GeoJSON sub-documents, instants as ISO-8601 text).
 */
@Component
class SiteStore implements SiteDirectory {

    static final String COLLECTION = "sites";
    private static final String LOCATION = "location";

    private final MongoTemplate mongo;

    SiteStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the id is taken */
    void insert(Site site) {
        mongo.insert(toDocument(site), COLLECTION);
    }

    /** Stores the site unless one with its id exists (a seeded site is never overwritten). @return whether stored */
    boolean insertIfAbsent(Site site) {
        Document document = toDocument(site);
        Update update = new Update();
        document.forEach((field, value) -> {
            if (!"_id".equals(field)) {
                update.setOnInsert(field, value);
            }
        });
        try {
            return mongo.upsert(query(where("_id").is(site.id())), update, COLLECTION).getUpsertedId() != null;
        } catch (DuplicateKeyException e) {
            return false; // another instance seeded it at the same moment
        }
    }

    Optional<Site> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(SiteStore::fromDocument);
    }

    record Page(List<Site> items, long total) {
    }

    Page list(int page, int size) {
        Query all = new Query().with(Sort.by("_id")).skip((long) page * size).limit(size);
        List<Site> items = mongo.find(all, Document.class, COLLECTION).stream().map(SiteStore::fromDocument).toList();
        return new Page(items, mongo.count(new Query(), COLLECTION));
    }

    @Override
    public boolean exists(String siteId) {
        return siteId != null && mongo.exists(query(where("_id").is(siteId)), COLLECTION);
    }

    @Override
    public Set<String> existing(Collection<String> siteIds) {
        Query ids = query(where("_id").in(siteIds));
        ids.fields().include("_id");
        return mongo.find(ids, Document.class, COLLECTION).stream().map(d -> d.getString("_id"))
                .collect(Collectors.toSet());
    }

    @Override
    public Optional<Geometry> location(String siteId) {
        return Optional.ofNullable(locations(List.of(siteId)).get(siteId));
    }

    @Override
    public Map<String, Geometry> locations(Collection<String> siteIds) {
        Query ids = query(where("_id").in(siteIds));
        ids.fields().include(LOCATION);
        Map<String, Geometry> found = new LinkedHashMap<>();
        for (Document d : mongo.find(ids, Document.class, COLLECTION)) {
            Document location = d.get(LOCATION, Document.class);
            if (location != null) {
                found.put(d.getString("_id"), EventJson.mapper().readValue(location.toJson(), Geometry.class));
            }
        }
        return found;
    }

    private static Document toDocument(Site site) {
        return Document.parse(EventJson.mapper().writeValueAsString(site)).append("_id", site.id());
    }

    private static Site fromDocument(Document document) {
        Document copy = new Document(document);
        copy.remove("_id");
        return EventJson.mapper().readValue(copy.toJson(), Site.class);
    }
}

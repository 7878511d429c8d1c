package org.steppewatch.incident.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.EventJson;

/** The {@code campaigns} collection: one document per campaign ({@code _id} = its id), its fields as its JSON. */
@Component
class CampaignStore implements CampaignDirectory {

    static final String COLLECTION = "campaigns";
    private static final Logger log = LoggerFactory.getLogger(CampaignStore.class);

    private final MongoTemplate mongo;

    CampaignStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void insert(Campaign campaign) {
        mongo.insert(Document.parse(EventJson.mapper().writeValueAsString(campaign)).append("_id", campaign.id()),
                COLLECTION);
    }

    Optional<Campaign> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(CampaignStore::fromDocument);
    }

    record Page(List<Campaign> items, long total) {
    }

    /** Latest start first. */
    Page list(int page, int size) {
        Query all = new Query().with(Sort.by(Sort.Direction.DESC, "startedOn").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return new Page(mongo.find(all, Document.class, COLLECTION).stream().map(CampaignStore::fromDocument).toList(),
                mongo.count(new Query(), COLLECTION));
    }

    @Override
    public Optional<Map<String, Geometry>> locations(String campaignId) {
        return find(campaignId).map(c -> {
            Map<String, Geometry> places = new LinkedHashMap<>();
            c.locations().forEach(l -> places.put(l.id(), l.location()));
            return places;
        });
    }

    private static Campaign fromDocument(Document document) {
        Document copy = new Document(document);
        copy.remove("_id");
        return EventJson.mapper().readValue(copy.toJson(), Campaign.class);
    }

    /** Best effort: a store that refuses the index still answers, only slower. */
    @EventListener(ApplicationReadyEvent.class)
    void ensureIndex() {
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("startedOn", Sort.Direction.DESC).named("startedOn"));
        } catch (RuntimeException e) {
            log.warn("could not create the campaign index: {}", e.getMessage());
        }
    }
}

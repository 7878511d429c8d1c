package org.steppewatch.incident.incident;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Indexes for the list query. Best effort: a store that refuses one still serves, only slower. */
@Component
class IncidentIndexes {

    private static final Logger log = LoggerFactory.getLogger(IncidentIndexes.class);

    private final MongoTemplate mongo;

    IncidentIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensure() {
        try {
            var indexes = mongo.indexOps(IncidentDocuments.COLLECTION);
            indexes.createIndex(new Index().on(IncidentDocuments.OCCURRED_AT, Sort.Direction.DESC).named("occurredAt"));
            indexes.createIndex(new Index().on(IncidentDocuments.LON, Sort.Direction.ASC)
                    .on(IncidentDocuments.LAT, Sort.Direction.ASC).named("lonLat"));
        } catch (RuntimeException e) {
            log.warn("could not create the incident indexes: {}", e.getMessage());
        }
    }
}

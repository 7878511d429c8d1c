package org.steppewatch.auth.authorization;

import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * Look-ups by token value and the expiry of old authorizations on real MongoDB. Best effort: a store that refuses
 * an index still serves, only slower, and {@link MongoOAuth2AuthorizationService} purges expired ones itself.
 */
@Component
class AuthorizationIndexes {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationIndexes.class);

    private final MongoTemplate mongo;

    AuthorizationIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensure() {
        var collection = mongo.getCollection(MongoOAuth2AuthorizationService.COLLECTION);
        try {
            collection.createIndex(new Document("expiresAt", 1), new IndexOptions().name("expiry")
                    .expireAfter(0L, TimeUnit.SECONDS));
            collection.createIndex(Indexes.ascending("state"), new IndexOptions().name("state").sparse(true));
            for (String token : new String[] {"authorizationCode", "accessToken", "idToken", "refreshToken"}) {
                collection.createIndex(Indexes.ascending("tokens." + token + ".value"),
                        new IndexOptions().name(token).sparse(true));
            }
        } catch (RuntimeException e) {
            log.warn("could not create the authorization indexes: {}", e.getMessage());
        }
    }
}

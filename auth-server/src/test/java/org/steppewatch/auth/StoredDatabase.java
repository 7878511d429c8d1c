package org.steppewatch.auth;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

/** Reads what the server stored, straight from MongoDB with the driver: what an attacker with a dump would see. */
final class StoredDatabase implements AutoCloseable {

    private final MongoClient client;
    private final String database;

    StoredDatabase(String mongoUri) {
        this.client = MongoClients.create(mongoUri);
        this.database = RunningAuthServer.databaseOf(mongoUri);
    }

    Document find(String collection, String id) {
        return client.getDatabase(database).getCollection(collection).find(Filters.eq("_id", id)).first();
    }

    @Override
    public void close() {
        client.close();
    }
}

package org.steppewatch.testsupport;

import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** A database of its own on the tests' MongoDB, for store tests without a Spring context; close() disconnects. */
public final class TestMongoDatabase implements AutoCloseable {

    private final MongoClient client;
    private final MongoTemplate template;

    private TestMongoDatabase(String uri) {
        this.client = MongoClients.create(uri);
        this.template = new MongoTemplate(client, new ConnectionString(uri).getDatabase());
    }

    public static TestMongoDatabase open(String databasePrefix) {
        return new TestMongoDatabase(TestInfrastructure.get().mongoUri(databasePrefix));
    }

    public MongoTemplate template() {
        return template;
    }

    @Override
    public void close() {
        client.close();
    }
}

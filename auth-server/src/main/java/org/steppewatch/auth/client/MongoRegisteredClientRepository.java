package org.steppewatch.auth.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.steppewatch.auth.AuthProperties;
import org.steppewatch.auth.MongoErrors;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * The OAuth clients, in MongoDB collection {@code clients}, one document per client keyed by its client id
 * (the registration id is the client id, so both look-ups are by {@code _id}). Secrets are stored only as
 * DelegatingPasswordEncoder hashes; a client's roles ride in its settings as {@link ClientRoles#SETTING}.
 * Token lifetimes are not stored: they follow the configuration of this server.
 */
@Component
public class MongoRegisteredClientRepository implements RegisteredClientRepository {

    static final String COLLECTION = "clients";

    private final MongoCollection<Document> clients;
    private final TokenSettings tokenSettings;

    public MongoRegisteredClientRepository(MongoTemplate mongo, AuthProperties properties) {
        this.clients = mongo.getCollection(COLLECTION);
        this.tokenSettings = TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build();
    }

    /** Creates or replaces (the secret re-hashed on an encoding upgrade, the console's URIs at start-up). */
    @Override
    public void save(RegisteredClient client) {
        clients.replaceOne(Filters.eq("_id", client.getClientId()), toDocument(client), new ReplaceOptions().upsert(true));
    }

    /** Creates a client unless its id is taken. */
    public boolean insert(RegisteredClient client) {
        try {
            clients.insertOne(toDocument(client));
            return true;
        } catch (RuntimeException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        Document stored = clients.find(Filters.eq("_id", clientId)).first();
        return stored == null ? null : toClient(stored);
    }

    public Optional<RegisteredClient> find(String clientId) {
        return Optional.ofNullable(findByClientId(clientId));
    }

    public List<RegisteredClient> findAll() {
        List<RegisteredClient> all = new ArrayList<>();
        clients.find().sort(Sorts.ascending("_id")).forEach(document -> all.add(toClient(document)));
        return all;
    }

    /** @return false when there is no such client */
    public boolean setRoles(String clientId, List<String> roles) {
        return clients.updateOne(Filters.eq("_id", clientId), Updates.set("roles", roles)).getMatchedCount() > 0;
    }

    /** @return false when there is no such client */
    public boolean delete(String clientId) {
        return clients.deleteOne(Filters.eq("_id", clientId)).getDeletedCount() > 0;
    }

    private static Document toDocument(RegisteredClient client) {
        Instant issuedAt = client.getClientIdIssuedAt() == null ? Instant.now() : client.getClientIdIssuedAt();
        return new Document("_id", client.getClientId())
                .append("secretHash", client.getClientSecret())
                .append("name", client.getClientName())
                .append("authenticationMethods", client.getClientAuthenticationMethods().stream()
                        .map(ClientAuthenticationMethod::getValue).sorted().toList())
                .append("grantTypes", client.getAuthorizationGrantTypes().stream()
                        .map(AuthorizationGrantType::getValue).sorted().toList())
                .append("redirectUris", List.copyOf(client.getRedirectUris()))
                .append("postLogoutRedirectUris", List.copyOf(client.getPostLogoutRedirectUris()))
                .append("scopes", client.getScopes().stream().sorted().toList())
                .append("requireProofKey", client.getClientSettings().isRequireProofKey())
                .append("roles", ClientRoles.of(client))
                .append("createdAt", Date.from(issuedAt));
    }

    private RegisteredClient toClient(Document stored) {
        String clientId = stored.getString("_id");
        RegisteredClient.Builder builder = RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientSecret(stored.getString("secretHash"))
                .clientName(stored.getString("name") == null ? clientId : stored.getString("name"))
                .clientIdIssuedAt(stored.getDate("createdAt").toInstant())
                .clientAuthenticationMethods(methods -> strings(stored, "authenticationMethods")
                        .forEach(method -> methods.add(new ClientAuthenticationMethod(method))))
                .authorizationGrantTypes(grants -> strings(stored, "grantTypes")
                        .forEach(grant -> grants.add(new AuthorizationGrantType(grant))))
                .redirectUris(uris -> uris.addAll(strings(stored, "redirectUris")))
                .postLogoutRedirectUris(uris -> uris.addAll(strings(stored, "postLogoutRedirectUris")))
                .scopes(scopes -> scopes.addAll(strings(stored, "scopes")))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(stored.getBoolean("requireProofKey", false))
                        .requireAuthorizationConsent(false)
                        .setting(ClientRoles.SETTING, strings(stored, "roles"))
                        .build())
                .tokenSettings(tokenSettings);
        return builder.build();
    }

    private static List<String> strings(Document document, String field) {
        List<String> values = document.getList(field, String.class);
        return values == null ? List.of() : values;
    }
}

package org.steppewatch.auth.authorization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authorizations (codes in flight, issued tokens for revocation, introspection and userinfo) in MongoDB collection
 * {@code authorizations}, one document per authorization, so a restart loses no code and forgets no revocation.
 * A MongoDB translation of Spring Authorization Server's JdbcOAuth2AuthorizationService: the attributes and token
 * metadata (the signed-in principal among them) are JSON written with Spring Security's Jackson modules, whose
 * type validator allows only Spring Security's own types.
 * <p>
 * Each document carries {@code expiresAt}, the end of its longest-lived token; {@link AuthorizationIndexes} makes
 * that a TTL index on real MongoDB, and {@link #save} deletes expired documents itself at most once a minute (the
 * embedded server has no TTL monitor).
 */
public class MongoOAuth2AuthorizationService implements OAuth2AuthorizationService {

    static final String COLLECTION = "authorizations";
    /** How long an authorization without tokens (waiting for the user to sign in) is kept. */
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(30);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** The stored token kinds: field name in the document, class, and the token_type_hint of RFC 7009. */
    private enum Kind {
        AUTHORIZATION_CODE("authorizationCode", OAuth2AuthorizationCode.class, OAuth2ParameterNames.CODE),
        ACCESS_TOKEN("accessToken", OAuth2AccessToken.class, OAuth2TokenType.ACCESS_TOKEN.getValue()),
        ID_TOKEN("idToken", OidcIdToken.class, OidcParameterNames.ID_TOKEN),
        REFRESH_TOKEN("refreshToken", OAuth2RefreshToken.class, OAuth2TokenType.REFRESH_TOKEN.getValue());

        final String field;
        final Class<? extends OAuth2Token> type;
        final String hint;

        Kind(String field, Class<? extends OAuth2Token> type, String hint) {
            this.field = field;
            this.type = type;
            this.hint = hint;
        }

        String valuePath() {
            return "tokens." + field + ".value";
        }
    }

    private final MongoCollection<Document> authorizations;
    private final RegisteredClientRepository clients;
    private final JsonMapper json;
    private final Clock clock;
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.EPOCH);

    public MongoOAuth2AuthorizationService(MongoTemplate mongo, RegisteredClientRepository clients, Clock clock) {
        this.authorizations = mongo.getCollection(COLLECTION);
        this.clients = clients;
        this.clock = clock;
        this.json = JsonMapper.builder()
                .addModules(SecurityJacksonModules.getModules(MongoOAuth2AuthorizationService.class.getClassLoader()))
                .build();
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        purgeExpired();
        authorizations.replaceOne(Filters.eq("_id", authorization.getId()), toDocument(authorization),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        authorizations.deleteOne(Filters.eq("_id", authorization.getId()));
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return toAuthorization(authorizations.find(Filters.eq("_id", id)).first());
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        Bson filter;
        if (tokenType == null) {
            List<Bson> any = new ArrayList<>();
            any.add(Filters.eq("state", token));
            Stream.of(Kind.values()).forEach(kind -> any.add(Filters.eq(kind.valuePath(), token)));
            filter = Filters.or(any);
        } else if (OAuth2ParameterNames.STATE.equals(tokenType.getValue())) {
            filter = Filters.eq("state", token);
        } else {
            Kind kind = Stream.of(Kind.values()).filter(k -> k.hint.equals(tokenType.getValue())).findFirst()
                    .orElse(null);
            if (kind == null) {
                return null;
            }
            filter = Filters.eq(kind.valuePath(), token);
        }
        return toAuthorization(authorizations.find(filter).first());
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        Instant due = nextPurge.get();
        if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(PURGE_INTERVAL))) {
            return;
        }
        authorizations.deleteMany(Filters.lt("expiresAt", Date.from(now)));
    }

    private Document toDocument(OAuth2Authorization authorization) {
        Document tokens = new Document();
        Instant expiresAt = clock.instant().plus(PENDING_LIFETIME);
        for (Kind kind : Kind.values()) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind.type);
            if (token == null) {
                continue;
            }
            OAuth2Token value = token.getToken();
            Document stored = new Document("value", value.getTokenValue())
                    .append("issuedAt", date(value.getIssuedAt()))
                    .append("expiresAt", date(value.getExpiresAt()))
                    .append("metadata", json.writeValueAsString(token.getMetadata()));
            if (value instanceof OAuth2AccessToken access) {
                stored.append("type", access.getTokenType().getValue()).append("scopes", List.copyOf(access.getScopes()));
            }
            tokens.append(kind.field, stored);
            if (value.getExpiresAt() != null && value.getExpiresAt().isAfter(expiresAt)) {
                expiresAt = value.getExpiresAt();
            }
        }
        return new Document("_id", authorization.getId())
                .append("clientId", authorization.getRegisteredClientId())
                .append("principalName", authorization.getPrincipalName())
                .append("grantType", authorization.getAuthorizationGrantType().getValue())
                .append("scopes", List.copyOf(authorization.getAuthorizedScopes()))
                .append("attributes", json.writeValueAsString(authorization.getAttributes()))
                .append("state", authorization.<String>getAttribute(OAuth2ParameterNames.STATE))
                .append("tokens", tokens)
                .append("expiresAt", Date.from(expiresAt));
    }

    private OAuth2Authorization toAuthorization(Document stored) {
        if (stored == null) {
            return null;
        }
        RegisteredClient client = clients.findById(stored.getString("clientId"));
        if (client == null) {
            // the client was deleted: its authorizations no longer count
            throw new DataRetrievalFailureException("The client '" + stored.getString("clientId")
                    + "' of authorization " + stored.getString("_id") + " no longer exists");
        }
        Map<String, Object> attributes = json.readValue(stored.getString("attributes"), MAP);
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
                .id(stored.getString("_id"))
                .principalName(stored.getString("principalName"))
                .authorizationGrantType(new AuthorizationGrantType(stored.getString("grantType")))
                .authorizedScopes(new java.util.HashSet<>(stored.getList("scopes", String.class)))
                .attributes(all -> all.putAll(attributes));
        if (stored.getString("state") != null) {
            builder.attribute(OAuth2ParameterNames.STATE, stored.getString("state"));
        }
        Document tokens = stored.get("tokens", Document.class);
        for (Kind kind : Kind.values()) {
            Document token = tokens.get(kind.field, Document.class);
            if (token != null) {
                Map<String, Object> metadata = json.readValue(token.getString("metadata"), MAP);
                builder.token(toToken(kind, token, metadata), all -> all.putAll(metadata));
            }
        }
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private static OAuth2Token toToken(Kind kind, Document token, Map<String, Object> metadata) {
        String value = token.getString("value");
        Instant issuedAt = instant(token.getDate("issuedAt"));
        Instant expiresAt = instant(token.getDate("expiresAt"));
        return switch (kind) {
            case AUTHORIZATION_CODE -> new OAuth2AuthorizationCode(value, issuedAt, expiresAt);
            case ACCESS_TOKEN -> new OAuth2AccessToken(
                    OAuth2AccessToken.TokenType.DPOP.getValue().equalsIgnoreCase(token.getString("type"))
                            ? OAuth2AccessToken.TokenType.DPOP : OAuth2AccessToken.TokenType.BEARER,
                    value, issuedAt, expiresAt, new java.util.HashSet<>(token.getList("scopes", String.class)));
            case ID_TOKEN -> new OidcIdToken(value, issuedAt, expiresAt, Objects.requireNonNullElse(
                    (Map<String, Object>) metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME), Map.of()));
            case REFRESH_TOKEN -> new OAuth2RefreshToken(value, issuedAt, expiresAt);
        };
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

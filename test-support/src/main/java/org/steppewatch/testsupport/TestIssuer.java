package org.steppewatch.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A token issuer for the services' tests, started once per JVM on loopback: it publishes an OpenID Connect
 * discovery document and its JWK set over HTTP, exactly what a resource server fetches from a real provider, and
 * signs RS256 access tokens with a {@code roles} claim. The services under test validate these tokens through the
 * same code path as the embedded provider's (discovery, keys, issuer, expiry); the provider itself is tested in
 * auth-server and end to end in local/.
 */
public final class TestIssuer {

    private static volatile TestIssuer instance;

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://localhost:" + server.getAddress().getPort() + "/test-issuer";
        server.createContext("/test-issuer/.well-known/openid-configuration", exchange -> answer(exchange,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\",\"subject_types_supported\":[\"public\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"response_types_supported\":[\"code\"]}"));
        server.createContext("/test-issuer/jwks", exchange -> answer(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.setExecutor(null);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-issuer-shutdown"));
    }

    public static TestIssuer get() {
        TestIssuer current = instance;
        if (current == null) {
            synchronized (TestIssuer.class) {
                current = instance;
                if (current == null) {
                    current = new TestIssuer();
                    instance = current;
                }
            }
        }
        return current;
    }

    /** What a service under test sets as {@code steppewatch.security.issuer-uri}. */
    public String issuer() {
        return issuer;
    }

    /** An access token for a user or client named {@code subject} with these roles, valid for an hour. */
    public String token(String subject, String... roles) {
        return sign(new JWTClaimsSet.Builder().issuer(issuer).subject(subject).claim("preferred_username", subject)
                .claim("roles", List.of(roles)).issueTime(new Date()).notBeforeTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600))).jwtID(UUID.randomUUID().toString()).build());
    }

    /** {@code Bearer <token>} for the {@code Authorization} header. */
    public String bearer(String subject, String... roles) {
        return "Bearer " + token(subject, roles);
    }

    /** A token that is well formed and signed by this issuer but expired a minute ago. */
    public String expiredToken(String subject, String... roles) {
        Instant past = Instant.now().minusSeconds(3600);
        return sign(new JWTClaimsSet.Builder().issuer(issuer).subject(subject).claim("roles", Arrays.asList(roles))
                .issueTime(Date.from(past)).expirationTime(Date.from(Instant.now().minusSeconds(60))).build());
    }

    /** A token with the right claims signed by a key nobody published. */
    public String forgedToken(String subject, String... roles) {
        try {
            RSAKey other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(other.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(issuer).subject(subject).claim("roles", Arrays.asList(roles))
                            .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build());
            jwt.sign(new RSASSASigner(other));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}

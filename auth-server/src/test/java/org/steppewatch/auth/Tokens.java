package org.steppewatch.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Getting tokens the way a script does, and checking them the way a resource server does: with nimbus alone. */
final class Tokens {

    private Tokens() {
    }

    /** The README's command: {@code curl -u id:secret -d grant_type=client_credentials …/oauth2/token}. */
    static HttpResponse<String> clientCredentials(Http http, String baseUrl, String clientId, String secret) {
        return http.postForm(baseUrl + "/oauth2/token", Map.of("grant_type", "client_credentials"),
                Http.basic(clientId, secret));
    }

    static String accessToken(Http http, String baseUrl, String clientId, String secret) {
        HttpResponse<String> response = clientCredentials(http, baseUrl, clientId, secret);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).get("access_token").asString();
    }

    /** The token's claims after its RS256 signature checked out against the key the JWKS publishes for its kid. */
    static JWTClaimsSet verify(String token, String jwksJson) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            JWK key = JWKSet.parse(jwksJson).getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(key).as("the JWKS publishes the key %s", jwt.getHeader().getKeyID()).isNotNull();
            assertThat(key.isPrivate()).as("the JWKS must not publish the private key").isFalse();
            assertThat(jwt.verify(new RSASSAVerifier(key.toRSAKey()))).as("signature").isTrue();
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new AssertionError("not a verifiable JWT: " + e.getMessage(), e);
        }
    }
}

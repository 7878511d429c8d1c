package org.steppewatch.auth;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;

/**
 * The analyst console's sign-in, as its page does it: authorization code with PKCE (RFC 7636, S256) for the public
 * client steppewatch-console, a person signing in through the form, the code exchanged from the console's origin.
 */
class ConsoleSignInTest {

    private static final String CONSOLE = "http://localhost:8081/";
    private static final String PASSWORD = "plume-and-wind-225";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final RunningAuthServer server = SharedAuthServer.get();
    private final Http browser = new Http();
    private String username;

    @BeforeEach
    void anAnalystWhoMayIssue() {
        Http script = new Http();
        String admin = Tokens.accessToken(script, server.baseUrl(), "steppewatch-cli", SharedAuthServer.ADMIN_PASSWORD);
        username = "dana-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = script.postJson(server.baseUrl() + "/api/v1/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"issuer\",\"analyst\"]}",
                Http.bearer(admin));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    void aPersonSignsInAndTheConsoleGetsATokenWithTheirRoles() throws Exception {
        String verifier = verifier();

        String code = signInAndGetCode(challenge(verifier));
        HttpResponse<String> exchanged = exchange(code, verifier);

        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        assertThat(exchanged.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8081");
        JsonNode tokens = Http.json(exchanged);
        JWTClaimsSet access = Tokens.verify(tokens.get("access_token").asString(),
                browser.get(server.baseUrl() + "/oauth2/jwks").body());
        assertThat(access.getStringListClaim("roles")).containsExactly("analyst", "issuer");
        assertThat(access.getSubject()).isEqualTo(username);
        assertThat(access.getStringClaim("preferred_username")).isEqualTo(username);
        assertThat(access.getIssuer()).isEqualTo(server.baseUrl());
        JWTClaimsSet id = SignedJWT.parse(tokens.get("id_token").asString()).getJWTClaimsSet();
        assertThat(id.getAudience()).containsExactly("steppewatch-console");
        assertThat(id.getStringClaim("preferred_username")).isEqualTo(username);
        // a public client gets no refresh token
        assertThat(tokens.has("refresh_token")).isFalse();

        HttpResponse<String> userinfo = browser.get(server.baseUrl() + "/userinfo",
                Http.bearer(tokens.get("access_token").asString()));
        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(Http.json(userinfo).get("sub").asString()).isEqualTo(username);
    }

    @Test
    void aCodeExchangedWithoutTheVerifierGetsNoToken() throws Exception {
        String verifier = verifier();
        String code = signInAndGetCode(challenge(verifier));

        HttpResponse<String> exchanged = exchange(code, null);

        // a public client proves itself only by the verifier: without it, it is not authenticated at all
        assertThat(exchanged.statusCode()).isEqualTo(401);
        assertThat(exchanged.body()).doesNotContain("access_token");
        // and the code stays unusable to whoever lacks the verifier, while the console can still redeem it
        assertThat(exchange(code, verifier).statusCode()).isEqualTo(200);
    }

    @Test
    void aCodeExchangedWithAnotherVerifierGetsNoToken() throws Exception {
        String code = signInAndGetCode(challenge(verifier()));

        HttpResponse<String> exchanged = exchange(code, verifier());

        assertThat(exchanged.statusCode()).isEqualTo(400);
        assertThat(Http.json(exchanged).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() {
        HttpResponse<String> response = browser.get(authorizeUrl(null), "Accept", "text/html");

        // RFC 6749 4.1.2.1: the error goes back to the registered redirect URI
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CONSOLE).contains("error=invalid_request").doesNotContain("code=");
    }

    @Test
    void theSignInPageSaysTheSameForAnUnknownUserAndAWrongPassword() {
        String wrongPassword = failedSignIn(username, "not-" + PASSWORD);
        String unknownUser = failedSignIn("nobody-" + UUID.randomUUID(), PASSWORD);

        assertThat(wrongPassword).isEqualTo(unknownUser);
    }

    /** The page that a failed sign-in ends on, its CSRF token blanked. */
    private String failedSignIn(String user, String password) {
        Http someone = new Http();
        String csrf = csrf(someone.get(server.baseUrl() + "/login").body());
        HttpResponse<String> posted = someone.postForm(server.baseUrl() + "/login",
                Map.of("username", user, "password", password, "_csrf", csrf));
        assertThat(posted.statusCode()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/login?error");
        return CSRF.matcher(someone.get(location).body()).replaceAll("csrf");
    }

    private String signInAndGetCode(String challenge) {
        HttpResponse<String> authorize = browser.get(authorizeUrl(challenge), "Accept", "text/html");
        assertThat(authorize.statusCode()).isEqualTo(302);
        String login = resolve(authorize.headers().firstValue("Location").orElseThrow());
        assertThat(login).endsWith("/login");

        String csrf = csrf(browser.get(login).body());
        HttpResponse<String> signedIn = browser.postForm(login,
                Map.of("username", username, "password", PASSWORD, "_csrf", csrf));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String back = resolve(signedIn.headers().firstValue("Location").orElseThrow());
        assertThat(back).contains("/oauth2/authorize");

        HttpResponse<String> granted = browser.get(back, "Accept", "text/html");
        assertThat(granted.statusCode()).isEqualTo(302);
        URI redirect = URI.create(granted.headers().firstValue("Location").orElseThrow());
        assertThat(redirect.toString()).startsWith(CONSOLE);
        Map<String, String> query = UriComponentsBuilder.fromUri(redirect).build().getQueryParams().toSingleValueMap();
        assertThat(query).containsEntry("state", "state-42");
        return query.get("code");
    }

    private HttpResponse<String> exchange(String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", CONSOLE);
        form.put("client_id", "steppewatch-console");
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        // from the console's page: a cross-origin fetch, without the sign-in cookie
        return new Http().postForm(server.baseUrl() + "/oauth2/token", form, "Origin", "http://localhost:8081");
    }

    private String authorizeUrl(String challenge) {
        UriComponentsBuilder url = UriComponentsBuilder.fromUriString(server.baseUrl() + "/oauth2/authorize")
                .queryParam("response_type", "code")
                .queryParam("client_id", "steppewatch-console")
                .queryParam("redirect_uri", CONSOLE)
                .queryParam("scope", "openid profile")
                .queryParam("state", "state-42");
        if (challenge != null) {
            url.queryParam("code_challenge", challenge).queryParam("code_challenge_method", "S256");
        }
        return url.encode().build().toUriString();
    }

    private String resolve(String location) {
        return URI.create(server.baseUrl() + "/").resolve(location).toString();
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF field on the sign-in page").isTrue();
        return matcher.group(1);
    }

    /** RFC 7636 4.1: 32 random octets, base64url without padding (43 characters). */
    private static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** RFC 7636 4.2: S256 = BASE64URL(SHA256(ASCII(verifier))). */
    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}

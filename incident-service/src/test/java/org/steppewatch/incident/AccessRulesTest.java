package org.steppewatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.steppewatch.testsupport.TestIssuer;

/**
 * Every endpoint of incident-service under each kind of caller: nobody, an analyst, an issuer, an admin. A write
 * that is let through is sent an empty document, so it ends in validation (400) and stores nothing.
 */
class AccessRulesTest extends ServiceTestBase {

    private static final TestIssuer ISSUER = TestIssuer.get();
    private static final String NOBODY = null;
    private static final String ANALYST_ONLY = ISSUER.bearer("ana", "analyst");
    private static final String ISSUER_ONLY = ISSUER.bearer("iss", "issuer");
    private static final String ADMIN_ONLY = ISSUER.bearer("adm", "admin");
    private static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";

    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/incidents"),
                Arguments.of("PUT", "/api/v1/incidents/" + UNKNOWN),
                Arguments.of("POST", "/api/v1/incidents/" + UNKNOWN + "/retraction"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void writesNeedAnAnalystOrAnIssuer(String method, String path) {
        assertThat(call(method, path, NOBODY)).satisfies(r -> problem(r, 401));
        assertThat(call(method, path, NOBODY).headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(call(method, path, ADMIN_ONLY)).satisfies(r -> problem(r, 403));
        assertThat(call(method, path, ANALYST_ONLY).statusCode()).isIn(400, 404, 428);
        assertThat(call(method, path, ISSUER_ONLY).statusCode()).isIn(400, 404, 428);
    }

    static Stream<String> publicReads() {
        return Stream.of("/api/v1/incidents", "/api/v1/map/regions", "/api/v1/map/fall-zones", "/api/v1/console/settings",
                "/", "/actuator/health");
    }

    @ParameterizedTest
    @MethodSource("publicReads")
    void readsArePublic(String path) {
        assertThat(call("GET", path, NOBODY).statusCode()).isEqualTo(200);
    }

    @Test
    void readsOfOneIncidentArePublicToo() {
        for (String path : new String[] {"/api/v1/incidents/" + UNKNOWN, "/api/v1/incidents/" + UNKNOWN + "/assessment",
                "/api/v1/incidents/" + UNKNOWN + "/revisions", "/api/v1/incidents/" + UNKNOWN + "/alerts"}) {
            assertThat(call("GET", path, NOBODY)).as(path).satisfies(r -> problem(r, 404));
        }
    }

    @Test
    void theRestOfActuatorIsForAdmins() {
        assertThat(call("GET", "/actuator/metrics", NOBODY)).satisfies(r -> problem(r, 401));
        assertThat(call("GET", "/actuator/metrics", ANALYST_ONLY)).satisfies(r -> problem(r, 403));
        assertThat(call("GET", "/actuator/metrics", ADMIN_ONLY).statusCode()).isEqualTo(200);
    }

    @Test
    void deadLettersAreForAdminsOnlyReadingAsMuchAsReplaying() {
        String path = "/api/v1/dead-letters";
        assertThat(call("GET", path, NOBODY)).satisfies(r -> problem(r, 401));
        assertThat(call("GET", path, ANALYST_ONLY)).satisfies(r -> problem(r, 403));
        assertThat(call("GET", path, ISSUER_ONLY)).satisfies(r -> problem(r, 403));
        HttpResponse<String> listing = call("GET", path, ADMIN_ONLY);
        assertThat(listing.statusCode()).as(listing.body()).isEqualTo(200);
        // incident-service reads assessments.v1, alerts.v1 and findings.v1 (docs/events.md): their dead-letter topics
        assertThat(json(listing).path("topics").toString())
                .isEqualTo("[\"alerts.v1.DLT\",\"assessments.v1.DLT\",\"findings.v1.DLT\"]");
        assertThat(json(listing).path("deadLetters").isArray()).isTrue();

        String replay = path + "/replay";
        String nothingThere = "{\"topic\":\"alerts.v1.DLT\",\"partition\":0,\"offset\":999999999}";
        assertThat(call("POST", replay, NOBODY, nothingThere)).satisfies(r -> problem(r, 401));
        assertThat(call("POST", replay, ISSUER_ONLY, nothingThere)).satisfies(r -> problem(r, 403));
        assertThat(call("POST", replay, ANALYST_ONLY, nothingThere)).satisfies(r -> problem(r, 403));
        assertThat(call("POST", replay, ADMIN_ONLY, nothingThere)).satisfies(r -> problem(r, 404));
    }

    @Test
    void aWriteNobodyListedIsForAdminsOnly() {
        assertThat(call("DELETE", "/api/v1/incidents/" + UNKNOWN, ANALYST_ONLY)).satisfies(r -> problem(r, 403));
    }

    @Test
    void expiredForgedAndForeignTokensAreRefused() {
        for (String token : new String[] {ISSUER.expiredToken("ana", "analyst"), ISSUER.forgedToken("ana", "analyst"),
                "not-a-jwt"}) {
            HttpResponse<String> response = call("POST", "/api/v1/incidents", "Bearer " + token);
            assertThat(response).satisfies(r -> problem(r, 401));
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        }
    }

    @Test
    void anAddressTheFirewallRefusesIsAProblemToo() {
        // Tomcat itself refuses an encoded slash (with its own page); these pass it and meet the firewall
        assertThat(call("GET", "/api/v1/incidents/x;jsessionid=1", NOBODY)).satisfies(r -> problem(r, 400));
        assertThat(call("POST", "/api/v1//incidents", ANALYST_ONLY)).satisfies(r -> problem(r, 400));
    }

    private HttpResponse<String> call(String method, String path, String authorization) {
        return call(method, path, authorization, "{}");
    }

    private HttpResponse<String> call(String method, String path, String authorization, String body) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
        request.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return send(request, authorization);
    }

    private static void problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("status").asInt()).isEqualTo(status);
    }
}

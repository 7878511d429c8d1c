package org.steppewatch.notification;

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
 * Every endpoint of notification-service under each kind of caller: nobody, an analyst, an issuer, an admin.
 * Subscribing and managing one's own subscription stay open to everyone; who received what is not public.
 */
class AccessRulesTest extends IntegrationTest {

    private static final TestIssuer TOKENS = TestIssuer.get();
    private static final String NOBODY = null;
    private static final String ANALYST_ONLY = TOKENS.bearer("ana", "analyst");
    private static final String ISSUER_ONLY = TOKENS.bearer("iss", "issuer");
    private static final String ADMIN_ONLY = TOKENS.bearer("adm", "admin");
    private static final String UNKNOWN = "no-such-id";

    static Stream<Arguments> publicWrites() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/subscriptions"),
                Arguments.of("DELETE", "/api/v1/subscriptions/" + UNKNOWN),
                Arguments.of("POST", "/api/v1/subscriptions/" + UNKNOWN + "/confirm"),
                Arguments.of("POST", "/api/v1/subscriptions/" + UNKNOWN + "/unsubscribe"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("publicWrites")
    void subscribingAndManagingOnesOwnSubscriptionNeedNoSignIn(String method, String path) throws Exception {
        HttpResponse<String> response = call(method, path, NOBODY);
        // past the access rules: the subscription feature itself answers (a validation error, an unknown id, a
        // missing manage token), not the sign-in challenge
        assertThat(response.statusCode()).as(response.body()).isIn(400, 401, 404);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(json(response).path("title").asString()).isNotEqualTo("Sign-in required");
    }

    static Stream<String> publicReads() {
        return Stream.of("/api/v1/alerts", "/feeds/alerts.atom", "/api/v1/community/regions", "/", "/actuator/health");
    }

    @ParameterizedTest
    @MethodSource("publicReads")
    void alertsTheFeedAndThePageArePublic(String path) throws Exception {
        assertThat(call("GET", path, NOBODY).statusCode()).isEqualTo(200);
    }

    @Test
    void oneAlertAndItsCapArePublic() throws Exception {
        assertThat(call("GET", "/api/v1/alerts/" + UNKNOWN, NOBODY).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/alerts/" + UNKNOWN + "/cap", NOBODY).statusCode()).isEqualTo(404);
    }

    @Test
    void recipientsOfAnAlertAreForIssuersAndAdmins() throws Exception {
        String path = "/api/v1/alerts/" + UNKNOWN + "/deliveries";
        assertProblem(call("GET", path, NOBODY), 401);
        assertProblem(call("GET", path, ANALYST_ONLY), 403);
        assertThat(call("GET", path, ISSUER_ONLY).statusCode()).isEqualTo(404);
        assertThat(call("GET", path, ADMIN_ONLY).statusCode()).isEqualTo(404);
    }

    @Test
    void noticesArePublicAndTheirRecipientsAreForIssuersAndAdmins() throws Exception {
        assertThat(call("GET", "/api/v1/notices", NOBODY).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/notices/" + UNKNOWN, NOBODY).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/notices/" + UNKNOWN + "/cap", NOBODY).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/feeds/notices.atom", NOBODY).statusCode()).isEqualTo(200);
        String path = "/api/v1/notices/" + UNKNOWN + "/deliveries";
        assertProblem(call("GET", path, NOBODY), 401);
        assertProblem(call("GET", path, ANALYST_ONLY), 403);
        assertThat(call("GET", path, ISSUER_ONLY).statusCode()).isEqualTo(404);
        assertThat(call("GET", path, ADMIN_ONLY).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyAnIssuerApprovesOrRejectsADraft() throws Exception {
        for (String decision : new String[] {"approval", "rejection"}) {
            String path = "/api/v1/alerts/" + UNKNOWN + "/" + decision;
            assertProblem(call("POST", path, NOBODY), 401);
            assertProblem(call("POST", path, ANALYST_ONLY), 403);
            assertProblem(call("POST", path, ADMIN_ONLY), 403);
            // past the rules: the workflow answers for the unknown alert
            assertProblem(call("POST", path, ISSUER_ONLY), decision.equals("approval") ? 404 : 400);
        }
    }

    @Test
    void draftsAreListedForEverySignedInRoleButNotThePublic() throws Exception {
        for (String status : new String[] {"DRAFT", "REJECTED"}) {
            String path = "/api/v1/alerts?status=" + status;
            assertProblem(call("GET", path, NOBODY), 401);
            assertThat(call("GET", path, ANALYST_ONLY).statusCode()).isEqualTo(200);
            assertThat(call("GET", path, ISSUER_ONLY).statusCode()).isEqualTo(200);
            assertThat(call("GET", path, ADMIN_ONLY).statusCode()).isEqualTo(200);
        }
        assertProblem(call("GET", "/api/v1/alerts?status=PENDING", ANALYST_ONLY), 400);
    }

    @Test
    void theRestOfActuatorIsForAdmins() throws Exception {
        assertProblem(call("GET", "/actuator/metrics", NOBODY), 401);
        assertProblem(call("GET", "/actuator/metrics", ISSUER_ONLY), 403);
        assertThat(call("GET", "/actuator/metrics", ADMIN_ONLY).statusCode()).isEqualTo(200);
    }

    @Test
    void aWriteNobodyListedIsForAdminsOnly() throws Exception {
        assertProblem(call("PUT", "/api/v1/alerts/" + UNKNOWN, NOBODY), 401);
        assertProblem(call("PUT", "/api/v1/alerts/" + UNKNOWN, ISSUER_ONLY), 403);
    }

    @Test
    void theConsolesPageMayReadWithItsTokenFromItsOwnOrigin() throws Exception {
        // the analyst console (8081) reads drafts and deliveries here: a CORS preflight for GET with Authorization
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri("/api/v1/alerts?status=DRAFT"))
                .header("Origin", "http://localhost:8081").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> elsewhere = send(HttpRequest.newBuilder(uri("/api/v1/alerts"))
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8081");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("authorization");
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> call(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }
}

package org.steppewatch.notification.alert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.AlertIssued;
import org.steppewatch.contracts.AssessmentWithdrawn;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.IncidentAssessed;

import org.steppewatch.contracts.ReportedBy;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.Topics;
import org.steppewatch.notification.IntegrationTest;
import org.steppewatch.notification.WebhookReceiver;
import org.steppewatch.notification.cap.xml.Alert;
import org.steppewatch.notification.cap.CapXml;
import org.steppewatch.testsupport.TestIssuer;

import tools.jackson.databind.JsonNode;

/**
 * Only an issuer raises an alarm. An analyst's report yields a draft that reaches nobody until an issuer approves
 * it; a rejected, stale or retracted draft never goes out. Absence is proven against a control: an issuer's alert
 * for another incident published after the draft's assessment (same partition, so consumed after it) reaches the
 * same subscriber; once it has arrived, the draft's would have too.
 */
class IssuingWorkflowTest extends IntegrationTest {

    private static final ReportedBy AIGERIM = new ReportedBy("sub-aigerim", "aigerim", false);
    private static final ReportedBy DUTY_OFFICER = new ReportedBy("sub-duty", "duty-officer", true);
    private static final String ANALYST_TOKEN = TestIssuer.get().bearer("aigerim", "analyst");
    private static final String ISSUER_TOKEN = TestIssuer.get().bearer("duty-officer", "issuer");

    private WebhookReceiver council;
    private String councilSubscription;

    @BeforeEach
    void councilOfBaikonurSubscribes() throws Exception {
        council = WebhookReceiver.start();
        councilSubscription = subscribe(webhookSubscription("Baikonur council", Map.of("settlementId", BAIKONUR),
                council.url(), null, "en", null)).get("id").stringValue();
    }

    @AfterEach
    void closeReceiver() {
        council.close();
    }

    @Test
    void anAnalystsReportIsADraftThatReachesNobodyUntilAnIssuerApprovesIt() throws Exception {
        try (KafkaConsumer<String, String> alertsTopic = consumer(Topics.ALERTS)) {
            String incident = newIncidentId();
            String draft = AlertService.alertId(incident, 1);
            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()).withReportedBy(AIGERIM));
            awaitControlAlert();

            assertThat(webhooksFor(draft)).isEmpty();
            JsonNode seen = json(call("GET", "/api/v1/alerts/" + draft, ANALYST_TOKEN, null));
            assertThat(seen.get("status").stringValue()).isEqualTo("DRAFT");
            assertThat(seen.at("/issuing/state").stringValue()).isEqualTo("DRAFT");
            assertThat(seen.at("/issuing/reportedBy/name").stringValue()).isEqualTo("aigerim");
            assertThat(seen.at("/issuing/reportedBy/subject").stringValue()).isEqualTo("sub-aigerim");
            assertThat(seen.at("/issuing/issuedAtOnce").booleanValue()).isFalse();
            assertThat(capAsStaff(draft).getStatus()).isEqualTo("Draft");
            assertThat(ids(call("GET", "/api/v1/alerts?status=DRAFT&incidentId=" + incident, ANALYST_TOKEN, null)))
                    .containsExactly(draft);

            // the public: no such alert, anywhere
            assertThat(get("/api/v1/alerts/" + draft).statusCode()).isEqualTo(404);
            assertThat(get("/api/v1/alerts/" + draft + "/cap").statusCode()).isEqualTo(404);
            assertThat(ids(get("/api/v1/alerts?incidentId=" + incident))).isEmpty();
            assertThat(get("/api/v1/alerts?limit=500").body()).doesNotContain(draft);
            assertThat(get("/feeds/alerts.atom").body()).doesNotContain(draft);
            assertThat(get("/api/v1/alerts?status=DRAFT").statusCode()).isEqualTo(401);

            // an analyst may not approve; nothing changes
            HttpResponse<String> refused = call("POST", "/api/v1/alerts/" + draft + "/approval", ANALYST_TOKEN, null);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(call("POST", "/api/v1/alerts/" + draft + "/approval", null, null).statusCode()).isEqualTo(401);
            assertThat(json(call("GET", "/api/v1/alerts/" + draft, ANALYST_TOKEN, null)).get("status").stringValue())
                    .isEqualTo("DRAFT");

            Instant before = Instant.now().minusSeconds(1);
            HttpResponse<String> approved = call("POST", "/api/v1/alerts/" + draft + "/approval", ISSUER_TOKEN, null);
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
            JsonNode view = json(approved);
            assertThat(view.get("status").stringValue()).isEqualTo("ACTIVE");
            assertThat(view.get("msgType").stringValue()).isEqualTo("Alert");
            assertThat(view.at("/issuing/state").stringValue()).isEqualTo("ISSUED");
            assertThat(view.at("/issuing/approvedBy/name").stringValue()).isEqualTo("duty-officer");
            assertThat(view.at("/issuing/reportedBy/name").stringValue()).isEqualTo("aigerim");
            assertThat(Instant.parse(view.at("/issuing/approvedAt").stringValue())).isAfter(before);
            assertThat(view.get("recipients").intValue()).isEqualTo(1);

            await().atMost(DEADLINE).until(() -> webhooksFor(draft).size() == 1);
            WebhookReceiver.Request sent = webhooksFor(draft).get(0);
            assertThat(JSON.readTree(sent.body()).get("type").stringValue()).isEqualTo("alert.issued");
            assertThat(sent.body()).doesNotContain("aigerim").doesNotContain("duty-officer").doesNotContain("issuing");
            assertThat(CapXml.get().read(JSON.readTree(sent.body()).at("/data/cap").stringValue()).getStatus())
                    .isEqualTo("Actual");

            // now public, as an issuer's own alert would be, without the names of staff
            HttpResponse<String> publicView = get("/api/v1/alerts/" + draft);
            assertThat(publicView.statusCode()).isEqualTo(200);
            assertThat(publicView.body()).doesNotContain("aigerim").doesNotContain("duty-officer");
            HttpResponse<String> publicCap = get("/api/v1/alerts/" + draft + "/cap");
            assertThat(CapXml.get().read(publicCap.body()).getStatus()).isEqualTo("Actual");
            assertThat(get("/feeds/alerts.atom").body()).contains(draft).doesNotContain("duty-officer");

            List<ConsumerRecord<String, String>> published = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> !pollKey(alertsTopic, incident, published).isEmpty());
            assertThat(header(published.get(0), EventHeaders.TYPE)).isEqualTo(EventTypes.ALERT_ISSUED);
            assertThat(EventJson.read(published.get(0).value(), AlertIssued.class).alertId()).isEqualTo(draft);

            // approving again changes nothing and sends nothing more
            assertThat(call("POST", "/api/v1/alerts/" + draft + "/approval", ISSUER_TOKEN, null).statusCode())
                    .isEqualTo(200);
            awaitControlAlert();
            assertThat(webhooksFor(draft)).hasSize(1);
        }
    }

    @Test
    void aRejectedDraftSendsNothingAndCannotBeApprovedAfterwards() throws Exception {
        String incident = newIncidentId();
        String draft = AlertService.alertId(incident, 1);
        publish(assessment(incident, 1, Severity.SEVERE, zoneAroundBaikonur()).withReportedBy(AIGERIM));
        await().atMost(DEADLINE).until(() -> call("GET", "/api/v1/alerts/" + draft, ANALYST_TOKEN, null).statusCode() == 200);

        HttpResponse<String> withoutReason = call("POST", "/api/v1/alerts/" + draft + "/rejection", ISSUER_TOKEN, "{}");
        assertThat(withoutReason.statusCode()).as(withoutReason.body()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/alerts/" + draft + "/rejection", ANALYST_TOKEN,
                "{\"reason\": \"not confirmed\"}").statusCode()).isEqualTo(403);

        HttpResponse<String> rejected = call("POST", "/api/v1/alerts/" + draft + "/rejection", ISSUER_TOKEN,
                "{\"reason\": \"Not confirmed by the cosmodrome\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        JsonNode view = json(rejected);
        assertThat(view.get("status").stringValue()).isEqualTo("REJECTED");
        assertThat(view.at("/issuing/rejectedBy/name").stringValue()).isEqualTo("duty-officer");
        assertThat(view.at("/issuing/rejectionReason").stringValue()).isEqualTo("Not confirmed by the cosmodrome");
        assertThat(ids(call("GET", "/api/v1/alerts?status=REJECTED&incidentId=" + incident, ISSUER_TOKEN, null)))
                .containsExactly(draft);
        assertThat(ids(call("GET", "/api/v1/alerts?status=DRAFT&incidentId=" + incident, ISSUER_TOKEN, null))).isEmpty();

        HttpResponse<String> late = call("POST", "/api/v1/alerts/" + draft + "/approval", ISSUER_TOKEN, null);
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertThat(json(late).get("detail").stringValue()).contains("rejected");

        awaitControlAlert();
        assertThat(webhooksFor(draft)).isEmpty();
        assertThat(get("/api/v1/alerts/" + draft).statusCode()).isEqualTo(404);
    }

    @Test
    void aDraftOvertakenByARevisionIsRefusedAsStaleAndTheNewerOneCanGoOut() throws Exception {
        String incident = newIncidentId();
        String first = AlertService.alertId(incident, 1);
        String second = AlertService.alertId(incident, 2);
        publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()).withReportedBy(AIGERIM));
        publish(assessment(incident, 2, Severity.SEVERE, zoneAroundBaikonur()).withReportedBy(AIGERIM));
        await().atMost(DEADLINE).until(() -> call("GET", "/api/v1/alerts/" + second, ANALYST_TOKEN, null).statusCode() == 200);

        assertThat(json(call("GET", "/api/v1/alerts/" + first, ANALYST_TOKEN, null)).get("status").stringValue())
                .isEqualTo("SUPERSEDED");
        assertThat(ids(call("GET", "/api/v1/alerts?status=DRAFT&incidentId=" + incident, ANALYST_TOKEN, null)))
                .containsExactly(second);
        HttpResponse<String> stale = call("POST", "/api/v1/alerts/" + first + "/approval", ISSUER_TOKEN, null);
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(json(stale).get("detail").stringValue()).contains("stale").contains(second);

        HttpResponse<String> approved = call("POST", "/api/v1/alerts/" + second + "/approval", ISSUER_TOKEN, null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        // nothing went out before, so the subscribers get an Alert, not an Update of a draft they never saw
        assertThat(json(approved).get("msgType").stringValue()).isEqualTo("Alert");
        assertThat(json(approved).get("references")).isEmpty();
        await().atMost(DEADLINE).until(() -> webhooksFor(second).size() == 1);
        awaitControlAlert();
        assertThat(webhooksFor(first)).isEmpty();
    }

    @Test
    void anIssuersRevisionGoesOutAtOnceAndClosesTheAnalystsDraft() throws Exception {
        String incident = newIncidentId();
        String draft = AlertService.alertId(incident, 1);
        String issued = AlertService.alertId(incident, 2);
        publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()).withReportedBy(AIGERIM));
        publish(assessment(incident, 2, Severity.EXTREME, zoneAroundBaikonur()).withReportedBy(DUTY_OFFICER));

        await().atMost(DEADLINE).until(() -> webhooksFor(issued).size() == 1);
        JsonNode view = json(call("GET", "/api/v1/alerts/" + issued, ANALYST_TOKEN, null));
        assertThat(view.get("msgType").stringValue()).isEqualTo("Alert");
        assertThat(view.at("/issuing/issuedAtOnce").booleanValue()).isTrue();
        assertThat(view.at("/issuing/reportedBy/name").stringValue()).isEqualTo("duty-officer");
        assertThat(view.at("/issuing/approvedBy").isMissingNode()).isTrue();
        assertThat(json(get("/api/v1/alerts/" + issued)).has("issuing")).isFalse();

        HttpResponse<String> stale = call("POST", "/api/v1/alerts/" + draft + "/approval", ISSUER_TOKEN, null);
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(json(stale).get("detail").stringValue()).contains(issued);
        HttpResponse<String> notADraft = call("POST", "/api/v1/alerts/" + issued + "/approval", ISSUER_TOKEN, null);
        assertThat(notADraft.statusCode()).as(notADraft.body()).isEqualTo(409);
        awaitControlAlert();
        assertThat(webhooksFor(draft)).isEmpty();
    }

    @Test
    void retractingAnIncidentThatOnlyHadADraftSendsNothingAndClosesTheDraft() throws Exception {
        String incident = newIncidentId();
        String draft = AlertService.alertId(incident, 1);
        publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()).withReportedBy(AIGERIM));
        publish(new AssessmentWithdrawn(incident, 2, Instant.now(), "duplicate report", List.of(incident + ":1"),
                AIGERIM));
        await().atMost(DEADLINE).until(() -> "WITHDRAWN".equals(json(call("GET", "/api/v1/alerts/" + draft,
                ANALYST_TOKEN, null)).path("status").asString()));

        awaitControlAlert();
        assertThat(council.requests()).noneMatch(r -> r.header("webhook-id").startsWith(draft + ":")
                || JSON.readTree(r.body()).get("type").stringValue().equals("alert.cancelled"));
        assertThat(ids(call("GET", "/api/v1/alerts?incidentId=" + incident, ISSUER_TOKEN, null))).isEmpty();
        HttpResponse<String> refused = call("POST", "/api/v1/alerts/" + draft + "/approval", ISSUER_TOKEN, null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json(refused).get("detail").stringValue()).contains("retracted");
    }

    @Test
    void anAssessmentWithoutAReporterIsIssuedAtOnceAsBeforeTheWorkflow() throws Exception {
        String incident = newIncidentId();
        String alert = AlertService.alertId(incident, 1);
        IncidentAssessed old = assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur());
        assertThat(old.reportedBy()).isNull();
        publish(old);

        await().atMost(DEADLINE).until(() -> webhooksFor(alert).size() == 1);
        JsonNode view = json(call("GET", "/api/v1/alerts/" + alert, ANALYST_TOKEN, null));
        assertThat(view.at("/issuing/issuedAtOnce").booleanValue()).isTrue();
        assertThat(view.at("/issuing/reportedBy").isMissingNode()).isTrue();
    }

    /** An issuer's alert for another incident, published now: it reaches the council after everything before it. */
    private void awaitControlAlert() throws Exception {
        String control = newIncidentId();
        publish(assessment(control, 1, Severity.EXTREME, zoneAroundBaikonur()).withReportedBy(DUTY_OFFICER));
        String controlAlert = AlertService.alertId(control, 1);
        await().atMost(DEADLINE).until(() -> !webhooksFor(controlAlert).isEmpty());
    }

    private List<WebhookReceiver.Request> webhooksFor(String alertId) {
        return council.requestsWithId(alertId + ":" + councilSubscription);
    }

    private Alert capAsStaff(String alertId) throws Exception {
        HttpResponse<String> response = call("GET", "/api/v1/alerts/" + alertId + "/cap", ANALYST_TOKEN, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return CapXml.get().read(response.body());
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).valueStream().map(a -> a.get("id").stringValue()).toList();
    }

    private HttpResponse<String> call(String method, String path, String authorization, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, UTF_8));
        if (json != null) {
            request.header("content-type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return send(request);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }
}

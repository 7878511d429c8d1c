package org.steppewatch.notification.notice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.ResultJudged;
import org.steppewatch.contracts.ResultJudged.LimitComparison;
import org.steppewatch.contracts.ResultJudged.NoticeRating;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.Topics;
import org.steppewatch.notification.IntegrationTest;
import org.steppewatch.notification.WebhookReceiver;
import org.steppewatch.notification.cap.CapSchema;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import tools.jackson.databind.JsonNode;

/**
 * A result judged above a limit (ResultJudged with a notice, as analysis-service publishes it on findings.v1) becomes
 * one CAP notice, delivered through the delivery engine to the subscriptions to notices near it, and to no other.
 */
class NoticeFlowTest extends IntegrationTest {

    private static final String CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final double NURA_LON = Findings.NURA_LON;
    private static final double NURA_LAT = Findings.NURA_LAT;
    /** Baikonur town in the settlement catalogue (63.31667 E, 45.61667 N). */
    private static final double BAIKONUR_LON = 63.31667;
    private static final double BAIKONUR_LAT = 45.61667;

    /**
     * Kilometres per degree of longitude at {@code lat}, on a sphere of 6371 km (2π·6371/360 = 111.19 km per degree
     * at the equator): enough for the margins of several kilometres used here.
     */
    private static double kmPerDegreeLon(double lat) {
        return 111.19 * Math.cos(Math.toRadians(lat));
    }

    private static Map<String, Object> circle(double lon, double lat, double radiusKm) {
        return Map.of("point", Map.of("type", "Point", "coordinates", List.of(lon, lat)), "radiusKm", radiusKm);
    }

    private Map<String, Object> subscription(String name, Map<String, Object> area, String url, List<String> kinds) {
        Map<String, Object> body = webhookSubscription(name, area, url, null, "ru", null);
        if (kinds != null) {
            body.put("kinds", kinds);
        }
        return body;
    }

    /** The notice of the site once it is listed (the site is the test's own, so it has at most one notice). */
    private JsonNode noticeOfSite(String siteId) {
        return await().atMost(DEADLINE).until(() -> {
            JsonNode page = json(get("/api/v1/notices?siteId=" + siteId));
            return page.get("total").asLong() >= 1 ? page.get("items").get(0) : null;
        }, n -> n != null);
    }

    @Test
    void aNoticeSubscriptionNearTheResultGetsASignedNoticeIssuedWebhookAndAlertOnlyOrFarAwayOnesDoNot() throws Exception {
        try (WebhookReceiver near = WebhookReceiver.start(); WebhookReceiver alertOnly = WebhookReceiver.start();
             WebhookReceiver far = WebhookReceiver.start()) {
            // 0.1 degree east of the result: 7.1 km, so its 3 km circle comes within 4.1 km (< 10 km)
            JsonNode nearSub = subscribe(subscription("Temirtau households", circle(NURA_LON + 0.1, NURA_LAT, 3),
                    near.url(), List.of("ALERT", "NOTICE")));
            subscribe(subscription("Temirtau alerts only", circle(NURA_LON + 0.1, NURA_LAT, 3), alertOnly.url(), null));
            // 0.45 degree east: 32 km, so its 3 km circle stays 29 km away (> 10 km)
            subscribe(subscription("Karaganda", circle(NURA_LON + 0.45, NURA_LAT, 3), far.url(), List.of("NOTICE")));
            String siteId = Findings.newSiteId();
            String resultId = Findings.newResultId();

            publish(Findings.mercury(resultId, siteId, NURA_LON, NURA_LAT, "HG", "water"));

            JsonNode notice = noticeOfSite(siteId);
            String noticeId = notice.get("id").stringValue();
            assertThat(notice.get("resultId").stringValue()).isEqualTo(resultId);
            assertThat(notice.get("location").get("coordinates").get(0).asDouble()).isEqualTo(NURA_LON);
            assertThat(notice.get("category").stringValue()).isEqualTo("Env");
            // the open-data view of a row (columns, geometry) is not part of the JSON
            assertThat(notice.has("columns")).isFalse();
            assertThat(notice.has("geometry")).isFalse();
            WebhookReceiver.Request request = await().atMost(DEADLINE).until(() -> near.requests(), r -> !r.isEmpty()).get(0);
            assertThat(signatureValid(request, nearSub.get("channel").get("secret").stringValue())).isTrue();
            assertThat(request.header("webhook-id")).isEqualTo(noticeId + ":" + nearSub.get("id").stringValue());
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.get("type").stringValue()).isEqualTo("notice.issued");
            JsonNode data = body.get("data");
            assertThat(data.get("id").stringValue()).isEqualTo(noticeId);
            assertThat(data.get("resultId").stringValue()).isEqualTo(resultId);
            assertThat(data.get("language").stringValue()).isEqualTo("ru");
            assertThat(data.get("unsubscribeUrl").stringValue()).startsWith(PUBLIC_BASE + "/api/v1/subscriptions/");

            String cap = data.get("cap").stringValue();
            HttpResponse<String> served = get("/api/v1/notices/" + noticeId + "/cap");
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("content-type").orElseThrow()).startsWith("application/cap+xml");
            assertThat(served.body()).isEqualTo(cap);
            CapSchema.assertValid(cap);
            Document doc = parse(cap);
            assertThat(text(doc.getDocumentElement(), "msgType")).isEqualTo("Alert");
            assertThat(text(doc.getDocumentElement(), "status")).isEqualTo("Actual");
            NodeList infos = doc.getElementsByTagNameNS(CAP_NS, "info");
            assertThat(infos.getLength()).isEqualTo(3);
            List<String> languages = new ArrayList<>();
            for (int i = 0; i < infos.getLength(); i++) {
                Element info = (Element) infos.item(i);
                languages.add(text(info, "language"));
                assertThat(text(info, "category")).isEqualTo("Env");
                assertThat(text(info, "urgency")).isEqualTo("Future");
                assertThat(text(info, "certainty")).isEqualTo("Observed");
                assertThat(text(info, "severity")).isEqualTo("Moderate");
                assertThat(text(info, "headline")).contains("12.5");
            }
            assertThat(languages).containsExactly("kk", "ru", "en");
            // signed like alerts: one enveloped XML-DSig signature, last in the document
            assertThat(doc.getElementsByTagNameNS(DSIG, "Signature").getLength()).isEqualTo(1);

            // the alert-only and the far subscription get nothing: checked once the near one had its delivery recorded
            await().atMost(DEADLINE).until(() -> json(get("/api/v1/notices/" + noticeId)).path("deliveries").path("SENT")
                    .asLong() == 1);
            assertThat(alertOnly.requests()).isEmpty();
            assertThat(far.requests()).isEmpty();
            assertThat(json(get("/api/v1/notices/" + noticeId)).get("recipients").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aSettlementSubscriptionCountsAsADiscAroundItsPoint() throws Exception {
        try (WebhookReceiver settlement = WebhookReceiver.start(); WebhookReceiver smallCircle = WebhookReceiver.start()) {
            // 12 km east of Baikonur: beyond 10 km of the town's point, within 5 + 10 km of it
            double lon = BAIKONUR_LON + 12 / kmPerDegreeLon(BAIKONUR_LAT);
            subscribe(subscription("Baikonur akimat", Map.of("settlementId", BAIKONUR), settlement.url(), List.of("NOTICE")));
            subscribe(subscription("Baikonur centre", circle(BAIKONUR_LON, BAIKONUR_LAT, 0.5), smallCircle.url(),
                    List.of("NOTICE")));
            String siteId = Findings.newSiteId();

            publish(Findings.mercury(Findings.newResultId(), siteId, lon, BAIKONUR_LAT, "HG", "water"));

            String noticeId = noticeOfSite(siteId).get("id").stringValue();
            await().atMost(DEADLINE).until(() -> settlement.requests().size() == 1);
            await().atMost(DEADLINE).until(() -> json(get("/api/v1/notices/" + noticeId)).path("deliveries").path("SENT")
                    .asLong() == 1);
            assertThat(smallCircle.requests()).isEmpty();
        }
    }

    @Test
    void theSameResultJudgedTwiceIssuesOneNoticeAndOneDelivery() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start();
             KafkaConsumer<String, String> notices = consumer(Topics.NOTICES)) {
            subscribe(subscription("Temirtau school", circle(NURA_LON, NURA_LAT, 2), receiver.url(), List.of("NOTICE")));
            String siteId = Findings.newSiteId();
            String markerSite = Findings.newSiteId();
            ResultJudged judged = Findings.mercury(Findings.newResultId(), siteId, NURA_LON, NURA_LAT, "HG", "water");

            publish(judged);
            publish(judged);
            // consumed after both (same partition, in order): once its notice is delivered, both were handled
            publish(Findings.mercury(Findings.newResultId(), markerSite, NURA_LON, NURA_LAT, "HG", "water"));

            String markerId = noticeOfSite(markerSite).get("id").stringValue();
            String noticeId = noticeOfSite(siteId).get("id").stringValue();
            await().atMost(DEADLINE).until(() -> receiver.requests().stream()
                    .anyMatch(r -> r.header("webhook-id").startsWith(markerId + ":")));
            assertThat(json(get("/api/v1/notices?siteId=" + siteId)).get("total").asLong()).isEqualTo(1);
            await().atMost(DEADLINE).until(() -> json(get("/api/v1/notices/" + noticeId)).path("deliveries")
                    .path("SENT").asLong() == 1);
            assertThat(json(get("/api/v1/notices/" + noticeId)).get("deliveries").size()).isEqualTo(1);
            assertThat(receiver.requests().stream().filter(r -> r.header("webhook-id").startsWith(noticeId + ":")))
                    .hasSize(1);

            // one NoticeIssued on notices.v1, keyed by the site; read until the marker's (written later) is there too
            List<ConsumerRecord<String, String>> issued = new ArrayList<>();
            List<ConsumerRecord<String, String>> marker = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> {
                notices.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (siteId.equals(r.key())) {
                        issued.add(r);
                    } else if (markerSite.equals(r.key())) {
                        marker.add(r);
                    }
                });
                return !marker.isEmpty() && !issued.isEmpty();
            });
            assertThat(issued).hasSize(1);
            assertThat(header(issued.get(0), EventHeaders.TYPE)).isEqualTo(EventTypes.NOTICE_ISSUED);
            JsonNode event = JSON.readTree(issued.get(0).value());
            assertThat(event.get("noticeId").stringValue()).isEqualTo(noticeId);
            assertThat(event.get("severity").stringValue()).isEqualTo("Moderate");
            assertThat(event.get("subscribers").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aFailingReceiverIsRetriedUnderTheSameWebhookIdUntilItTakesTheNotice() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().thenAnswer(500, 503)) {
            subscribe(subscription("Nura fishers", circle(NURA_LON, NURA_LAT, 2), receiver.url(), List.of("NOTICE")));
            String siteId = Findings.newSiteId();

            publish(Findings.mercuryInTheNura(siteId));

            String noticeId = noticeOfSite(siteId).get("id").stringValue();
            await().atMost(DEADLINE).until(() -> json(get("/api/v1/notices/" + noticeId)).path("deliveries").path("SENT")
                    .asLong() == 1);
            List<WebhookReceiver.Request> requests = receiver.requests();
            assertThat(requests).hasSize(3);
            assertThat(requests.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(1);
            JsonNode deliveries = json(getAsIssuer("/api/v1/notices/" + noticeId + "/deliveries"));
            assertThat(deliveries.size()).isEqualTo(1);
            assertThat(deliveries.get(0).get("kind").stringValue()).isEqualTo("notice");
            List<String> outcomes = new ArrayList<>();
            deliveries.get(0).get("attempts").forEach(a -> outcomes.add(a.get("outcome").stringValue()));
            assertThat(outcomes).containsExactly("http_error", "http_error", "success");
        }
    }

    @Test
    void aReceiverThatNeverTakesTheNoticeIsGivenUpAfterTheRoundAndAnnouncedAsExhausted() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().byDefaultAnswer(500);
             KafkaConsumer<String, String> operations = consumer(Topics.OPERATIONS)) {
            JsonNode sub = subscribe(subscription("Nura farm", circle(NURA_LON, NURA_LAT, 2), receiver.url(),
                    List.of("NOTICE")));
            String siteId = Findings.newSiteId();

            publish(Findings.mercuryInTheNura(siteId));

            String noticeId = noticeOfSite(siteId).get("id").stringValue();
            await().atMost(DEADLINE).until(() -> json(get("/api/v1/notices/" + noticeId)).path("deliveries")
                    .path("FAILED").asLong() == 1);
            // eight attempts: the whole round of the retry schedule (RETRY_SCHEDULE has eight waits)
            assertThat(receiver.requests()).hasSize(8);
            String subscriptionId = sub.get("id").stringValue();
            List<ConsumerRecord<String, String>> exhausted = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> pollKey(operations, subscriptionId, exhausted).stream()
                    .anyMatch(r -> EventTypes.DELIVERY_EXHAUSTED.equals(header(r, EventHeaders.TYPE))));
            JsonNode event = JSON.readTree(exhausted.stream()
                    .filter(r -> EventTypes.DELIVERY_EXHAUSTED.equals(header(r, EventHeaders.TYPE))).findFirst()
                    .orElseThrow().value());
            assertThat(event.get("deliveryId").stringValue()).isEqualTo(noticeId + ":" + subscriptionId);
            assertThat(event.get("attempts").asInt()).isEqualTo(8);
        }
    }

    @Test
    void hostileTextInSubstanceMediumAndSiteIsEscapedAndTheCapStillValidates() throws Exception {
        String substance = "<script>alert(1)</script>&amp;";
        String medium = "water\"]]><x y='1'>";
        String siteId = "KZ-<b>" + UUID.randomUUID() + "</b>&";
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            subscribe(subscription("Nura", circle(NURA_LON, NURA_LAT, 2), receiver.url(), List.of("NOTICE")));

            publish(Findings.mercury(Findings.newResultId(), siteId, NURA_LON, NURA_LAT, substance, medium));

            JsonNode notice = await().atMost(DEADLINE).until(() -> {
                JsonNode page = json(get("/api/v1/notices?siteId=" + java.net.URLEncoder.encode(siteId, UTF_8)));
                return page.get("total").asLong() == 1 ? page.get("items").get(0) : null;
            }, n -> n != null);
            assertThat(notice.get("substance").stringValue()).isEqualTo(substance);
            String cap = get("/api/v1/notices/" + notice.get("id").stringValue() + "/cap").body();
            CapSchema.assertValid(cap);
            assertThat(cap).doesNotContain("<script>").doesNotContain("<b>").doesNotContain("<x y=")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;");
            // what a CAP reader gets back is the text as it was sent
            Document doc = parse(cap);
            Element en = (Element) doc.getElementsByTagNameNS(CAP_NS, "info").item(2);
            assertThat(text(en, "headline")).contains(substance).contains(medium);
            assertThat(text(en, "description")).contains(siteId);
            await().atMost(DEADLINE).until(() -> receiver.requests().size() == 1);
            CapSchema.assertValid(JSON.readTree(receiver.requests().get(0).body()).get("data").get("cap").stringValue());
        }
    }

    @Test
    void aResultWithoutANoticeAndOtherFindingsIssueNothing() throws Exception {
        String siteId = Findings.newSiteId();
        ResultJudged within = new ResultJudged(Findings.newResultId(), siteId, Geo.point(NURA_LON, NURA_LAT), "HG", "water",
                null, null, List.of(), null, List.of(), "sha256:test", Instant.now());
        String markerSite = Findings.newSiteId();

        publish(within);
        publish(Findings.mercury(Findings.newResultId(), markerSite, NURA_LON, NURA_LAT, "HG", "water"));

        noticeOfSite(markerSite);
        assertThat(json(get("/api/v1/notices?siteId=" + siteId)).get("total").asLong()).isZero();
    }

    @Test
    void aResultSampledLongAgoOrOnAnUnknownDayIsNoNewsAndIssuesNoNotice() throws Exception {
        // the shipped literature values: the Nura's 348 ng/L of 2005, a published multiple of an MPC without a date
        String siteId = Findings.newSiteId();
        ResultJudged mercury = Findings.mercury(Findings.newResultId(), siteId, NURA_LON, NURA_LAT, "HG", "water");
        ResultJudged of2005 = new ResultJudged(Findings.newResultId(), siteId, mercury.location(), "HG", "water",
                LocalDate.of(2005, 1, 1), LocalDate.of(2005, 12, 31), mercury.comparisons(), mercury.notice(), List.of(),
                "sha256:test", Instant.now());
        ResultJudged undated = new ResultJudged(Findings.newResultId(), siteId, mercury.location(), "HG", "water", null,
                null, mercury.comparisons(), mercury.notice(), List.of(), "sha256:test", Instant.now());
        String markerSite = Findings.newSiteId();

        publish(of2005);
        publish(undated);
        publish(Findings.mercury(Findings.newResultId(), markerSite, NURA_LON, NURA_LAT, "HG", "water"));

        noticeOfSite(markerSite);
        assertThat(json(get("/api/v1/notices?siteId=" + siteId)).get("total").asLong()).isZero();
    }

    @Test
    void aResultSampledAYearAgoToTheDayIsStillCurrentAndADayMoreIsNot() {
        ResultJudged mercury = Findings.mercury("r", "s", NURA_LON, NURA_LAT, "HG", "water");
        LocalDate today = LocalDate.of(2026, 12, 1);
        ResultJudged yearAgo = new ResultJudged("r", "s", mercury.location(), "HG", "water", LocalDate.of(2025, 11, 1),
                LocalDate.of(2025, 12, 1), mercury.comparisons(), mercury.notice(), List.of(), "sha256:test", Instant.now());
        ResultJudged dayMore = new ResultJudged("r", "s", mercury.location(), "HG", "water", LocalDate.of(2025, 11, 30),
                LocalDate.of(2025, 11, 30), mercury.comparisons(), mercury.notice(), List.of(), "sha256:test", Instant.now());

        assertThat(NoticeService.current(yearAgo, today, 365)).isTrue();
        assertThat(NoticeService.current(dayMore, today, 365)).isFalse();
    }

    @Test
    void theNoticesFeedListsTheNoticeWithItsCapLink() throws Exception {
        String siteId = Findings.newSiteId();
        publish(Findings.mercury(Findings.newResultId(), siteId, NURA_LON, NURA_LAT, "HG", "water"));
        String noticeId = noticeOfSite(siteId).get("id").stringValue();

        HttpResponse<String> feed = get("/feeds/notices.atom?lang=kk");

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("content-type").orElseThrow()).startsWith("application/atom+xml");
        Document atom = parse(feed.body());
        NodeList ids = atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id");
        List<String> entryIds = new ArrayList<>();
        for (int i = 0; i < ids.getLength(); i++) {
            entryIds.add(ids.item(i).getTextContent());
        }
        assertThat(entryIds).contains("urn:uuid:" + noticeId);
        assertThat(feed.body()).contains(PUBLIC_BASE + "/api/v1/notices/" + noticeId + "/cap")
                // the Kazakh headline ("... нормативтен 12.5 есе жоғары")
                .contains("нормативтен 12.5 есе жоғары");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(UTF_8)));
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(CAP_NS, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}

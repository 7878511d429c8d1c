package org.steppewatch.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.springframework.web.ErrorResponseException;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.egress.WebhookProperties;
import org.steppewatch.notification.egress.WebhookTargets;
import org.steppewatch.notification.reference.CurrentSettlements;
import org.steppewatch.web.FieldProblem;

import tools.jackson.databind.JsonNode;

class SubscriptionValidatorTest {

    /** Every host resolves to a public address (93.184.215.14, example.com's); nothing is ever sent to it. */
    private static final SubscriptionValidator VALIDATOR = new SubscriptionValidator(new CurrentSettlements(),
            new WebhookTargets(new WebhookProperties(List.of()),
                    host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14})}));
    private static final SubscriptionRequest.Channel WEBHOOK =
            new SubscriptionRequest.Channel("webhook", "https://example.org/hook", null, null);

    private static JsonNode area(String json) {
        return EventJson.mapper().readTree(json);
    }

    private static SubscriptionRequest request(JsonNode area) {
        return new SubscriptionRequest("Baikonur council", area, WEBHOOK, "kk", null);
    }

    @SuppressWarnings("unchecked")
    private static List<FieldProblem> problems(SubscriptionRequest request) {
        ErrorResponseException e = catchThrowableOfType(ErrorResponseException.class, () -> VALIDATOR.validate(request));
        assertThat(e).as("expected a 400").isNotNull();
        assertThat(e.getStatusCode().value()).isEqualTo(400);
        return (List<FieldProblem>) e.getBody().getProperties().get("errors");
    }

    @Test
    void settlementAreaBecomesThePointOfThatSettlementAndSeverityDefaultsToMinor() {
        SubscriptionValidator.Valid valid = VALIDATOR.validate(request(area("{\"settlementId\": \"gn:1521368\"}")));
        Point point = (Point) valid.area().matchGeometry();
        assertThat(point.getX()).isBetween(63.2, 63.4);
        assertThat(point.getY()).isBetween(45.5, 45.7);
        assertThat(valid.minSeverity()).isEqualTo(Severity.MINOR);
        assertThat(valid.secret()).isNull();
    }

    @Test
    void aNameWithControlCharactersOrALineBreakIsRefused() {
        assertThat(problems(new SubscriptionRequest("Baikonur\u202Ecouncil", area("{\"settlementId\": \"gn:1521368\"}"),
                WEBHOOK, "kk", null))).containsExactly(
                        new FieldProblem("name", "contains the control character U+202E at position 8"));
        assertThat(problems(new SubscriptionRequest("Baikonur\ncouncil", area("{\"settlementId\": \"gn:1521368\"}"),
                WEBHOOK, "kk", null))).containsExactly(
                        new FieldProblem("name", "must be one line: contains a line break at position 8"));
    }

    @Test
    void anAreaWithAFieldItsShapeDoesNotHaveIsRefusedNamingIt() {
        assertThat(problems(request(area("{\"settlementId\": \"gn:1521368\", \"radius\": 10}")))).containsExactly(
                new FieldProblem("area.radius", "unknown field 'radius'; known fields: settlementId"));
        assertThat(problems(request(area(
                "{\"point\": {\"type\": \"Point\", \"coordinates\": [63.3, 45.6]}, \"radiusKm\": 25, \"unit\": \"mi\"}"))))
                .containsExactly(new FieldProblem("area.unit", "unknown field 'unit'; known fields: point, radiusKm"));
    }

    @Test
    void anAreaOverTenThousandVerticesIsRefused() {
        StringBuilder ring = new StringBuilder("[");
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / n;
            ring.append('[').append(63.3 + 0.2 * Math.cos(angle)).append(',').append(45.6 + 0.2 * Math.sin(angle)).append("],");
        }
        ring.append("[63.5,45.6]]");
        // 10,000 points and the closing one
        assertThat(problems(request(area("{\"type\": \"Polygon\", \"coordinates\": [" + ring + "]}"))))
                .containsExactly(new FieldProblem("area", "has 10001 vertices; at most 10000 are accepted"));
    }

    @Test
    void pointAndRadiusBecomeAGeodesicCircle() {
        SubscriptionValidator.Valid valid = VALIDATOR.validate(request(
                area("{\"point\": {\"type\": \"Point\", \"coordinates\": [63.3, 45.6]}, \"radiusKm\": 25}")));
        Polygon circle = (Polygon) valid.area().matchGeometry();
        // 25 km is about 0.225° of latitude
        assertThat(circle.getEnvelopeInternal().getHeight()).isBetween(0.44, 0.46);
        assertThat(circle.getNumPoints()).isEqualTo(Area.CIRCLE_SEGMENTS + 1);
    }

    @Test
    void unknownSettlementIdIsAFieldError() {
        assertThat(problems(request(area("{\"settlementId\": \"gn:0\"}"))))
                .extracting(FieldProblem::field).containsExactly("area.settlementId");
    }

    @Test
    void selfIntersectingPolygonIsAFieldError() {
        List<FieldProblem> problems = problems(request(area(
                "{\"type\": \"Polygon\", \"coordinates\": [[[63,45],[64,46],[64,45],[63,46],[63,45]]]}")));
        assertThat(problems).extracting(FieldProblem::field).containsExactly("area");
        assertThat(problems.get(0).message()).containsIgnoringCase("self-intersection");
    }

    @Test
    void radiusMustBeAboveZeroAndAtMost500Km() {
        String point = "\"point\": {\"type\": \"Point\", \"coordinates\": [63.3, 45.6]}";
        assertThat(problems(request(area("{" + point + ", \"radiusKm\": 0}"))))
                .extracting(FieldProblem::field).containsExactly("area.radiusKm");
        assertThat(problems(request(area("{" + point + ", \"radiusKm\": 500.1}"))))
                .extracting(FieldProblem::field).containsExactly("area.radiusKm");
        assertThat(VALIDATOR.validate(request(area("{" + point + ", \"radiusKm\": 500}"))).area())
                .isInstanceOf(Area.CircleArea.class);
        // beyond the range of a double: a field problem, not a server error (found by the hostile-input suite)
        assertThat(problems(request(area("{" + point + ", \"radiusKm\": 1" + "0".repeat(400) + "}"))))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("area.radiusKm");
                    assertThat(p.message()).contains("at most 500 km");
                });
    }

    @Test
    void aLinestringIsNotAnArea() {
        assertThat(problems(request(area("{\"type\": \"LineString\", \"coordinates\": [[63,45],[64,46]]}"))))
                .extracting(FieldProblem::field).containsExactly("area");
    }

    @Test
    void webhookUrlMustBeHttpOrHttps() {
        for (String url : List.of("ftp://example.org/hook", "not a url", "https:///nohost", "mailto:a@b.kz")) {
            SubscriptionRequest request = new SubscriptionRequest("x", area("{\"settlementId\": \"gn:1521368\"}"),
                    new SubscriptionRequest.Channel("webhook", url, null, null), "ru", null);
            assertThat(problems(request)).as(url).extracting(FieldProblem::field).containsExactly("channel.url");
        }
    }

    @Test
    void secretMustBeAStandardWebhooksSecret() {
        for (String secret : List.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_not*base64", "whsec_c2hvcnQ=")) {
            SubscriptionRequest request = new SubscriptionRequest("x", area("{\"settlementId\": \"gn:1521368\"}"),
                    new SubscriptionRequest.Channel("webhook", "https://example.org", secret, null), "ru", null);
            assertThat(problems(request)).as(secret).extracting(FieldProblem::field).containsExactly("channel.secret");
        }
    }

    @Test
    void anEmailChannelNeedsOnePlainAddressAndNothingElse() {
        SubscriptionRequest ok = new SubscriptionRequest("x", area("{\"settlementId\": \"gn:1521368\"}"),
                new SubscriptionRequest.Channel("email", null, null, " akim@baikonur.kz "), "ru", null);
        SubscriptionValidator.Valid valid = VALIDATOR.validate(ok);
        assertThat(valid.channelType()).isEqualTo("email");
        assertThat(valid.address()).isEqualTo("akim@baikonur.kz");
        assertThat(valid.url()).isNull();
        for (String bad : List.of("akim", "akim@", "a@b@c.kz", "Akim <akim@baikonur.kz>", "a b@c.kz", "a@b.kz, c@d.kz")) {
            SubscriptionRequest request = new SubscriptionRequest("x", area("{\"settlementId\": \"gn:1521368\"}"),
                    new SubscriptionRequest.Channel("email", null, null, bad), "ru", null);
            assertThat(problems(request)).as(bad).extracting(FieldProblem::field).containsExactly("channel.address");
        }
        SubscriptionRequest withUrl = new SubscriptionRequest("x", area("{\"settlementId\": \"gn:1521368\"}"),
                new SubscriptionRequest.Channel("email", "https://example.org", null, "akim@baikonur.kz"), "ru", null);
        assertThat(problems(withUrl)).extracting(FieldProblem::field).containsExactly("channel");
    }

    @Test
    void languageAndSeverityComeFromFixedLists() {
        SubscriptionRequest request = new SubscriptionRequest("x", area("{\"settlementId\": \"gn:1521368\"}"), WEBHOOK,
                "de", "Unknown");
        assertThat(problems(request)).extracting(FieldProblem::field).containsExactly("language", "minSeverity");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        SubscriptionRequest request = new SubscriptionRequest(" ", null, null, null, null);
        assertThat(problems(request)).extracting(FieldProblem::field)
                .containsExactly("name", "area", "channel", "language");
    }

    @Test
    void nameIsLimitedTo200Characters() {
        SubscriptionRequest request = new SubscriptionRequest("n".repeat(201), area("{\"settlementId\": \"gn:1521368\"}"),
                WEBHOOK, "en", null);
        assertThat(problems(request)).extracting(FieldProblem::field).containsExactly("name");
    }

    @Test
    void anAreaMustHaveExactlyOneShape() {
        assertThat(problems(request(area("{\"settlementId\": \"gn:1521368\", \"radiusKm\": 5}"))))
                .extracting(FieldProblem::field).containsExactly("area");
        assertThat(problems(request(area("{}")))).extracting(FieldProblem::field).containsExactly("area");
    }
}

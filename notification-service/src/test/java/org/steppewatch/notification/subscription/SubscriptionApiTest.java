package org.steppewatch.notification.subscription;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.steppewatch.notification.IntegrationTest;

import tools.jackson.databind.JsonNode;

class SubscriptionApiTest extends IntegrationTest {

    private static final String HOOK = "https://baikonur.example.kz/hooks/steppewatch";

    @Autowired
    MongoTemplate mongo;

    @Test
    void createsASubscriptionAndShowsTheGeneratedSecretAndManageTokenOnlyOnce() throws Exception {
        HttpResponse<String> response = postJson("/api/v1/subscriptions", JSON.writeValueAsString(
                webhookSubscription("Baikonur town council", Map.of("settlementId", BAIKONUR), HOOK, null, "kk", null)));
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode created = json(response);
        String id = created.get("id").stringValue();
        String token = created.get("manageToken").stringValue();
        assertThat(response.headers().firstValue("location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/subscriptions/" + id));
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        String secret = created.at("/channel/secret").stringValue();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(24);
        assertThat(created.at("/area/settlementId").stringValue()).isEqualTo(BAIKONUR);
        assertThat(created.get("minSeverity").stringValue()).isEqualTo("Minor");
        assertThat(created.get("language").stringValue()).isEqualTo("kk");

        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/v1/subscriptions/" + id))
                .header("X-Manage-Token", token).GET());
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode shown = json(read);
        assertThat(shown.get("name").stringValue()).isEqualTo("Baikonur town council");
        assertThat(shown.at("/channel/url").stringValue()).isEqualTo(HOOK);
        assertThat(shown.get("channel").has("secret")).isFalse();
        assertThat(shown.has("manageToken")).isFalse();
        assertThat(shown.get("createdAt").stringValue()).isEqualTo(created.get("createdAt").stringValue());

        // only the token's hash is stored, and the secret encrypted: neither is in the raw document
        var stored = mongo.findById(id, org.bson.Document.class, "subscriptions");
        assertThat(stored.toJson()).doesNotContain(token).doesNotContain(secret)
                .doesNotContain(secret.substring("whsec_".length()));
        assertThat(stored.getString("manageTokenHash")).hasSize(64);
        assertThat(stored.get("channel", org.bson.Document.class).getString("secret")).startsWith("enc1:");

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(uri("/api/v1/subscriptions/" + id))
                .header("X-Manage-Token", token).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/subscriptions/" + id)).header("X-Manage-Token", token).GET())
                .statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/subscriptions/" + id)).header("X-Manage-Token", token).DELETE())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aSecretTheSubscriberChoseIsNeverEchoed() throws Exception {
        JsonNode created = subscribe(webhookSubscription("Toretam", Map.of("settlementId", BAIKONUR), HOOK,
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "ru", "Severe"));
        assertThat(created.get("channel").has("secret")).isFalse();
        assertThat(created.get("minSeverity").stringValue()).isEqualTo("Severe");
    }

    @Test
    void polygonAndPointWithRadiusAreasAreAccepted() throws Exception {
        JsonNode polygon = subscribe(webhookSubscription("Ulytau herders", Map.of("type", "Polygon", "coordinates",
                List.of(List.of(List.of(66.0, 47.0), List.of(67.0, 47.0), List.of(67.0, 48.0), List.of(66.0, 47.0)))),
                HOOK, null, "kk", null));
        assertThat(polygon.at("/area/type").stringValue()).isEqualTo("Polygon");
        JsonNode circle = subscribe(webhookSubscription("Karaganda museum", Map.of("point",
                Map.of("type", "Point", "coordinates", List.of(73.1, 49.8)), "radiusKm", 25), HOOK, null, "en", "Moderate"));
        assertThat(circle.at("/area/radiusKm").asDouble()).isEqualTo(25.0);
        assertThat(circle.at("/area/point/type").stringValue()).isEqualTo("Point");
    }

    @Test
    void readingOrDeletingNeedsTheRightManageToken() throws Exception {
        JsonNode created = subscribe(webhookSubscription("Akai", Map.of("settlementId", BAIKONUR), HOOK, null, "kk", null));
        String path = "/api/v1/subscriptions/" + created.get("id").stringValue();

        HttpResponse<String> missing = get(path);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertProblem(missing);
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri(path)).header("X-Manage-Token", "not-the-token").GET());
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertProblem(wrong);
        HttpResponse<String> wrongDelete = send(HttpRequest.newBuilder(uri(path)).header("X-Manage-Token", "nope").DELETE());
        assertThat(wrongDelete.statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(uri(path)).DELETE()).statusCode()).isEqualTo(401);
        // still there
        assertThat(send(HttpRequest.newBuilder(uri(path)).header("X-Manage-Token", created.get("manageToken").stringValue())
                .GET()).statusCode()).isEqualTo(200);

        HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/api/v1/subscriptions/no-such-id"))
                .header("X-Manage-Token", "whatever").GET());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertProblem(unknown);
    }

    static Stream<Arguments> invalidSubscriptions() {
        String polygon = "{\"type\": \"Polygon\", \"coordinates\": [[[63,45],[64,46],[64,45],[63,46],[63,45]]]}";
        String circle0 = "{\"point\": {\"type\": \"Point\", \"coordinates\": [63.3, 45.6]}, \"radiusKm\": 0}";
        String settlement = "{\"settlementId\": \"gn:1521368\"}";
        String hook = "{\"type\": \"webhook\", \"url\": \"https://example.org/h\"}";
        return Stream.of(
                Arguments.of("unknown settlement", body("{\"settlementId\": \"gn:42\"}", hook, "\"kk\""), "area.settlementId"),
                Arguments.of("self-intersecting polygon", body(polygon, hook, "\"kk\""), "area"),
                Arguments.of("radius 0", body(circle0, hook, "\"kk\""), "area.radiusKm"),
                Arguments.of("bad URL", body(settlement, "{\"type\": \"webhook\", \"url\": \"ftp://example.org\"}", "\"kk\""),
                        "channel.url"),
                Arguments.of("unknown language", body(settlement, hook, "\"de\""), "language"),
                Arguments.of("bad e-mail address", body(settlement, "{\"type\": \"email\", \"address\": \"a@@b\"}",
                        "\"ru\""), "channel.address"),
                Arguments.of("unknown channel", body(settlement, "{\"type\": \"sms\", \"address\": \"+7 701\"}", "\"ru\""),
                        "channel.type"),
                Arguments.of("no language", body(settlement, hook, "null"), "language"));
    }

    private static String body(String area, String channel, String language) {
        return "{\"name\": \"Test\", \"area\": " + area + ", \"channel\": " + channel + ", \"language\": " + language + "}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSubscriptions")
    void invalidSubscriptionIsA400ProblemWithFieldErrorsAndStoresNothing(String why, String body, String field)
            throws Exception {
        long before = mongo.getCollection("subscriptions").countDocuments();
        HttpResponse<String> response = postJson("/api/v1/subscriptions", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = assertProblem(response);
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly(field);
        assertThat(problem.get("errors").get(0).get("message").stringValue()).isNotBlank();
        assertThat(mongo.getCollection("subscriptions").countDocuments()).isEqualTo(before);
    }

    @Test
    void anEmailSubscriptionStartsPendingConfirmationAndShowsNoSecret() throws Exception {
        JsonNode created = subscribe(Map.of("name", "Akai school", "area", Map.of("settlementId", "gn:1521368"),
                "channel", Map.of("type", "email", "address", "school@akai.example.kz"), "language", "kk"));
        assertThat(created.get("state").stringValue()).isEqualTo("PENDING_CONFIRMATION");
        assertThat(created.at("/channel/type").stringValue()).isEqualTo("email");
        assertThat(created.at("/channel/address").stringValue()).isEqualTo("school@akai.example.kz");
        assertThat(created.at("/channel/secret").isMissingNode()).isTrue();
        assertThat(created.has("confirmToken")).isFalse();
        assertThat(created.has("unsubscribeToken")).isFalse();
    }

    @Test
    void malformedJsonIsA400ThatSaysWhere() throws Exception {
        HttpResponse<String> response = postJson("/api/v1/subscriptions", "{\"name\": \"x\", \"area\": {");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = assertProblem(response);
        assertThat(problem.get("detail").stringValue()).contains("Malformed JSON").contains("line 1");

        HttpResponse<String> wrongType = postJson("/api/v1/subscriptions", "{\"name\": [1], \"language\": \"kk\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(assertProblem(wrongType).get("detail").stringValue()).contains("'name'");
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413() throws Exception {
        long before = mongo.getCollection("subscriptions").countDocuments();
        String huge = body("{\"settlementId\": \"gn:1521368\"}", "{\"type\": \"webhook\", \"url\": \"https://e.org\"}",
                "\"kk\"").replace("\"Test\"", "\"" + "x".repeat(1_100_000) + "\"");
        HttpResponse<String> response = postJson("/api/v1/subscriptions", huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem(response);
        // sent chunked, without a Content-Length, it is cut off while reading
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri("/api/v1/subscriptions"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes(UTF_8)))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(mongo.getCollection("subscriptions").countDocuments()).isEqualTo(before);
    }

    private static JsonNode assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
        return problem;
    }
}

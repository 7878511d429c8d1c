package org.steppewatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class ProblemHandlerTest extends HttpTestBase {

    private static final String ORDER = """
            {
              "name": "fuel survey",
              "items": [
                {"code": "UDMH", "massKg": 12.5},
                {"code": "N2O4", "massKg": 3}
              ]
            }
            """;

    @Autowired
    ApplicationContext context;

    @Autowired
    AtomicInteger accepted;

    @Test
    void aValidBodyReachesTheController() {
        assertThat(post("/api/orders", ORDER).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonIsA400NamingTheLineAndColumn() {
        int before = accepted.get();
        String broken = ORDER.replace("\"fuel survey\",", "\"fuel survey\"");

        JsonNode body = problem(post("/api/orders", broken), 400);

        assertThat(body.path("title").asString()).isEqualTo("Malformed JSON");
        assertThat(body.path("detail").asString()).startsWith("Malformed JSON at line 3, column 3: ")
                .contains("was expecting comma");
        assertThat(accepted.get()).isEqualTo(before);
    }

    @Test
    void aValueOfTheWrongTypeIsA400NamingTheFieldPath() {
        String wrong = ORDER.replace("\"massKg\": 3", "\"massKg\": \"a lot\"");

        JsonNode body = problem(post("/api/orders", wrong), 400);

        assertThat(body.path("title").asString()).isEqualTo("Invalid request body");
        assertThat(body.path("detail").asString()).startsWith("Invalid value for 'items[1].massKg' at line 5, column ")
                .contains("a lot");
        assertThat(body.path("errors")).hasSize(1);
        assertThat(body.path("errors").get(0).path("field").asString()).isEqualTo("items[1].massKg");
        assertThat(body.path("errors").get(0).path("message").asString()).contains("a lot");
    }

    @Test
    void anUnknownFieldIsA400NamingItsPathAndTheKnownFields() {
        int before = accepted.get();
        // massKg stays: the record's primitive would otherwise be refused as missing first
        String typo = ORDER.replace("\"massKg\": 3", "\"massKg\": 3, \"masKg\": 3");

        JsonNode body = problem(post("/api/orders", typo), 400);

        assertThat(body.path("title").asString()).as(body.toString()).isEqualTo("Unknown field");
        assertThat(body.path("detail").asString()).startsWith("Unknown field 'items[1].masKg' at line 5");
        assertThat(body.path("errors").get(0).path("field").asString()).isEqualTo("items[1].masKg");
        assertThat(body.path("errors").get(0).path("message").asString())
                .isEqualTo("unknown field 'masKg'; known fields: code, massKg");
        assertThat(body.path("knownFields").toString()).isEqualTo("[\"code\",\"massKg\"]");
        assertThat(accepted.get()).isEqualTo(before);
    }

    @Test
    void anUnknownTopLevelFieldIsNamedToo() {
        JsonNode body = problem(post("/api/orders", "{\"name\": \"x\", \"items\": [], \"urgent\": true}"), 400);

        assertThat(body.path("errors").get(0).path("field").asString()).isEqualTo("urgent");
        assertThat(body.path("errors").get(0).path("message").asString())
                .isEqualTo("unknown field 'urgent'; known fields: items, name");
    }

    @Test
    void ownClassNamesAreShortenedInTheDetail() {
        JsonNode body = problem(post("/api/orders", "{\"name\": \"x\", \"items\": [42]}"), 400);

        assertThat(body.path("errors").get(0).path("field").asString()).isEqualTo("items[0]");
        assertThat(body.path("detail").asString()).contains("TestApplication$Item").doesNotContain("org.steppewatch");
    }

    @Test
    void aMissingBodyIsA400() {
        JsonNode body = problem(post("/api/orders", ""), 400);

        assertThat(body.path("title").asString()).isEqualTo("Unreadable request body");
        assertThat(body.path("detail").asString()).isEqualTo("The request body is missing: send a JSON document.");
    }

    @Test
    void anUnexpectedErrorIsA500WithoutInternalsButLogged(CapturedOutput output) {
        var response = get("/api/boom");

        JsonNode body = problem(response, 500);
        assertThat(body.path("detail").asString()).isEqualTo("The request could not be processed; the error was logged.");
        assertThat(response.body()).doesNotContain("hunter2", "mongodb", "IllegalStateException", "trace");
        assertThat(output).contains("unexpected error handling uri=/api/boom")
                .contains("IllegalStateException: cannot reach mongodb://admin:hunter2@db.internal:27017");
    }

    @Test
    void aBodyFoundTooLargeWhileReadingIsA413() {
        JsonNode direct = problem(post("/api/uploads/direct", ""), 413);
        JsonNode converted = problem(post("/api/uploads/converted", ""), 413);

        assertThat(direct.path("title").asString()).isEqualTo("Content too large");
        assertThat(direct.path("detail").asString()).isEqualTo("The request body exceeds the limit of 4096 bytes.");
        assertThat(converted.path("detail").asString())
                .isEqualTo("The request body exceeds the limit of 1048576 bytes (1 MiB).");
    }

    @Test
    void problemsRenderAsProblemDocuments() {
        JsonNode notFound = problem(get("/api/orders/o-17"), 404);
        assertThat(notFound.path("title").asString()).isEqualTo("Not found");
        assertThat(notFound.path("detail").asString()).isEqualTo("No order with id o-17.");
        assertThat(notFound.path("instance").asString()).isEqualTo("/api/orders/o-17");

        JsonNode stale = problem(put("/api/orders/o-17", ORDER), 412);
        assertThat(stale.path("currentVersion").asLong()).isEqualTo(2);

        JsonNode invalid = problem(post("/api/orders/check", ORDER), 400);
        assertThat(invalid.path("title").asString()).isEqualTo("Invalid request");
        assertThat(invalid.path("detail").asString()).isEqualTo("The request has 2 invalid fields");
        assertThat(invalid.path("errors").findValuesAsString("field")).containsExactly("name", "items[0].massKg");
    }

    @Test
    void springMvcErrorsAreProblemDocumentsToo() {
        JsonNode noRoute = problem(get("/api/nowhere"), 404);
        assertThat(noRoute.path("title").asString()).isEqualTo("Not Found");

        JsonNode wrongMethod = problem(put("/api/boom", "{}"), 405);
        assertThat(wrongMethod.path("title").asString()).isEqualTo("Method Not Allowed");
    }

    @Test
    void anAdviceOfTheApplicationComesBeforeTheCatchAll() {
        JsonNode body = problem(get("/api/teapot"), 418);

        assertThat(body.path("detail").asString()).isEqualTo("short and stout");
    }

    @Test
    void webSupportsHandlerIsTheOnlyResponseEntityExceptionHandler() {
        Map<String, ResponseEntityExceptionHandler> handlers = context.getBeansOfType(ResponseEntityExceptionHandler.class);

        assertThat(handlers.values()).singleElement().isInstanceOf(ProblemHandler.class);
    }
}

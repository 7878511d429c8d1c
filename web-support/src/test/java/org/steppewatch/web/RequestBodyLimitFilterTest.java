package org.steppewatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** With the default limit of 1 MiB, as the services run. */
class RequestBodyLimitFilterTest extends HttpTestBase {

    private static final int MIB = 1024 * 1024;

    @Autowired
    AtomicInteger accepted;

    @Autowired
    RequestBodyLimitFilter filter;

    /** An order document of exactly {@code size} bytes (ASCII). */
    private static String orderOfSize(int size) {
        String head = "{\"name\": \"";
        String tail = "\", \"items\": []}";
        return head + "x".repeat(size - head.length() - tail.length()) + tail;
    }

    @Test
    void theDefaultLimitIsOneMebibyte() {
        assertThat(filter.limit()).isEqualTo(MIB);
    }

    @Test
    void aBodyOverTheLimitIsA413WithContentLength() {
        int before = accepted.get();

        JsonNode body = problem(post("/api/orders", orderOfSize(MIB + 1)), 413);

        assertThat(body.path("title").asString()).isEqualTo("Content too large");
        assertThat(body.path("detail").asString()).isEqualTo("The request body exceeds the limit of 1048576 bytes (1 MiB).");
        assertThat(body.path("instance").asString()).isEqualTo("/api/orders");
        assertThat(accepted.get()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheLimitIsA413WithoutContentLength() {
        int before = accepted.get();

        JsonNode body = problem(postChunked("/api/orders", orderOfSize(MIB + 1)), 413);

        assertThat(body.path("detail").asString()).isEqualTo("The request body exceeds the limit of 1048576 bytes (1 MiB).");
        assertThat(accepted.get()).isEqualTo(before);
    }

    @Test
    void aBodyOfExactlyTheLimitIsAcceptedEitherWay() {
        String order = orderOfSize(MIB);

        var declared = post("/api/orders", order);
        var chunked = postChunked("/api/orders", order);

        assertThat(declared.statusCode()).isEqualTo(200);
        assertThat(chunked.statusCode()).isEqualTo(200);
        // the chunked body reaches the controller whole, from the filter's buffer
        assertThat(chunked.body()).isEqualTo(declared.body()).contains("x".repeat(1000));
    }

    @Test
    void aRefusedRequestDoesNotSpoilTheNextOne() {
        problem(postChunked("/api/orders", orderOfSize(2 * MIB)), 413);

        assertThat(post("/api/orders", orderOfSize(100)).statusCode()).isEqualTo(200);
    }
}

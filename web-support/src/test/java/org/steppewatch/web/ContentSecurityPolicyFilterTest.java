package org.steppewatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {
        "steppewatch.web.csp.page-paths=/,/api/orders/*",
        "steppewatch.web.csp.connect-src=http://localhost:8083,,http://localhost:8084",
        "steppewatch.web.csp.img-src=https:"})
class ContentSecurityPolicyFilterTest extends HttpTestBase {

    @Test
    void pagePathsGetAPolicyWithoutInlineScriptsAndWithTheConfiguredOrigins() {
        HttpResponse<String> page = get("/api/orders/o-1");

        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy.split("; ")).contains(
                "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'",
                "frame-ancestors 'none'", "img-src 'self' data: https:",
                "connect-src 'self' http://localhost:8083 http://localhost:8084");
        assertThat(policy).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void otherPathsGetNoPolicy() {
        assertThat(get("/api/boom").headers().firstValue("Content-Security-Policy")).isEmpty();
    }
}

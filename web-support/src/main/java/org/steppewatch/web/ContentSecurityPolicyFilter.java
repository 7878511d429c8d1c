package org.steppewatch.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a Content-Security-Policy with the service's pages: scripts and styles from the service itself only
 * (no inline script, handler or style attribute runs), no plugins, no {@code <base>}, no framing, and calls
 * only to the service and the configured origins. Even if some text slipped into the page as markup, the
 * browser would not run it.
 * <p>
 * A plain servlet filter that sets the header before the chain runs, independent of any security filter
 * chain, so it keeps working when one is added in front of it.
 */
public class ContentSecurityPolicyFilter extends OncePerRequestFilter implements Ordered {

    public static final String HEADER = "Content-Security-Policy";

    private final List<String> pagePaths;
    private final String policy;
    private final AntPathMatcher matcher = new AntPathMatcher();

    public ContentSecurityPolicyFilter(WebSupportProperties.Csp csp) {
        this.pagePaths = csp.pagePaths();
        this.policy = policy(csp);
    }

    /** The header's value. */
    public String policy() {
        return policy;
    }

    static String policy(WebSupportProperties.Csp csp) {
        List<String> directives = new ArrayList<>();
        directives.add("default-src 'self'");
        directives.add("script-src 'self'");
        directives.add("style-src 'self'");
        directives.add(join("img-src 'self' data:", csp.imgSrc()));
        directives.add(join("connect-src 'self'", csp.connectSrc()));
        directives.add("object-src 'none'");
        directives.add("base-uri 'none'");
        directives.add("frame-ancestors 'none'");
        directives.add("form-action 'self'");
        return String.join("; ", directives);
    }

    private static String join(String directive, List<String> sources) {
        return sources.isEmpty() ? directive : directive + " " + String.join(" ", sources);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return pagePaths.stream().noneMatch(pattern -> matcher.match(pattern, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, response);
    }

    /** Early, so the header is set whatever a later filter answers. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}

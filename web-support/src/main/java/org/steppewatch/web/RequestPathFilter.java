package org.steppewatch.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * A request path with a control character in it (raw or percent-encoded, e.g. {@code %00}) is a 400 problem
 * before anything looks it up: no id or file name has one, and the servlet container's resource lookup fails on
 * them with an exception of its own.
 */
public class RequestPathFilter extends OncePerRequestFilter implements Ordered {

    private final JsonMapper json;

    public RequestPathFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasControlCharacter(request.getRequestURI())) {
            RequestBodyLimitFilter.write(request, response, Problems.of(HttpStatus.BAD_REQUEST, "Invalid request path",
                    "The request path contains a control character.").getBody(), json);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean hasControlCharacter(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
            if (c == '%' && i + 2 < uri.length()) {
                int high = Character.digit(uri.charAt(i + 1), 16);
                int low = Character.digit(uri.charAt(i + 2), 16);
                if (high >= 0 && low >= 0 && (high < 2 || high == 7 && low == 15)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}

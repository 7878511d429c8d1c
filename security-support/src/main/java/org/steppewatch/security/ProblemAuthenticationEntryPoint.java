package org.steppewatch.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401: the standard {@code WWW-Authenticate: Bearer …} challenge, and a problem document saying what to send. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final ProblemResponses problems;

    ProblemAuthenticationEntryPoint(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        challenge.commence(request, response, exception);
        String detail = exception instanceof OAuth2AuthenticationException invalid
                ? "The bearer token was not accepted: " + describe(invalid) + "."
                : "This request needs a signed-in user or client: send 'Authorization: Bearer <access token>'"
                + " from the deployment's sign-in provider.";
        problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Sign-in required", detail);
    }

    private static String describe(OAuth2AuthenticationException invalid) {
        String description = invalid.getError().getDescription();
        return description == null || description.isBlank() ? invalid.getError().getErrorCode() : description;
    }
}

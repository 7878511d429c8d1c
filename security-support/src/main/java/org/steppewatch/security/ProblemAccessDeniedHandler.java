package org.steppewatch.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403: signed in, but none of the caller's roles allows this request. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();
    private final ProblemResponses problems;

    ProblemAccessDeniedHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        challenge.handle(request, response, exception);
        Actor actor = Actor.current();
        String roles = actor == null || actor.roles().isEmpty() ? "no role" : "roles " + String.join(", ", actor.roles());
        problems.write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                "Signed in with " + roles + ", which do not allow " + request.getMethod() + " " + request.getRequestURI()
                        + "; docs/security.md lists what each role may do.");
    }
}

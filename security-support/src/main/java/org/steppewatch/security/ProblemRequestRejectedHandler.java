package org.steppewatch.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 400 for a request the firewall refuses before any filter sees it (a {@code ..} segment, an encoded slash or
 * backslash, a control character in the address), as a problem document; Spring Security's default would rethrow and
 * end in the container's error page.
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    static final String DETAIL = "The request was refused: its address or parameter names hold characters this service "
            + "does not accept (a '..' segment, an encoded slash or backslash, a control character).";

    private final ProblemResponses problems;

    ProblemRequestRejectedHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException exception)
            throws IOException {
        problems.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "Request refused", DETAIL);
    }
}

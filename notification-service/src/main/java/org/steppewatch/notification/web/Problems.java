package org.steppewatch.notification.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problems the controllers throw; {@link ProblemHandler} renders them as application/problem+json. */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException invalid(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + errors.size() + (errors.size() == 1 ? " invalid field" : " invalid fields"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.copyOf(errors));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    public static ErrorResponseException notFound(String what) {
        return of(HttpStatus.NOT_FOUND, "Not found", what);
    }

    public static ErrorResponseException of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    static ProblemDetail payloadTooLarge(long limit, URI instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + limit + " bytes");
        problem.setTitle("Request body too large");
        problem.setInstance(instance);
        return problem;
    }
}

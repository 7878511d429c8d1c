package org.steppewatch.incident.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The RFC 9457 problems the API answers with. They are {@link ErrorResponseException}s, which
 * {@link ProblemHandler} (a ResponseEntityExceptionHandler) renders as application/problem+json.
 */
public final class Problems {

    private Problems() {
    }

    /** 400 with the field-level {@code errors} list. */
    public static ErrorResponseException invalid(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.copyOf(errors));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    public static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public static ErrorResponseException conflict(String detail) {
        return problem(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static ErrorResponseException preconditionRequired(String detail) {
        return problem(HttpStatus.PRECONDITION_REQUIRED, "Precondition required", detail);
    }

    public static ErrorResponseException preconditionFailed(String detail, long currentVersion) {
        ErrorResponseException e = problem(HttpStatus.PRECONDITION_FAILED, "Precondition failed", detail);
        e.getBody().setProperty("currentVersion", currentVersion);
        return e;
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}

package org.steppewatch.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The RFC 9457 problems the services answer with. They are {@link ErrorResponseException}s, which
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

    /** 400 with the field-level {@code errors} list and a detail that counts them. */
    public static ErrorResponseException invalid(List<FieldProblem> errors) {
        return invalid("The request has " + errors.size() + (errors.size() == 1 ? " invalid field" : " invalid fields"),
                errors);
    }

    public static ErrorResponseException notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public static ErrorResponseException conflict(String detail) {
        return of(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static ErrorResponseException preconditionRequired(String detail) {
        return of(HttpStatus.PRECONDITION_REQUIRED, "Precondition required", detail);
    }

    /** 412 carrying the version the client should have named, so it can re-read and retry. */
    public static ErrorResponseException preconditionFailed(String detail, long currentVersion) {
        ErrorResponseException e = of(HttpStatus.PRECONDITION_FAILED, "Precondition failed", detail);
        e.getBody().setProperty("currentVersion", currentVersion);
        return e;
    }

    /** 413 for a request body over {@code limitBytes}; the request-size filter and the handler both use it. */
    public static ErrorResponseException payloadTooLarge(long limitBytes) {
        return of(HttpStatus.CONTENT_TOO_LARGE, "Content too large",
                "The request body exceeds the limit of " + limitBytes + " bytes" + mebibytes(limitBytes) + ".");
    }

    public static ErrorResponseException of(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    private static String mebibytes(long bytes) {
        long mib = 1024 * 1024;
        return bytes >= mib && bytes % mib == 0 ? " (" + bytes / mib + " MiB)" : "";
    }
}

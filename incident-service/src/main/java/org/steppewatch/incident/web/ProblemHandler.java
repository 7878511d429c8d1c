package org.steppewatch.incident.web;

import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;

/**
 * Every error as application/problem+json. Spring's own exceptions and {@link Problems} are
 * rendered by the base class; unreadable bodies get a detail that names the line, column and field.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    // Jackson names our DTO classes in some messages; the client only needs the simple name
    private static final Pattern OWN_CLASS = Pattern.compile("org\\.steppewatch\\.[\\w.]*\\.(\\w+(\\$\\w+)?)");

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, describe(ex), headers, status, request);
    }

    /** Anything unforeseen is still a problem document, without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("unexpected error handling {}", request.getDescription(false), ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be processed; the error was logged.");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    static ProblemDetail describe(HttpMessageNotReadableException ex) {
        JacksonException json = jacksonCause(ex);
        ProblemDetail problem;
        if (json == null) {
            String message = ex.getMessage() == null ? "" : ex.getMessage();
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    message.startsWith("Required request body is missing")
                            ? "The request body is missing: send a JSON document."
                            : "The request body could not be read: " + clean(message));
            problem.setTitle("Unreadable request body");
            return problem;
        }
        String where = where(json.getLocation());
        String message = clean(json.getOriginalMessage());
        if (json instanceof StreamReadException) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Malformed JSON" + where + ": " + message);
            problem.setTitle("Malformed JSON");
            return problem;
        }
        String path = path(json.getPath());
        if (path.isEmpty()) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The request body does not match the expected document" + where + ": " + message);
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Invalid value for '" + path + "'" + where + ": " + message);
            problem.setProperty("errors", List.of(new FieldProblem(path, message)));
        }
        problem.setTitle("Invalid request body");
        return problem;
    }

    private static JacksonException jacksonCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof JacksonException json) {
                return json;
            }
        }
        return null;
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location == TokenStreamLocation.NA || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** JSON-path-like field name: {@code releases[0].massKg}. */
    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String clean(String message) {
        return message == null ? "" : OWN_CLASS.matcher(message).replaceAll("$1");
    }
}

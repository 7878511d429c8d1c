package org.steppewatch.web;

import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as application/problem+json (RFC 9457). Spring MVC's own exceptions, {@link Problems} and
 * {@code ResponseStatusException}s are rendered by the base class; unreadable bodies get a detail that names
 * the line, column and field; a body found too large while reading is a 413; anything unforeseen is a 500
 * without internals, logged.
 * <p>
 * Registered by {@link WebSupportAutoConfiguration}. Lowest precedence: an advice of the service itself
 * gets the first say, this catch-all ({@code Exception}) only what nobody else handles.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    // Jackson names our DTO classes in some messages; the client only needs the simple name
    private static final Pattern OWN_CLASS = Pattern.compile("org\\.steppewatch\\.[\\w.]*\\.(\\w+(\\$\\w+)?)");

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLargeException tooLarge = causeOf(ex, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(ex, tooLarge.limit(), request);
        }
        return handleExceptionInternal(ex, describe(ex), headers, status, request);
    }

    /** Thrown by code that reads a body through a limit of its own. */
    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<Object> bodyTooLarge(RequestBodyTooLargeException ex, WebRequest request) {
        return tooLarge(ex, ex.limit(), request);
    }

    /** Anything unforeseen is still a problem document, without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("unexpected error handling {}", request.getDescription(false), ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be processed; the error was logged.");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private ResponseEntity<Object> tooLarge(Exception ex, long limit, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        // the unread rest of the body makes the connection unusable for another request
        headers.setConnection("close");
        return handleExceptionInternal(ex, Problems.payloadTooLarge(limit).getBody(), headers,
                HttpStatus.CONTENT_TOO_LARGE, request);
    }

    /** The 400 problem for a body that could not be read as the expected JSON document. */
    static ProblemDetail describe(HttpMessageNotReadableException ex) {
        JacksonException json = causeOf(ex, JacksonException.class);
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
        if (json instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, path, where);
        }
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

    /**
     * A field the document does not have: a 400, never silently ignored, since a typo like {@code windFrom}
     * would otherwise read as "no wind". Names the field's path and the fields its object does know.
     */
    private static ProblemDetail unknownField(UnrecognizedPropertyException unknown, String path, String where) {
        List<String> known = unknown.getKnownPropertyIds() == null ? List.of()
                : unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
        String message = "unknown field '" + unknown.getPropertyName() + "'"
                + (known.isEmpty() ? "" : "; known fields: " + String.join(", ", known));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Unknown field '" + path + "'" + where + ": nothing was stored.");
        problem.setTitle("Unknown field");
        problem.setProperty("errors", List.of(new FieldProblem(path, message)));
        if (!known.isEmpty()) {
            problem.setProperty("knownFields", known);
        }
        return problem;
    }

    private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
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

    /** Own class names shortened to their simple name; only the first line (the rest is Jackson's context). */
    private static String clean(String message) {
        if (message == null) {
            return "";
        }
        String firstLine = message.lines().findFirst().orElse("");
        return OWN_CLASS.matcher(firstLine).replaceAll("$1");
    }
}

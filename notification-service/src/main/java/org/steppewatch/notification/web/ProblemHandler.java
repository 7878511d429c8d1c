package org.steppewatch.notification.web;

import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/** Every error leaves as application/problem+json; unreadable bodies get a detail that says where and why. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.BodyTooLarge tooLarge) {
                ProblemDetail problem = Problems.payloadTooLarge(tooLarge.limit(), null);
                return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(ex));
        problem.setTitle("Unreadable request body");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String describe(HttpMessageNotReadableException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                StringBuilder detail = new StringBuilder("Invalid JSON");
                String path = jackson.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
                if (!path.isEmpty()) {
                    detail.append(" at '").append(path).append("'");
                }
                TokenStreamLocation location = jackson.getLocation();
                if (location != null && location.getLineNr() > 0) {
                    detail.append(" (line ").append(location.getLineNr()).append(", column ")
                            .append(location.getColumnNr()).append(")");
                }
                String original = jackson.getOriginalMessage();
                if (original != null) {
                    detail.append(": ").append(original.lines().findFirst().orElse(original));
                }
                return detail.toString();
            }
        }
        String message = ex.getMessage();
        return message != null && message.startsWith("Required request body is missing")
                ? "A JSON request body is required" : "The request body is not readable JSON";
    }
}

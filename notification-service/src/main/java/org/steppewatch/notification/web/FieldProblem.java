package org.steppewatch.notification.web;

/** One rejected field of a request body, e.g. {@code area.radiusKm}. */
public record FieldProblem(String field, String message) {
}

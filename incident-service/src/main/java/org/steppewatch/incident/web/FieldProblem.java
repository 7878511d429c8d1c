package org.steppewatch.incident.web;

/** One entry of the {@code errors} list of a validation problem. */
public record FieldProblem(String field, String message) {
}

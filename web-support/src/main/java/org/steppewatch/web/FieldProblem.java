package org.steppewatch.web;

/**
 * One entry of the {@code errors} list of a validation problem: the JSON-path-like name of a rejected
 * field (e.g. {@code location.coordinates}, {@code releases[0].massKg}) and why it was rejected.
 */
public record FieldProblem(String field, String message) {
}

package org.steppewatch.analysis.reference;

import java.util.List;

import org.steppewatch.web.ControlCharacters;
import org.steppewatch.web.FieldProblem;

import tools.jackson.databind.JsonNode;

/**
 * The texts of imported features go into assessments, alerts, feeds, mails and pages: of a sensible length,
 * without control characters; names on one line.
 */
final class ImportedText {

    /** Names and ids: one line. */
    static final int MAX_NAME = 200;
    /** Descriptions, sources and notes: line breaks allowed. */
    static final int MAX_TEXT = 2_000;

    private ImportedText() {
    }

    /** Checks the string members {@code fields} of {@code properties} as names, naming them under {@code at}. */
    static void names(JsonNode properties, String at, List<String> fields, List<FieldProblem> problems) {
        for (String field : fields) {
            name(properties.path(field), at + "." + field, problems);
        }
    }

    /** Checks the string members {@code fields} of {@code properties} as free text. */
    static void texts(JsonNode properties, String at, List<String> fields, List<FieldProblem> problems) {
        for (String field : fields) {
            check(properties.path(field), at + "." + field, MAX_TEXT, true, problems);
        }
    }

    /** Checks one value as a name if it is a string; other values are someone else's concern. */
    static void name(JsonNode value, String field, List<FieldProblem> problems) {
        check(value, field, MAX_NAME, false, problems);
    }

    private static void check(JsonNode value, String field, int max, boolean multiline, List<FieldProblem> problems) {
        if (!value.isString()) {
            return;
        }
        String text = value.asString();
        String problem = text.length() > max ? "must be at most " + max + " characters"
                : ControlCharacters.problem(text, multiline);
        if (problem != null) {
            problems.add(new FieldProblem(field, problem));
        }
    }
}

package org.steppewatch.auth;

import java.util.List;
import java.util.regex.Pattern;

import org.steppewatch.web.FieldProblem;

/** User names and client ids: short, and safe in a URL path, a log line and HTTP Basic. */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private Names() {
    }

    public static void check(String name, String field, List<FieldProblem> errors) {
        if (name == null || name.isBlank()) {
            errors.add(new FieldProblem(field, "required"));
        } else if (!NAME.matcher(name).matches()) {
            errors.add(new FieldProblem(field, "1 to 64 characters: letters, digits and . _ @ -, "
                    + "starting with a letter or digit"));
        }
    }
}

package org.steppewatch.analysis.substance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * What the limit values table says of a value only in its notes, made explicit ({@code limitTerms} in
 * {@code substances.json}): the day a historical value ceased to apply or a future one starts, a narrower scope
 * (listed fish species), a reason not to compare it with one sample (an annual average), an acute limit. A term
 * names its value by regime, substance, medium and value, and must match exactly one, so the two files cannot drift
 * apart unnoticed.
 */
final class LimitTerms {

    private LimitTerms() {
    }

    static List<Limit> apply(JsonNode terms, List<Limit> limits, String file) {
        List<Limit> result = new ArrayList<>(limits);
        for (JsonNode t : terms) {
            String regime = t.path("regime").asString("");
            String substance = t.path("substance").asString("");
            String medium = t.path("medium").asString("").toUpperCase(Locale.ROOT);
            double value = t.path("value").asDouble(Double.NaN);
            String where = file + ": limit term " + regime + " " + substance + " " + medium + " " + value;
            if (t.path("why").asString("").isBlank()) {
                throw new IllegalStateException(where + ": 'why' is missing");
            }
            List<Integer> matches = new ArrayList<>();
            for (int i = 0; i < result.size(); i++) {
                Limit l = result.get(i);
                if (l.regime().equals(regime) && l.substance().equals(substance) && l.medium().equals(medium) && l.value() == value) {
                    matches.add(i);
                }
            }
            if (matches.size() != 1) {
                throw new IllegalStateException(where + ": matches " + matches.size() + " limits, must match exactly one");
            }
            Limit l = result.get(matches.get(0));
            result.set(matches.get(0), l.with(t.path("appliesTo").asString(null), day(t, "validFrom", where), day(t, "validUntil", where),
                    t.path("notComparedReason").asString(null), t.path("acute").asBoolean(false)));
        }
        return result;
    }

    private static LocalDate day(JsonNode term, String field, String where) {
        String text = term.path(field).asString(null);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException(where + ": " + field + " must be a day (YYYY-MM-DD), was '" + text + "'", e);
        }
    }
}

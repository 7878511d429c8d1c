package org.steppewatch.incident.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.steppewatch.contracts.SubstanceCodes;
import org.steppewatch.web.FieldProblem;

/** Checks a new site; every problem at once, so one refusal names them all. */
final class SiteValidator {

    static final Pattern ID = Pattern.compile("KZ-[A-Z0-9][A-Z0-9-]{0,62}");
    static final List<String> CONFIDENCE = List.of("high", "medium", "low");
    static final int NAME_MAX = 300;
    static final int TEXT_MAX = 20_000;
    static final int LIST_MAX = 50;

    private SiteValidator() {
    }

    static List<FieldProblem> problems(SiteRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.id() != null && !ID.matcher(request.id()).matches()) {
            problems.add(new FieldProblem("id", "must be KZ- followed by upper-case letters, digits and hyphens "
                    + "(at most 64 characters), e.g. KZ-HG-NURA; or absent for a generated one"));
        }
        if (request.name() == null || request.name().en() == null || request.name().en().isBlank()) {
            problems.add(new FieldProblem("name.en", "is required (the site's name in English; ru and kk optional)"));
        }
        if (request.name() != null) {
            FieldChecks.text(problems, "name.en", request.name().en(), NAME_MAX, false);
            FieldChecks.text(problems, "name.ru", request.name().ru(), NAME_MAX, false);
            FieldChecks.text(problems, "name.kk", request.name().kk(), NAME_MAX, false);
        }
        if (request.location() == null) {
            problems.add(new FieldProblem("location", "is required (GeoJSON Point [lon, lat])"));
        } else {
            FieldChecks.geometry(problems, "location", request.location(), FieldChecks.POINT);
        }
        if (request.outline() != null) {
            FieldChecks.geometry(problems, "outline", request.outline(), FieldChecks.AREA);
        }
        if (request.coordinateConfidence() == null
                || !CONFIDENCE.contains(request.coordinateConfidence().strip().toLowerCase(Locale.ROOT))) {
            problems.add(new FieldProblem("coordinateConfidence", "is required; one of " + String.join(", ", CONFIDENCE)
                    + " (how well the point locates the site)"));
        }
        codes(problems, "pollutants", request.pollutants(), true);
        codes(problems, "media", request.media(), false);
        FieldChecks.text(problems, "region", request.region(), NAME_MAX, false);
        FieldChecks.text(problems, "status", request.status(), NAME_MAX, false);
        FieldChecks.text(problems, "description", request.description(), TEXT_MAX, true);
        FieldChecks.text(problems, "notes", request.notes(), TEXT_MAX, true);
        if (request.sources() != null) {
            if (request.sources().size() > LIST_MAX) {
                problems.add(new FieldProblem("sources", "at most " + LIST_MAX + " entries"));
            }
            for (int i = 0; i < Math.min(request.sources().size(), LIST_MAX); i++) {
                String source = request.sources().get(i);
                if (source == null || source.isBlank()) {
                    problems.add(new FieldProblem("sources[" + i + "]", "must not be blank"));
                } else {
                    FieldChecks.text(problems, "sources[" + i + "]", source, NAME_MAX, false);
                }
            }
        }
        return problems;
    }

    private static void codes(List<FieldProblem> problems, String field, List<String> codes, boolean substances) {
        String known = substances ? String.join(", ", SubstanceCodes.all().keySet()) : Media.known();
        if (codes == null || codes.isEmpty()) {
            problems.add(new FieldProblem(field, "is required: at least one of " + known));
            return;
        }
        if (codes.size() > LIST_MAX) {
            problems.add(new FieldProblem(field, "at most " + LIST_MAX + " entries"));
            return;
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            boolean ok = code != null && code.length() <= NAME_MAX && (substances
                    ? SubstanceCodes.isKnown(code.strip().toUpperCase(Locale.ROOT)) : Media.code(code) != null);
            if (!ok) {
                problems.add(new FieldProblem(field + "[" + i + "]", "unknown " + (substances ? "substance" : "medium")
                        + (code == null || code.length() > NAME_MAX ? "" : " '" + code + "'") + "; one of " + known));
            }
        }
    }
}

package org.steppewatch.incident.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.steppewatch.contracts.GeometryChecks;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.SubstanceCodes;
import org.steppewatch.web.ControlCharacters;
import org.steppewatch.web.FieldProblem;

/** Checks an incident request field by field and turns a valid one into the facts of an event. */
final class IncidentValidator {

    static final int TITLE_MAX = 200;
    static final int NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 20_000;
    static final int REASON_MAX = 2_000;
    static final int UNIT_MAX = 40;
    static final int RELEASES_MAX = 50;
    static final int SAMPLES_MAX = 500;
    /** 10,000 t: a Proton-M carries some 620 t of propellant, the largest rockets a few thousand. */
    static final double RELEASE_MAX_KG = 10_000_000;
    /** Clocks drift; an occurrence or a sampling time further ahead of the server's clock than this is a typo. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    /** Before any rocket or atomic test on the steppe; earlier is a typo (and year -999999999 fits no database). */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    /** Which units can apply to a sample; the units themselves are the shared vocabulary (module units). */
    private static final SampleUnits UNITS = SampleUnits.standard();
    static final List<String> MEDIA = List.of("SOIL", "WATER", "GROUNDWATER", "DRINKING_WATER", "AIR", "SEDIMENT",
            "VEGETATION", "SNOW", "MILK", "FOOD", "FISH", "MEAT");
    /** How a release happened; case-sensitive, as in the event. */
    static final List<String> SCENARIOS = List.of(IncidentFacts.Release.FIRE, IncidentFacts.Release.SPILL,
            IncidentFacts.Release.UNKNOWN);
    private static final Set<String> POINT = Set.of("Point");
    private static final Set<String> AREA = Set.of("Polygon", "MultiPolygon");

    private IncidentValidator() {
    }

    /** @return every problem of the request, empty when it is acceptable */
    static List<FieldProblem> problems(IncidentRequest request, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.title() == null || request.title().isBlank()) {
            problems.add(new FieldProblem("title", "is required"));
        } else if (request.title().strip().length() > TITLE_MAX) {
            problems.add(new FieldProblem("title", "must be at most " + TITLE_MAX + " characters"));
        } else {
            text(problems, "title", request.title(), false);
        }
        if (request.category() == null || request.category().isBlank()) {
            problems.add(new FieldProblem("category", "is required; one of " + categories()));
        } else if (request.category().length() > NAME_MAX) {
            problems.add(new FieldProblem("category", "must be one of " + categories()));
        } else if (category(request.category()) == null) {
            problems.add(new FieldProblem("category",
                    "unknown category '" + request.category() + "'; one of " + categories()));
        }
        if (request.occurredAt() == null) {
            problems.add(new FieldProblem("occurredAt", "is required (ISO-8601 instant, e.g. 2013-07-02T02:38:22Z)"));
        } else if (request.occurredAt().isAfter(now.plus(FUTURE_TOLERANCE))) {
            problems.add(new FieldProblem("occurredAt", "is in the future: " + request.occurredAt()));
        } else if (request.occurredAt().isBefore(EARLIEST)) {
            problems.add(new FieldProblem("occurredAt", "must be after 1900-01-01, was " + request.occurredAt()));
        }
        if (request.location() == null) {
            problems.add(new FieldProblem("location", "is required (GeoJSON Point [lon, lat])"));
        } else {
            geometry(problems, "location", request.location(), POINT);
        }
        if (request.footprint() != null) {
            geometry(problems, "footprint", request.footprint(), AREA);
        }
        length(problems, "vehicle", request.vehicle(), NAME_MAX, false);
        length(problems, "launchSite", request.launchSite(), NAME_MAX, false);
        length(problems, "description", request.description(), DESCRIPTION_MAX, true);
        releases(problems, request.releases());
        samples(problems, request.samples(), now);
        WeatherChecks.problems(problems, request.weather());
        return problems;
    }

    static List<FieldProblem> retractionProblems(RetractionRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            return List.of(new FieldProblem("reason", "is required"));
        }
        if (request.reason().strip().length() > REASON_MAX) {
            return List.of(new FieldProblem("reason", "must be at most " + REASON_MAX + " characters"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, "reason", request.reason(), true);
        return problems;
    }

    /**
     * The facts of a request that passed {@link #problems}: codes in upper case, text trimmed,
     * instants to the millisecond (what MongoDB keeps), so the event and the stored document agree.
     */
    static IncidentFacts toFacts(IncidentRequest request) {
        List<IncidentFacts.Release> releases = request.releases() == null ? List.of() : request.releases().stream()
                .map(r -> new IncidentFacts.Release(code(r.substance()), r.massKg(), r.scenario()))
                .toList();
        List<IncidentFacts.Sample> samples = request.samples() == null ? List.of() : request.samples().stream()
                .map(s -> new IncidentFacts.Sample(code(s.substance()), code(s.medium()), s.value(), s.unit().strip(),
                        s.location(), millis(s.sampledAt()), s.detected(), s.detectionLimit()))
                .toList();
        IncidentRequest.Weather w = request.weather();
        IncidentFacts.Weather weather = w == null ? null : new IncidentFacts.Weather(w.windFromDeg(), w.windSpeedMs(),
                w.stability() == null ? null : code(w.stability()),
                w.cloudCoverOktas() == null ? null : w.cloudCoverOktas().intValue(), w.windDirectionSigmaDeg());
        return new IncidentFacts(request.title().strip(), category(request.category()), millis(request.occurredAt()),
                request.location(), request.footprint(), strip(request.vehicle()), strip(request.launchSite()),
                releases, samples, weather, request.description());
    }

    private static void releases(List<FieldProblem> problems, List<IncidentRequest.Release> releases) {
        if (releases == null) {
            return;
        }
        if (releases.size() > RELEASES_MAX) {
            problems.add(new FieldProblem("releases", "has " + releases.size() + " entries; at most " + RELEASES_MAX));
            return;
        }
        for (int i = 0; i < releases.size(); i++) {
            String field = "releases[" + i + "]";
            IncidentRequest.Release release = releases.get(i);
            if (release == null) {
                problems.add(new FieldProblem(field, "must not be null"));
                continue;
            }
            substance(problems, field + ".substance", release.substance());
            if (release.massKg() == null) {
                problems.add(new FieldProblem(field + ".massKg", "is required"));
            } else if (!Double.isFinite(release.massKg()) || release.massKg() <= 0) {
                problems.add(new FieldProblem(field + ".massKg", "must be a finite number > 0, was " + release.massKg()));
            } else if (release.massKg() > RELEASE_MAX_KG) {
                problems.add(new FieldProblem(field + ".massKg",
                        "must be at most 10,000 t (" + (long) RELEASE_MAX_KG + " kg), was " + release.massKg()));
            }
            String scenario = release.scenario();
            if (scenario != null && !SCENARIOS.contains(scenario)) {
                problems.add(new FieldProblem(field + ".scenario", "must be one of " + String.join(", ", SCENARIOS)
                        + " (upper case)" + (scenario.length() > 20 ? "" : ", was '" + scenario + "'")));
            }
        }
    }

    private static void samples(List<FieldProblem> problems, List<IncidentRequest.Sample> samples, Instant now) {
        if (samples == null) {
            return;
        }
        if (samples.size() > SAMPLES_MAX) {
            problems.add(new FieldProblem("samples", "has " + samples.size() + " entries; at most " + SAMPLES_MAX));
            return;
        }
        for (int i = 0; i < samples.size(); i++) {
            String field = "samples[" + i + "]";
            IncidentRequest.Sample sample = samples.get(i);
            if (sample == null) {
                problems.add(new FieldProblem(field, "must not be null"));
                continue;
            }
            boolean known = substance(problems, field + ".substance", sample.substance());
            if (sample.medium() == null || sample.medium().isBlank()) {
                known = false;
                problems.add(new FieldProblem(field + ".medium", "is required; one of " + String.join(", ", MEDIA)));
            } else if (!MEDIA.contains(code(sample.medium()))) {
                known = false;
                problems.add(new FieldProblem(field + ".medium", (sample.medium().length() > NAME_MAX ? "unknown medium"
                        : "unknown medium '" + sample.medium() + "'") + "; one of " + String.join(", ", MEDIA)));
            }
            detection(problems, field, sample);
            if (sample.unit() == null || sample.unit().isBlank()) {
                problems.add(new FieldProblem(field + ".unit", "is required (e.g. mg/kg, mg/L, Bq/kg)"));
            } else if (length(problems, field + ".unit", sample.unit(), UNIT_MAX, false) && known) {
                String unit = UNITS.problem(code(sample.substance()), code(sample.medium()), sample.unit().strip());
                if (unit != null) {
                    problems.add(new FieldProblem(field + ".unit", unit));
                }
            }
            if (sample.location() != null) {
                geometry(problems, field + ".location", sample.location(), POINT);
            }
            if (sample.sampledAt() != null && sample.sampledAt().isAfter(now.plus(FUTURE_TOLERANCE))) {
                problems.add(new FieldProblem(field + ".sampledAt", "is in the future: " + sample.sampledAt()));
            } else if (sample.sampledAt() != null && sample.sampledAt().isBefore(EARLIEST)) {
                problems.add(new FieldProblem(field + ".sampledAt", "must be after 1900-01-01, was " + sample.sampledAt()));
            }
        }
    }

    /**
     * A detected sample (detected absent, null or true) needs a value; a non-detect (detected false) needs a detection
     * limit above 0 and no value: a result below the detection limit is not a zero.
     */
    private static void detection(List<FieldProblem> problems, String field, IncidentRequest.Sample sample) {
        boolean nonDetect = Boolean.FALSE.equals(sample.detected());
        Double limit = sample.detectionLimit();
        if (nonDetect && limit == null) {
            problems.add(new FieldProblem(field + ".detectionLimit", "is required for a non-detect (detected false)"));
        } else if (limit != null && (!Double.isFinite(limit) || limit <= 0)) {
            problems.add(new FieldProblem(field + ".detectionLimit", "must be a finite number > 0, was " + limit));
        }
        if (nonDetect) {
            if (sample.value() != null) {
                problems.add(new FieldProblem(field + ".value", "must be absent or null for a non-detect (detected false): "
                        + "a result below the detection limit is not a value; give the limit as detectionLimit"));
            }
        } else if (sample.value() == null) {
            problems.add(new FieldProblem(field + ".value", "is required (for a result below the detection limit, "
                    + "give detected false and detectionLimit)"));
        } else if (!Double.isFinite(sample.value()) || sample.value() < 0) {
            problems.add(new FieldProblem(field + ".value", "must be a finite number >= 0, was " + sample.value()));
        }
    }

    /** @return whether the code is a known substance */
    private static boolean substance(List<FieldProblem> problems, String field, String code) {
        if (code == null || code.isBlank()) {
            problems.add(new FieldProblem(field, "is required; known codes: " + knownCodes()));
        } else if (code.length() > NAME_MAX) {
            problems.add(new FieldProblem(field, "unknown substance; known codes: " + knownCodes()));
        } else if (!SubstanceCodes.isKnown(code.strip())) {
            problems.add(new FieldProblem(field, "unknown substance '" + code + "'; known codes: " + knownCodes()));
        } else {
            return true;
        }
        return false;
    }

    private static void geometry(List<FieldProblem> problems, String field, Geometry geometry, Set<String> types) {
        for (String problem : GeometryChecks.problems(geometry, types)) {
            String where = problem.startsWith("longitude") || problem.startsWith("latitude") ? field + ".coordinates"
                    : problem.startsWith("must be a GeoJSON") ? field + ".type" : field;
            problems.add(new FieldProblem(where, problem));
        }
    }

    /** @return whether the value is absent or acceptable */
    private static boolean length(List<FieldProblem> problems, String field, String value, int max, boolean multiline) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters, was " + value.length()));
            return false;
        }
        return text(problems, field, value, multiline);
    }

    /** Control characters, bidi overrides and lone surrogates never get in: they would reach CAP, Atom and mail. */
    private static boolean text(List<FieldProblem> problems, String field, String value, boolean multiline) {
        String problem = ControlCharacters.problem(value, multiline);
        if (problem != null) {
            problems.add(new FieldProblem(field, problem));
        }
        return problem == null;
    }

    static IncidentCategory category(String value) {
        if (value == null) {
            return null;
        }
        String code = code(value);
        return Arrays.stream(IncidentCategory.values()).filter(c -> c.name().equals(code)).findFirst().orElse(null);
    }

    private static String categories() {
        return String.join(", ", Arrays.stream(IncidentCategory.values()).map(Enum::name).toList());
    }

    private static String knownCodes() {
        return String.join(", ", SubstanceCodes.all().keySet());
    }

    static String code(String value) {
        return value.strip().toUpperCase(Locale.ROOT);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}

package org.steppewatch.analysis.substance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.steppewatch.contracts.SubstanceCodes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The substance table ({@code substances.json}): molecular weight, volatility, AEGLs per exposure time, limits
 * per medium, default airborne fraction and release duration, each value with its source and confidence.
 * Immutable; {@link #version()} is a content hash of the file it was read from.
 */
public final class SubstanceTable {

    public static final String SHIPPED = "substances.json";
    public static final String VERIFIED = "verified";
    public static final String UNVERIFIED = "unverified";
    public static final String ASSUMPTION = "assumption";
    public static final Set<String> CONFIDENCES = Set.of(VERIFIED, UNVERIFIED, ASSUMPTION);
    public static final Set<Integer> EXPOSURE_MINUTES = Set.of(10, 30, 60, 240, 480);
    public static final Set<String> LEVEL_STATUSES = Set.of("not recommended", "not established");

    private final Map<String, Substance> byCode;
    private final String version;

    private SubstanceTable(Map<String, Substance> byCode, String version) {
        this.byCode = byCode;
        this.version = version;
    }

    /** The table shipped in this jar. */
    public static SubstanceTable shipped() {
        try (InputStream in = SubstanceTable.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("substance table " + SHIPPED + " is missing from the jar");
            }
            return read(in.readAllBytes(), SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a table; every problem (unknown code, missing source or confidence, unknown unit, bad exposure time)
     * is an error naming the file and the substance, so a bad table never starts the service.
     */
    public static SubstanceTable read(byte[] json, String name) {
        JsonNode root = JsonMapper.shared().readTree(json);
        Map<String, Substance> byCode = new LinkedHashMap<>();
        for (JsonNode row : root.path("substances")) {
            Substance substance = substance(row, name);
            if (byCode.put(substance.code(), substance) != null) {
                throw new IllegalStateException(name + ": substance " + substance.code() + " appears twice");
            }
        }
        for (Substance s : byCode.values()) {
            if (s.plumeAs() != null && !byCode.containsKey(s.plumeAs().value())) {
                throw new IllegalStateException(name + ": " + s.code() + " is modelled as " + s.plumeAs().value() + ", which has no row");
            }
        }
        return new SubstanceTable(java.util.Collections.unmodifiableMap(byCode), "sha256:" + sha256(json));
    }

    private static Substance substance(JsonNode row, String file) {
        String code = text(row, "code", file, "?");
        String where = file + ": " + code;
        if (!SubstanceCodes.isKnown(code)) {
            throw new IllegalStateException(where + ": not a code of contracts' substance-codes.csv");
        }
        Map<String, AeglLevel> aegl = new LinkedHashMap<>();
        JsonNode levels = row.path("aegl");
        for (String level : Substance.AEGL_LEVELS) {
            JsonNode l = levels.path(level);
            if (l.isMissingNode()) {
                continue;
            }
            String status = l.path("status").isString() ? l.path("status").asString() : null;
            Map<Integer, Double> ppm = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : l.path("ppm").properties()) {
                int minutes = Integer.parseInt(e.getKey());
                if (!EXPOSURE_MINUTES.contains(minutes)) {
                    throw new IllegalStateException(where + " " + level + ": exposure time " + minutes + " min is not one of " + EXPOSURE_MINUTES);
                }
                double value = e.getValue().asDouble();
                if (!(value > 0)) {
                    throw new IllegalStateException(where + " " + level + ": " + value + " ppm at " + minutes + " min");
                }
                ppm.put(minutes, value);
            }
            if ((status == null) == ppm.isEmpty() || (status != null && !LEVEL_STATUSES.contains(status))) {
                throw new IllegalStateException(where + " " + level + ": give either ppm values or a status of " + LEVEL_STATUSES);
            }
            aegl.put(level, new AeglLevel(level, status, ppm, text(l, "source", where, level), confidence(l, where + " " + level)));
        }
        for (Map.Entry<String, JsonNode> e : levels.properties()) {
            if (!Substance.AEGL_LEVELS.contains(e.getKey())) {
                throw new IllegalStateException(where + ": unknown AEGL level " + e.getKey());
            }
        }
        List<Limit> limits = new ArrayList<>();
        for (JsonNode l : row.path("limits")) {
            String medium = text(l, "medium", where, "limit").toUpperCase(Locale.ROOT);
            String unit = text(l, "unit", where, "limit " + medium);
            if (Units.of(unit).isEmpty()) {
                throw new IllegalStateException(where + " limit " + medium + ": unknown unit '" + unit + "'");
            }
            List<Limit.Step> steps = new ArrayList<>();
            for (JsonNode s : l.path("steps")) {
                steps.add(new Limit.Step(s.path("from").asDouble(), s.path("label").asString()));
            }
            double value = l.path("value").asDouble();
            if (!(value > 0)) {
                throw new IllegalStateException(where + " limit " + medium + ": value must be above 0");
            }
            limits.add(new Limit(code, medium, value, unit, l.path("severeAt").isNumber() ? l.path("severeAt").asDouble() : null,
                    text(l, "source", where, "limit " + medium), confidence(l, where + " limit " + medium), steps));
        }
        Sourced<Double> mw = number(row, "molecularWeight", where);
        Sourced<Double> fraction = number(row, "airborneFraction", where);
        if (fraction != null && !(fraction.value() > 0 && fraction.value() <= 1)) {
            throw new IllegalStateException(where + ": airborneFraction must be in (0, 1]");
        }
        Sourced<Double> duration = number(row, "releaseDurationMinutes", where);
        if (duration != null && !(duration.value() > 0)) {
            throw new IllegalStateException(where + ": releaseDurationMinutes must be above 0");
        }
        JsonNode vol = row.path("volatile");
        Sourced<Boolean> volatileFlag = new Sourced<>(vol.path("value").asBoolean(false), text(vol, "source", where, "volatile"),
                confidence(vol, where + " volatile"));
        JsonNode as = row.path("plumeAs");
        Sourced<String> plumeAs = as.isMissingNode() ? null
                : new Sourced<>(text(as, "code", where, "plumeAs"), text(as, "source", where, "plumeAs"), confidence(as, where + " plumeAs"));
        if (volatileFlag.value() && (fraction == null || duration == null)) {
            throw new IllegalStateException(where + ": a volatile substance needs airborneFraction and releaseDurationMinutes");
        }
        return new Substance(code, text(row, "name", where, "name"), row.path("cas").asString(null), mw, volatileFlag, plumeAs,
                aegl, fraction, duration, limits);
    }

    private static Sourced<Double> number(JsonNode row, String field, String where) {
        JsonNode n = row.path(field);
        if (n.isMissingNode()) {
            return null;
        }
        if (!n.path("value").isNumber()) {
            throw new IllegalStateException(where + ": " + field + ".value must be a number");
        }
        return new Sourced<>(n.path("value").asDouble(), text(n, "source", where, field), confidence(n, where + " " + field));
    }

    private static String text(JsonNode node, String field, String where, String what) {
        String value = node.path(field).asString("");
        if (value.isBlank()) {
            throw new IllegalStateException(where + " " + what + ": '" + field + "' is missing");
        }
        return value;
    }

    private static String confidence(JsonNode node, String where) {
        String c = node.path("confidence").asString("");
        if (!CONFIDENCES.contains(c)) {
            throw new IllegalStateException(where + ": confidence must be one of " + CONFIDENCES + ", was '" + c + "'");
        }
        return c;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Substance> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    public Collection<Substance> all() {
        return byCode.values();
    }

    public int size() {
        return byCode.size();
    }

    /** The limits on file for a substance in a medium (several when they are in different kinds of unit). */
    public List<Limit> limits(String substance, String medium) {
        String m = medium == null ? "" : medium.trim().toUpperCase(Locale.ROOT);
        return find(substance).map(s -> s.limits().stream().filter(l -> l.medium().equals(m)).toList()).orElse(List.of());
    }

    /** {@code sha256:<16 hex>} of the file's bytes. */
    public String version() {
        return version;
    }
}

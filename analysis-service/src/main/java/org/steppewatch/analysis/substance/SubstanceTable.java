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
 * per medium, default airborne fraction and release duration, each value with its source and confidence. The
 * limits of every regime come from the limit values table ({@code limit_values.csv}) and from {@code substances.json}
 * for those that table does not hold; {@code limitTerms} in {@code substances.json} add to a value what the table
 * says only in words (in force until a date, a narrower scope, not comparable with one sample).
 * Immutable; {@link #version()} is a content hash of the files it was read from.
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
    private final LimitValues.Read limitValues;
    private final String version;

    private SubstanceTable(Map<String, Substance> byCode, LimitValues.Read limitValues, String version) {
        this.byCode = byCode;
        this.limitValues = limitValues;
        this.version = version;
    }

    /** The table shipped in this jar: {@code substances.json} with the limits of {@code limit_values.csv}. */
    public static SubstanceTable shipped() {
        return read(resource(SHIPPED), SHIPPED, resource(LimitValues.SHIPPED), LimitValues.SHIPPED);
    }

    private static byte[] resource(String name) {
        try (InputStream in = SubstanceTable.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("substance table file " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table without a limit values table: its limits are those of the JSON. */
    public static SubstanceTable read(byte[] json, String name) {
        return read(json, name, ("regime,substance,medium,value,unit,basis,averaging_or_notes,legal_instrument,source_id,status\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "no limit values");
    }

    /**
     * Reads a table; every problem (unknown code, missing source or confidence, unknown unit, bad exposure time,
     * a limit term that matches no value) is an error naming the file and the substance, so a bad table never
     * starts the service.
     */
    public static SubstanceTable read(byte[] json, String name, byte[] limitCsv, String csvName) {
        JsonNode root = JsonMapper.shared().readTree(json);
        LimitValues.Read values = LimitValues.read(limitCsv, csvName);
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
        List<Limit> all = new ArrayList<>(values.limits());
        byCode.values().forEach(s -> all.addAll(s.limits()));
        List<Limit> termed = LimitTerms.apply(root.path("limitTerms"), all, name);
        byCode.replaceAll((code, s) -> s.withLimits(termed.stream().filter(l -> l.substance().equals(code)).toList()));
        for (Limit l : values.limits()) {
            if (!byCode.containsKey(l.substance())) {
                throw new IllegalStateException(csvName + ": " + l.substance() + " has limits but no row in " + name);
            }
        }
        byte[] both = new byte[json.length + limitCsv.length];
        System.arraycopy(json, 0, both, 0, json.length);
        System.arraycopy(limitCsv, 0, both, json.length, limitCsv.length);
        return new SubstanceTable(java.util.Collections.unmodifiableMap(byCode), values, "sha256:" + sha256(both));
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
            double value = l.path("value").asDouble();
            if (!(value > 0)) {
                throw new IllegalStateException(where + " limit " + medium + ": value must be above 0");
            }
            String confidence = confidence(l, where + " limit " + medium);
            limits.add(new Limit(code, medium, value, Units.of(unit).orElseThrow().symbol(), text(l, "regime", where, "limit " + medium),
                    l.path("basis").asString(null), null, null, null, null, false, l.path("legalInstrument").asString(null),
                    text(l, "source", where, "limit " + medium), l.path("status").asString(confidence), confidence));
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
        if (volatileFlag.value() && (fraction == null || duration == null || mw == null)) {
            throw new IllegalStateException(where + ": a volatile substance needs molecularWeight, airborneFraction and releaseDurationMinutes");
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

    /** The E-PRTR facility reporting thresholds (kg/year): never compared with a sample. */
    public List<ReportingThreshold> reportingThresholds() {
        return limitValues.thresholds();
    }

    /** Rows of the limit values table that have no value (not read in any source), one line each. */
    public List<String> limitGaps() {
        return limitValues.gaps();
    }

    /** Values of the limit values table that are not concentrations (intake guidelines), one line each. */
    public List<String> notSampleLimits() {
        return limitValues.notLimits();
    }

    /** {@code sha256:<16 hex>} of the files' bytes. */
    public String version() {
        return version;
    }
}

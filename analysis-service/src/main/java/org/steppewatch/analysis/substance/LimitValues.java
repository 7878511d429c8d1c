package org.steppewatch.analysis.substance;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.steppewatch.contracts.SubstanceCodes;

/**
 * The limit values table ({@code limit_values.csv}, RFC 4180): one row per regime, substance, medium and value,
 * with its basis, legal instrument, sources and status. Rows with a value become {@link Limit}s, except the E-PRTR
 * facility reporting thresholds (kg/year, kept apart as {@link ReportingThreshold}s) and intake guidelines (per kg of
 * body weight, which no sample measures). Rows without a value were not read in any source: they are gaps.
 */
final class LimitValues {

    static final String SHIPPED = "limit_values.csv";
    static final String REPORTING_THRESHOLD_REGIME = "EU_EPRTR_THRESHOLD";
    /** Regimes whose values are intakes per body weight, not concentrations in a medium. */
    static final Set<String> INTAKE_REGIMES = Set.of("WHO_JECFA");
    /** The table's lower-case media as the project's medium codes. */
    static final Map<String, String> MEDIA = Map.of("air", "AIR", "water", "WATER", "drinking_water", "DRINKING_WATER",
            "soil", "SOIL", "land", "LAND", "fish", "FISH", "meat", "MEAT", "milk", "MILK", "food", "FOOD", "diet", "DIET");
    /** Statuses of values read in the instrument itself or in a faithful reproduction of it. */
    static final Set<String> PRIMARY = Set.of("primary_data", "primary_reproduction", "primary_report");
    private static final List<String> HEADER = List.of("regime", "substance", "medium", "value", "unit", "basis",
            "averaging_or_notes", "legal_instrument", "source_id", "status");

    /**
     * @param notLimits one line per row with a value that is not a sample limit (intake guidelines)
     * @param gaps      one line per row without a value
     */
    record Read(List<Limit> limits, List<ReportingThreshold> thresholds, List<String> notLimits, List<String> gaps) {
    }

    private LimitValues() {
    }

    static Read read(byte[] csv, String name) {
        List<String> lines = List.of(new String(csv, UTF_8).split("\r?\n"));
        if (lines.isEmpty() || !cells(lines.get(0)).equals(HEADER)) {
            throw new IllegalStateException(name + ": the header must be " + String.join(",", HEADER));
        }
        List<Limit> limits = new ArrayList<>();
        List<ReportingThreshold> thresholds = new ArrayList<>();
        List<String> notLimits = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> c = cells(lines.get(i));
            String where = name + " line " + (i + 1);
            if (c.size() != HEADER.size()) {
                throw new IllegalStateException(where + ": " + c.size() + " cells, expected " + HEADER.size());
            }
            String regime = c.get(0);
            String substance = c.get(1);
            String medium = MEDIA.get(c.get(2));
            if (medium == null) {
                throw new IllegalStateException(where + ": unknown medium '" + c.get(2) + "'; known " + MEDIA.keySet());
            }
            String what = regime + " " + substance + " in " + medium;
            String source = c.get(6) + " Sources: " + c.get(8).replace(";", ", ") + " (see DATA-SOURCES.md).";
            if (c.get(3).isBlank()) {
                gaps.add(what + " (" + c.get(7) + "): " + c.get(6));
                continue;
            }
            double value = Double.parseDouble(c.get(3));
            if (!(value > 0)) {
                throw new IllegalStateException(where + ": value must be above 0");
            }
            if (REPORTING_THRESHOLD_REGIME.equals(regime)) {
                thresholds.add(new ReportingThreshold(regime, substance, medium, value, c.get(4), blankToNull(c.get(5)), c.get(7),
                        source, c.get(9)));
                continue;
            }
            if (INTAKE_REGIMES.contains(regime)) {
                notLimits.add(what + ": " + c.get(3) + " " + c.get(4) + " (" + c.get(5) + "), an intake, not a concentration");
                continue;
            }
            if (!SubstanceCodes.isKnown(substance)) {
                throw new IllegalStateException(where + ": " + substance + " is not a code of contracts' substance-codes.csv");
            }
            if (Units.of(c.get(4)).isEmpty()) {
                throw new IllegalStateException(where + ": unknown unit '" + c.get(4) + "'");
            }
            String confidence = PRIMARY.contains(c.get(9)) ? SubstanceTable.VERIFIED : SubstanceTable.UNVERIFIED;
            limits.add(new Limit(substance, medium, value, Units.of(c.get(4)).orElseThrow().symbol(), regime, blankToNull(c.get(5)),
                    null, null, null, null, false, c.get(7), source, c.get(9), confidence));
        }
        return new Read(List.copyOf(limits), List.copyOf(thresholds), List.copyOf(notLimits), List.copyOf(gaps));
    }

    /** The cells of one RFC 4180 line: commas inside double quotes are text, a doubled quote is one quote. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

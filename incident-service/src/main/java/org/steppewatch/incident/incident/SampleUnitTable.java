package org.steppewatch.incident.incident;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@link SampleUnits} from {@code sample-units.csv}: what each unit measures, which quantities each medium and
 * each kind of substance is measured in. Unit spellings as the analysis reads them: case-insensitive, µ as µ, μ
 * or u, m³ and m² as m3 and m2.
 */
final class SampleUnitTable implements SampleUnits {

    enum Quantity { MASS_PER_MASS, MASS_PER_VOLUME, VOLUME_FRACTION, ACTIVITY_PER_MASS, ACTIVITY_PER_VOLUME, ACTIVITY_PER_AREA }

    static final SampleUnitTable STANDARD = load();

    private final Map<String, Quantity> units;
    private final List<String> names;
    private final Map<String, Set<Quantity>> media;
    private final Set<Quantity> chemical;
    private final Set<Quantity> radionuclide;
    private final Set<String> radionuclides;

    private SampleUnitTable(List<String> names, Map<String, Set<Quantity>> media, Map<String, Quantity> units,
                            Set<Quantity> chemical, Set<Quantity> radionuclide, Set<String> radionuclides) {
        this.names = List.copyOf(names);
        this.units = units;
        this.media = media;
        this.chemical = chemical;
        this.radionuclide = radionuclide;
        this.radionuclides = radionuclides;
    }

    @Override
    public String problem(String substance, String medium, String unit) {
        Quantity quantity = units.get(normalise(unit));
        if (quantity == null) {
            return "unknown unit '" + unit + "'; one of " + String.join(", ", names);
        }
        boolean nuclide = radionuclides.contains(substance);
        if (!(nuclide ? radionuclide : chemical).contains(quantity)) {
            return "'" + unit + "' measures " + words(quantity) + ", but " + substance + " is "
                    + (nuclide ? "a radionuclide, measured by activity (e.g. Bq/kg, Bq/L, kBq/m²)"
                    : "a chemical, measured by mass (e.g. mg/kg, mg/L, mg/m³)");
        }
        Set<Quantity> allowed = media.get(medium);
        if (allowed != null && !allowed.contains(quantity)) {
            return "'" + unit + "' measures " + words(quantity) + ", which does not apply to " + medium
                    + "; " + medium + " is measured in " + allowed.stream().map(SampleUnitTable::words)
                    .collect(Collectors.joining(" or "));
        }
        return null;
    }

    static String normalise(String unit) {
        String n = unit.strip().toLowerCase(Locale.ROOT).replace('\u03bc', '\u00b5').replace(" ", "")
                .replace("m^3", "m³").replace("m3", "m³").replace("m^2", "m²").replace("m2", "m²");
        return n.startsWith("ug/") ? "\u00b5" + n.substring(1) : n;
    }

    private static String words(Quantity quantity) {
        return quantity.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static SampleUnitTable load() {
        Map<String, Quantity> units = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        Map<String, Set<Quantity>> media = new LinkedHashMap<>();
        Map<String, Set<Quantity>> substances = new LinkedHashMap<>();
        Set<String> radionuclides = new TreeSet<>();
        try (var in = SampleUnitTable.class.getResourceAsStream("sample-units.csv");
             var reader = new BufferedReader(new InputStreamReader(in, UTF_8))) {
            for (String line : reader.lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = List.of(line.split(","));
                switch (cells.get(0)) {
                    case "unit" -> {
                        names.add(cells.get(1));
                        units.put(normalise(cells.get(1)), Quantity.valueOf(cells.get(2)));
                    }
                    case "medium" -> media.put(cells.get(1), quantities(cells.get(2)));
                    case "substances" -> substances.put(cells.get(1), quantities(cells.get(2)));
                    case "radionuclide" -> radionuclides.add(cells.get(1));
                    default -> throw new IllegalStateException("sample-units.csv: unknown row " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SampleUnitTable(names, media, units, substances.get("CHEMICAL"), substances.get("RADIONUCLIDE"),
                radionuclides);
    }

    private static Set<Quantity> quantities(String cell) {
        Set<Quantity> set = EnumSet.noneOf(Quantity.class);
        for (String name : cell.split(" ")) {
            set.add(Quantity.valueOf(name));
        }
        return set;
    }
}

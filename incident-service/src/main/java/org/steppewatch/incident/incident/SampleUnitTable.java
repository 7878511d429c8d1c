package org.steppewatch.incident.incident;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.steppewatch.units.Quantity;
import org.steppewatch.units.SampleUnit;

/**
 * {@link SampleUnits} from {@code sample-units.csv}: which quantities each medium and each kind of substance is
 * measured in. The units and what each measures are the shared vocabulary
 * ({@link org.steppewatch.units.SampleUnits}), read case-sensitively as the analysis reads them.
 */
final class SampleUnitTable implements SampleUnits {

    static final SampleUnitTable STANDARD = load();

    private final Map<String, Set<Quantity>> media;
    private final Set<Quantity> chemical;
    private final Set<Quantity> radionuclide;
    private final Set<String> radionuclides;

    private SampleUnitTable(Map<String, Set<Quantity>> media, Set<Quantity> chemical, Set<Quantity> radionuclide,
                            Set<String> radionuclides) {
        this.media = media;
        this.chemical = chemical;
        this.radionuclide = radionuclide;
        this.radionuclides = radionuclides;
    }

    @Override
    public String problem(String substance, String medium, String unit) {
        boolean nuclide = radionuclides.contains(substance);
        Set<Quantity> allowed = EnumSet.copyOf(nuclide ? radionuclide : chemical);
        Set<Quantity> inMedium = media.get(medium);
        if (inMedium != null) {
            allowed.retainAll(inMedium);
        }
        String accepted = "; for " + substance + " in " + medium + " one of " + accepted(allowed);
        Optional<SampleUnit> known = org.steppewatch.units.SampleUnits.of(unit);
        if (known.isEmpty()) {
            return "unknown unit '" + unit + "'" + org.steppewatch.units.SampleUnits.caseVariantOf(unit)
                    .map(v -> " (unit symbols are case-sensitive: did you mean '" + v + "'?)").orElse("") + accepted;
        }
        Quantity quantity = known.get().quantity();
        if (!(nuclide ? radionuclide : chemical).contains(quantity)) {
            return "'" + unit + "' measures " + quantity.words() + ", but " + substance + " is "
                    + (nuclide ? "a radionuclide, measured by activity" : "a chemical, measured by mass") + accepted;
        }
        if (inMedium != null && !inMedium.contains(quantity)) {
            return "'" + unit + "' measures " + quantity.words() + ", which does not apply to " + medium
                    + "; " + medium + " is measured in " + inMedium.stream().map(Quantity::words)
                    .collect(Collectors.joining(" or ")) + accepted;
        }
        return null;
    }

    private static String accepted(Set<Quantity> quantities) {
        return quantities.stream().flatMap(q -> org.steppewatch.units.SampleUnits.symbols(q).stream())
                .collect(Collectors.joining(", "));
    }

    private static SampleUnitTable load() {
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
                    case "medium" -> media.put(cells.get(1), quantities(cells.get(2)));
                    case "substances" -> substances.put(cells.get(1), quantities(cells.get(2)));
                    case "radionuclide" -> radionuclides.add(cells.get(1));
                    default -> throw new IllegalStateException("sample-units.csv: unknown row " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SampleUnitTable(media, substances.get("CHEMICAL"), substances.get("RADIONUCLIDE"), radionuclides);
    }

    private static Set<Quantity> quantities(String cell) {
        Set<Quantity> set = EnumSet.noneOf(Quantity.class);
        for (String name : cell.split(" ")) {
            set.add(Quantity.valueOf(name));
        }
        return set;
    }
}

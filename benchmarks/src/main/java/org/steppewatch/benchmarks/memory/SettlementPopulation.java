package org.steppewatch.benchmarks.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.steppewatch.georef.Settlement;
import org.steppewatch.georef.SettlementCatalog;
import org.steppewatch.georef.SettlementName;

/**
 * Settlements with the names of real ones: the shipped catalogue, repeated with new ids and points moved by up to
 * 0.5 degrees, every string a copy of its own (as an import reading a file makes them, rather than sharing the
 * catalogue's), through the record's own constructor (which builds its list of names).
 */
final class SettlementPopulation {

    private SettlementPopulation() {
    }

    static List<Settlement> make(int count) {
        List<Settlement> real = SettlementCatalog.shipped().all();
        Random random = new Random(42);
        List<Settlement> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Settlement s = real.get(i % real.size());
            List<SettlementName> names = new ArrayList<>();
            for (SettlementName name : s.names()) {
                names.add(new SettlementName(copy(name.name()), copy(name.language())));
            }
            all.add(new Settlement("gn:" + (1_000_000 + i), copy(s.name()), copy(s.nameRu()), copy(s.nameKk()),
                    s.lon() + (random.nextDouble() - 0.5), s.lat() + (random.nextDouble() - 0.5), s.population(),
                    copy(s.source()), copy(s.populationSource()), List.of(), names));
        }
        return all;
    }

    static int catalogueSize() {
        return SettlementCatalog.shipped().all().size();
    }

    private static String copy(String text) {
        return text == null ? null : new String(text);
    }
}

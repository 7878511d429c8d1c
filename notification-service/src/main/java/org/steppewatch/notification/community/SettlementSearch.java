package org.steppewatch.notification.community;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.stereotype.Component;
import org.steppewatch.georef.Region;
import org.steppewatch.georef.RegionCatalog;
import org.steppewatch.georef.Settlement;
import org.steppewatch.georef.SettlementCatalog;
import org.steppewatch.georef.SettlementName;
import org.steppewatch.notification.reference.CurrentSettlements;

/**
 * Finds a settlement by what people type: its Kazakh, Russian, English or other name, whole or
 * its beginning, in any case, with or without the Kazakh letters (Байқоңыр = Байконыр) and
 * transliteration variants (Qaraghandy = Karagandy). Exact names first, then names that start
 * with the text, then names that contain it; larger places first within each.
 */
@Component
class SettlementSearch {

    static final int MAX_RESULTS = 50;

    /** A settlement as the community page shows it, with the region it lies in and the other names it goes by. */
    record Hit(String id, String name, String nameRu, String nameKk, long population, double lon, double lat,
               RegionName region, List<String> alternateNames) {
    }

    record RegionName(String id, String name, String nameRu, String nameKk) {
    }

    private record Entry(Settlement settlement, List<String> keys, RegionName region) {
    }

    /** The catalogue searched and its entries, swapped together. */
    private record Index(SettlementCatalog catalog, List<Entry> entries) {
    }

    private final List<Region> regions = RegionCatalog.shipped().regions();
    private final List<PreparedGeometry> shapes = regions.stream().map(r -> PreparedGeometryFactory.prepare(r.geometry())).toList();
    private final AtomicReference<Index> index;

    /** Searches the current settlements, and indexes each new edition of them before it is swapped in. */
    SettlementSearch(CurrentSettlements settlements) {
        this.index = new AtomicReference<>(index(settlements.catalog()));
        settlements.follow(catalog -> index.set(index(catalog)));
    }

    private Index index(SettlementCatalog catalog) {
        List<Entry> built = new ArrayList<>();
        for (Settlement s : catalog.all()) {
            // the region that covers it; a town on the shore or the border may fall just outside
            // every outline, and then the nearest region is its region
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int i = 0; i < regions.size() && bestDistance > 0; i++) {
                double distance = shapes.get(i).covers(s.point()) ? 0 : regions.get(i).geometry().distance(s.point());
                if (distance < bestDistance) {
                    best = i;
                    bestDistance = distance;
                }
            }
            Region r = best < 0 ? null : regions.get(best);
            RegionName region = r == null ? null : new RegionName(r.id(), r.name(), r.nameRu(), r.nameKk());
            // every name it is known by: Atasu and Атасу find Zhangaarqa
            List<String> keys = s.names().stream().map(SettlementName::name).map(SettlementSearch::fold).distinct().toList();
            built.add(new Entry(s, keys, region));
        }
        return new Index(catalog, List.copyOf(built));
    }

    List<Hit> all() {
        return index.get().entries().stream().map(SettlementSearch::hit).toList();
    }

    List<Hit> find(String query, int limit) {
        String wanted = fold(query);
        if (wanted.isEmpty()) {
            return List.of();
        }
        Index current = index.get();
        Set<String> exactIds = new HashSet<>();
        current.catalog().findByName(query.strip()).forEach(s -> exactIds.add(s.id()));
        Comparator<Entry> order = Comparator
                .comparingInt((Entry e) -> rank(e, wanted, exactIds))
                .thenComparing(Comparator.comparingLong((Entry e) -> e.settlement().population()).reversed())
                .thenComparing(e -> e.settlement().name());
        return current.entries().stream()
                .filter(e -> rank(e, wanted, exactIds) < 3)
                .sorted(order)
                .limit(Math.max(1, Math.min(limit, MAX_RESULTS)))
                .map(SettlementSearch::hit)
                .toList();
    }

    /** 0 exact, 1 starts with the text, 2 contains it, 3 no match. */
    private static int rank(Entry entry, String wanted, Set<String> exactIds) {
        if (exactIds.contains(entry.settlement().id()) || entry.keys().contains(wanted)) {
            return 0;
        }
        if (entry.keys().stream().anyMatch(k -> k.startsWith(wanted))) {
            return 1;
        }
        return wanted.length() >= 3 && entry.keys().stream().anyMatch(k -> k.contains(wanted)) ? 2 : 3;
    }

    /**
     * One spelling for all the ways a name is typed: lower case, no accents, Kazakh letters as
     * their nearest Russian ones (a Russian keyboard has no қ), no spaces, hyphens or apostrophes,
     * and the usual Latin transliteration pairs folded together.
     */
    static String fold(String name) {
        String n = name.toLowerCase(Locale.ROOT)
                .replace('қ', 'к').replace('ң', 'н').replace('ғ', 'г').replace('ұ', 'у').replace('ү', 'у')
                .replace('ө', 'о').replace('ә', 'а').replace('і', 'и').replace('һ', 'х').replace('ё', 'е')
                .replace('й', 'и').replace('ы', 'и').replace('ъ', 'ь');
        n = Normalizer.normalize(n, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^\\p{L}\\p{N}]", "");
        // Latin: Qaraghandy / Karagandy, Zhezqazghan / Zhezkazgan, Kyzylorda / Qyzylorda
        return n.replace("gh", "g").replace('q', 'k').replace("kh", "h").replace('y', 'i').replaceAll("(.)\\1", "$1");
    }

    private static Hit hit(Entry e) {
        Settlement s = e.settlement();
        return new Hit(s.id(), s.name(), s.nameRu(), s.nameKk(), s.population(), s.lon(), s.lat(), e.region(), s.alternateNames());
    }
}

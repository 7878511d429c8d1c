package org.steppewatch.georef;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.Geo;

/**
 * A populated place.
 *
 * @param id             stable id: {@code gn:<GeoNames id>}, {@code sm:<SimpleMaps id>} or {@code dp:<domain point id>}
 * @param name           English (Latin) name
 * @param nameRu         Russian name, or null where unknown
 * @param nameKk         Kazakh name (Cyrillic), or null where unknown
 * @param population     latest figure of {@code populationSource}
 * @param alternateNames every other name the place goes by (e.g. Atasu and Атасу for Zhangaarqa): the texts of
 *                       {@code names} other than {@code name}, {@code nameRu} and {@code nameKk}
 * @param names          every name the place is known by, de-duplicated (case-insensitively), each with its language
 *                       where known: {@code name} (en), {@code nameRu} (ru), {@code nameKk} (kk) first, then the others
 */
public record Settlement(String id, String name, String nameRu, String nameKk, double lon, double lat,
                         long population, String source, String populationSource, List<String> alternateNames,
                         List<SettlementName> names) {

    public Settlement {
        List<SettlementName> all = new ArrayList<>();
        add(all, name, "en");
        add(all, nameRu, "ru");
        add(all, nameKk, "kk");
        if (names != null) {
            names.forEach(n -> add(all, n));
        }
        if (alternateNames != null) {
            alternateNames.forEach(a -> add(all, a, null));
        }
        names = List.copyOf(all);
        alternateNames = all.subList(main(name, nameRu, nameKk), all.size()).stream().map(SettlementName::name).toList();
    }

    /** A place whose names carry no language beyond its English, Russian and Kazakh ones. */
    public Settlement(String id, String name, String nameRu, String nameKk, double lon, double lat, long population,
                      String source, String populationSource, List<String> alternateNames) {
        this(id, name, nameRu, nameKk, lon, lat, population, source, populationSource, alternateNames, List.of());
    }

    /** How many of the first names are {@code name}, {@code nameRu} and {@code nameKk} (fewer when absent or the same). */
    private static int main(String name, String nameRu, String nameKk) {
        List<SettlementName> main = new ArrayList<>();
        add(main, name, "en");
        add(main, nameRu, "ru");
        add(main, nameKk, "kk");
        return main.size();
    }

    private static void add(List<SettlementName> names, String text, String language) {
        if (text != null && !text.isBlank()) {
            add(names, new SettlementName(text, language));
        }
    }

    /** Adds a name once; a name known without a language takes the language another source gives it. */
    private static void add(List<SettlementName> names, SettlementName name) {
        for (int i = 0; i < names.size(); i++) {
            SettlementName known = names.get(i);
            if (known.sameText(name)) {
                if (known.language() == null && name.language() != null) {
                    names.set(i, new SettlementName(known.name(), name.language()));
                }
                return;
            }
        }
        names.add(name);
    }

    /**
     * The place with one more name (nothing changes when it has that name already); a place without a Russian or
     * Kazakh name takes a name in that language as its Russian or Kazakh name.
     */
    public Settlement withName(SettlementName other) {
        List<SettlementName> more = new ArrayList<>(names);
        more.add(other);
        String ru = nameRu == null && "ru".equals(other.language()) ? other.name() : nameRu;
        String kk = nameKk == null && "kk".equals(other.language()) ? other.name() : nameKk;
        return new Settlement(id, name, ru, kk, lon, lat, population, source, populationSource, List.of(), more);
    }

    public Point point() {
        return Geo.point(lon, lat);
    }
}

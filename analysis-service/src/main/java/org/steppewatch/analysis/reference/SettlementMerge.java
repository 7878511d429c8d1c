package org.steppewatch.analysis.reference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;
import org.steppewatch.georef.Geodesy;
import org.steppewatch.georef.Settlement;
import org.steppewatch.georef.SettlementName;

/**
 * Merges imported settlements into the shipped catalogue, so one place is counted once:
 * <ul>
 *   <li>an imported settlement with the id of a shipped one (e.g. {@code gn:1521368}) updates it: the shipped,
 *       curated names stay, the import fills names it lacks, adds its other names and brings a population when
 *       it has one;</li>
 *   <li>an imported settlement within {@value #SAME_PLACE_KM} km of a shipped SimpleMaps or domain-list town
 *       ({@code sm:}, {@code dp:}) replaces that town under the imported id, keeping the town's names (with
 *       their languages) and its population when the import has none;</li>
 *   <li>any other imported settlement is added.</li>
 * </ul>
 */
final class SettlementMerge {

    static final double SAME_PLACE_KM = 2.0;

    private SettlementMerge() {
    }

    static List<Settlement> merge(List<Settlement> shipped, List<Settlement> imported) {
        if (imported.isEmpty()) {
            return shipped;
        }
        Map<String, Settlement> merged = new LinkedHashMap<>();
        STRtree others = new STRtree();
        for (Settlement s : shipped) {
            merged.put(s.id(), s);
            if (!s.id().startsWith("gn:")) {
                others.insert(new Envelope(s.lon(), s.lon(), s.lat(), s.lat()), s);
            }
        }
        others.build();
        Set<String> absorbed = new HashSet<>();
        for (Settlement s : imported) {
            Settlement known = merged.get(s.id());
            if (known != null) {
                merged.put(s.id(), update(known, s));
                continue;
            }
            Settlement town = sameTown(others, s, absorbed);
            if (town != null) {
                absorbed.add(town.id());
                merged.remove(town.id());
                merged.put(s.id(), absorb(s, town));
            } else {
                merged.put(s.id(), s);
            }
        }
        return new ArrayList<>(merged.values());
    }

    private static Settlement sameTown(STRtree others, Settlement s, Set<String> absorbed) {
        double d = SAME_PLACE_KM / 60.0; // degrees; generous for a 2 km box at Kazakh latitudes
        Settlement nearest = null;
        double nearestKm = SAME_PLACE_KM;
        for (Object candidate : others.query(new Envelope(s.lon() - 2 * d, s.lon() + 2 * d, s.lat() - d, s.lat() + d))) {
            Settlement town = (Settlement) candidate;
            double km = Geodesy.distanceKm(s.lon(), s.lat(), town.lon(), town.lat());
            if (km < nearestKm && !absorbed.contains(town.id())) {
                nearest = town;
                nearestKm = km;
            }
        }
        return nearest;
    }

    /** The shipped record updated by an import of the same id. */
    private static Settlement update(Settlement shipped, Settlement imported) {
        boolean newPopulation = imported.population() > 0;
        return new Settlement(shipped.id(), shipped.name(), or(shipped.nameRu(), imported.nameRu()), or(shipped.nameKk(), imported.nameKk()),
                imported.lon(), imported.lat(), newPopulation ? imported.population() : shipped.population(),
                shipped.source() + "; updated by " + imported.source(),
                newPopulation ? imported.populationSource() : shipped.populationSource(),
                List.of(), names(shipped, imported));
    }

    /** An imported record replacing a shipped town at the same place. */
    private static Settlement absorb(Settlement imported, Settlement town) {
        boolean newPopulation = imported.population() > 0;
        return new Settlement(imported.id(), imported.name(), or(imported.nameRu(), town.nameRu()), or(imported.nameKk(), town.nameKk()),
                imported.lon(), imported.lat(), newPopulation ? imported.population() : town.population(),
                imported.source() + "; replaces " + town.id() + " (" + town.source() + ")",
                newPopulation ? imported.populationSource() : town.populationSource(),
                List.of(), names(imported, town));
    }

    /** Every name of both, the first's first: a name the second knows with a language keeps it. */
    private static List<SettlementName> names(Settlement first, Settlement second) {
        List<SettlementName> names = new ArrayList<>(first.names());
        names.addAll(second.names());
        return names;
    }

    private static String or(String first, String second) {
        return first != null ? first : second;
    }
}

package org.steppewatch.georef;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The settlements shipped with Steppe Watch: GeoNames places over 5,000 people (with Russian and
 * Kazakh names), merged with the SimpleMaps towns (Atasu, for one, is only there) and the towns of
 * the domain list, de-duplicated by name and distance. GeoNames wins where both have a place.
 */
public final class SettlementCatalog {

    static final String GEONAMES = "kz_geonames_cities5000.csv";
    static final String SIMPLEMAPS = "kz_cities_simplemaps_basic_v1.901.csv";
    static final String DOMAIN_POINTS = "kz_domain_points.csv";

    /** Two records this close are one place whatever they are called (GeoNames and SimpleMaps round differently). */
    private static final double SAME_PLACE_KM = 2.0;
    /** Two records with the same name this close are one place. */
    private static final double SAME_NAME_KM = 15.0;

    private final List<Settlement> settlements;
    private final Map<String, Settlement> byId;

    private SettlementCatalog(List<Settlement> settlements) {
        this.settlements = List.copyOf(settlements);
        Map<String, Settlement> index = new LinkedHashMap<>();
        settlements.forEach(s -> index.put(s.id(), s));
        this.byId = Collections.unmodifiableMap(index);
    }

    /** A catalogue of the given settlements as they are (e.g. an edition of the reference data received from elsewhere). */
    public static SettlementCatalog of(List<Settlement> settlements) {
        return new SettlementCatalog(settlements);
    }

    /** The catalogue built from the files shipped in this jar. */
    public static SettlementCatalog shipped() {
        List<Settlement> merged = new ArrayList<>();
        for (CSVRecord r : read(GEONAMES)) {
            merged.add(new Settlement("gn:" + r.get("geonameid"), r.get("name"), blankToNull(r.get("name_ru")),
                    blankToNull(r.get("name_kk")), Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat")),
                    Long.parseLong(r.get("population")), "GeoNames cities5000 (CC BY 4.0)", "GeoNames", List.of()));
        }
        for (CSVRecord r : read(SIMPLEMAPS)) {
            addUnlessKnown(merged, new Settlement("sm:" + r.get("id"), r.get("city_ascii"), null, null,
                    Double.parseDouble(r.get("lng")), Double.parseDouble(r.get("lat")),
                    parsePopulation(r.get("population")), "SimpleMaps World Cities Basic v1.901 (CC BY 4.0)", "SimpleMaps", List.of()));
        }
        for (CSVRecord r : read(DOMAIN_POINTS)) {
            if (!"settlement".equals(r.get("kind"))) {
                continue;
            }
            addUnlessKnown(merged, new Settlement("dp:" + r.get("id"), r.get("name"), null, null,
                    Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat")), 0,
                    "Steppe Watch domain points (" + r.get("source") + ")", "unknown", List.of()));
        }
        return new SettlementCatalog(merged);
    }

    private static void addUnlessKnown(List<Settlement> merged, Settlement candidate) {
        String name = normalise(candidate.name());
        for (int i = 0; i < merged.size(); i++) {
            Settlement known = merged.get(i);
            double km = Geodesy.distanceKm(known.lon(), known.lat(), candidate.lon(), candidate.lat());
            if (km < SAME_PLACE_KM || (km < SAME_NAME_KM && sameName(name, known))) {
                if (!sameName(name, known)) {
                    // one place under two names: keep the other so people find it by either
                    merged.set(i, known.withAlternateName(candidate.name()));
                }
                return;
            }
        }
        merged.add(candidate);
    }

    private static boolean sameName(String normalised, Settlement known) {
        String other = normalise(known.name());
        return other.equals(normalised) || (Math.min(other.length(), normalised.length()) >= 5
                && (other.startsWith(normalised) || normalised.startsWith(other)));
    }

    /** Folds the usual transliteration variants together: Qaraghandy / Karagandy, Zhezqazghan / Zhezkazgan. */
    static String normalise(String name) {
        String n = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        n = n.replace("gh", "g").replace("q", "k").replace("kh", "h").replace("y", "i").replace("u", "o");
        return n.replaceAll("(.)\\1", "$1");
    }

    private static long parsePopulation(String value) {
        return value == null || value.isBlank() ? 0 : Math.round(Double.parseDouble(value));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static List<CSVRecord> read(String resource) {
        try (InputStream in = ReferenceResources.open(resource);
             Reader reader = new InputStreamReader(in, UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shipped reference data " + resource, e);
        }
    }

    public List<Settlement> all() {
        return settlements;
    }

    public Optional<Settlement> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Settlements whose English, Russian, Kazakh or alternate name matches, case- and transliteration-insensitively. */
    public List<Settlement> findByName(String query) {
        String wanted = normalise(query);
        String lower = query.toLowerCase(Locale.ROOT);
        return settlements.stream().filter(s -> normalise(s.name()).equals(wanted)
                || s.alternateNames().stream().anyMatch(a -> normalise(a).equals(wanted))
                || (s.nameRu() != null && s.nameRu().toLowerCase(Locale.ROOT).equals(lower))
                || (s.nameKk() != null && s.nameKk().toLowerCase(Locale.ROOT).equals(lower))).toList();
    }

    public int size() {
        return settlements.size();
    }
}

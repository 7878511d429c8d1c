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
 * Kazakh names), merged with the SimpleMaps towns and the towns of the domain list, de-duplicated by
 * name and distance. GeoNames wins where both have a place, and keeps the other's names (SimpleMaps'
 * Atasu is GeoNames' Zhangaarqa). Then every place gets the other names of {@value #ALTERNATE_NAMES}
 * (former and Soviet-era names from GeoNames' alternate names, with their language).
 */
public final class SettlementCatalog {

    static final String GEONAMES = "kz_geonames_cities5000.csv";
    static final String SIMPLEMAPS = "kz_cities_simplemaps_basic_v1.901.csv";
    static final String DOMAIN_POINTS = "kz_domain_points.csv";
    static final String ALTERNATE_NAMES = "kz_settlement_alternate_names.csv";

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
            // city is the name with its diacritics (Atasū), city_ascii without (Atasu)
            addUnlessKnown(merged, new Settlement("sm:" + r.get("id"), r.get("city_ascii"), null, null,
                    Double.parseDouble(r.get("lng")), Double.parseDouble(r.get("lat")),
                    parsePopulation(r.get("population")), "SimpleMaps World Cities Basic v1.901 (CC BY 4.0)", "SimpleMaps",
                    List.of(), List.of(new SettlementName(r.get("city"), "en"))));
        }
        for (CSVRecord r : read(DOMAIN_POINTS)) {
            if (!"settlement".equals(r.get("kind"))) {
                continue;
            }
            addUnlessKnown(merged, new Settlement("dp:" + r.get("id"), r.get("name"), null, null,
                    Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat")), 0,
                    "Steppe Watch domain points (" + r.get("source") + ")", "unknown", List.of()));
        }
        return new SettlementCatalog(withAlternateNames(merged));
    }

    /** Adds the names of {@value #ALTERNATE_NAMES}; a row for a place the catalogue does not have is a broken file. */
    private static List<Settlement> withAlternateNames(List<Settlement> merged) {
        Map<String, Settlement> byId = new LinkedHashMap<>();
        merged.forEach(s -> byId.put(s.id(), s));
        for (CSVRecord r : read(ALTERNATE_NAMES)) {
            String id = r.get("settlement_id");
            Settlement s = byId.get(id);
            if (s == null) {
                throw new IllegalStateException(ALTERNATE_NAMES + " line " + r.getRecordNumber() + ": no settlement " + id);
            }
            byId.put(id, s.withName(new SettlementName(r.get("name"), r.get("language"))));
        }
        return new ArrayList<>(byId.values());
    }

    private static void addUnlessKnown(List<Settlement> merged, Settlement candidate) {
        String name = normalise(candidate.name());
        for (int i = 0; i < merged.size(); i++) {
            Settlement known = merged.get(i);
            double km = Geodesy.distanceKm(known.lon(), known.lat(), candidate.lon(), candidate.lat());
            if (km < SAME_PLACE_KM || (km < SAME_NAME_KM && sameName(name, known))) {
                // one place under two names (or two spellings): keep the others so people find it by any
                Settlement more = known;
                for (SettlementName other : candidate.names()) {
                    more = more.withName(other);
                }
                merged.set(i, more);
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

    /**
     * Settlements known by the name, in any of their names: Latin names case- and transliteration-insensitively
     * (Zhezqazghan = Zhezkazgan), others (Cyrillic) case-insensitively.
     */
    public List<Settlement> findByName(String query) {
        String wanted = normalise(query);
        String lower = query.strip().toLowerCase(Locale.ROOT);
        return settlements.stream().filter(s -> s.names().stream().map(SettlementName::name)
                .anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(lower) || (!wanted.isEmpty() && normalise(n).equals(wanted))))
                .toList();
    }

    public int size() {
        return settlements.size();
    }
}

package org.steppewatch.incident.console;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.Geo;
import org.steppewatch.georef.Region;
import org.steppewatch.georef.RegionCatalog;

import tools.jackson.databind.json.JsonMapper;

/**
 * The console map's offline layers that change only with a release, from the geo-reference data this service
 * ships: regions (simplified from 1.8 MB to about 140 kB) and the sites of the domain list (launch pads, test
 * sites, past crash sites). Each is built once, on first use, as GeoJSON text with a content hash for HTTP caching.
 * Settlements, drop zones and areas of concern follow the reference data: {@link ReferenceLayers}.
 */
@Component
class MapLayers {

    /** Enough for a country-wide view and zooming to a district; the analysis uses the shipped files unsimplified. */
    static final double REGION_TOLERANCE_DEG = 0.01;
    private static final String DOMAIN_POINTS = "/org/steppewatch/georef/kz_domain_points.csv";

    record Layer(String json, String etag) {
    }

    private final JsonMapper json;
    private final Map<String, Layer> built = new ConcurrentHashMap<>();

    MapLayers(JsonMapper json) {
        this.json = json;
    }

    Layer regions() {
        return layer("regions", () -> RegionCatalog.shipped().simplified(REGION_TOLERANCE_DEG).regions().stream()
                .map(MapLayers::feature).toList());
    }

    Layer sites() {
        return layer("sites", MapLayers::siteFeatures);
    }

    private Layer layer(String name, Supplier<List<Map<String, Object>>> features) {
        return built.computeIfAbsent(name, n -> layer(json, features.get()));
    }

    /** A FeatureCollection of these features, with a content hash for its ETag. */
    static Layer layer(JsonMapper json, List<Map<String, Object>> features) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        String text = json.writeValueAsString(collection);
        return new Layer(text, "\"" + sha256(text) + "\"");
    }

    private static Map<String, Object> feature(Region region) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", region.id());
        p.put("name", region.name());
        p.put("nameKk", region.nameKk());
        p.put("nameRu", region.nameRu());
        return feature(region.id(), region.geometry(), p);
    }

    /** Launch pads, test sites and past crash sites; the settlements of the list are in the catalogue already. */
    private static List<Map<String, Object>> siteFeatures() {
        List<Map<String, Object>> features = new ArrayList<>();
        try (InputStream in = MapLayers.class.getResourceAsStream(DOMAIN_POINTS)) {
            if (in == null) {
                throw new IllegalStateException(DOMAIN_POINTS + " is missing from the geo-reference jar");
            }
            Reader reader = new InputStreamReader(in, UTF_8);
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if ("settlement".equals(r.get("kind"))) {
                    continue;
                }
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("id", "dp:" + r.get("id"));
                p.put("name", r.get("name"));
                p.put("kind", r.get("kind"));
                // UNVERIFIED / ESTIMATE flags must stay visible wherever the point is shown
                p.put("confidence", r.get("confidence"));
                p.put("note", r.get("note"));
                p.put("source", r.get("source"));
                features.add(feature("dp:" + r.get("id"),
                        Geo.point(Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat"))), p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return features;
    }

    static Map<String, Object> feature(String id, Geometry geometry, Map<String, Object> properties) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", id);
        f.put("geometry", geometry);
        f.put("properties", properties);
        return f;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.steppewatch.georef;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.GeoJsonModule;

import tools.jackson.databind.JsonNode;

/**
 * Drop zones shipped with Steppe Watch: APPROXIMATE ellipses of the Proton first-stage zones RP-15
 * and RP-25 (complex Yu-24, Ulytau) from published centres and axes. The authority is the 1995 decree
 * U950002195_ and its amendments; users with official polygons replace these through the import.
 */
public final class FallZoneCatalog {

    static final String FALL_ZONES = "baikonur_fallzones_yu24_approx.geojson";

    private final List<FallZone> zones;

    private FallZoneCatalog(List<FallZone> zones) {
        this.zones = List.copyOf(zones);
    }

    public static FallZoneCatalog shipped() {
        try (InputStream in = ReferenceResources.open(FALL_ZONES)) {
            return fromGeoJson(EventJson.mapper().readTree(in), FALL_ZONES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polygon features become zones; point features (historical fragment finds) are not zones. */
    public static FallZoneCatalog fromGeoJson(JsonNode featureCollection, String sourceName) {
        List<FallZone> zones = new ArrayList<>();
        for (JsonNode feature : featureCollection.path("features")) {
            Geometry geometry = GeoJsonModule.read(feature.path("geometry").toString());
            if (!geometry.getGeometryType().endsWith("Polygon")) {
                continue;
            }
            JsonNode p = feature.path("properties");
            String id = p.path("id").asString();
            String confidence = p.path("confidence").asString("unknown");
            boolean approximate = p.path("geometry_note").asString("").toUpperCase().contains("APPROXIMATE")
                    || sourceName.contains("approx");
            zones.add(new FallZone(id, id + " " + p.path("complex").asString(""), p.path("used_by").asString(null),
                    geometry, approximate, confidence, p.path("center_src").asString(sourceName)));
        }
        return new FallZoneCatalog(zones);
    }

    public List<FallZone> zones() {
        return zones;
    }
}

package org.steppewatch.georef;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.GeoJsonModule;

import tools.jackson.databind.JsonNode;

/**
 * The 20 regions of Kazakhstan shipped with Steppe Watch (OSM-Boundaries 2023, © OpenStreetMap
 * contributors, ODbL): the offline base layer of the maps. The full outlines are 1.8 MB of
 * GeoJSON; {@link #simplified(double)} gives a light version for a country-wide view.
 */
public final class RegionCatalog {

    static final String REGIONS = "kz_regions_osmb_2023.geojson";

    private final List<Region> regions;

    private RegionCatalog(List<Region> regions) {
        this.regions = List.copyOf(regions);
    }

    public static RegionCatalog shipped() {
        try (InputStream in = ReferenceResources.open(REGIONS)) {
            JsonNode collection = EventJson.mapper().readTree(in);
            List<Region> regions = new ArrayList<>();
            for (JsonNode feature : collection.path("features")) {
                JsonNode p = feature.path("properties");
                regions.add(new Region("osm:" + p.path("id").asString(), p.path("name").asString(),
                        p.path("local_name").asString(null), p.path("name_ru").asString(null),
                        GeoJsonModule.read(feature.path("geometry").toString())));
            }
            return new RegionCatalog(regions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Region> regions() {
        return regions;
    }

    /**
     * The regions simplified together as one coverage, so neighbours keep sharing their border (no
     * gaps or overlaps, unlike simplifying each alone), with coordinates rounded to 1e-4° (about 10 m).
     *
     * @param toleranceDeg how much detail goes, in degrees; 0.01 keeps about 8,000 of 100,000 vertices
     */
    public RegionCatalog simplified(double toleranceDeg) {
        Geometry[] coverage = regions.stream().map(Region::geometry).toArray(Geometry[]::new);
        Geometry[] simple = CoverageSimplifier.simplify(coverage, toleranceDeg);
        PrecisionModel tenMetres = new PrecisionModel(1e4);
        List<Region> out = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            Geometry reduced = GeometryPrecisionReducer.reduce(simple[i], tenMetres);
            reduced.setSRID(r.geometry().getSRID());
            out.add(new Region(r.id(), r.name(), r.nameKk(), r.nameRu(), reduced));
        }
        return new RegionCatalog(out);
    }
}

package org.steppewatch.analysis.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.steppewatch.contracts.Geo;
import org.steppewatch.georef.FallZone;
import org.steppewatch.georef.Settlement;

/** The reference data the analysis uses, as GeoJSON FeatureCollections for the console's map. */
@RestController
@RequestMapping(path = "/api/v1", produces = {"application/geo+json", "application/json"})
class ReferenceDataController {

    static final double MAX_RADIUS_KM = 500;

    private final FallZoneIndex fallZones;
    private final SettlementIndex settlements;

    ReferenceDataController(FallZoneIndex fallZones, SettlementIndex settlements) {
        this.fallZones = fallZones;
        this.settlements = settlements;
    }

    record FeatureCollection(String type, List<Feature> features) {
        FeatureCollection(List<Feature> features) {
            this("FeatureCollection", features);
        }
    }

    record Feature(String type, String id, Geometry geometry, Map<String, Object> properties) {
        Feature(String id, Geometry geometry, Map<String, Object> properties) {
            this("Feature", id, geometry, properties);
        }
    }

    @GetMapping("/fall-zones")
    FeatureCollection fallZones() {
        return new FeatureCollection(fallZones.zones().stream().map(ReferenceDataController::feature).toList());
    }

    /** Settlements within {@code radiusKm} of {@code near=lon,lat}, nearest first. */
    @GetMapping("/settlements")
    FeatureCollection settlements(@RequestParam String near, @RequestParam(defaultValue = "50") double radiusKm) {
        if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "radiusKm must be greater than 0 and at most " + (int) MAX_RADIUS_KM + ", was " + radiusKm);
        }
        Point centre = parseNear(near);
        return new FeatureCollection(settlements.within(centre, radiusKm).stream().map(ReferenceDataController::feature).toList());
    }

    static Point parseNear(String near) {
        String[] parts = near.split(",", -1);
        if (parts.length != 2) {
            throw badNear(near, "expected two numbers 'lon,lat'");
        }
        double lon;
        double lat;
        try {
            lon = Double.parseDouble(parts[0].trim());
            lat = Double.parseDouble(parts[1].trim());
        } catch (NumberFormatException e) {
            throw badNear(near, "expected two numbers 'lon,lat'");
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw badNear(near, "longitude " + parts[0].trim() + " is outside -180..180");
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw badNear(near, "latitude " + parts[1].trim() + " is outside -90..90");
        }
        return Geo.point(lon, lat);
    }

    private static ResponseStatusException badNear(String near, String why) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, "near='" + near + "': " + why);
    }

    private static Feature feature(FallZone zone) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", zone.id());
        p.put("name", zone.name());
        p.put("usedBy", zone.usedBy());
        p.put("approximate", zone.approximate());
        p.put("confidence", zone.confidence());
        p.put("source", zone.source());
        return new Feature(zone.id(), zone.geometry(), p);
    }

    private static Feature feature(SettlementIndex.Nearby nearby) {
        Settlement s = nearby.settlement();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", s.id());
        p.put("name", s.name());
        p.put("nameRu", s.nameRu());
        p.put("nameKk", s.nameKk());
        p.put("population", s.population());
        p.put("distanceKm", Math.round(nearby.distanceKm() * 10) / 10.0);
        p.put("source", s.source());
        return new Feature(s.id(), s.point(), p);
    }
}

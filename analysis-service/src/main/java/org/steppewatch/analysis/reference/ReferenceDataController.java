package org.steppewatch.analysis.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.steppewatch.contracts.Geo;
import org.steppewatch.georef.Settlement;

/** The reference data the analysis uses, as GeoJSON FeatureCollections for the console's map. */
@RestController
@RequestMapping(path = "/api/v1", produces = {"application/geo+json", "application/json"})
class ReferenceDataController {

    static final double MAX_RADIUS_KM = 500;

    private final ReferenceData reference;

    ReferenceDataController(ReferenceData reference) {
        this.reference = reference;
    }

    record FeatureCollection(String type, String referenceDataVersion, List<Feature> features) {
        FeatureCollection(String referenceDataVersion, List<Feature> features) {
            this("FeatureCollection", referenceDataVersion, features);
        }
    }

    record Feature(String type, String id, Geometry geometry, Map<String, Object> properties) {
        Feature(String id, Geometry geometry, Map<String, Object> properties) {
            this("Feature", id, geometry, properties);
        }
    }

    /** Drop zones first, then areas of concern; {@code kind} keeps one of the two. */
    @GetMapping("/fall-zones")
    FeatureCollection fallZones(@RequestParam(required = false) String kind) {
        if (kind != null && !kind.equals(ReferenceZone.DROP_ZONE) && !kind.equals(ReferenceZone.AREA_OF_CONCERN)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "kind must be DROP_ZONE or AREA_OF_CONCERN, was '" + kind + "'");
        }
        ReferenceSnapshot snapshot = reference.current();
        return new FeatureCollection(snapshot.version(), Stream.concat(snapshot.dropZones().zones().stream(),
                        snapshot.areasOfConcern().zones().stream())
                .filter(z -> kind == null || kind.equals(z.kind())).map(ReferenceDataController::feature).toList());
    }

    /** Settlements within {@code radiusKm} of {@code near=lon,lat}, nearest first. */
    @GetMapping("/settlements")
    FeatureCollection settlements(@RequestParam String near, @RequestParam(defaultValue = "50") double radiusKm) {
        if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "radiusKm must be greater than 0 and at most " + (int) MAX_RADIUS_KM + ", was " + radiusKm);
        }
        Point centre = parseNear(near);
        ReferenceSnapshot snapshot = reference.current();
        return new FeatureCollection(snapshot.version(),
                snapshot.settlements().within(centre, radiusKm).stream().map(ReferenceDataController::feature).toList());
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

    static Feature feature(ReferenceZone zone) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", zone.id());
        p.put("name", zone.name());
        p.put("kind", zone.kind());
        p.put("description", zone.description());
        if (ReferenceZone.DROP_ZONE.equals(zone.kind())) {
            p.put("usedBy", zone.description());
        }
        p.put("approximate", zone.approximate());
        p.put("confidence", zone.confidence());
        p.put("source", zone.source());
        p.put("note", zone.note());
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
        p.put("bearingDeg", Math.round(nearby.bearingDeg()) % 360);
        p.put("alternateNames", s.alternateNames());
        p.put("names", s.names());
        p.put("source", s.source());
        p.put("populationSource", s.populationSource());
        return new Feature(s.id(), s.point(), p);
    }
}

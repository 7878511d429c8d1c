package org.steppewatch.incident.console;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console map's offline layers as GeoJSON FeatureCollections. Regions and sites change only with a new
 * release, so browsers keep them a day and revalidate by ETag after that; settlements, drop zones and areas of
 * concern follow the reference data ({@link ReferenceLayers}), so browsers revalidate them on every load.
 */
@RestController
@RequestMapping("/api/v1/map")
class MapController {

    /** With its charset: the names are Kazakh and Russian, and String bodies default to ISO-8859-1. */
    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json;charset=UTF-8");
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
    private static final CacheControl REVALIDATE = CacheControl.noCache().cachePublic();

    private final MapLayers layers;
    private final ReferenceLayers reference;

    MapController(MapLayers layers, ReferenceLayers reference) {
        this.layers = layers;
        this.reference = reference;
    }

    /** The 20 regions of Kazakhstan, simplified (© OpenStreetMap contributors, ODbL). */
    @GetMapping("/regions")
    ResponseEntity<String> regions() {
        return respond(layers.regions(), CACHE);
    }

    /** Designated drop zones (the shipped ones are approximate and say so). */
    @GetMapping("/fall-zones")
    ResponseEntity<String> fallZones() {
        return respond(reference.current().fallZones(), REVALIDATE);
    }

    /** Areas of concern: a cosmodrome's leased area, test sites (approximate outlines). */
    @GetMapping("/areas-of-concern")
    ResponseEntity<String> areasOfConcern() {
        return respond(reference.current().areasOfConcern(), REVALIDATE);
    }

    /** Every settlement of the reference data in use, with its names and population. */
    @GetMapping("/settlements")
    ResponseEntity<String> settlements() {
        return respond(reference.current().settlements(), REVALIDATE);
    }

    /** Launch pads, test sites and past crash sites, each with its confidence flag and source. */
    @GetMapping("/sites")
    ResponseEntity<String> sites() {
        return respond(layers.sites(), CACHE);
    }

    /** A request whose If-None-Match names the ETag gets 304 (Spring MVC compares them for ResponseEntity). */
    private static ResponseEntity<String> respond(MapLayers.Layer layer, CacheControl cache) {
        return ResponseEntity.ok().contentType(GEO_JSON).cacheControl(cache).eTag(layer.etag()).body(layer.json());
    }
}

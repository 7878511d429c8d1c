package org.steppewatch.incident.console;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console map's offline layers as GeoJSON FeatureCollections. They change only with a new
 * release, so browsers keep them a day and revalidate by ETag after that.
 */
@RestController
@RequestMapping("/api/v1/map")
class MapController {

    /** With its charset: the names are Kazakh and Russian, and String bodies default to ISO-8859-1. */
    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json;charset=UTF-8");
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    private final MapLayers layers;

    MapController(MapLayers layers) {
        this.layers = layers;
    }

    /** The 20 regions of Kazakhstan, simplified (© OpenStreetMap contributors, ODbL). */
    @GetMapping("/regions")
    ResponseEntity<String> regions() {
        return respond(layers.regions());
    }

    /** Designated drop zones (the shipped ones are approximate and say so). */
    @GetMapping("/fall-zones")
    ResponseEntity<String> fallZones() {
        return respond(layers.fallZones());
    }

    /** Every shipped settlement with its names and population. */
    @GetMapping("/settlements")
    ResponseEntity<String> settlements() {
        return respond(layers.settlements());
    }

    /** Launch pads, test sites and past crash sites, each with its confidence flag and source. */
    @GetMapping("/sites")
    ResponseEntity<String> sites() {
        return respond(layers.sites());
    }

    /** A request whose If-None-Match names the ETag gets 304 (Spring MVC compares them for ResponseEntity). */
    private static ResponseEntity<String> respond(MapLayers.Layer layer) {
        return ResponseEntity.ok().contentType(GEO_JSON).cacheControl(CACHE).eTag(layer.etag()).body(layer.json());
    }
}

package org.steppewatch.analysis.reference;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.steppewatch.analysis.substance.Substance;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Imports and inspection of the reference data.
 * <p>
 * ADMIN PATHS WITHOUT AUTHENTICATION: {@code POST /api/v1/settlements/import}, {@code DELETE
 * /api/v1/settlements/imported}, {@code PUT} and {@code DELETE /api/v1/fall-zones} change what every later
 * assessment uses, and nothing here checks who calls them. Deploy the service behind a gateway that
 * restricts these paths (not done: authentication is a later issue).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class ReferenceImportController {

    static final String GEO_JSON = "application/geo+json";
    static final String TSV = "text/tab-separated-values";
    static final String ZONE_SOURCE = "imported through PUT /api/v1/fall-zones";

    private final ReferenceData reference;
    private final ImportedReferenceStore store;

    ReferenceImportController(ReferenceData reference, ImportedReferenceStore store) {
        this.reference = reference;
        this.store = store;
    }

    record ImportResult(String format, int lines, int imported, Map<String, Integer> skipped, List<String> examples,
                        int settlements, String referenceDataVersion) {
    }

    /** A GeoNames country dump (KZ.txt): populated places are stored by id and merged into the index. */
    @PostMapping(path = "/settlements/import", consumes = {TSV, MediaType.TEXT_PLAIN_VALUE})
    ImportResult importGeoNames(@RequestBody byte[] body,
                                @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) MediaType contentType) {
        Charset charset = contentType == null || contentType.getCharset() == null ? UTF_8 : contentType.getCharset();
        GeoNamesDump.Result read = GeoNamesDump.read(new InputStreamReader(new ByteArrayInputStream(body), charset));
        if (read.settlements().isEmpty() && read.skipped().containsKey("malformed line")) {
            throw Problems.invalid("No populated place could be read: is this a GeoNames dump (19 tab-separated columns)? "
                    + String.join("; ", read.examples()), List.of(new FieldProblem("body", "not a GeoNames dump")));
        }
        ReferenceSnapshot snapshot = read.settlements().isEmpty() ? reference.current() : reference.importSettlements(read.settlements());
        return new ImportResult("geonames", read.lines(), read.settlements().size(), read.skipped(), read.examples(),
                snapshot.settlements().size(), snapshot.version());
    }

    /** A GeoJSON FeatureCollection of Points; any invalid feature rejects the whole import. */
    @PostMapping(path = "/settlements/import", consumes = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
    ImportResult importGeoJson(@RequestBody byte[] body) {
        SettlementGeoJson.Result read = SettlementGeoJson.read(json(body));
        if (!read.problems().isEmpty()) {
            throw Problems.invalid("The settlements were not imported: " + read.problems().size() + " problem(s)", read.problems());
        }
        ReferenceSnapshot snapshot = reference.importSettlements(read.settlements());
        return new ImportResult("geojson", 0, read.settlements().size(), Map.of(), List.of(), snapshot.settlements().size(),
                snapshot.version());
    }

    /** Forgets every imported settlement: the shipped catalogue applies alone again. */
    @DeleteMapping("/settlements/imported")
    Map<String, Object> removeImportedSettlements() {
        ReferenceSnapshot snapshot = reference.removeImportedSettlements();
        return Map.of("settlements", snapshot.settlements().size(), "referenceDataVersion", snapshot.version());
    }

    record ZoneReplacement(Map<String, Integer> replaced, int dropZones, int areasOfConcern, String referenceDataVersion) {
    }

    /**
     * Replaces zones from a GeoJSON FeatureCollection of Polygons/MultiPolygons (see {@link ZoneGeoJson} for the
     * properties). The upload replaces every zone of each kind it contains (DROP_ZONE, the default, or
     * AREA_OF_CONCERN); a kind it does not contain keeps its zones. Invalid polygons or repeated ids reject it.
     */
    @PutMapping(path = "/fall-zones", consumes = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
    ZoneReplacement replaceZones(@RequestBody byte[] body) {
        JsonNode root = json(body);
        ZoneGeoJson.Result read = ZoneGeoJson.read(root, ZONE_SOURCE);
        if (!read.problems().isEmpty()) {
            throw Problems.invalid("The zones were not replaced: " + read.problems().size() + " problem(s)", read.problems());
        }
        ArrayNode drop = EventJson.mapper().createArrayNode();
        ArrayNode areas = EventJson.mapper().createArrayNode();
        for (JsonNode feature : root.path("features")) {
            String kind = feature.path("properties").path("kind").asString(ReferenceZone.DROP_ZONE);
            (ReferenceZone.AREA_OF_CONCERN.equals(kind) ? areas : drop).add(feature);
        }
        ReferenceSnapshot snapshot = reference.replaceZones(drop.isEmpty() ? null : drop.toString(),
                areas.isEmpty() ? null : areas.toString());
        Map<String, Integer> replaced = new LinkedHashMap<>();
        if (!drop.isEmpty()) {
            replaced.put(ReferenceZone.DROP_ZONE, drop.size());
        }
        if (!areas.isEmpty()) {
            replaced.put(ReferenceZone.AREA_OF_CONCERN, areas.size());
        }
        return new ZoneReplacement(replaced, snapshot.dropZones().zones().size(), snapshot.areasOfConcern().zones().size(),
                snapshot.version());
    }

    /** Forgets every imported zone: the shipped drop zones and areas of concern apply again. */
    @DeleteMapping("/fall-zones")
    ZoneReplacement resetZones() {
        ReferenceSnapshot snapshot = reference.resetZones();
        return new ZoneReplacement(Map.of(), snapshot.dropZones().zones().size(), snapshot.areasOfConcern().zones().size(),
                snapshot.version());
    }

    record Current(String version, List<ReferenceSnapshot.Part> parts, int settlements, int dropZones, int areasOfConcern,
                   int substances) {
    }

    /** The edition of reference data in use and what it is made of. */
    @GetMapping("/reference-data")
    Current current() {
        ReferenceSnapshot s = reference.current();
        return new Current(s.version(), s.parts(), s.settlements().size(), s.dropZones().zones().size(),
                s.areasOfConcern().zones().size(), s.substances().size());
    }

    /** The editions in use so far, newest first (at most 100): what an old assessment's referenceDataVersion was made of. */
    @GetMapping("/reference-data/versions")
    List<Map<String, Object>> versions() {
        return store.versions().stream().map(ReferenceImportController::version).toList();
    }

    @GetMapping("/reference-data/versions/{version}")
    Map<String, Object> version(@PathVariable String version) {
        return store.version(version).map(ReferenceImportController::version)
                .orElseThrow(() -> Problems.notFound("no reference-data version " + version + " on record"));
    }

    /** The substance table: every value with its source and confidence. */
    @GetMapping("/substances")
    Map<String, Object> substances() {
        ReferenceSnapshot s = reference.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", s.substances().version());
        body.put("substances", List.<Substance>copyOf(s.substances().all()));
        return body;
    }

    private static Map<String, Object> version(Document d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", d.getString("_id"));
        body.put("firstUsedAt", d.getDate("firstUsedAt") == null ? null : d.getDate("firstUsedAt").toInstant().toString());
        body.put("parts", d.get("parts"));
        return body;
    }

    private static JsonNode json(byte[] body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (JacksonException e) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "Malformed JSON", "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}

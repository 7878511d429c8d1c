package org.steppewatch.notification.community;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steppewatch.georef.RegionCatalog;
import org.steppewatch.notification.reference.CurrentSettlements;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the community page at {@code /} reads besides the public alert and subscription API:
 * settlements to search and pick, and the regions of its offline map.
 */
@RestController
@RequestMapping("/api/v1/community")
class CommunityController {

    /** The regions are simplified to about 140 kB for a map of the whole country. */
    static final double REGION_TOLERANCE_DEG = 0.01;
    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json;charset=UTF-8");
    private static final CacheControl A_DAY = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    private final SettlementSearch settlements;
    private final CurrentSettlements current;
    private final JsonMapper json;
    private final AtomicReference<String[]> regions = new AtomicReference<>();

    CommunityController(SettlementSearch settlements, CurrentSettlements current, JsonMapper json) {
        this.settlements = settlements;
        this.current = current;
        this.json = json;
    }

    /**
     * Settlements whose name in Kazakh, Russian or English is or starts with {@code q}, best match
     * and largest first; without {@code q}, all of them (for the map), which browsers revalidate by the edition of
     * the reference data: an import reaches the page at its next load.
     */
    @GetMapping("/settlements")
    ResponseEntity<List<SettlementSearch.Hit>> settlements(@RequestParam(required = false) String q,
                                                           @RequestParam(defaultValue = "10") int limit) {
        if (q == null || q.isBlank()) {
            CurrentSettlements.Edition edition = current.edition();
            return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                    .eTag("\"" + edition.version() + "-" + edition.revision() + "\"").body(settlements.all());
        }
        return ResponseEntity.ok(settlements.find(q, limit));
    }

    /** The 20 regions of Kazakhstan (© OpenStreetMap contributors, ODbL), with an ETag browsers revalidate. */
    @GetMapping("/regions")
    ResponseEntity<String> regions() {
        String[] built = regions.updateAndGet(current -> current != null ? current : buildRegions());
        return ResponseEntity.ok().contentType(GEO_JSON).cacheControl(A_DAY).eTag(built[1]).body(built[0]);
    }

    private String[] buildRegions() {
        List<Map<String, Object>> features = RegionCatalog.shipped().simplified(REGION_TOLERANCE_DEG).regions().stream()
                .map(r -> {
                    Map<String, Object> properties = new LinkedHashMap<>();
                    properties.put("id", r.id());
                    properties.put("name", r.name());
                    properties.put("nameRu", r.nameRu());
                    properties.put("nameKk", r.nameKk());
                    Map<String, Object> feature = new LinkedHashMap<>();
                    feature.put("type", "Feature");
                    feature.put("id", r.id());
                    feature.put("geometry", r.geometry());
                    feature.put("properties", properties);
                    return feature;
                }).toList();
        String text = json.writeValueAsString(Map.of("type", "FeatureCollection", "features", features));
        return new String[] {text, "\"" + sha256(text) + "\""};
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

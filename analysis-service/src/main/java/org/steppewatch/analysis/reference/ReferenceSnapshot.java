package org.steppewatch.analysis.reference;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.steppewatch.analysis.substance.SubstanceTable;
import org.steppewatch.georef.Settlement;

/**
 * One consistent edition of all reference data an assessment uses, indexed: drop zones, areas of concern,
 * settlements (shipped merged with imported) and the substance table. Immutable: an import builds a new
 * snapshot and swaps it in whole, so an assessment never sees half an import.
 *
 * @param version content hash over the versions of the {@code parts}: {@code sha256:<16 hex>}
 * @param parts   what went into it, each with its own content hash
 */
public record ReferenceSnapshot(String version, List<Part> parts, FallZoneIndex dropZones, FallZoneIndex areasOfConcern,
                                SettlementIndex settlements, SubstanceTable substances) {

    /** One source of reference data, e.g. the shipped geo-reference files or the imported settlements. */
    public record Part(String name, String version, int entries, String description) {
    }

    /**
     * Imported reference data; a null zone list means "none imported of that kind: use the shipped ones".
     *
     * @param settlementsVersion content hash of the imported settlements (null when none)
     */
    public record Imports(List<Settlement> settlements, String settlementsVersion, List<ReferenceZone> dropZones,
                          String dropZonesVersion, List<ReferenceZone> areasOfConcern, String areasOfConcernVersion) {

        public static final Imports NONE = new Imports(List.of(), null, null, null, null, null);
    }

    public static ReferenceSnapshot shipped(double nearbyKm) {
        return assemble(ShippedReference.load(), Imports.NONE, nearbyKm);
    }

    public static ReferenceSnapshot assemble(ShippedReference shipped, Imports imports, double nearbyKm) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("geo-reference", shipped.geoReferenceVersion(), shipped.settlements().size(),
                "shipped settlements (GeoNames cities5000, SimpleMaps, domain points) and Yu-24 drop zones (geo-reference module)"));
        parts.add(new Part("substances", shipped.substances().version(), shipped.substances().size(),
                "substance table (analysis-service substances.json): AEGLs, limits, defaults with sources"));
        List<ReferenceZone> dropZones = shipped.dropZones();
        if (imports.dropZones() != null) {
            dropZones = imports.dropZones();
            parts.add(new Part("drop-zones-imported", imports.dropZonesVersion(), dropZones.size(),
                    "drop zones imported through PUT /api/v1/fall-zones; they replace the shipped Yu-24 zones"));
        }
        List<ReferenceZone> areas = shipped.areasOfConcern();
        if (imports.areasOfConcern() != null) {
            areas = imports.areasOfConcern();
            parts.add(new Part("areas-of-concern-imported", imports.areasOfConcernVersion(), areas.size(),
                    "areas of concern imported through PUT /api/v1/fall-zones; they replace the shipped ones"));
        } else {
            parts.add(new Part("areas-of-concern", shipped.areasOfConcernVersion(), areas.size(),
                    "shipped approximate areas of concern (analysis-service " + ShippedReference.AREAS_OF_CONCERN + ")"));
        }
        List<Settlement> settlements = shipped.settlements();
        if (!imports.settlements().isEmpty()) {
            settlements = SettlementMerge.merge(shipped.settlements(), imports.settlements());
            parts.add(new Part("settlements-imported", imports.settlementsVersion(), imports.settlements().size(),
                    "settlements imported through POST /api/v1/settlements/import, merged with the shipped ones"));
        }
        StringBuilder all = new StringBuilder();
        parts.forEach(p -> all.append(p.name()).append('=').append(p.version()).append('\n'));
        return new ReferenceSnapshot("sha256:" + sha256(all.toString().getBytes(UTF_8)), parts,
                FallZoneIndex.of(dropZones, nearbyKm), FallZoneIndex.of(areas, nearbyKm), new SettlementIndex(settlements),
                shipped.substances());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

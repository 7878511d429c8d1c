package org.steppewatch.analysis.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.steppewatch.analysis.substance.SubstanceTable;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.georef.FallZoneCatalog;
import org.steppewatch.georef.ReferenceResources;
import org.steppewatch.georef.Settlement;
import org.steppewatch.georef.SettlementCatalog;

/**
 * The reference data shipped in the jars, read once: the geo-reference settlements and Yu-24 drop zones,
 * this service's approximate areas of concern ({@value #AREAS_OF_CONCERN}) and the substance table.
 */
public record ShippedReference(List<Settlement> settlements, List<ReferenceZone> dropZones, List<ReferenceZone> areasOfConcern,
                               SubstanceTable substances, String geoReferenceVersion, String areasOfConcernVersion) {

    public static final String AREAS_OF_CONCERN = "areas_of_concern_approx.geojson";

    public ShippedReference {
        settlements = List.copyOf(settlements);
        dropZones = List.copyOf(dropZones);
        areasOfConcern = List.copyOf(areasOfConcern);
    }

    public static ShippedReference load() {
        byte[] areas;
        try (InputStream in = ShippedReference.class.getResourceAsStream(AREAS_OF_CONCERN)) {
            if (in == null) {
                throw new IllegalStateException("reference file " + AREAS_OF_CONCERN + " is missing from the jar");
            }
            areas = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ZoneGeoJson.Result read = ZoneGeoJson.read(EventJson.mapper().readTree(areas), AREAS_OF_CONCERN);
        if (!read.problems().isEmpty()) {
            throw new IllegalStateException(AREAS_OF_CONCERN + ": " + read.problems());
        }
        return new ShippedReference(SettlementCatalog.shipped().all(),
                FallZoneCatalog.shipped().zones().stream().map(ReferenceZone::of).toList(),
                read.zones(), SubstanceTable.shipped(), ReferenceResources.shippedVersion(),
                "sha256:" + ReferenceSnapshot.sha256(areas));
    }
}

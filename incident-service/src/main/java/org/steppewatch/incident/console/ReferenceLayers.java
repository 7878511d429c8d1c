package org.steppewatch.incident.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.ReferenceDataPublished;
import org.steppewatch.eventing.reference.ReferenceEdition;
import org.steppewatch.eventing.reference.ReferenceEditionListener;
import org.steppewatch.georef.FallZone;
import org.steppewatch.georef.FallZoneCatalog;
import org.steppewatch.georef.Settlement;
import org.steppewatch.georef.SettlementCatalog;

import tools.jackson.databind.json.JsonMapper;

/**
 * The console map's settlements, drop zones and areas of concern: the shipped geo-reference data (no areas of
 * concern: analysis-service ships those) until {@code reference.v1} delivers an edition, then the newest edition
 * analysis-service published, its imports included. The three layers of an edition are built first and swapped in
 * together, so a map never mixes two editions.
 */
@Component
class ReferenceLayers implements ReferenceEditionListener {

    /** The layers of one edition. */
    record Layers(MapLayers.Layer settlements, MapLayers.Layer fallZones, MapLayers.Layer areasOfConcern) {
    }

    private final JsonMapper json;
    private final AtomicReference<Layers> current;

    ReferenceLayers(JsonMapper json) {
        this.json = json;
        this.current = new AtomicReference<>(new Layers(
                MapLayers.layer(json, SettlementCatalog.shipped().all().stream().map(ReferenceLayers::feature).toList()),
                MapLayers.layer(json, FallZoneCatalog.shipped().zones().stream().map(ReferenceLayers::zone)
                        .map(ReferenceLayers::dropZone).toList()),
                MapLayers.layer(json, List.of())));
    }

    Layers current() {
        return current.get();
    }

    @Override
    public void editionReceived(ReferenceEdition edition) {
        current.set(new Layers(
                MapLayers.layer(json, edition.settlements().stream().map(ReferenceLayers::feature).toList()),
                MapLayers.layer(json, edition.dropZones().stream().map(ReferenceLayers::dropZone).toList()),
                MapLayers.layer(json, edition.areasOfConcern().stream().map(ReferenceLayers::area).toList())));
    }

    private static Map<String, Object> feature(Settlement s) {
        return settlement(s.id(), s.name(), s.nameRu(), s.nameKk(), s.population(), s.source(), s.point());
    }

    private static Map<String, Object> feature(ReferenceDataPublished.Settlement s) {
        return settlement(s.id(), s.name(), s.nameRu(), s.nameKk(), s.population(), s.source(),
                Geo.point(s.lon(), s.lat()));
    }

    private static Map<String, Object> settlement(String id, String name, String nameRu, String nameKk, long population,
                                                  String source, Point point) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("name", name);
        p.put("nameRu", nameRu);
        p.put("nameKk", nameKk);
        p.put("population", population);
        p.put("source", source);
        return MapLayers.feature(id, point, p);
    }

    /** A shipped drop zone as an edition carries it. */
    private static ReferenceDataPublished.Zone zone(FallZone zone) {
        return new ReferenceDataPublished.Zone(zone.id(), zone.name(), "DROP_ZONE", zone.usedBy(),
                zone.geometry(), zone.approximate(), zone.confidence(), zone.source(), null);
    }

    /** With the properties of the shipped drop zones: the console reads {@code usedBy}. */
    private static Map<String, Object> dropZone(ReferenceDataPublished.Zone zone) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", zone.id());
        p.put("name", zone.name());
        p.put("usedBy", zone.description());
        p.put("approximate", zone.approximate());
        p.put("confidence", zone.confidence());
        p.put("source", zone.source());
        return MapLayers.feature(zone.id(), zone.geometry(), p);
    }

    private static Map<String, Object> area(ReferenceDataPublished.Zone zone) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", zone.id());
        p.put("name", zone.name());
        p.put("description", zone.description());
        p.put("approximate", zone.approximate());
        p.put("confidence", zone.confidence());
        p.put("source", zone.source());
        p.put("note", zone.note());
        return MapLayers.feature(zone.id(), zone.geometry(), p);
    }
}

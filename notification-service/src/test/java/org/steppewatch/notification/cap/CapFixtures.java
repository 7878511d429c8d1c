package org.steppewatch.notification.cap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.Severity;
import org.steppewatch.georef.Geodesy;

/** The Proton-M failure of 2 July 2013 as an assessment with AEGL-3/2/1 plume zones, for CAP tests. */
public final class CapFixtures {

    public static final String BAIKONUR = "gn:1521368";
    public static final String TORETAM = "gn:9858283";

    private CapFixtures() {
    }

    /** A plume-like polygon: an ellipse of {@code points} vertices stretched downwind (north-east) of the impact. */
    public static Polygon plume(double lengthKm, double widthKm, int points) {
        Coordinate[] ring = new Coordinate[points + 1];
        double lon0 = 63.0;
        double lat0 = 46.05;
        for (int i = 0; i < points; i++) {
            double t = 2 * Math.PI * i / points;
            // along the wind (45°) and across it, kilometres -> degrees near 46° N
            double along = lengthKm / 2 * (1 + Math.cos(t));
            double across = widthKm / 2 * Math.sin(t);
            double east = (along - across) * Math.sqrt(0.5);
            double north = (along + across) * Math.sqrt(0.5);
            ring[i] = new Coordinate(lon0 + east / 77.4, lat0 + north / 111.2);
        }
        ring[points] = ring[0];
        return Geo.FACTORY.createPolygon(ring);
    }

    public static IncidentAssessed proton(String incidentId, long version) {
        Geometry aegl3 = plume(12, 3, 24);
        Geometry aegl2 = plume(35, 9, 400);
        // a zone in two parts, as a plume split by terrain could be
        Geometry aegl1 = Geo.FACTORY.createMultiPolygon(new Polygon[] {plume(70, 18, 180),
                (Polygon) Geodesy.circle(Geo.point(63.9, 46.6), 5, 32)});
        List<IncidentAssessed.HazardZone> zones = new ArrayList<>();
        zones.add(new IncidentAssessed.HazardZone("AEGL-3", "UDMH", 11.0, 60, aegl3, "gaussian-plume", List.of("approximate")));
        zones.add(new IncidentAssessed.HazardZone("AEGL-2", "UDMH", 3.0, 60, aegl2, "gaussian-plume", List.of("approximate")));
        zones.add(new IncidentAssessed.HazardZone("AEGL-1", "N2O4", 0.5, 60, aegl1, "gaussian-plume", List.of("approximate")));
        return new IncidentAssessed(incidentId, version, IncidentAssessed.assessmentId(incidentId, version),
                Instant.parse("2013-07-02T03:10:00Z"), "shipped-sha256:0123456789abcdef",
                new IncidentAssessed.IncidentSummary("Proton-M launch failure after lift-off",
                        IncidentCategory.LAUNCH_FAILURE, Instant.parse("2013-07-02T02:38:22Z"), Geo.point(63.0, 46.05)),
                new IncidentAssessed.FallZoneFinding("OUTSIDE", "RP-15", "RP-15", 182.4, true),
                zones,
                List.of(new IncidentAssessed.AffectedSettlement(TORETAM, "Tyuratam", "Тюратам", "Төретам", 15000, 24.6,
                                40.0, "AEGL-2"),
                        new IncidentAssessed.AffectedSettlement(BAIKONUR, "Baikonur", "Байконур", "Байқоңыр", 70000, 57.0,
                                153.0, null)),
                List.of(new IncidentAssessed.Exceedance("UDMH", "SOIL", 123, 0.1, "mg/kg", 1230, "MPC Kazakhstan")),
                Severity.EXTREME, "Immediate", "Observed", "UDMH plume towards Tyuratam");
    }
}

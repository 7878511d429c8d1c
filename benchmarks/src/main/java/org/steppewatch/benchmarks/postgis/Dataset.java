package org.steppewatch.benchmarks.postgis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.steppewatch.analysis.assessment.IncidentAssessor;
import org.steppewatch.analysis.reference.FallZoneIndex;
import org.steppewatch.analysis.reference.ReferenceSnapshot;
import org.steppewatch.analysis.reference.ShippedReference;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.georef.Geodesy;
import org.steppewatch.georef.Settlement;

/**
 * The data both sides query, deterministic from a seed. Each part has a generator of its own, so that the first n
 * settlements of the 1M are the n-settlement data set and the subscriptions likewise.
 *
 * @param settlements   points uniform over Kazakhstan's extent (46-88 E, 40-56 N)
 * @param incidents     the hazard zones of synthetic incidents, each set as the analysis service's assessment draws it
 * @param probes        points the nearest-settlement and within-distance queries start from
 * @param subscriptions subscription areas: geodesic circles and star-shaped polygons of a few to tens of km
 */
record Dataset(List<Settlement> settlements, List<List<Zone>> incidents, List<Point> probes, List<Area> subscriptions) {

    static final double MIN_LON = 46;
    static final double MAX_LON = 88;
    static final double MIN_LAT = 40;
    static final double MAX_LAT = 56;
    /** Vertices of a subscription circle, as notification-service's Area.CIRCLE_SEGMENTS. */
    static final int CIRCLE_SEGMENTS = 64;

    /** A hazard zone with its level (AEGL-3, AEGL-2, AEGL-1, SCREENING...). */
    record Zone(String level, Geometry geometry) {
    }

    /** A subscription's area; {@code id} is its index. */
    record Area(int id, Geometry geometry) {
    }

    static Dataset generate(long seed, int settlements, int incidents, int probes, int subscriptions) {
        return new Dataset(settlements(new Random(seed), settlements), incidents(new Random(seed + 1), incidents),
                points(new Random(seed + 2), probes), subscriptions(new Random(seed + 3), subscriptions));
    }

    static List<Settlement> settlements(Random random, int count) {
        List<Settlement> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(new Settlement("syn:" + i, "S" + i, null, null, lon(random), lat(random), random.nextInt(5_000),
                    "synthetic", "synthetic", List.of()));
        }
        return all;
    }

    static int idOf(Settlement settlement) {
        return Integer.parseInt(settlement.id().substring(4));
    }

    /**
     * Hazard zones from the analysis service's own assessment: UDMH and N2O4 (plume zones for AEGL-3/2/1, nested)
     * and sometimes NDMA (a screening circle), as a fire, a spill or unknown, in random weather; one in five
     * without a wind direction (circles of the downwind reach). Zones reach from under a km to the 100 km cap.
     */
    static List<List<Zone>> incidents(Random random, int count) {
        ReferenceSnapshot reference = ReferenceSnapshot.assemble(ShippedReference.load(), ReferenceSnapshot.Imports.NONE,
                FallZoneIndex.DEFAULT_NEARBY_KM);
        IncidentAssessor assessor = IncidentAssessor.withDefaults();
        String[] scenarios = {IncidentFacts.Release.FIRE, IncidentFacts.Release.SPILL, IncidentFacts.Release.UNKNOWN};
        String[] classes = {"A", "B", "C", "D", "E", "F"};
        Instant at = Instant.parse("2024-06-01T09:00:00Z");
        List<List<Zone>> all = new ArrayList<>(count);
        while (all.size() < count) {
            Point site = Geo.point(lon(random), lat(random));
            List<IncidentFacts.Release> releases = new ArrayList<>();
            String scenario = scenarios[random.nextInt(scenarios.length)];
            releases.add(new IncidentFacts.Release("UDMH", 1_000 + random.nextDouble() * 200_000, scenario));
            if (random.nextBoolean()) {
                releases.add(new IncidentFacts.Release("N2O4", 1_000 + random.nextDouble() * 300_000, scenario));
            }
            if (random.nextInt(4) == 0) {
                releases.add(new IncidentFacts.Release("NDMA", 100 + random.nextDouble() * 50_000, scenario));
            }
            Double from = random.nextInt(5) == 0 ? null : random.nextDouble() * 360;
            IncidentFacts.Weather weather = new IncidentFacts.Weather(from, 1 + random.nextDouble() * 9,
                    classes[random.nextInt(classes.length)]);
            IncidentFacts facts = new IncidentFacts("bench", IncidentCategory.LAUNCH_FAILURE, at, site, null, "Proton-M", null,
                    releases, List.of(), weather, null);
            IncidentAssessed assessed = assessor.assess(reference, "bench-" + all.size(), 1, facts, at).event();
            List<Zone> zones = assessed.hazardZones().stream().filter(z -> z.geometry() != null && !z.geometry().isEmpty())
                    .map(z -> new Zone(z.level(), z.geometry())).toList();
            if (!zones.isEmpty()) {
                all.add(zones);
            }
        }
        return all;
    }

    static List<Point> points(Random random, int count) {
        List<Point> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(Geo.point(lon(random), lat(random)));
        }
        return all;
    }

    /** Seven in ten geodesic circles of 2-50 km radius, the rest star-shaped polygons of 5-8 vertices, 3-30 km across. */
    static List<Area> subscriptions(Random random, int count) {
        List<Area> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Point centre = Geo.point(lon(random), lat(random));
            if (random.nextInt(10) < 7) {
                all.add(new Area(i, Geodesy.circle(centre, 2 + random.nextDouble() * 48, CIRCLE_SEGMENTS)));
            } else {
                all.add(new Area(i, star(random, centre)));
            }
        }
        return all;
    }

    private static Geometry star(Random random, Point centre) {
        int n = 5 + random.nextInt(4);
        double radiusKm = 1.5 + random.nextDouble() * 13.5;
        double[] bearings = new double[n];
        for (int k = 0; k < n; k++) {
            // one vertex per sector, so the ring never crosses itself
            bearings[k] = (k + 0.1 + 0.8 * random.nextDouble()) * 360.0 / n;
        }
        Coordinate[] ring = new Coordinate[n + 1];
        for (int k = 0; k < n; k++) {
            ring[k] = Geodesy.destination(centre, bearings[k], radiusKm * (0.5 + 0.5 * random.nextDouble()));
        }
        ring[n] = ring[0].copy();
        return Geo.FACTORY.createPolygon(ring);
    }

    private static double lon(Random random) {
        return MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON);
    }

    private static double lat(Random random) {
        return MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT);
    }
}

package org.steppewatch.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.subscription.SubscriptionIndex.Match;

/**
 * "Near" for notices, on the index's in-memory part. Distances by hand on a sphere of 6371 km: 111.19 km per degree
 * of latitude, 111.19 * cos(lat) per degree of longitude (71.4 km at 50 N); margins of several km spare the ellipsoid.
 */
class SubscriptionAreasNearTest {

    private static final double LAT = 50.0;
    private static final double KM_PER_DEGREE_LON = 111.19 * Math.cos(Math.toRadians(LAT));
    private static final Point RESULT = Geo.point(73.0, LAT);

    private final SubscriptionAreas areas = new SubscriptionAreas();

    private static Subscription subscription(String id, Area area, Severity minSeverity, List<String> kinds) {
        return new Subscription(id, id, area.toDocument(), area.matchGeometry(), Subscription.WEBHOOK,
                "https://example.org", "whsec_x", null, "en", minSeverity, Subscription.ACTIVE, Instant.now(), "hash",
                "unsubscribe", null, kinds);
    }

    /** A square of 0.1 degree whose west edge lies {@code km} east of the result. */
    private static Area squareEastBy(double km) {
        double west = RESULT.getX() + km / KM_PER_DEGREE_LON;
        return new Area.PolygonArea(Geo.FACTORY.toGeometry(new Envelope(west, west + 0.1, LAT - 0.05, LAT + 0.05)));
    }

    private List<String> near(Severity severity) {
        return areas.near(RESULT, 10, 5, severity).stream().map(Match::subscriptionId).sorted().toList();
    }

    @Test
    void anAreaWithinTheDistanceOfItsEdgeIsNearAndOneBeyondItIsNot() {
        areas.add(subscription("containing", squareEastBy(-0.05 * KM_PER_DEGREE_LON), Severity.MINOR, List.of("NOTICE")));
        areas.add(subscription("edge-8km", squareEastBy(8), Severity.MINOR, List.of("NOTICE")));
        areas.add(subscription("edge-12km", squareEastBy(12), Severity.MINOR, List.of("NOTICE")));
        // a 2 km circle whose centre is 11 km away: its edge is 9 km away
        areas.add(subscription("circle-9km", new Area.CircleArea(Geo.point(RESULT.getX() + 11 / KM_PER_DEGREE_LON, LAT), 2),
                Severity.MINOR, List.of("ALERT", "NOTICE")));

        assertThat(near(Severity.MODERATE)).containsExactly("circle-9km", "containing", "edge-8km");
    }

    @Test
    void aSettlementIsADiscOfItsRadiusWidenedByTheDistance() {
        areas.add(subscription("town-14km", new Area.SettlementArea("x:14", Geo.point(RESULT.getX() + 14 / KM_PER_DEGREE_LON, LAT)),
                Severity.MINOR, List.of("NOTICE")));
        areas.add(subscription("town-16km", new Area.SettlementArea("x:16", Geo.point(RESULT.getX() + 16 / KM_PER_DEGREE_LON, LAT)),
                Severity.MINOR, List.of("NOTICE")));

        assertThat(near(Severity.MINOR)).containsExactly("town-14km");
    }

    @Test
    void onlySubscriptionsToNoticesThatWantTheSeverityAreNear() {
        areas.add(subscription("alerts-only", squareEastBy(1), Severity.MINOR, List.of("ALERT")));
        areas.add(subscription("severe-only", squareEastBy(1), Severity.SEVERE, List.of("NOTICE")));
        areas.add(subscription("notices", squareEastBy(1), Severity.MODERATE, List.of("NOTICE")));

        assertThat(near(Severity.MODERATE)).containsExactly("notices");
        assertThat(near(Severity.MINOR)).isEmpty();
    }
}

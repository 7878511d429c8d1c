package org.steppewatch.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.Severity;
import org.steppewatch.georef.SettlementCatalog;

class SubscriptionIndexTest {

    private static final SettlementCatalog CATALOG = SettlementCatalog.shipped();
    /** The index's in-memory part: matching without a store. */
    private final SubscriptionAreas index = new SubscriptionAreas();

    private static Subscription subscription(String id, Area area, Severity minSeverity) {
        return new Subscription(id, id, area.toDocument(), area.matchGeometry(), Subscription.WEBHOOK,
                "https://example.org", "whsec_x", null, "en", minSeverity, Subscription.ACTIVE, Instant.now(), "hash",
                "unsubscribe", null);
    }

    private static Geometry box(double minLon, double maxLon, double minLat, double maxLat) {
        return Geo.FACTORY.toGeometry(new Envelope(minLon, maxLon, minLat, maxLat));
    }

    @Test
    void matchesSettlementsCirclesAndPolygonsThatAZoneTouches() {
        var baikonur = CATALOG.byId("gn:1521368").orElseThrow();
        index.add(subscription("baikonur", new Area.SettlementArea(baikonur.id(), baikonur.point()), Severity.MINOR));
        // 30 km circle centred 40 km east of Baikonur: reaches into a zone ending 15 km east of the town
        index.add(subscription("circle", new Area.CircleArea(Geo.point(63.83, 45.6167), 30), Severity.MINOR));
        index.add(subscription("ulytau", new Area.PolygonArea(box(66, 67, 47, 48)), Severity.MINOR));
        var semey = CATALOG.findByName("Semey").get(0);
        index.add(subscription("semey", new Area.SettlementArea(semey.id(), semey.point()), Severity.MINOR));

        Geometry plume = box(63.2, 63.5, 45.5, 45.75);
        assertThat(index.matching(List.of(plume), Severity.SEVERE)).containsExactlyInAnyOrder("baikonur", "circle");
        assertThat(index.matching(List.of(box(66.5, 66.6, 47.5, 47.6)), Severity.SEVERE)).containsExactly("ulytau");
        // two zones over the same subscription: listed once
        assertThat(index.matching(List.of(plume, box(63.3, 63.4, 45.6, 45.7)), Severity.SEVERE))
                .containsExactlyInAnyOrder("baikonur", "circle");
        assertThat(index.matching(List.of(), Severity.EXTREME)).isEmpty();
    }

    @Test
    void aCircleIsGeodesicKilometresNotDegrees() {
        index.add(subscription("circle", new Area.CircleArea(Geo.point(63.0, 46.0), 25), Severity.MINOR));
        // 24 km north is inside, 26 km north is not (1° of latitude ≈ 111 km)
        assertThat(index.matching(List.of(Geo.point(63.0, 46.0 + 24 / 111.1)), Severity.MINOR)).containsExactly("circle");
        assertThat(index.matching(List.of(Geo.point(63.0, 46.0 + 26 / 111.1)), Severity.MINOR)).isEmpty();
    }

    @Test
    void respectsMinimumSeverity() {
        index.add(subscription("picky", new Area.PolygonArea(box(63, 64, 45, 46)), Severity.SEVERE));
        Geometry zone = box(63.2, 63.4, 45.2, 45.4);
        assertThat(index.matching(List.of(zone), Severity.MODERATE)).isEmpty();
        assertThat(index.matching(List.of(zone), Severity.SEVERE)).containsExactly("picky");
        assertThat(index.matching(List.of(zone), Severity.EXTREME)).containsExactly("picky");
        assertThat(index.matching(List.of(zone), Severity.UNKNOWN)).isEmpty();
    }

    @Test
    void aRemovedSubscriptionNoLongerMatches() {
        index.add(subscription("gone", new Area.PolygonArea(box(63, 64, 45, 46)), Severity.MINOR));
        index.remove("gone");
        assertThat(index.matching(List.of(box(63.2, 63.4, 45.2, 45.4)), Severity.EXTREME)).isEmpty();
    }

    @Test
    void holdsWhatTheWorkerNeedsOfActiveSubscriptionsAndNothingOfRemovedOnes() {
        index.add(subscription("kept", new Area.PolygonArea(box(63, 64, 45, 46)), Severity.MINOR));
        index.add(subscription("gone", new Area.PolygonArea(box(63, 64, 45, 46)), Severity.MINOR));
        index.remove("gone");
        var found = index.among(List.of("kept", "gone", "never-known"));
        assertThat(found).containsOnlyKeys("kept");
        assertThat(found.get("kept").url()).isEqualTo("https://example.org");
        assertThat(found.get("kept").secret()).isEqualTo("whsec_x");
        assertThat(found.get("kept").unsubscribeToken()).isEqualTo("unsubscribe");
    }

    @Test
    void storedAreaKeepsTheShapeTheSubscriberSent() {
        Document circle = new Area.CircleArea(Geo.point(63.0, 46.0), 25).toDocument();
        assertThat(circle.getDouble("radiusKm")).isEqualTo(25.0);
        assertThat(circle.get("point", Document.class).getString("type")).isEqualTo("Point");
    }
}

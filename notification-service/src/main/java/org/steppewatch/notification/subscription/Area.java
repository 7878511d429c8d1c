package org.steppewatch.notification.subscription;

import org.bson.Document;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.georef.Geodesy;

/** The area a subscription watches, in one of the three shapes of the contract. */
sealed interface Area {

    /** Vertices of the polygon that stands for a point + radius area. */
    int CIRCLE_SEGMENTS = 64;

    /** What an alert's hazard zones are intersected with. */
    Geometry matchGeometry();

    /** The stored and shown form: the shape the subscriber sent. */
    Document toDocument();

    record SettlementArea(String settlementId, Point point) implements Area {
        @Override
        public Geometry matchGeometry() {
            return point;
        }

        @Override
        public Document toDocument() {
            return new Document("settlementId", settlementId);
        }
    }

    record CircleArea(Point centre, double radiusKm) implements Area {
        @Override
        public Geometry matchGeometry() {
            // geodesic, so 25 km is 25 km at any latitude
            return Geodesy.circle(centre, radiusKm, CIRCLE_SEGMENTS);
        }

        @Override
        public Document toDocument() {
            return new Document("point", geoJson(centre)).append("radiusKm", radiusKm);
        }
    }

    record PolygonArea(Geometry polygon) implements Area {
        @Override
        public Geometry matchGeometry() {
            return polygon;
        }

        @Override
        public Document toDocument() {
            return geoJson(polygon);
        }
    }

    static Document geoJson(Geometry geometry) {
        return Document.parse(GeoJsonModule.write(geometry));
    }
}

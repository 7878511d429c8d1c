package org.steppewatch.incident.facility;

import java.util.Locale;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.steppewatch.georef.Region;
import org.steppewatch.georef.RegionCatalog;

/**
 * The bounding box of Kazakhstan's shipped regions (geo-reference): a facility of the register lies in it. A box,
 * not the border: a point just across it in a neighbouring country passes, a typo that swaps lat and lon does not.
 */
final class KazakhstanExtent {

    private static final Envelope EXTENT = load();

    private KazakhstanExtent() {
    }

    static boolean contains(double lon, double lat) {
        return EXTENT.contains(lon, lat);
    }

    static boolean contains(Point point) {
        return contains(point.getX(), point.getY());
    }

    /** e.g. "lon 46.49..87.32, lat 40.57..55.44" */
    static String describe() {
        return String.format(Locale.ROOT, "lon %.2f..%.2f, lat %.2f..%.2f", EXTENT.getMinX(), EXTENT.getMaxX(),
                EXTENT.getMinY(), EXTENT.getMaxY());
    }

    private static Envelope load() {
        Envelope envelope = new Envelope();
        for (Region region : RegionCatalog.shipped().regions()) {
            envelope.expandToInclude(region.geometry().getEnvelopeInternal());
        }
        return envelope;
    }
}

package org.steppewatch.incident.site;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;

/** Which sites exist, and where: for results and campaigns that name a site. */
public interface SiteDirectory {

    boolean exists(String siteId);

    /** The ids among {@code siteIds} that name a site. */
    Set<String> existing(Collection<String> siteIds);

    /** The site's point, empty when there is no such site or it has no point. */
    Optional<Geometry> location(String siteId);

    /** The points of the sites among {@code siteIds} that have one. */
    Map<String, Geometry> locations(Collection<String> siteIds);
}

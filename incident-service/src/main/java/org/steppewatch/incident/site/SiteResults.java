package org.steppewatch.incident.site;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What the sites register shows of the results recorded at each site (implemented where results are kept). */
public interface SiteResults {

    /** Per site of {@code siteIds}: its series, most results first; sites without results are absent. */
    Map<String, List<SeriesCount>> seriesOf(Collection<String> siteIds);
}

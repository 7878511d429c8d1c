package org.steppewatch.incident.site;

/** How many results a site holds of one substance in one medium: one time series. */
public record SeriesCount(String substance, String medium, long count) {
}

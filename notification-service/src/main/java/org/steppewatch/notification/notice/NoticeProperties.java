package org.steppewatch.notification.notice;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who is "near" a result above a limit (docs/alerts.md, Contamination notices).
 *
 * @param nearKm             a subscription's area (polygon or circle) within this distance of the result gets its
 *                           notice. 10 km: what people of a place use beyond its edge (its wells and river reach, the
 *                           fields and pastures its herds graze, the fish caught near it) lies within a few kilometres
 *                           to about 10 km of it, and a result farther away concerns another community's water and land
 * @param settlementRadiusKm a settlement subscription is a point in the catalogue; the place is taken as a disc of this
 *                           radius around it (5 km: a town such as Temirtau reaches about that far from its centre), so
 *                           it gets a notice within {@code settlementRadiusKm + nearKm} of its point
 * @param maxSampleAgeDays   a notice announces a current finding: a result whose sampling ended more than this many
 *                           days before it is judged (a published study, an archive being entered, the shipped
 *                           literature values), or whose date is unknown, is recorded, judged and shown on its site,
 *                           but no notice goes out for it. 365: a year of monitoring, so a sample whose laboratory
 *                           report took months still counts as news
 */
@ConfigurationProperties("steppewatch.notices")
record NoticeProperties(Double nearKm, Double settlementRadiusKm, Integer maxSampleAgeDays) {

    NoticeProperties {
        nearKm = nearKm == null ? 10.0 : nearKm;
        settlementRadiusKm = settlementRadiusKm == null ? 5.0 : settlementRadiusKm;
        maxSampleAgeDays = maxSampleAgeDays == null ? 365 : maxSampleAgeDays;
        if (maxSampleAgeDays < 0) {
            throw new IllegalArgumentException("steppewatch.notices.max-sample-age-days must be 0 or more");
        }
        if (!(nearKm >= 0) || !(settlementRadiusKm >= 0)) {
            throw new IllegalArgumentException("steppewatch.notices.near-km and settlement-radius-km must be 0 or more");
        }
    }
}

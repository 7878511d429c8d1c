package org.steppewatch.notification.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.ResultJudged;
import org.steppewatch.contracts.ResultJudged.LimitComparison;
import org.steppewatch.contracts.ResultJudged.NoticeRating;
import org.steppewatch.contracts.Severity;

/** Findings as analysis-service publishes them on findings.v1, for the tests. */
public final class Findings {

    /** The Nura below Temirtau (72.95 E, 50.06 N): where the museum samples mercury. */
    public static final double NURA_LON = 72.95;
    public static final double NURA_LAT = 50.06;

    private Findings() {
    }

    public static String newResultId() {
        return "res-" + UUID.randomUUID();
    }

    public static String newSiteId() {
        return "KZ-TEST-" + UUID.randomUUID();
    }

    /**
     * Mercury in water at 12.5 times the KZ MPC (0.00625 against 0.0005 mg/L): Moderate by the rule of
     * docs/assessment.md (at least 10 times a chronic limit), urgency Future, certainty Observed.
     */
    public static ResultJudged mercury(String resultId, String siteId, double lon, double lat, String substance,
                                       String medium) {
        LimitComparison above = new LimitComparison("KZ_MPC", "water", 0.0005, "mg/L", null, null, 0.00625, 12.5,
                "ABOVE", true, false, "12.5 times the limit", "GN 2.1.5.1315-03", "Order 26", "in force", "verified",
                null, null);
        NoticeRating rating = new NoticeRating(Severity.MODERATE, "Future", "Observed", 12.5, "KZ_MPC",
                "contamination notice: the highest ratio is at least 10x a chronic limit");
        // sampled eleven days ago: a current finding, whenever the test runs
        LocalDate sampled = LocalDate.now(ZoneOffset.UTC).minusDays(11);
        return new ResultJudged(resultId, siteId, Geo.point(lon, lat), substance, medium, sampled, sampled, List.of(above),
                rating, List.of(), "sha256:test", Instant.now());
    }

    /** Mercury in Nura water at a new site, sampled at the Nura point. */
    public static ResultJudged mercuryInTheNura(String siteId) {
        return mercury(newResultId(), siteId, NURA_LON, NURA_LAT, "HG", "water");
    }
}

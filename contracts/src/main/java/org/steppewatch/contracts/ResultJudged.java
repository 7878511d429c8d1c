package org.steppewatch.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

/**
 * analysis-service compared a recorded result with every applicable limit value (the same comparison an assessment
 * makes of an incident's samples), on {@link Topics#FINDINGS}.
 *
 * @param resultId     the {@link ResultRecorded} judged
 * @param siteId       its site, or null
 * @param location     where it was taken (GeoJSON Point)
 * @param substance    substance code
 * @param medium       sampled medium
 * @param sampledFrom  first day of sampling, or null
 * @param sampledTo    last day of sampling, or null
 * @param comparisons  one row per limit value considered, in every regime that has one for the substance and medium
 * @param notice       the contamination notice the result warrants (some regime's verdict is above its limit), or
 *                     null when it warrants none
 * @param notChecked   why the result could not be compared at all (no limit for the substance and medium, a unit
 *                     that does not convert, a published summary such as a share of samples), else empty
 * @param limitValuesVersion content hash of the limit table used
 * @param judgedAt     when it was judged
 */
public record ResultJudged(String resultId, String siteId, Geometry location, String substance, String medium,
                           LocalDate sampledFrom, LocalDate sampledTo, List<LimitComparison> comparisons,
                           NoticeRating notice, List<String> notChecked, String limitValuesVersion, Instant judgedAt)
        implements ContaminationEvent {

    public ResultJudged {
        comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
        notChecked = notChecked == null ? List.of() : List.copyOf(notChecked);
    }

    @Override
    public String key() {
        return siteId != null ? siteId : resultId;
    }

    @Override
    public String eventType() {
        return EventTypes.RESULT_JUDGED;
    }

    @Override
    public String topic() {
        return Topics.FINDINGS;
    }

    @Override
    public long sequence() {
        return 0;
    }

    /**
     * A result against one limit value.
     *
     * @param regime            KZ_MPC, EU, WHO, EAEU_TR_TS, US_EPA, ... as in the limit table
     * @param limitMedium       the medium the value is set for
     * @param limit             the value, in {@code limitUnit}
     * @param limitUnit         its unit
     * @param basis             the value's basis (wet, dry, fat), or null
     * @param appliesTo         the value's narrower scope (e.g. listed fish species), or null
     * @param comparedValue     the result (for a non-detect, its detection limit) in {@code limitUnit}, or null
     * @param ratio             comparedValue / limit for a detected result; null for a non-detect and when not compared
     * @param outcome           ABOVE, WITHIN, NON_DETECT_WITHIN, NON_DETECT_NOT_SHOWN or NOT_COMPARED
     * @param regimeVerdict     true for the row that decides the result's verdict under its regime
     * @param acute             the value is an acute limit
     * @param statement         the outcome in one sentence
     * @param limitSource       the value's source
     * @param legalInstrument   the instrument that sets it
     * @param limitStatus       in force, guideline, ... as in the limit table
     * @param limitConfidence   how well the value is checked (verified, unverified, ...)
     * @param conversionNote    how the unit was converted, or null
     * @param notComparedReason why not compared, or null
     */
    public record LimitComparison(String regime, String limitMedium, Double limit, String limitUnit, String basis,
                                  String appliesTo, Double comparedValue, Double ratio, String outcome,
                                  boolean regimeVerdict, boolean acute, String statement, String limitSource,
                                  String legalInstrument, String limitStatus, String limitConfidence,
                                  String conversionNote, String notComparedReason) {
    }

    /**
     * The contamination notice a result warrants, by the written rule of docs/assessment.md (CAP category Env).
     *
     * @param severity     Minor, Moderate or Severe (never Extreme)
     * @param urgency      Future
     * @param certainty    Observed
     * @param highestRatio the highest ratio among the regimes' verdicts
     * @param regime       the regime of that ratio
     * @param reason       the row of the rule that gave the severity
     */
    public record NoticeRating(Severity severity, String urgency, String certainty, double highestRatio, String regime,
                               String reason) {
    }
}

package org.steppewatch.analysis.assessment;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.steppewatch.analysis.assessment.AssessmentDetails.SampleComparison;
import org.steppewatch.contracts.Severity;

/**
 * Rates a contamination notice: measured samples above their limits, with no airborne hazard to people. The CAP 1.2
 * severities speak of a threat to life or property: Extreme "extraordinary threat", Severe "significant threat",
 * Moderate "possible threat", Minor "minimal to no known threat". The limits compared here (MPCs of soil and water,
 * drinking-water guidelines, food maximum levels) are set for long-term exposure, with safety margins below any
 * effect: exceeding one, even many times, is not a threat to life by itself. So the rating rises with the highest
 * ratio only to Moderate, and only a limit set explicitly for acute exposure can make a notice Severe. Urgency is
 * {@code Future} ("responsive action should be taken in the near future": avoid the site, its water, its pasture);
 * certainty is {@code Observed} ("determined to have occurred": a laboratory measured it).
 *
 * <table>
 *   <caption>severity of a contamination notice, from the exceedances (one per sample and regime)</caption>
 *   <tr><th>severity</th><th>when</th></tr>
 *   <tr><td>Severe</td><td>a sample is above a limit that is explicitly an acute one</td></tr>
 *   <tr><td>Moderate</td><td>the highest ratio (sample / limit) is at least {@value #MODERATE_FROM} ×</td></tr>
 *   <tr><td>Minor</td><td>the highest ratio is above 1 and below {@value #MODERATE_FROM} ×</td></tr>
 *   <tr><td>Minor</td><td>only a proposed value (status {@value #PROPOSAL}: not law, e.g. the EU's draft EQS for
 *   mercury) is exceeded</td></tr>
 * </table>
 * The ratios are those of values in force: a proposal is compared and shown, but it does not raise the severity.
 * Extreme is never given to a contamination notice. Without an exceedance there is no contamination notice.
 */
final class ContaminationRating {

    static final double MODERATE_FROM = 10;
    static final String FUTURE = "Future";
    static final String OBSERVED = "Observed";
    static final String PROPOSAL = "proposal";

    /** The rating, with the row of the table that gave it. */
    record Rating(Severity severity, String urgency, String certainty, String reason) {
    }

    /** The rating of the exceeding rows, or empty when no sample exceeds a limit. */
    Optional<Rating> rate(List<SampleComparison> exceeding) {
        Optional<SampleComparison> acute = exceeding.stream().filter(SampleComparison::acute).findFirst();
        if (acute.isPresent()) {
            return Optional.of(rating(Severity.SEVERE, "a sample is above an acute limit: " + describe(acute.get())));
        }
        List<SampleComparison> inForce = decisive(exceeding);
        if (inForce.isEmpty() && !exceeding.isEmpty()) {
            SampleComparison highest = exceeding.stream().max(Comparator.comparingDouble(SampleComparison::ratio)).orElseThrow();
            return Optional.of(rating(Severity.MINOR, "only a proposed value, not law, is exceeded: " + describe(highest)));
        }
        return inForce.stream().max(Comparator.comparingDouble(SampleComparison::ratio)).map(highest -> rating(
                highest.ratio() >= MODERATE_FROM ? Severity.MODERATE : Severity.MINOR,
                (highest.ratio() >= MODERATE_FROM ? "the highest ratio is at least " + AssessmentSummary.number(MODERATE_FROM) + "×"
                        : "the highest ratio is below " + AssessmentSummary.number(MODERATE_FROM) + "×")
                        + " a chronic limit: " + describe(highest)));
    }

    /** The exceeding rows whose ratio sets the severity: those of values in force (not proposals). */
    static List<SampleComparison> decisive(List<SampleComparison> exceeding) {
        return exceeding.stream().filter(c -> !PROPOSAL.equals(c.limitStatus())).toList();
    }

    private static Rating rating(Severity severity, String reason) {
        return new Rating(severity, FUTURE, OBSERVED, "contamination notice: " + reason);
    }

    private static String describe(SampleComparison c) {
        return c.substance() + " in " + c.medium() + " at " + AssessmentSummary.number(c.ratio()) + "× the " + c.regime() + " limit";
    }
}

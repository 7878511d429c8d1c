package org.steppewatch.analysis.assessment;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import org.steppewatch.analysis.assessment.AssessmentDetails.SampleComparison;
import org.steppewatch.analysis.substance.SubstanceTable;
import org.steppewatch.contracts.IncidentFacts.Sample;
import org.steppewatch.contracts.ResultJudged.LimitComparison;
import org.steppewatch.contracts.ResultJudged.NoticeRating;

/**
 * One sample against every applicable limit value, by the comparison an assessment makes of an incident's samples
 * ({@link ExceedanceCheck}) and the notice rule of {@link ContaminationRating}: what judges a recorded result outside
 * any incident, so a result and an incident's sample are never judged by two different rules.
 *
 * @param comparisons one row per limit value considered, as {@link ExceedanceCheck} made it
 * @param notice      the contamination notice the sample warrants, or null when no regime's verdict is above its limit
 * @param notChecked  one phrase when the sample could not be compared with any value, else empty
 */
public record LimitJudgement(List<LimitComparison> comparisons, NoticeRating notice, List<String> notChecked) {

    /** Judges {@code sample} as taken on {@code day} (which limits were in force). */
    public static LimitJudgement of(Sample sample, LocalDate day, SubstanceTable substances) {
        Sample dated = new Sample(sample.substance(), sample.medium(), sample.value(), sample.unit(), sample.location(),
                day.atStartOfDay(ZoneOffset.UTC).toInstant(), sample.detected(), sample.detectionLimit());
        ExceedanceCheck.Result checked = new ExceedanceCheck().check(List.of(dated), substances, dated.sampledAt());
        List<SampleComparison> exceeding = checked.exceeding();
        NoticeRating notice = new ContaminationRating().rate(exceeding).map(rating -> {
            // the row the severity rests on: the highest ratio among values in force, else among the proposals
            List<SampleComparison> decisive = ContaminationRating.decisive(exceeding);
            SampleComparison highest = (decisive.isEmpty() ? exceeding : decisive).stream()
                    .max(Comparator.comparingDouble(SampleComparison::ratio)).orElseThrow();
            return new NoticeRating(rating.severity(), rating.urgency(), rating.certainty(), highest.ratio(), highest.regime(),
                    rating.reason());
        }).orElse(null);
        return new LimitJudgement(checked.comparisons().stream().map(LimitJudgement::row).toList(), notice, checked.notChecked());
    }

    private static LimitComparison row(SampleComparison c) {
        return new LimitComparison(c.regime(), c.limitMedium(), c.limit(), c.limitUnit(), c.basis(), c.appliesTo(),
                c.comparedValue(), c.ratio(), c.outcome(), c.regimeVerdict(), c.acute(), c.statement(), c.limitSource(),
                c.legalInstrument(), c.limitStatus(), c.limitConfidence(), c.conversionNote(), c.notComparedReason());
    }
}

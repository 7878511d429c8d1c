package org.steppewatch.analysis.assessment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.steppewatch.analysis.assessment.AssessmentDetails.SampleComparison;
import org.steppewatch.analysis.substance.Limit;
import org.steppewatch.analysis.substance.Substance;
import org.steppewatch.analysis.substance.SubstanceTable;
import org.steppewatch.analysis.substance.Units;
import org.steppewatch.contracts.IncidentAssessed.Exceedance;
import org.steppewatch.contracts.IncidentFacts.Sample;

/**
 * Compares every laboratory sample with the limit for its substance and medium (the substance table). The
 * sample is converted to the limit's unit when both measure the same quantity (mg/kg ↔ µg/kg ↔ ng/g, mg/L ↔
 * µg/L, kBq/m² ↔ Bq/m² ↔ Ci/km², Bq/kg ↔ Bq/g; ppm ↔ mg/m³ in air with the molecular weight); otherwise it is
 * not compared and the comparison says why (no guessing). Samples above their limit become exceedances.
 */
final class ExceedanceCheck {

    /**
     * @param exceedances samples above their limit (the event's list)
     * @param comparisons every sample, compared or not
     * @param notChecked  one short phrase per sample that could not be compared
     */
    record Result(List<Exceedance> exceedances, List<SampleComparison> comparisons, List<String> notChecked) {

        boolean anySevere() {
            return comparisons.stream().anyMatch(SampleComparison::severe);
        }
    }

    Result check(List<Sample> samples, SubstanceTable substances) {
        List<Exceedance> exceedances = new ArrayList<>();
        List<SampleComparison> comparisons = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        for (Sample sample : samples) {
            SampleComparison c = compare(sample, substances);
            comparisons.add(c);
            if (c.notComparedReason() != null) {
                notChecked.add(c.substance() + " in " + c.medium() + " (" + c.notComparedReason() + ")");
            } else if (c.exceeds()) {
                exceedances.add(new Exceedance(c.substance(), c.medium(), c.comparedValue(), c.limit(), c.limitUnit(), c.ratio(),
                        c.limitSource()));
            }
        }
        return new Result(exceedances, comparisons, notChecked);
    }

    static SampleComparison compare(Sample sample, SubstanceTable substances) {
        String substance = sample.substance() == null ? "?" : sample.substance().trim().toUpperCase(Locale.ROOT);
        String medium = sample.medium() == null ? "?" : sample.medium().trim().toUpperCase(Locale.ROOT);
        Optional<Substance> known = substances.find(substance);
        if (known.isEmpty()) {
            return notCompared(sample, substance, medium, "substance not in the substance table");
        }
        List<Limit> limits = substances.limits(substance, medium);
        if (limits.isEmpty()) {
            List<String> media = known.get().limits().stream().map(Limit::medium).distinct().toList();
            return notCompared(sample, substance, medium, "no limit on file"
                    + (media.isEmpty() ? "" : "; limits on file for " + String.join(", ", media)));
        }
        Double mw = known.get().molecularWeight() == null ? null : known.get().molecularWeight().value();
        List<String> problems = new ArrayList<>();
        for (Limit limit : limits) {
            Units.Conversion conversion = Units.convert(sample.value(), sample.unit(), limit.unit(), mw);
            if (!conversion.converted()) {
                problems.add(conversion.problem());
                continue;
            }
            double value = significant(conversion.value(), 6);
            boolean exceeds = value > limit.value();
            String step = null;
            for (Limit.Step s : limit.steps()) {
                if (value >= s.from()) {
                    step = s.label();
                }
            }
            return new SampleComparison(substance, medium, sample.value(), sample.unit(), value, limit.value(), limit.unit(),
                    significant(value / limit.value(), 3), exceeds, value >= limit.severeThreshold(), step, limit.source(),
                    limit.confidence(), conversion.note(), null);
        }
        return notCompared(sample, substance, medium, String.join("; ", problems));
    }

    private static SampleComparison notCompared(Sample sample, String substance, String medium, String why) {
        return new SampleComparison(substance, medium, sample.value(), sample.unit(), null, null, null, null, false, false, null,
                null, null, null, why);
    }

    /** Rounds to {@code digits} significant digits: a ratio of 1229.9999 reads 1230, one of 1.2299999 reads 1.23. */
    static double significant(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(new MathContext(digits)).doubleValue();
    }
}

package org.steppewatch.analysis.assessment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.steppewatch.analysis.assessment.AssessmentDetails.SampleComparison;
import org.steppewatch.analysis.substance.Limit;
import org.steppewatch.analysis.substance.Substance;
import org.steppewatch.analysis.substance.SubstanceTable;
import org.steppewatch.analysis.substance.Units;
import org.steppewatch.contracts.IncidentAssessed.Exceedance;
import org.steppewatch.contracts.IncidentFacts.Sample;

/**
 * Compares every laboratory sample with every regime's value on file for its substance and medium (the substance
 * table): a Kazakh MPC, an EU, WHO, EAEU or US EPA value side by side, each with its ratio and source. The rules:
 * <ul>
 * <li><b>Media.</b> A sample is compared with the values for its own medium; a WATER or GROUNDWATER sample also with
 *     the DRINKING_WATER values and a DRINKING_WATER sample with the WATER ones ({@link #ALSO_COMPARED_WITH}): in the
 *     steppe, rivers and wells are drunk from, and the Kazakh water MPCs are set for water bodies used for drinking.
 *     Each row names the medium its value is set for.</li>
 * <li><b>Basis.</b> A sample states its basis through its unit: a result per gram of fat ({@code ng/g fat}) converts
 *     only to fat-basis values, a toxic-equivalent one only to TEQ values; otherwise the row says why not.</li>
 * <li><b>Date.</b> A value in force only until (or from) a day applies to samples taken before (on or after) it; the
 *     sample's day is its {@code sampledAt}, else the incident's occurrence, else the assessment's day (UTC).</li>
 * <li><b>Several values in one regime</b> (EU mercury in fish: 0.50 mg/kg by default, 1.0 for listed predatory
 *     species, 0.30 for others): the sample is compared with each, each row labelled with its scope; since a sample
 *     does not name its species, the regime's verdict is that of the least strict value, so an exceedance is claimed
 *     only when the sample is above every value the regime could apply to it.</li>
 * <li><b>Non-detects</b> ({@code detected: false}) are never zeros and never exceedances: the row says "below the
 *     detection limit of X", and when X is above the limit, that compliance cannot be shown.</li>
 * <li><b>Not compared.</b> A value kept on file but not meant for one sample (an annual average), or a unit that does
 *     not convert (no guessing), gives a row with the reason.</li>
 * </ul>
 * One {@link Exceedance} per sample and regime whose verdict is above the limit.
 */
final class ExceedanceCheck {

    static final String ABOVE = "ABOVE";
    static final String WITHIN = "WITHIN";
    static final String NON_DETECT_WITHIN = "NON_DETECT_WITHIN";
    static final String NON_DETECT_NOT_SHOWN = "NON_DETECT_NOT_SHOWN";
    static final String NOT_COMPARED = "NOT_COMPARED";

    /** Media whose values also apply to a sample of another medium (see the class comment). */
    static final Map<String, List<String>> ALSO_COMPARED_WITH = Map.of(
            "WATER", List.of("DRINKING_WATER"),
            "GROUNDWATER", List.of("WATER", "DRINKING_WATER"),
            "DRINKING_WATER", List.of("WATER"));

    /**
     * @param exceedances one per sample and regime above its limit (the event's list)
     * @param comparisons every sample against every value on file for it
     * @param notChecked  one short phrase per sample that could not be compared with any value
     */
    record Result(List<Exceedance> exceedances, List<SampleComparison> comparisons, List<String> notChecked) {

        /** The rows that decide each regime's verdict and are above the limit. */
        List<SampleComparison> exceeding() {
            return comparisons.stream().filter(c -> c.regimeVerdict() && c.exceeds()).toList();
        }

        /** Non-detects whose detection limit is above a regime's limit. */
        List<SampleComparison> complianceNotShown() {
            return comparisons.stream().filter(c -> c.regimeVerdict() && NON_DETECT_NOT_SHOWN.equals(c.outcome())).toList();
        }
    }

    /**
     * @param undatedSamplesOn the instant an undated sample is taken to date from (the incident's occurrence, else the
     *                         assessment's time)
     */
    Result check(List<Sample> samples, SubstanceTable substances, Instant undatedSamplesOn) {
        List<Exceedance> exceedances = new ArrayList<>();
        List<SampleComparison> comparisons = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            Instant on = sample.sampledAt() != null ? sample.sampledAt() : undatedSamplesOn;
            List<SampleComparison> rows = compare(i, sample, substances, LocalDate.ofInstant(on, ZoneOffset.UTC));
            comparisons.addAll(rows);
            if (rows.stream().allMatch(c -> NOT_COMPARED.equals(c.outcome()))) {
                SampleComparison first = rows.get(0);
                notChecked.add(first.substance() + " in " + first.medium() + " (" + String.join("; ",
                        rows.stream().map(SampleComparison::notComparedReason).distinct().toList()) + ")");
            }
            for (SampleComparison c : rows) {
                if (c.regimeVerdict() && c.exceeds()) {
                    exceedances.add(new Exceedance(c.substance(), c.medium(), c.comparedValue(), c.limit(), c.limitUnit(), c.ratio(),
                            c.legalInstrument() != null ? c.legalInstrument() : c.limitSource(), c.regime()));
                }
            }
        }
        return new Result(exceedances, comparisons, notChecked);
    }

    static List<SampleComparison> compare(int index, Sample sample, SubstanceTable substances, LocalDate day) {
        String substance = sample.substance() == null ? "?" : sample.substance().trim().toUpperCase(Locale.ROOT);
        String medium = sample.medium() == null ? "?" : sample.medium().trim().toUpperCase(Locale.ROOT);
        Optional<Substance> known = substances.find(substance);
        if (known.isEmpty()) {
            return List.of(notCompared(index, sample, substance, medium, null, "substance not in the substance table"));
        }
        List<Limit> onFile = new ArrayList<>(substances.limits(substance, medium));
        ALSO_COMPARED_WITH.getOrDefault(medium, List.of()).forEach(m -> onFile.addAll(substances.limits(substance, m)));
        if (onFile.isEmpty()) {
            List<String> media = known.get().limits().stream().map(Limit::medium).distinct().toList();
            return List.of(notCompared(index, sample, substance, medium, null, "no limit on file"
                    + (media.isEmpty() ? "" : "; limits on file for " + String.join(", ", media))));
        }
        List<Limit> inForce = onFile.stream().filter(l -> l.inForceOn(day)).toList();
        if (inForce.isEmpty()) {
            return List.of(notCompared(index, sample, substance, medium, null, "no limit on file was in force on " + day));
        }
        Double mw = known.get().molecularWeight() == null ? null : known.get().molecularWeight().value();
        List<SampleComparison> rows = new ArrayList<>();
        for (Limit limit : inForce) {
            rows.add(row(index, sample, substance, medium, limit, mw));
        }
        return markVerdicts(rows);
    }

    private static SampleComparison row(int index, Sample sample, String substance, String medium, Limit limit, Double mw) {
        if (limit.notComparedReason() != null) {
            return notCompared(index, sample, substance, medium, limit, limit.notComparedReason());
        }
        boolean detected = sample.isDetected();
        Double measured = detected ? sample.value() : sample.detectionLimit();
        if (measured == null) {
            return notCompared(index, sample, substance, medium, limit, detected ? "no value" : "no detection limit");
        }
        Units.Conversion conversion = Units.convert(measured, sample.unit(), limit.unit(), mw);
        if (!conversion.converted()) {
            return notCompared(index, sample, substance, medium, limit, conversion.problem());
        }
        double value = significant(conversion.value(), 6);
        String limitText = number(limit.value()) + " " + limit.unit();
        String outcome;
        String statement;
        Double ratio = null;
        if (detected) {
            ratio = significant(value / limit.value(), 3);
            outcome = value > limit.value() ? ABOVE : WITHIN;
            statement = (outcome.equals(ABOVE) ? "above" : "within") + " the " + limit.regime() + " limit: "
                    + number(value) + " " + limit.unit() + " is " + number(ratio) + "× " + limitText;
        } else {
            String below = "below the detection limit of " + number(sample.detectionLimit()) + " " + sample.unit();
            outcome = value > limit.value() ? NON_DETECT_NOT_SHOWN : NON_DETECT_WITHIN;
            statement = outcome.equals(NON_DETECT_WITHIN)
                    ? below + ", itself within the " + limit.regime() + " limit of " + limitText
                    : below + ", which is above the " + limit.regime() + " limit of " + limitText + ": compliance cannot be shown";
        }
        return new SampleComparison(index, substance, medium, sample.value(), sample.unit(), detected, sample.detectionLimit(),
                limit.regime(), limit.medium(), limit.value(), limit.unit(), limit.basis(), limit.appliesTo(), value, ratio, outcome,
                false, limit.acute(), statement, limit.source(), limit.legalInstrument(), limit.status(), limit.confidence(),
                conversion.note(), null);
    }

    /** Per regime, the compared row with the smallest value-to-limit quotient (the least strict value) decides. */
    private static List<SampleComparison> markVerdicts(List<SampleComparison> rows) {
        Map<String, SampleComparison> verdicts = new LinkedHashMap<>();
        for (SampleComparison c : rows) {
            if (c.comparedValue() != null) {
                verdicts.merge(c.regime(), c, (a, b) -> quotient(b) < quotient(a) ? b : a);
            }
        }
        return rows.stream().map(c -> verdicts.get(c.regime()) == c ? verdict(c) : c).toList();
    }

    private static double quotient(SampleComparison c) {
        return c.comparedValue() / c.limit();
    }

    private static SampleComparison verdict(SampleComparison c) {
        return new SampleComparison(c.sample(), c.substance(), c.medium(), c.value(), c.unit(), c.detected(), c.detectionLimit(),
                c.regime(), c.limitMedium(), c.limit(), c.limitUnit(), c.basis(), c.appliesTo(), c.comparedValue(), c.ratio(),
                c.outcome(), true, c.acute(), c.statement(), c.limitSource(), c.legalInstrument(), c.limitStatus(),
                c.limitConfidence(), c.conversionNote(), c.notComparedReason());
    }

    private static SampleComparison notCompared(int index, Sample sample, String substance, String medium, Limit limit, String why) {
        return new SampleComparison(index, substance, medium, sample.value(), sample.unit(), sample.isDetected(), sample.detectionLimit(),
                limit == null ? null : limit.regime(), limit == null ? null : limit.medium(), limit == null ? null : limit.value(),
                limit == null ? null : limit.unit(), limit == null ? null : limit.basis(), limit == null ? null : limit.appliesTo(),
                null, null, NOT_COMPARED, false, limit != null && limit.acute(), "not compared: " + why,
                limit == null ? null : limit.source(), limit == null ? null : limit.legalInstrument(),
                limit == null ? null : limit.status(), limit == null ? null : limit.confidence(), null, why);
    }

    private static String number(double value) {
        return AssessmentSummary.number(significant(value, 6));
    }

    /** Rounds to {@code digits} significant digits: a ratio of 1229.9999 reads 1230, one of 1.2299999 reads 1.23. */
    static double significant(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(new MathContext(digits)).doubleValue();
    }
}

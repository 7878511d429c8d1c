package org.steppewatch.analysis.finding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.steppewatch.analysis.substance.ReportingThreshold;
import org.steppewatch.analysis.substance.SubstanceTable;
import org.steppewatch.contracts.FacilityJudged;
import org.steppewatch.contracts.FacilityJudged.ReleaseJudgement;
import org.steppewatch.contracts.FacilityReported;
import org.steppewatch.contracts.FacilityReported.AnnualRelease;

/**
 * A facility's annual releases against the E-PRTR Annex II thresholds (kg/year) for the pollutant and the receiving
 * medium: factor = release / threshold, above the threshold when the factor is above 1. A threshold is a reporting
 * trigger (above it an EU facility must report the release), not a limit of harm; a release whose pollutant and
 * medium Annex II does not list (in the limit table) has no threshold and no factor.
 */
final class FacilityJudging {

    /**
     * Substance codes whose Annex II row goes by another name: Annex II lists "PCDD + PCDF (dioxins + furans) (as
     * Teq)", the code list calls the same sum DIOXINS ("PCDD/F as WHO-TEQ").
     */
    private static final Map<String, String> ANNEX_II_NAMES = Map.of("DIOXINS", "PCDD_PCDF");

    private FacilityJudging() {
    }

    static FacilityJudged judge(FacilityReported facility, SubstanceTable substances, Instant now) {
        List<ReleaseJudgement> releases = facility.releases().stream()
                .map(r -> judge(r, substances.reportingThresholds())).toList();
        return new FacilityJudged(facility.facilityId(), facility.version(), releases, substances.version(), now);
    }

    static ReleaseJudgement judge(AnnualRelease release, List<ReportingThreshold> thresholds) {
        Optional<ReportingThreshold> threshold = thresholds.stream()
                .filter(t -> t.substance().equalsIgnoreCase(annexIiName(release.pollutant()))
                        && t.medium().equals(strip(release.medium()).toUpperCase(Locale.ROOT)))
                .findFirst();
        if (threshold.isEmpty()) {
            return new ReleaseJudgement(release.year(), release.pollutant(), release.medium(), release.amountKg(), null, null,
                    false, null);
        }
        double kg = threshold.get().value();
        // six significant digits: 0.25 kg of PCB over 0.1 reads 2.5, not 2.4999999999999996
        double factor = new BigDecimal(release.amountKg() / kg).round(new MathContext(6)).doubleValue();
        return new ReleaseJudgement(release.year(), release.pollutant(), release.medium(), release.amountKg(), kg, factor,
                release.amountKg() > kg, threshold.get().legalInstrument());
    }

    private static String annexIiName(String pollutant) {
        String code = strip(pollutant).toUpperCase(Locale.ROOT);
        return ANNEX_II_NAMES.getOrDefault(code, code);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}

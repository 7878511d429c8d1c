package org.steppewatch.analysis.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.steppewatch.analysis.assessment.AssessmentDetails.AreaOfConcernFinding;
import org.steppewatch.analysis.assessment.AssessmentDetails.ZoneDetail;
import org.steppewatch.analysis.reference.FallZoneIndex;
import org.steppewatch.contracts.IncidentAssessed.AffectedSettlement;
import org.steppewatch.contracts.IncidentAssessed.Exceedance;
import org.steppewatch.contracts.IncidentAssessed.FallZoneFinding;
import org.steppewatch.contracts.IncidentAssessed.HazardZone;
import org.steppewatch.contracts.IncidentFacts;

/**
 * The English summary of an assessment, e.g. "LAUNCH_FAILURE 'Proton-M': 172 t UDMH; UDMH AEGL-3 3.3 km NE,
 * UDMH AEGL-2 8.6 km NE (60 min, class D, 3 m/s) reach no settlement; nearest settlement Tyuratam 50.6 km SSE;
 * outside drop zones, none within 100 km (nearest RP-25, 260.9 km); inside area of concern Baikonur Cosmodrome
 * leased area (approximate outline). Samples: UDMH in SOIL at 1230× the limit (123 mg/kg; limit 0.1 mg/kg)."
 */
final class AssessmentSummary {

    private static final String[] COMPASS = {"N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
            "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"};

    private AssessmentSummary() {
    }

    static String of(IncidentFacts facts, FallZoneFinding fallZone, double nearbyKm, List<HazardZone> zones, List<ZoneDetail> details,
                     List<AffectedSettlement> affected, List<AreaOfConcernFinding> areas, ExceedanceCheck.Result samples,
                     int exposureMinutes) {
        StringBuilder s = new StringBuilder();
        s.append(facts.category());
        if (facts.title() != null && !facts.title().isBlank()) {
            s.append(" '").append(facts.title().strip()).append('\'');
        }
        s.append(": ").append(releases(facts)).append("; ").append(zonesAndPeople(zones, details, affected, exposureMinutes))
                .append("; ").append(fallZone(fallZone, nearbyKm)).append(areas(areas)).append('.');
        String sampleSentence = samples(facts, samples);
        if (!sampleSentence.isEmpty()) {
            s.append(' ').append(sampleSentence);
        }
        return s.toString();
    }

    /** The ensemble's sentence: the highest probability at a settlement, or that no member reaches one in time. */
    static String odds(List<AffectedSettlement> affected, int members) {
        AffectedSettlement most = null;
        String level = null;
        double p = 0;
        for (AffectedSettlement a : affected) {
            for (var e : a.exceedanceProbability().entrySet()) {
                if (e.getValue() > p) {
                    p = e.getValue();
                    level = e.getKey();
                    most = a;
                }
            }
        }
        String ensemble = "Ensemble of " + String.format(java.util.Locale.ROOT, "%,d", members) + " members: ";
        if (most == null) {
            return ensemble + "no member exceeds a level of concern at a settlement in time.";
        }
        return ensemble + "highest P(" + level + ") " + SeverityRule.percent(p) + " at " + most.name()
                + (most.arrivalMinutes() == null ? "" : ", earliest arrival " + SeverityRule.earliestArrival(affected) + " min")
                + ".";
    }

    private static String releases(IncidentFacts facts) {
        if (facts.releases().isEmpty()) {
            return "no release reported";
        }
        List<String> parts = new ArrayList<>();
        for (IncidentFacts.Release r : facts.releases()) {
            parts.add(r.massKg() > 0 && Double.isFinite(r.massKg()) ? mass(r.massKg()) + " " + r.substance()
                    : r.substance() + " (mass not given, no zone drawn)");
        }
        return String.join(", ", parts);
    }

    private static String zonesAndPeople(List<HazardZone> zones, List<ZoneDetail> details, List<AffectedSettlement> affected,
                                         int exposureMinutes) {
        List<AffectedSettlement> inside = affected.stream().filter(a -> a.zone() != null).toList();
        String drawn = zones.isEmpty() ? "no hazard zone drawn" : describe(details, exposureMinutes);
        if (!inside.isEmpty()) {
            long people = inside.stream().mapToLong(AffectedSettlement::population).sum();
            long unknown = inside.stream().filter(a -> a.population() <= 0).count();
            AffectedSettlement nearest = inside.get(0);
            return drawn + (zones.size() > 1 ? " reach " : " reaches ") + count(inside.size(), "settlement") + " ("
                    + String.format(Locale.ROOT, "%,d", people) + " people"
                    + (unknown > 0 ? ", " + unknown + " without a population figure" : "") + "), nearest "
                    + where(nearest) + " (" + nearest.zone() + ")" + largest(inside, nearest);
        }
        String nearest = affected.isEmpty()
                ? "no settlement within " + number(IncidentAssessor.NEAREST_WITHIN_KM) + " km"
                : "nearest settlement " + where(affected.get(0));
        return zones.isEmpty() ? drawn + "; " + nearest
                : drawn + (zones.size() > 1 ? " reach" : " reaches") + " no settlement; " + nearest;
    }

    /** "UDMH AEGL-3 3.3 km NE, UDMH AEGL-2 8.6 km NE (60 min, class D, 3 m/s)", circles and footprints likewise. */
    private static String describe(List<ZoneDetail> details, int exposureMinutes) {
        List<String> parts = new ArrayList<>();
        String plumeNote = null;
        boolean windless = false;
        for (ZoneDetail d : details) {
            String who = d.substance() == null ? "" : d.substance() + " ";
            switch (d.method()) {
                case PlumeHazards.GAUSSIAN_PLUME -> {
                    parts.add(who + d.level() + " " + oneDecimal(d.reachKm()) + " km " + compass(d.downwindBearingDeg())
                            + (d.truncated() ? " (cut)" : ""));
                    plumeNote = exposureMinutes + " min, class " + d.inputs().stability() + ", " + number(d.inputs().windSpeedMs()) + " m/s";
                }
                case PlumeHazards.NO_WIND_CIRCLE -> {
                    parts.add(who + d.level() + " circle " + oneDecimal(d.reachKm()) + " km" + (d.truncated() ? " (cut)" : ""));
                    windless = true;
                    plumeNote = exposureMinutes + " min, class " + d.inputs().stability() + ", " + number(d.inputs().windSpeedMs()) + " m/s";
                }
                case PlumeHazards.SCREENING_RADIUS -> parts.add(who + "screening circle " + oneDecimal(d.reachKm()) + " km (no AEGL)");
                default -> parts.add("reported footprint");
            }
        }
        return String.join(", ", parts) + (plumeNote == null ? "" : " (" + plumeNote + (windless ? ", no wind direction" : "") + ")");
    }

    /** The most populous settlement reached, when it is not the nearest: who is at stake, not only who is closest. */
    private static String largest(List<AffectedSettlement> inside, AffectedSettlement nearest) {
        AffectedSettlement largest = inside.stream().max(Comparator.comparingLong(AffectedSettlement::population)).orElseThrow();
        if (largest == nearest || largest.population() <= nearest.population()) {
            return "";
        }
        return ", largest " + where(largest) + " (" + String.format(Locale.ROOT, "%,d", largest.population()) + ", " + largest.zone() + ")";
    }

    private static String where(AffectedSettlement a) {
        return a.name() + " " + oneDecimal(a.distanceKm()) + " km " + compass(a.bearingDeg());
    }

    private static String fallZone(FallZoneFinding f, double nearbyKm) {
        String approximate = f.approximate() ? ", approximate outline" : "";
        return switch (f.status()) {
            case FallZoneIndex.INSIDE -> "inside drop zone " + f.zoneId() + " (" + (f.approximate() ? "approximate outline" : "official outline") + ")";
            case FallZoneIndex.OUTSIDE -> "outside drop zones, " + oneDecimal(f.distanceKm()) + " km from " + f.zoneId()
                    + " (off-nominal" + approximate + ")";
            default -> f.zoneId() == null ? "no drop zones on file"
                    : "outside drop zones, none within " + number(nearbyKm) + " km (nearest " + f.zoneId() + ", "
                    + oneDecimal(f.distanceKm()) + " km)";
        };
    }

    private static String areas(List<AreaOfConcernFinding> areas) {
        List<String> parts = new ArrayList<>();
        for (AreaOfConcernFinding a : areas) {
            String outline = a.approximate() ? " (approximate outline)" : "";
            parts.add(FallZoneIndex.INSIDE.equals(a.status()) ? "inside area of concern " + a.name() + outline
                    : oneDecimal(a.distanceKm()) + " km from area of concern " + a.name() + outline);
        }
        return parts.isEmpty() ? "" : "; " + String.join("; ", parts);
    }

    private static String samples(IncidentFacts facts, ExceedanceCheck.Result result) {
        if (facts.samples().isEmpty()) {
            return "";
        }
        List<String> sentences = new ArrayList<>();
        if (result.exceedances().isEmpty()) {
            long compared = result.comparisons().stream().filter(c -> c.notComparedReason() == null).mapToInt(c -> c.sample())
                    .distinct().count();
            if (compared > 0) {
                sentences.add("Samples: " + count((int) compared, "sample") + " compared, none above a limit.");
            }
        } else {
            List<String> parts = new ArrayList<>();
            for (Exceedance e : result.exceedances()) {
                parts.add(e.substance() + " in " + e.medium() + " at " + number(e.ratio()) + "× the "
                        + (e.regime() == null ? "" : e.regime() + " ") + "limit ("
                        + number(e.value()) + " " + e.unit() + "; limit " + number(e.limit()) + " " + e.unit() + ")");
            }
            sentences.add("Samples: " + String.join("; ", parts) + ".");
        }
        List<String> notShown = result.complianceNotShown().stream()
                .map(c -> c.substance() + " in " + c.medium() + " " + c.statement().replace(": compliance cannot be shown", "")).toList();
        if (!notShown.isEmpty()) {
            sentences.add("Compliance not shown: " + String.join("; ", notShown) + ".");
        }
        if (!result.notChecked().isEmpty()) {
            sentences.add("Not compared: " + String.join("; ", result.notChecked()) + ".");
        }
        return String.join(" ", sentences);
    }

    static String compass(double bearingDeg) {
        int index = (int) Math.round(((bearingDeg % 360) + 360) % 360 / 22.5) % 16;
        return COMPASS[index];
    }

    private static String mass(double kg) {
        return kg >= 1000 ? number(Math.round(kg / 100.0) / 10.0) + " t" : number(Math.round(kg * 10) / 10.0) + " kg";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** 1230.0 → "1230", 1.23 → "1.23", 0.1 → "0.1". */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}

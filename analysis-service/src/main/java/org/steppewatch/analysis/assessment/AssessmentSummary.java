package org.steppewatch.analysis.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.steppewatch.analysis.reference.FallZoneIndex;
import org.steppewatch.contracts.IncidentAssessed.AffectedSettlement;
import org.steppewatch.contracts.IncidentAssessed.Exceedance;
import org.steppewatch.contracts.IncidentAssessed.FallZoneFinding;
import org.steppewatch.contracts.IncidentAssessed.HazardZone;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.georef.Geodesy;

/**
 * The one- or two-sentence English summary of an assessment, e.g. "LAUNCH_FAILURE 'Proton-M': 172 t UDMH;
 * UDMH screening zone 66.7 km reaches 2 settlements (79,548 people), nearest Tyuratam 50.6 km SSE, largest
 * Baikonur 54.3 km SSE (70,000); outside drop zones, none within 100 km (nearest RP-25, 260.9 km). Samples: UDMH in SOIL at 1230× the limit
 * (123 mg/kg; limit 0.1 mg/kg)."
 */
final class AssessmentSummary {

    private static final String[] COMPASS = {"N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
            "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"};

    private AssessmentSummary() {
    }

    static String of(IncidentFacts facts, Point location, FallZoneFinding fallZone, double nearbyKm, List<HazardZone> zones,
                     List<AffectedSettlement> affected, ExceedanceCheck.Result samples) {
        StringBuilder s = new StringBuilder();
        s.append(facts.category());
        if (facts.title() != null && !facts.title().isBlank()) {
            s.append(" '").append(facts.title().strip()).append('\'');
        }
        s.append(": ").append(releases(facts)).append("; ").append(zonesAndPeople(location, zones, affected))
                .append("; ").append(fallZone(fallZone, nearbyKm)).append('.');
        String sampleSentence = samples(facts, samples);
        if (!sampleSentence.isEmpty()) {
            s.append(' ').append(sampleSentence);
        }
        return s.toString();
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

    private static String zonesAndPeople(Point location, List<HazardZone> zones, List<AffectedSettlement> affected) {
        List<AffectedSettlement> inside = affected.stream().filter(a -> a.zone() != null).toList();
        String drawn = zones.isEmpty() ? "no hazard zone drawn"
                : String.join(", ", zones.stream().map(z -> zone(location, z)).toList());
        if (!inside.isEmpty()) {
            long people = inside.stream().mapToLong(AffectedSettlement::population).sum();
            long unknown = inside.stream().filter(a -> a.population() <= 0).count();
            AffectedSettlement nearest = inside.get(0);
            return drawn + (zones.size() > 1 ? " reach " : " reaches ") + count(inside.size(), "settlement") + " ("
                    + String.format(Locale.ROOT, "%,d", people) + " people"
                    + (unknown > 0 ? ", " + unknown + " without a population figure" : "") + "), nearest "
                    + where(nearest) + largest(inside, nearest);
        }
        String nearest = affected.isEmpty()
                ? "no settlement within " + number(IncidentAssessor.NEAREST_WITHIN_KM) + " km"
                : "nearest settlement " + where(affected.get(0));
        return zones.isEmpty() ? drawn + "; " + nearest
                : drawn + (zones.size() > 1 ? " reach" : " reaches") + " no settlement; " + nearest;
    }

    /** The most populous settlement reached, when it is not the nearest: who is at stake, not only who is closest. */
    private static String largest(List<AffectedSettlement> inside, AffectedSettlement nearest) {
        AffectedSettlement largest = inside.stream().max(java.util.Comparator.comparingLong(AffectedSettlement::population)).orElseThrow();
        if (largest == nearest || largest.population() <= nearest.population()) {
            return "";
        }
        return ", largest " + where(largest) + " (" + String.format(Locale.ROOT, "%,d", largest.population()) + ")";
    }

    private static String zone(Point location, HazardZone zone) {
        if (IncidentAssessor.REPORTED_FOOTPRINT.equals(zone.level())) {
            return "reported footprint";
        }
        // a zone's reach: its farthest vertex from the release point (a circle's radius)
        double reach = 0;
        for (Coordinate c : zone.geometry().getCoordinates()) {
            reach = Math.max(reach, Geodesy.distanceKm(location.getX(), location.getY(), c.x, c.y));
        }
        String level = ScreeningRadius.LEVEL.equals(zone.level()) ? "screening" : zone.level();
        return (zone.substance() == null ? "" : zone.substance() + " ") + level + " zone " + oneDecimal(reach) + " km";
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

    private static String samples(IncidentFacts facts, ExceedanceCheck.Result result) {
        if (facts.samples().isEmpty()) {
            return "";
        }
        List<String> sentences = new ArrayList<>();
        if (result.exceedances().isEmpty()) {
            sentences.add("Samples: " + count(facts.samples().size(), "sample") + ", none above its limit.");
        } else {
            List<String> parts = new ArrayList<>();
            for (Exceedance e : result.exceedances()) {
                parts.add(e.substance() + " in " + e.medium() + " at " + number(e.ratio()) + "× the limit ("
                        + number(e.value()) + " " + e.unit() + "; limit " + number(e.limit()) + " " + e.unit() + ")");
            }
            sentences.add("Samples: " + String.join("; ", parts) + ".");
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

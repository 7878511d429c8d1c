package org.steppewatch.incident.facility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** How releases added to a facility combine with those it has: one amount per year, pollutant and medium. */
final class ReleaseMerge {

    static final Comparator<FacilityRelease> ORDER = Comparator.comparingInt(FacilityRelease::year)
            .thenComparing(FacilityRelease::pollutant).thenComparing(FacilityRelease::medium);

    private ReleaseMerge() {
    }

    /**
     * The stored releases with the added ones: an added release replaces the stored one of the same year, pollutant
     * and medium, unless amount and method are the same (then the stored one stays, with its judgement). In year,
     * pollutant and medium order.
     */
    static List<FacilityRelease> merge(List<FacilityRelease> stored, List<FacilityRelease> added) {
        List<FacilityRelease> merged = new ArrayList<>(stored);
        for (FacilityRelease release : added) {
            int same = indexOfSame(merged, release);
            if (same < 0) {
                merged.add(release);
            } else if (!unchanged(merged.get(same), release)) {
                merged.set(same, release);
            }
        }
        merged.sort(ORDER);
        return merged;
    }

    private static int indexOfSame(List<FacilityRelease> releases, FacilityRelease release) {
        for (int i = 0; i < releases.size(); i++) {
            if (releases.get(i).sameAs(release)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean unchanged(FacilityRelease stored, FacilityRelease added) {
        return Double.compare(stored.amountKg(), added.amountKg()) == 0
                && Objects.equals(stored.method(), added.method());
    }
}

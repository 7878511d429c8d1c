package org.steppewatch.contracts;

import java.time.Instant;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

/**
 * A polluting facility was registered or its annual releases were reported (entered or imported), on
 * {@link Topics#CONTAMINATION}. Each event carries the facility's whole current record at {@code version}.
 *
 * @param facilityId id ({@code fac-<slug>})
 * @param version    1 when registered, one more for each change
 * @param name       the facility's name
 * @param operator   the operating company
 * @param activity   the E-PRTR Annex I activity (e.g. "2(b) production of pig iron or steel"), or null
 * @param location   GeoJSON Point
 * @param example    true for an illustrative record that is not a real report: labelled so everywhere it shows
 * @param source     where the record comes from
 * @param releases   its annual releases
 * @param reportedBy who recorded the change
 * @param reportedAt when
 */
public record FacilityReported(String facilityId, long version, String name, String operator, String activity,
                               Geometry location, boolean example, String source, List<AnnualRelease> releases,
                               String reportedBy, Instant reportedAt) implements ContaminationEvent {

    public FacilityReported {
        releases = releases == null ? List.of() : List.copyOf(releases);
    }

    @Override
    public String key() {
        return facilityId;
    }

    @Override
    public String eventType() {
        return EventTypes.FACILITY_REPORTED;
    }

    @Override
    public String topic() {
        return Topics.CONTAMINATION;
    }

    @Override
    public long sequence() {
        return version;
    }

    /**
     * One pollutant's release to one medium in one year.
     *
     * @param year      reporting year
     * @param pollutant substance code ({@link SubstanceCodes})
     * @param medium    air, water or land
     * @param amountKg  the release, kg/year
     * @param method    M (measured), C (calculated) or E (estimated), as E-PRTR reports say, or null
     */
    public record AnnualRelease(int year, String pollutant, String medium, double amountKg, String method) {
    }
}

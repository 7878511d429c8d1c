package org.steppewatch.contracts;

import java.time.Instant;
import java.time.LocalDate;

import org.locationtech.jts.geom.Geometry;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A sampling result was recorded (entered, imported, or seeded from a published study), on
 * {@link Topics#CONTAMINATION}. A result is immutable once recorded: a correction is a new result.
 *
 * @param resultId          unique id ({@code res-<uuid>}, or {@code seed-<n>} for the shipped literature values)
 * @param siteId            the contaminated site it belongs to, or null
 * @param campaignId        the sampling campaign, or null
 * @param locationId        the sampling location within the campaign, or null
 * @param location          GeoJSON Point where it was taken (the site's point when only the site is known)
 * @param substance         substance code ({@link SubstanceCodes})
 * @param medium            sampled medium, lower case as in the limit table (soil, water, sediment, fish, milk, ...)
 * @param value             the measured value in {@code unit}; null for a non-detect
 * @param valueMax          upper end when the source gives a range (then {@code value} is the lower end), else null
 * @param qualifier         as the source qualifies the value ({@code <}, {@code >}, {@code ~}, {@code >=}), else null
 * @param detected          false for a non-detect (then {@code detectionLimit} is set); null or true for a detect
 * @param detectionLimit    the laboratory's detection limit in {@code unit}, or null
 * @param quantitationLimit the quantitation limit in {@code unit}, or null
 * @param unit              the unit as measured (case kept: mBq/kg is milli)
 * @param basis             WET, DRY, FAT or null when the source does not state it
 * @param statistic         SINGLE for one measurement; for published summaries MEAN, MEDIAN, MAX, RANGE, ... as given
 * @param sampleCount       how many samples a summary covers, or null
 * @param sampledFrom       first day of sampling (for a single sample the day), or null when unknown
 * @param sampledTo         last day of sampling (equal to {@code sampledFrom} for one day), or null
 * @param method            analytical method, or null
 * @param laboratory        laboratory or study, or null
 * @param source            where the value comes from (citation or source id), or null for a new entry
 * @param sourceStatus      how the source was read (primary_report, primary_abstract, secondary_news, ...), or null
 * @param notes             free text, or null
 * @param enteredBy         who recorded it (the signed-in user or client), or {@code seed}
 * @param recordedAt        when it was recorded
 */
public record ResultRecorded(String resultId, String siteId, String campaignId, String locationId, Geometry location,
                             String substance, String medium, Double value, Double valueMax, String qualifier,
                             @JsonProperty("detected") Boolean detected, Double detectionLimit, Double quantitationLimit,
                             String unit, String basis, String statistic, Integer sampleCount, LocalDate sampledFrom,
                             LocalDate sampledTo, String method, String laboratory, String source, String sourceStatus,
                             String notes, String enteredBy, Instant recordedAt) implements ContaminationEvent {

    /**
     * False only for an explicit non-detect. Not a property: the event carries {@code detected} as given (named on the
     * component, else this ignored accessor would make the reader drop it).
     */
    @JsonIgnore
    public boolean isDetected() {
        return !Boolean.FALSE.equals(detected);
    }

    @Override
    public String key() {
        return siteId != null ? siteId : resultId;
    }

    @Override
    public String eventType() {
        return EventTypes.RESULT_RECORDED;
    }

    @Override
    public String topic() {
        return Topics.CONTAMINATION;
    }

    @Override
    public long sequence() {
        return 0;
    }
}

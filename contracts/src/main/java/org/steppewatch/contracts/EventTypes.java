package org.steppewatch.contracts;

import java.util.Map;
import java.util.Optional;

/** The {@code ce_type} values of the v1 contract and the record each one carries. */
public final class EventTypes {

    public static final String INCIDENT_REPORTED = "org.steppewatch.incident.reported.v1";
    public static final String INCIDENT_REVISED = "org.steppewatch.incident.revised.v1";
    public static final String INCIDENT_RETRACTED = "org.steppewatch.incident.retracted.v1";
    public static final String INCIDENT_ASSESSED = "org.steppewatch.incident.assessed.v1";
    public static final String ASSESSMENT_WITHDRAWN = "org.steppewatch.incident.assessment-withdrawn.v1";
    public static final String ALERT_ISSUED = "org.steppewatch.alert.issued.v1";
    public static final String ALERT_CANCELLED = "org.steppewatch.alert.cancelled.v1";
    /** Operational (on {@link Topics#OPERATIONS}, not for partners): a delivery given up after its last attempt. */
    public static final String DELIVERY_EXHAUSTED = "org.steppewatch.delivery.exhausted.v1";
    /** Operational: a webhook subscription disabled after failing for days. */
    public static final String ENDPOINT_DISABLED = "org.steppewatch.endpoint.disabled.v1";
    /** Reference data (on {@link Topics#REFERENCE}): one chunk of a published edition, {@link ReferenceDataPublished}. */
    public static final String REFERENCE_PUBLISHED = "org.steppewatch.reference.published.v1";

    /** Contamination (on {@link Topics#CONTAMINATION}): a sampling result recorded, {@link ResultRecorded}. */
    public static final String RESULT_RECORDED = "org.steppewatch.result.recorded.v1";
    /** Contamination (on {@link Topics#FINDINGS}): a result compared with the limit values, {@link ResultJudged}. */
    public static final String RESULT_JUDGED = "org.steppewatch.result.judged.v1";
    /** Contamination (on {@link Topics#CONTAMINATION}): a facility and its releases, {@link FacilityReported}. */
    public static final String FACILITY_REPORTED = "org.steppewatch.facility.reported.v1";
    /** Contamination (on {@link Topics#FINDINGS}): releases against the E-PRTR thresholds, {@link FacilityJudged}. */
    public static final String FACILITY_JUDGED = "org.steppewatch.facility.judged.v1";
    /** Contamination (on {@link Topics#NOTICES}): a contamination notice issued, {@link NoticeIssued}. */
    public static final String NOTICE_ISSUED = "org.steppewatch.notice.issued.v1";

    private static final Map<String, Class<? extends SteppeWatchEvent>> RECORDS = Map.of(
            INCIDENT_REPORTED, IncidentReported.class,
            INCIDENT_REVISED, IncidentRevised.class,
            INCIDENT_RETRACTED, IncidentRetracted.class,
            INCIDENT_ASSESSED, IncidentAssessed.class,
            ASSESSMENT_WITHDRAWN, AssessmentWithdrawn.class,
            ALERT_ISSUED, AlertIssued.class,
            ALERT_CANCELLED, AlertCancelled.class);

    private static final Map<String, Class<? extends OperationalEvent>> OPERATIONAL = Map.of(
            DELIVERY_EXHAUSTED, DeliveryExhausted.class,
            ENDPOINT_DISABLED, EndpointDisabled.class);

    private static final Map<String, Class<? extends ContaminationEvent>> CONTAMINATION = Map.of(
            RESULT_RECORDED, ResultRecorded.class,
            RESULT_JUDGED, ResultJudged.class,
            FACILITY_REPORTED, FacilityReported.class,
            FACILITY_JUDGED, FacilityJudged.class,
            NOTICE_ISSUED, NoticeIssued.class);

    /** The record of a public event type; empty for operational and unknown types. */
    public static Optional<Class<? extends SteppeWatchEvent>> recordFor(String type) {
        return Optional.ofNullable(type).map(RECORDS::get);
    }

    /** The record of a contamination event type; empty for the others. */
    public static Optional<Class<? extends ContaminationEvent>> contaminationRecordFor(String type) {
        return Optional.ofNullable(type).map(CONTAMINATION::get);
    }

    /** The record of an operational event type ({@link Topics#OPERATIONS}); empty for the others. */
    public static Optional<Class<? extends OperationalEvent>> operationalRecordFor(String type) {
        return Optional.ofNullable(type).map(OPERATIONAL::get);
    }

    private EventTypes() {
    }
}

package org.steppewatch.analysis.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.steppewatch.analysis.reference.ReferenceData;
import org.steppewatch.contracts.AssessmentWithdrawn;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.ReportedBy;
import org.steppewatch.contracts.IncidentRetracted;

/**
 * Turns incident events into stored assessments and their events: IncidentAssessed once per incident version,
 * AssessmentWithdrawn once per retracted incident.
 */
@Service
class AssessmentService {

    private static final Logger log = LoggerFactory.getLogger(AssessmentService.class);

    private final IncidentAssessor assessor;
    private final ReferenceData reference;
    private final AssessmentStore store;
    private final WithdrawalStore withdrawals;
    private final Clock clock;

    AssessmentService(IncidentAssessor assessor, ReferenceData reference, AssessmentStore store,
                      WithdrawalStore withdrawals, Clock clock) {
        this.assessor = assessor;
        this.reference = reference;
        this.store = store;
        this.withdrawals = withdrawals;
        this.clock = clock;
    }

    /**
     * Assesses one incident version unless it already was (a redelivered event), a newer version of the incident
     * was assessed (a late or replayed event: its assessment would show and alert as current), or the incident was
     * retracted (a late or redelivered report): then nothing happens. The version's reporter rides along in the
     * event, so notification-service knows whether its alert may go out at once.
     *
     * <p>The checks and the insert are not one atomic step; they need not be, since one incident's events are one
     * partition's, which one consumer of the group handles in order.
     */
    void assess(String incidentId, long version, IncidentFacts facts, ReportedBy reportedBy) {
        if (incidentId == null || incidentId.isBlank()) {
            throw new IllegalArgumentException("incident event without an incidentId");
        }
        String assessmentId = IncidentAssessed.assessmentId(incidentId, version);
        if (store.exists(assessmentId)) {
            log.info("assessment {} exists already; redelivered event ignored", assessmentId);
            return;
        }
        if (withdrawals.exists(incidentId)) {
            log.info("incident {} was retracted; version {} is not assessed", incidentId, version);
            return;
        }
        long newest = store.newestVersion(incidentId);
        if (newest > version) {
            log.info("incident {} v{} is assessed already; the older version {} is not", incidentId, newest, version);
            return;
        }
        Instant now = clock.instant();
        IncidentAssessor.Assessment assessment = assessor.assess(reference.current(), incidentId, version, facts, now)
                .reportedBy(reportedBy);
        if (store.insertWithEvent(assessment, now)) {
            log.info("assessed {}: {} — {}", assessmentId, assessment.event().severity().cap(), assessment.event().summary());
        } else {
            log.info("assessment {} was stored concurrently; nothing written", assessmentId);
        }
    }

    /**
     * Withdraws the incident's assessments: stores the AssessmentWithdrawn event (once: a deterministic id) and
     * marks every assessment withdrawn (repeatable). A redelivered retraction changes nothing. The withdrawal is
     * stored for an incident never assessed too, so that a report arriving after its retraction is not assessed.
     * Its version is the retraction's: incident-service retracts only the current version, as version + 1, and
     * nothing changes a retracted incident, so it is above every version that was or will be assessed.
     */
    void withdraw(IncidentRetracted retraction) {
        Instant now = clock.instant();
        List<String> ids = store.assessmentIds(retraction.incidentId());
        AssessmentWithdrawn event = new AssessmentWithdrawn(retraction.incidentId(), retraction.version(),
                retraction.retractedAt() == null ? now : retraction.retractedAt(), retraction.reason(), ids,
                retraction.reportedBy());
        boolean announced = withdrawals.insertWithEvent(event, now);
        long marked = store.withdraw(retraction.incidentId(), event.withdrawnAt(), retraction.reason());
        if (announced) {
        }
        log.info("incident {} retracted: {} assessment(s) marked withdrawn{}", retraction.incidentId(), marked,
                announced ? ", withdrawal announced" : "; withdrawal was announced before");
    }
}

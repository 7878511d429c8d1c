package org.steppewatch.analysis.assessment;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.IncidentRetracted;
import org.steppewatch.eventing.OutboxRelay;

/** Turns incident events into stored assessments and their IncidentAssessed events, once per incident version. */
@Service
class AssessmentService {

    private static final Logger log = LoggerFactory.getLogger(AssessmentService.class);

    private final IncidentAssessor assessor;
    private final AssessmentStore store;
    private final OutboxRelay outboxRelay;
    private final Clock clock;

    AssessmentService(IncidentAssessor assessor, AssessmentStore store, OutboxRelay outboxRelay, Clock clock) {
        this.assessor = assessor;
        this.store = store;
        this.outboxRelay = outboxRelay;
        this.clock = clock;
    }

    /** Assesses one incident version unless it already was (a redelivered event): then nothing happens. */
    void assess(String incidentId, long version, IncidentFacts facts) {
        if (incidentId == null || incidentId.isBlank()) {
            throw new IllegalArgumentException("incident event without an incidentId");
        }
        String assessmentId = IncidentAssessed.assessmentId(incidentId, version);
        if (store.exists(assessmentId)) {
            log.info("assessment {} exists already; redelivered event ignored", assessmentId);
            return;
        }
        Instant now = clock.instant();
        IncidentAssessed assessment = assessor.assess(incidentId, version, facts, now);
        if (store.insertWithEvent(assessment, now)) {
            outboxRelay.wake();
            log.info("assessed {}: {} — {}", assessmentId, assessment.severity().cap(), assessment.summary());
        } else {
            log.info("assessment {} was stored concurrently; nothing written", assessmentId);
        }
    }

    /** Marks the incident's assessments withdrawn (the withdrawal event comes with a later issue). */
    void withdraw(IncidentRetracted retraction) {
        long marked = store.withdraw(retraction.incidentId(), retraction.retractedAt(), retraction.reason());
        log.info("incident {} retracted: {} assessment(s) marked withdrawn", retraction.incidentId(), marked);
    }
}

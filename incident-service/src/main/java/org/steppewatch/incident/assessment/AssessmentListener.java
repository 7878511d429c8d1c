package org.steppewatch.incident.assessment;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.AssessmentWithdrawn;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.Topics;
import org.steppewatch.eventing.ReceivedEvent;
import org.steppewatch.incident.incident.IncidentStatus;
import org.steppewatch.incident.incident.IncidentStore;
import org.steppewatch.incident.live.LiveUpdate;

/**
 * Keeps the assessment read model and moves the assessed incident version to ASSESSED; remembers withdrawals,
 * which may arrive before the assessments they withdraw. A stale assessment (older than one stored, or of a
 * withdrawn incident) changes nothing. Every write is idempotent, so a redelivered record changes nothing. A
 * malformed payload throws and goes at once to {@code assessments.v1.DLT}; MongoDB out of reach is waited out.
 */
@Component
class AssessmentListener {

    private static final Logger log = LoggerFactory.getLogger(AssessmentListener.class);

    private final AssessmentStore assessments;
    private final IncidentStore incidents;
    private final Clock clock;
    private final ApplicationEventPublisher live;

    AssessmentListener(AssessmentStore assessments, IncidentStore incidents, Clock clock, ApplicationEventPublisher live) {
        this.assessments = assessments;
        this.incidents = incidents;
        this.clock = clock;
        this.live = live;
    }

    @KafkaListener(topics = Topics.ASSESSMENTS)
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        var decoded = event.decode().orElse(null);
        if (decoded instanceof AssessmentWithdrawn withdrawn) {
            require(withdrawn.incidentId(), event);
            assessments.withdraw(withdrawn, clock.instant());
            log.info("assessments of incident {} withdrawn (v{})", withdrawn.incidentId(), withdrawn.incidentVersion());
            return;
        }
        if (!(decoded instanceof IncidentAssessed assessed)) {
            return; // a type this version does not know: nothing for the read model
        }
        require(assessed.incidentId(), event);
        if (!assessments.save(assessed, clock.instant())) {
            log.info("assessment {} of incident {} v{} ignored: a newer one is stored or the incident's assessments "
                    + "were withdrawn", event.id(), assessed.incidentId(), assessed.incidentVersion());
            return;
        }
        // a late assessment of an older version does not match the guard and leaves the status alone
        boolean changed = incidents.markAssessed(assessed.incidentId(), assessed.incidentVersion(), clock.instant());
        log.info("assessment {} of incident {} v{} stored{}", event.id(), assessed.incidentId(),
                assessed.incidentVersion(), changed ? "; incident now ASSESSED" : "");
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("incidentId", assessed.incidentId());
        update.put("incidentVersion", assessed.incidentVersion());
        // null when this assessment did not change the status (a late one, or a redelivery)
        update.put("status", changed ? IncidentStatus.ASSESSED.name() : null);
        // the stream is public: no names of staff on it
        update.put("assessment", assessed.withReportedBy(null));
        live.publishEvent(new LiveUpdate(LiveUpdate.ASSESSED, assessed.incidentId(), update));
    }

    private static void require(String incidentId, ReceivedEvent event) {
        if (incidentId == null) {
            throw new IllegalArgumentException("assessment event " + event.id() + " has no incidentId");
        }
    }
}

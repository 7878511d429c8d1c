package org.steppewatch.analysis.assessment;


import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.IncidentReported;
import org.steppewatch.contracts.IncidentRetracted;
import org.steppewatch.contracts.IncidentRevised;
import org.steppewatch.contracts.SteppeWatchEvent;
import org.steppewatch.contracts.Topics;
import org.steppewatch.eventing.ReceivedEvent;

/**
 * Consumes {@code incidents.v1}. A malformed payload of a known type throws and goes at once to
 * {@code incidents.v1.DLT}; an unknown type is skipped; MongoDB out of reach is waited out.
 */
@Component
class IncidentEventListener {

    private static final Logger log = LoggerFactory.getLogger(IncidentEventListener.class);

    private final AssessmentService assessments;

    IncidentEventListener(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @KafkaListener(topics = Topics.INCIDENTS)
    void onIncidentEvent(ConsumerRecord<String, String> record) {
        ReceivedEvent received = ReceivedEvent.of(record);
        SteppeWatchEvent event = received.decode().orElse(null);
        if (event instanceof IncidentReported reported) {
            assessments.assess(reported.incidentId(), reported.version(), reported.facts(), reported.reportedBy());
        } else if (event instanceof IncidentRevised revised) {
            assessments.assess(revised.incidentId(), revised.version(), revised.facts(), revised.reportedBy());
        } else if (event instanceof IncidentRetracted retracted) {
            assessments.withdraw(retracted);
        } else if (event != null) {
            log.debug("skipping {} on {}: not an incident event", received.type(), record.topic());
        }
    }
}

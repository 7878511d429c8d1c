package org.steppewatch.analysis.finding;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.ContaminationEvent;
import org.steppewatch.contracts.FacilityReported;
import org.steppewatch.contracts.ResultRecorded;
import org.steppewatch.contracts.Topics;
import org.steppewatch.eventing.ReceivedEvent;

/**
 * Consumes {@code contamination.v1} in the service's group. As for incidents: a malformed payload of a known type
 * throws and goes at once to {@code contamination.v1.DLT}; an unknown type is skipped; MongoDB out of reach is
 * waited out.
 */
@Component
class ContaminationEventListener {

    private static final Logger log = LoggerFactory.getLogger(ContaminationEventListener.class);

    private final FindingService findings;

    ContaminationEventListener(FindingService findings) {
        this.findings = findings;
    }

    @KafkaListener(topics = Topics.CONTAMINATION)
    void onContaminationEvent(ConsumerRecord<String, String> record) {
        ReceivedEvent received = ReceivedEvent.of(record);
        ContaminationEvent event = received.decodeContamination().orElse(null);
        if (event instanceof ResultRecorded result) {
            findings.judge(result);
        } else if (event instanceof FacilityReported facility) {
            findings.judge(facility);
        } else if (event != null) {
            log.debug("skipping {} on {}: not what analysts record", received.type(), record.topic());
        }
    }
}

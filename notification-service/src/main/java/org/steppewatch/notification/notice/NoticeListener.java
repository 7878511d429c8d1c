package org.steppewatch.notification.notice;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.ResultJudged;
import org.steppewatch.contracts.Topics;
import org.steppewatch.eventing.ReceivedEvent;

/**
 * Consumes findings.v1 in the service's consumer group: a {@link ResultJudged} that warrants a notice
 * ({@code notice != null}) becomes one; every other finding (FacilityJudged, a result within its limits, a type this
 * version does not know) is skipped. Failures go to the shared error handler like the assessments listener's: a
 * record whose subscription index or MongoDB cannot answer yet is retried, never matched against a part.
 */
@Component
class NoticeListener {

    private final NoticeService notices;

    NoticeListener(NoticeService notices) {
        this.notices = notices;
    }

    @KafkaListener(topics = Topics.FINDINGS)
    void onFinding(ConsumerRecord<String, String> record) {
        ReceivedEvent.of(record).decodeContamination().ifPresent(event -> {
            if (event instanceof ResultJudged judged && judged.notice() != null) {
                notices.issue(judged);
            }
        });
    }
}

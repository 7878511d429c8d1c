package org.steppewatch.incident.result;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.ResultJudged;
import org.steppewatch.contracts.Topics;
import org.steppewatch.eventing.ReceivedEvent;

/**
 * Keeps the judgements of results ({@link ResultJudged} on {@code findings.v1}) for the results API and the series.
 * Its own consumer group ({@code <group-id>-results}, incident-service-results in a deployment): the facility
 * judgements on the same topic are another listener's. Other types are skipped; a malformed payload throws and
 * goes to {@code findings.v1.DLT}; a redelivery changes nothing.
 */
@Component
class ResultJudgedListener {

    private static final Logger log = LoggerFactory.getLogger(ResultJudgedListener.class);

    private final JudgementStore judgements;
    private final Clock clock;

    ResultJudgedListener(JudgementStore judgements, Clock clock) {
        this.judgements = judgements;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.FINDINGS, groupId = "${spring.kafka.consumer.group-id}-results")
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!(event.decodeContamination().orElse(null) instanceof ResultJudged judged)) {
            return; // a facility's judgement, or a type this version does not know
        }
        if (judged.resultId() == null) {
            throw new IllegalArgumentException("result judgement " + event.id() + " has no resultId");
        }
        boolean stored = judgements.save(judged, clock.instant());
        log.info("judgement {} of result {} {}", event.id(), judged.resultId(),
                stored ? "stored" : "ignored: the result was judged before");
    }
}

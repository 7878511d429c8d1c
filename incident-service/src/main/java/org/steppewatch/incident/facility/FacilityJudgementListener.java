package org.steppewatch.incident.facility;

import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.FacilityJudged;
import org.steppewatch.contracts.FacilityJudged.ReleaseJudgement;
import org.steppewatch.contracts.Topics;
import org.steppewatch.eventing.ReceivedEvent;

/**
 * Attaches analysis-service's judgements (FacilityJudged on {@code findings.v1}) to the releases of the facility, in
 * a consumer group of its own. A judgement of a version older than the one the releases carry changes nothing, so a
 * late or redelivered one never overwrites a newer. A release is given a judgement only when it is the release judged
 * (same year, pollutant, medium and amount): one added or corrected since stays unjudged until its version is judged.
 * Other event types on the topic are skipped; a malformed payload goes at once to {@code findings.v1.DLT};
 * MongoDB out of reach is waited out (eventing's error handler).
 */
@Component
class FacilityJudgementListener {

    private static final Logger log = LoggerFactory.getLogger(FacilityJudgementListener.class);
    /** Optimistic retries when the facility changes between our read and our write. */
    private static final int ATTEMPTS = 10;

    private final FacilityStore store;

    FacilityJudgementListener(FacilityStore store) {
        this.store = store;
    }

    @KafkaListener(topics = Topics.FINDINGS, groupId = "${steppewatch.facilities.consumer-group:incident-service-facilities}")
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!(event.decodeContamination().orElse(null) instanceof FacilityJudged judged)) {
            return; // a result's judgement, or a type this version does not know: not for the facility register
        }
        if (judged.facilityId() == null) {
            throw new IllegalArgumentException("facility judgement " + event.id() + " has no facilityId");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Facility> found = store.find(judged.facilityId());
            if (found.isEmpty()) {
                log.warn("judgement {} of unknown facility {} ignored", event.id(), judged.facilityId());
                return;
            }
            Facility facility = found.get();
            if (facility.judgedVersion() >= judged.facilityVersion()) {
                log.info("judgement {} of facility {} v{} ignored: v{} is judged already", event.id(),
                        judged.facilityId(), judged.facilityVersion(), facility.judgedVersion());
                return;
            }
            if (store.judge(facility, attach(facility.releases(), judged.releases()), judged.facilityVersion())) {
                log.info("judgement {} of facility {} v{} stored", event.id(), judged.facilityId(),
                        judged.facilityVersion());
                return;
            }
        }
        throw new IllegalStateException("facility " + judged.facilityId() + " kept changing while judgement "
                + event.id() + " was stored");
    }

    /** Each release judged by a row of the judgement carries it; the others keep what they had. */
    static List<FacilityRelease> attach(List<FacilityRelease> releases, List<ReleaseJudgement> judgements) {
        return releases.stream()
                .map(release -> judgements.stream().filter(release::judgedBy).findFirst()
                        .map(release::with).orElse(release))
                .toList();
    }
}

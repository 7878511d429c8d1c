package org.steppewatch.notification.alert;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.AssessmentWithdrawn;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.Topics;
import org.steppewatch.eventing.ReceivedEvent;

/**
 * Consumes assessments.v1: an assessment becomes an Alert or Update, a withdrawal a Cancel; the alert is stored and its
 * fan-out handed to {@link FanOut}, so a record is done in the time it takes to store one alert. A failure goes to
 * the shared error handler, which waits out "try again later" failures (MongoDB unreachable, a subscription index that
 * cannot catch up: {@link org.springframework.dao.TransientDataAccessException}s) and dead-letters only what can
 * never be handled.
 */
@Component
class AssessmentListener {

    private final AlertService alerts;

    AssessmentListener(AlertService alerts) {
        this.alerts = alerts;
    }

    @KafkaListener(topics = Topics.ASSESSMENTS)
    void onAssessment(ConsumerRecord<String, String> record) {
        // unknown (newer) event types decode to empty and are skipped
        ReceivedEvent.of(record).decode().ifPresent(event -> {
            if (event instanceof IncidentAssessed assessment) {
                alerts.issue(assessment);
            } else if (event instanceof AssessmentWithdrawn withdrawal) {
                alerts.withdraw(withdrawal);
            }
        });
    }
}

package org.steppewatch.incident.alert;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.AlertCancelled;
import org.steppewatch.contracts.AlertIssued;
import org.steppewatch.contracts.Topics;
import org.steppewatch.eventing.ReceivedEvent;
import org.steppewatch.incident.live.LiveUpdate;

/**
 * Keeps the console's list of the alerts issued for each incident, and tells open consoles the state of each
 * (an alert or a cancellation can change the others'). A malformed payload throws and goes at once to
 * {@code alerts.v1.DLT}; MongoDB out of reach is waited out.
 */
@Component
class AlertListener {

    private static final Logger log = LoggerFactory.getLogger(AlertListener.class);

    private final AlertStore alerts;
    private final Clock clock;
    private final ApplicationEventPublisher live;

    AlertListener(AlertStore alerts, Clock clock, ApplicationEventPublisher live) {
        this.alerts = alerts;
        this.clock = clock;
        this.live = live;
    }

    @KafkaListener(topics = Topics.ALERTS)
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        var decoded = event.decode().orElse(null);
        String incidentId;
        if (decoded instanceof AlertIssued issued) {
            require(issued.alertId(), issued.incidentId(), event);
            alerts.issued(issued, clock.instant());
            incidentId = issued.incidentId();
        } else if (decoded instanceof AlertCancelled cancelled) {
            require(cancelled.alertId(), cancelled.incidentId(), event);
            alerts.cancelled(cancelled, clock.instant());
            incidentId = cancelled.incidentId();
        } else {
            return;
        }
        log.info("alert event {} of incident {} recorded ({})", event.id(), incidentId, event.type());
        for (AlertSummary alert : alerts.forIncident(incidentId)) {
            live.publishEvent(new LiveUpdate(LiveUpdate.ALERT, incidentId, alert));
        }
    }

    private static void require(String alertId, String incidentId, ReceivedEvent event) {
        if (alertId == null || incidentId == null) {
            throw new IllegalArgumentException("alert event " + event.id() + " has no alertId or incidentId");
        }
    }
}

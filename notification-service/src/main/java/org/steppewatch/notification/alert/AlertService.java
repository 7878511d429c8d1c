package org.steppewatch.notification.alert;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.steppewatch.contracts.AlertIssued;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.Severity;
import org.steppewatch.eventing.OutboxMessage;
import org.steppewatch.eventing.OutboxRelay;
import org.steppewatch.notification.delivery.DeliveryStore;
import org.steppewatch.notification.delivery.DeliveryWorker;
import org.steppewatch.notification.delivery.NewDelivery;
import org.steppewatch.notification.subscription.Subscription;
import org.steppewatch.notification.subscription.SubscriptionIndex;
import org.steppewatch.notification.subscription.SubscriptionStore;

/**
 * Turns an assessment into one alert and a delivery per matching subscription. Every write is
 * keyed deterministically (alert id from incident id and version; delivery id = alert id +
 * subscription id), deliveries first and the alert with its outbox event last, so a redelivered
 * or half-processed assessment completes what is missing and duplicates nothing.
 */
@Service
class AlertService {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final AlertStore alerts;
    private final SubscriptionIndex index;
    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final DeliveryWorker worker;
    private final OutboxRelay relay;
    private final Clock clock;

    AlertService(AlertStore alerts, SubscriptionIndex index, SubscriptionStore subscriptions, DeliveryStore deliveries,
                 DeliveryWorker worker, OutboxRelay relay, Clock clock) {
        this.alerts = alerts;
        this.index = index;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.worker = worker;
        this.relay = relay;
        this.clock = clock;
    }

    /** The same incident version always gets the same alert id. */
    static String alertId(String incidentId, long incidentVersion) {
        return UUID.nameUUIDFromBytes(("alert:" + incidentId + ":" + incidentVersion).getBytes(UTF_8)).toString();
    }

    void issue(IncidentAssessed assessment) {
        Objects.requireNonNull(assessment.incidentId(), "assessment without incidentId");
        String alertId = alertId(assessment.incidentId(), assessment.incidentVersion());
        if (alerts.exists(alertId)) {
            log.debug("alert {} for {} v{} exists already: redelivered assessment ignored", alertId,
                    assessment.incidentId(), assessment.incidentVersion());
            return;
        }
        Severity severity = assessment.severity() == null ? Severity.UNKNOWN : assessment.severity();
        // millisecond precision: what MongoDB keeps, so the event and the stored alert agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        List<Geometry> zones = assessment.hazardZones().stream().map(IncidentAssessed.HazardZone::geometry)
                .filter(Objects::nonNull).toList();
        Set<String> matched = index.matching(zones, severity);
        List<NewDelivery> fanOut = subscriptions.findActive(matched).stream()
                .map(s -> new NewDelivery(alertId, s.id(), assessment.incidentId(), s.channelType(), s.language()))
                .toList();
        deliveries.createAll(fanOut, now);

        List<String> references = alerts.earlierAlertIds(assessment.incidentId(), assessment.incidentVersion());
        String msgType = references.isEmpty() ? "Alert" : "Update";
        List<String> settlementIds = assessment.affectedSettlements().stream()
                .filter(s -> s.zone() != null && s.id() != null).map(IncidentAssessed.AffectedSettlement::id)
                .distinct().toList();
        AlertView alert = new AlertView(alertId, assessment.incidentId(), assessment.incidentVersion(), msgType,
                references, now, severity, assessment.urgency(), assessment.certainty(), headline(assessment, severity),
                assessment.summary(), settlementIds, zones(assessment), fanOut.size());
        AlertIssued issued = new AlertIssued(alertId, assessment.incidentId(), assessment.incidentVersion(), msgType,
                now, severity, assessment.urgency(), assessment.certainty(), alert.headline(), settlementIds,
                fanOut.size());
        if (alerts.insertIfAbsent(alert, OutboxMessage.of(issued, now))) {
            log.info("alert {} ({}) for {} v{}: {}, {} recipients", alertId, msgType, assessment.incidentId(),
                    assessment.incidentVersion(), severity.cap(), fanOut.size());
        }
        relay.wake();
        worker.wake();
    }

    /** e.g. "Extreme: LAUNCH_FAILURE — Proton-M launch failure after lift-off". */
    static String headline(IncidentAssessed assessment, Severity severity) {
        IncidentAssessed.IncidentSummary incident = assessment.incident();
        if (incident == null || incident.title() == null) {
            return severity.cap() + ": incident " + assessment.incidentId();
        }
        String category = incident.category() == null ? "" : incident.category().name() + " — ";
        return severity.cap() + ": " + category + incident.title();
    }

    private static List<AlertView.Zone> zones(IncidentAssessed assessment) {
        return assessment.hazardZones().stream().filter(z -> z.geometry() != null)
                .map(z -> new AlertView.Zone(z.level(), z.substance(),
                        org.bson.Document.parse(GeoJsonModule.write(z.geometry()))))
                .toList();
    }
}

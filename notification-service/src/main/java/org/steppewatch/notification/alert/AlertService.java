package org.steppewatch.notification.alert;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.steppewatch.contracts.AlertCancelled;
import org.steppewatch.contracts.AlertIssued;
import org.steppewatch.contracts.AssessmentWithdrawn;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.Severity;
import org.steppewatch.eventing.OutboxMessage;
import org.steppewatch.eventing.OutboxRelay;
import org.steppewatch.notification.PublicLinks;
import org.steppewatch.notification.cap.CapComposer;
import org.steppewatch.notification.cap.CapProperties;
import org.steppewatch.notification.cap.CapRules;
import org.steppewatch.notification.delivery.DeliveryStore;
import org.steppewatch.notification.delivery.DeliveryWorker;
import org.steppewatch.notification.delivery.NewDelivery;
import org.steppewatch.notification.signing.CapSigner;
import org.steppewatch.notification.subscription.Subscription;
import org.steppewatch.notification.subscription.SubscriptionIndex;
import org.steppewatch.notification.subscription.SubscriptionStore;

/**
 * Turns an assessment into one CAP alert and a delivery per matching subscription, and a
 * withdrawal into a CAP Cancel for everybody who got (or is getting) the earlier alerts. Every
 * write is keyed deterministically (alert id from incident id and version; delivery id = alert id
 * + subscription id), deliveries first and the alert with its outbox event last, so a redelivered
 * or half-processed event completes what is missing and duplicates nothing.
 */
@Service
class AlertService {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);
    /** Deliveries created between two wake-ups of the worker during a fan-out. */
    private static final int FAN_OUT_CHUNK = 5000;

    private final AlertStore alerts;
    private final DraftStore drafts;
    private final SubscriptionIndex index;
    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final DeliveryWorker worker;
    private final OutboxRelay relay;
    private final CapComposer composer;
    private final CapSigner signer;
    private final CapProperties cap;
    private final PublicLinks links;
    private final Clock clock;

    AlertService(AlertStore alerts, DraftStore drafts, SubscriptionIndex index, SubscriptionStore subscriptions,
                 DeliveryStore deliveries, DeliveryWorker worker, OutboxRelay relay, CapComposer composer, CapSigner signer,
                 CapProperties cap, PublicLinks links, Clock clock) {
        this.alerts = alerts;
        this.drafts = drafts;
        this.index = index;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.worker = worker;
        this.relay = relay;
        this.composer = composer;
        this.signer = signer;
        this.cap = cap;
        this.links = links;
        this.clock = clock;
    }

    /** The same incident version always gets the same alert id. */
    static String alertId(String incidentId, long incidentVersion) {
        return UUID.nameUUIDFromBytes(("alert:" + incidentId + ":" + incidentVersion).getBytes(UTF_8)).toString();
    }

    /** The same withdrawal always gets the same Cancel id. */
    static String cancelId(String incidentId, long incidentVersion) {
        return UUID.nameUUIDFromBytes(("cancel:" + incidentId + ":" + incidentVersion).getBytes(UTF_8)).toString();
    }

    /**
     * An assessment whose version was reported by an issuer (or by anyone before the workflow existed) goes out at
     * once; any other becomes a draft that waits for an issuer ({@link DraftReview}).
     */
    void issue(IncidentAssessed assessment) {
        Objects.requireNonNull(assessment.incidentId(), "assessment without incidentId");
        String alertId = alertId(assessment.incidentId(), assessment.incidentVersion());
        boolean stored = alerts.exists(alertId);
        if (stored && alerts.fanOutDone(alertId)) {
            log.debug("alert {} for {} v{} exists already: redelivered assessment ignored", alertId,
                    assessment.incidentId(), assessment.incidentVersion());
            return;
        }
        if (!stored && alerts.cancelledIncident(assessment.incidentId())) {
            log.info("assessment {} arrived after the incident's alerts were cancelled: no alert", assessment.assessmentId());
            return;
        }
        // whole seconds: CAP date-times have no fractions, and the stored alert must say what the CAP says
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // before the earlier alerts are read: an approval of an older draft racing this one either went out first
        // (and is read as earlier) or finds its draft closed
        drafts.supersede(assessment.incidentId(), assessment.incidentVersion(), alertId, now);
        if (!stored && !Issuing.mayIssueAtOnce(assessment.reportedBy())) {
            draft(assessment, alertId, now);
            return;
        }
        Prepared alert = prepare(assessment, alertId, now);
        if (!stored) {
            if (alerts.insertIfAbsent(alert.view(), alert.cap(), EventJson.write(assessment), null, alert.event(),
                    Issuing.atOnce(assessment.reportedBy(), now))) {
                log.info("alert {} ({}) for {} v{}: {}, {} recipients", alertId, alert.view().msgType(),
                        assessment.incidentId(), assessment.incidentVersion(), alert.view().severity().cap(),
                        alert.fanOut().size());
            }
            relay.wake();
        }
        send(alert, now);
    }

    /** What an alert that goes out consists of: the view, its Actual CAP, its recipients and its event. */
    record Prepared(AlertView view, String cap, List<NewDelivery> fanOut, List<String> earlierIds,
                    OutboxMessage event) {
    }

    /**
     * The alert of {@code assessment} as it goes out now: Alert, or Update of the incident's issued alerts,
     * to the matching subscriptions and everyone the earlier alerts reached.
     */
    Prepared prepare(IncidentAssessed assessment, String alertId, Instant now) {
        Severity severity = assessment.severity() == null ? Severity.UNKNOWN : assessment.severity();
        List<SubscriptionIndex.Zone> zones = assessment.hazardZones().stream().filter(z -> z.geometry() != null)
                .map(z -> new SubscriptionIndex.Zone(z.level(), z.geometry())).toList();
        List<NewDelivery> fanOut = new ArrayList<>(index.match(zones, severity).stream()
                .map(m -> new NewDelivery(alertId, m.subscriptionId(), assessment.incidentId(), m.channelType(),
                        m.language(), m.level()))
                .toList());
        List<AlertStore.Stored> earlier = alerts.earlier(assessment.incidentId(), assessment.incidentVersion());
        fanOut.addAll(earlierRecipientsNoLongerReached(alertId, assessment.incidentId(), earlier, fanOut));
        Written written = compose(assessment, alertId, earlier, now, CapComposer.ACTUAL, fanOut.size());
        AlertView alert = written.view();
        AlertIssued issued = new AlertIssued(alertId, assessment.incidentId(), assessment.incidentVersion(),
                alert.msgType(), now, severity, assessment.urgency(), assessment.certainty(), alert.headline(),
                alert.settlementIds(), fanOut.size());
        return new Prepared(alert, written.cap(), fanOut, earlier.stream().map(s -> s.view().id()).toList(),
                OutboxMessage.of(issued, now));
    }

    /** Marks what the alert replaces and creates its deliveries; repeatable. */
    void send(Prepared alert, Instant now) {
        // again on a redelivery: the first delivery may have stopped between storing the alert and this
        alerts.markSuperseded(alert.earlierIds(), alert.view().id(), now);
        fanOut(alert.view().id(), alert.fanOut(), now);
    }

    /** A draft: CAP status Draft, sent to nobody, announced to nobody, until an issuer approves it. */
    private void draft(IncidentAssessed assessment, String alertId, Instant now) {
        List<AlertStore.Stored> earlier = alerts.earlier(assessment.incidentId(), assessment.incidentVersion());
        Written written = compose(assessment, alertId, earlier, now, CapComposer.DRAFT, 0);
        AlertView draft = written.view();
        if (alerts.insertIfAbsent(draft, written.cap(), EventJson.write(assessment), null, null,
                Issuing.draft(assessment.reportedBy(), now))) {
            log.info("draft {} ({}) for {} v{}: {}, reported by {} who may not issue; awaits an issuer", alertId,
                    draft.msgType(), assessment.incidentId(), assessment.incidentVersion(), draft.severity().cap(),
                    assessment.reportedBy().subject());
        }
    }

    private record Written(AlertView view, String cap) {
    }

    /** The Alert, or the Update of the earlier issued alerts, with its CAP document of {@code status}. */
    private Written compose(IncidentAssessed assessment, String alertId, List<AlertStore.Stored> earlier, Instant now,
                            String status, int recipients) {
        Severity severity = assessment.severity() == null ? Severity.UNKNOWN : assessment.severity();
        String msgType = earlier.isEmpty() ? CapComposer.ALERT : CapComposer.UPDATE;
        Instant expires = now.plus(cap.expiresAfter());
        CapComposer.Composed composed = composer.compose(new CapComposer.Message(alertId, msgType, now, expires,
                capReferences(earlier), assessment, null, links.alert(alertId), status));
        AlertView alert = view(alertId, assessment.incidentVersion(), assessment, msgType,
                earlier.stream().map(s -> s.view().id()).toList(), now, expires, severity, assessment.urgency(),
                assessment.certainty(), composed, assessment.summary(), settlementIds(assessment), recipients);
        // signed once, here: the stored text is what the API, the feed, webhooks and mails carry
        return new Written(alert, signer.sign(composed.xml()));
    }

    /**
     * An Update also goes to everyone an earlier alert of the incident reached (or is reaching), even
     * when the revised zones no longer reach them or fall below their minimum severity: a town told
     * to shelter must hear that the threat has moved. Their delivery carries no zone level.
     */
    private List<NewDelivery> earlierRecipientsNoLongerReached(String alertId, String incidentId,
                                                               List<AlertStore.Stored> earlier, List<NewDelivery> matched) {
        if (earlier.isEmpty()) {
            return List.of();
        }
        Map<String, String> previous = deliveries.recipientsOf(earlier.stream().map(s -> s.view().id()).toList());
        Set<String> already = matched.stream().map(NewDelivery::subscriptionId).collect(Collectors.toSet());
        List<NewDelivery> extra = new ArrayList<>();
        for (Subscription s : subscriptions.findForDelivery(previous.keySet())) {
            if (s.active() && !already.contains(s.id())) {
                extra.add(new NewDelivery(alertId, s.id(), incidentId, s.channelType(), s.language(), null));
            }
        }
        return extra;
    }

    /**
     * Creates the deliveries after the alert is stored, waking the worker after each chunk so that
     * sending overlaps creating; the alert is marked complete last, so a run cut short is completed
     * (idempotently: delivery ids are deterministic) when the event comes again.
     */
    private void fanOut(String alertId, List<NewDelivery> fanOut, Instant now) {
        for (int from = 0; from < fanOut.size(); from += FAN_OUT_CHUNK) {
            worker.createAndHandOver(fanOut.subList(from, Math.min(fanOut.size(), from + FAN_OUT_CHUNK)), now);
        }
        alerts.markFanOutDone(alertId);
    }

    /**
     * A CAP Cancel referencing every earlier alert of the incident, delivered to the subscriptions
     * that were sent (or are being sent) one of them; deliveries of those alerts still waiting are
     * dropped by the worker, since the alert no longer stands. It goes out at once, whoever retracted. Drafts
     * still open are closed first (then no approval can slip in behind the Cancel); an incident that only ever
     * had drafts sends nothing: nobody was told.
     */
    void withdraw(AssessmentWithdrawn withdrawal) {
        Objects.requireNonNull(withdrawal.incidentId(), "withdrawal without incidentId");
        String cancelId = cancelId(withdrawal.incidentId(), withdrawal.incidentVersion());
        boolean stored = alerts.exists(cancelId);
        if (stored && alerts.fanOutDone(cancelId)) {
            log.debug("cancel {} exists already: redelivered withdrawal ignored", cancelId);
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long closed = drafts.withdraw(withdrawal.incidentId(), withdrawal.reason(), now);
        List<AlertStore.Stored> earlier = alerts.earlier(withdrawal.incidentId(), Long.MAX_VALUE);
        List<String> earlierIds = earlier.stream().map(s -> s.view().id()).toList();
        if (earlier.isEmpty()) {
            log.info("assessments of {} withdrawn, but no alert was issued for it: nothing to cancel{}",
                    withdrawal.incidentId(), closed > 0 ? "; " + closed + " draft(s) closed" : "");
            return;
        }
        IncidentAssessed last = EventJson.read(earlier.get(earlier.size() - 1).assessmentJson(), IncidentAssessed.class);

        // whom the earlier alerts reached, or are reaching: read before the earlier alerts are marked cancelled
        Map<String, String> recipients = deliveries.recipientsOf(earlierIds);
        List<NewDelivery> fanOut = new ArrayList<>();
        for (Subscription s : subscriptions.findForDelivery(recipients.keySet())) {
            if (s.active()) {
                fanOut.add(new NewDelivery(cancelId, s.id(), withdrawal.incidentId(), s.channelType(), s.language(),
                        recipients.get(s.id())));
            }
        }
        if (!stored) {
            Instant expires = now.plus(cap.expiresAfter());
            CapComposer.Composed composed = composer.compose(new CapComposer.Message(cancelId, CapComposer.CANCEL, now,
                    expires, capReferences(earlier), last, withdrawal.reason(), links.alert(cancelId),
                    CapComposer.ACTUAL));
            // what the Cancel's CAP <info> says: the threat is past
            AlertView alert = view(cancelId, withdrawal.incidentVersion(), last, CapComposer.CANCEL, earlierIds, now,
                    expires, Severity.MINOR, "Past", "Observed", composed, withdrawal.reason(), settlementIds(last),
                    fanOut.size());
            AlertCancelled cancelled = new AlertCancelled(cancelId, withdrawal.incidentId(), withdrawal.incidentVersion(),
                    now, withdrawal.reason());
            if (alerts.insertIfAbsent(alert, signer.sign(composed.xml()), EventJson.write(last), withdrawal.reason(),
                    OutboxMessage.of(cancelled, now), Issuing.atOnce(withdrawal.reportedBy(), now))) {
                log.info("cancel {} for {}: withdraws {}, {} recipients", cancelId, withdrawal.incidentId(), earlierIds,
                        fanOut.size());
            }
            relay.wake();
        }
        // deliveries of the earlier alerts still waiting are dropped by the worker from now on
        alerts.markCancelled(earlierIds, cancelId, now);
        fanOut(cancelId, fanOut, now);
    }

    private List<String> capReferences(List<AlertStore.Stored> earlier) {
        return earlier.stream().map(s -> composer.reference(s.view().id(), s.view().sent())).toList();
    }

    /** Settlements inside a hazard zone. */
    private static List<String> settlementIds(IncidentAssessed assessment) {
        return assessment.affectedSettlements().stream().filter(s -> s.zone() != null && s.id() != null)
                .map(IncidentAssessed.AffectedSettlement::id).distinct().toList();
    }

    private AlertView view(String id, long incidentVersion, IncidentAssessed assessment, String msgType,
                           List<String> references, Instant sent, Instant expires, Severity severity, String urgency,
                           String certainty, CapComposer.Composed composed, String summary, List<String> settlementIds,
                           int recipients) {
        Map<String, AlertView.Text> texts = new LinkedHashMap<>();
        composed.texts().forEach((lang, t) -> texts.put(lang, new AlertView.Text(t.headline(), t.description(),
                t.instruction())));
        return new AlertView(id, assessment.incidentId(), incidentVersion, msgType, references, sent,
                expires, AlertStore.ACTIVE, null, null, severity, urgency, certainty, CapRules.category(assessment),
                composed.texts().get("en").responseType(), texts.get("en").headline(), summary, texts,
                settlementIds, zones(assessment), recipients, links.cap(id), null);
    }

    private static List<AlertView.Zone> zones(IncidentAssessed assessment) {
        return assessment.hazardZones().stream().filter(z -> z.geometry() != null)
                .map(z -> new AlertView.Zone(z.level(), z.substance(),
                        org.bson.Document.parse(GeoJsonModule.write(z.geometry()))))
                .toList();
    }
}

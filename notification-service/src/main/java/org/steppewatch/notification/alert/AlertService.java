package org.steppewatch.notification.alert;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
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
import org.steppewatch.notification.PublicLinks;
import org.steppewatch.notification.cap.CapComposer;
import org.steppewatch.notification.cap.CapProperties;
import org.steppewatch.notification.cap.CapRules;
import org.steppewatch.notification.signing.CapSigner;
import org.steppewatch.notification.subscription.SubscriptionIndex;

/**
 * Turns an assessment into one CAP alert, and a withdrawal into a CAP Cancel for everybody who got (or is getting)
 * the earlier alerts. Here, on the listener's thread, the alert is decided and stored (with its outbox event in the
 * same write) and its fan-out handed to {@link FanOut}, which creates the deliveries on threads of its own. What each
 * incident has seen is kept in {@link IncidentStates}: an assessment older than one handled changes nothing, and a
 * withdrawal is remembered even before any alert exists, so a late assessment of a retracted incident issues
 * nothing. Every write is keyed deterministically (alert id from incident id and version), so a redelivered or
 * half-processed event completes what is missing and duplicates nothing.
 */
@Service
class AlertService {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final AlertStore alerts;
    private final DraftStore drafts;
    private final IncidentStates incidents;
    private final FanOut fanOut;
    private final SubscriptionIndex index;
    private final CapComposer composer;
    private final CapSigner signer;
    private final CapProperties cap;
    private final PublicLinks links;
    private final Clock clock;

    AlertService(AlertStore alerts, DraftStore drafts, IncidentStates incidents, FanOut fanOut, SubscriptionIndex index,
                 CapComposer composer, CapSigner signer, CapProperties cap, PublicLinks links,
                 Clock clock) {
        this.alerts = alerts;
        this.drafts = drafts;
        this.incidents = incidents;
        this.fanOut = fanOut;
        this.index = index;
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
     * once; any other becomes a draft that waits for an issuer ({@link DraftReview}). One older than a version
     * handled already, or of a withdrawn incident, changes nothing.
     */
    void issue(IncidentAssessed assessment) {
        Objects.requireNonNull(assessment.incidentId(), "assessment without incidentId");
        String incidentId = assessment.incidentId();
        long version = assessment.incidentVersion();
        // whole seconds: CAP date-times have no fractions, and the stored alert must say what the CAP says
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        IncidentStates.Verdict verdict = incidents.assessed(incidentId, version, now);
        if (verdict == IncidentStates.Verdict.STALE || verdict == IncidentStates.Verdict.WITHDRAWN
                || alerts.cancelledIncident(incidentId)) {
            // the last check: incidents cancelled before their state was kept
            log.info("assessment {} changes nothing: {}", assessment.assessmentId(),
                    verdict == IncidentStates.Verdict.STALE ? "a newer version was handled" : "the incident was withdrawn");
            return;
        }
        String alertId = alertId(incidentId, version);
        // before the earlier alerts are read: an approval of an older draft racing this one either went out first
        // (and is read as earlier) or finds its draft closed
        drafts.supersede(incidentId, version, alertId, now);
        Optional<Document> stored = drafts.find(alertId);
        if (stored.isPresent()) {
            // a redelivery: complete what the first delivery may have left undone (both steps are repeatable)
            if (Issuing.ISSUED.equals(Issuing.fromDocument(stored.get()).state())) {
                send(alertId, stored.get().getList("references", String.class, List.of()), now);
            }
            return;
        }
        if (!Issuing.mayIssueAtOnce(assessment.reportedBy())) {
            draft(assessment, alertId, now);
            return;
        }
        Prepared alert = prepare(assessment, alertId, now);
        if (alerts.insertIfAbsent(alert.view(), alert.cap(), EventJson.write(assessment), null, alert.event(),
                Issuing.atOnce(assessment.reportedBy(), now))) {
            log.info("alert {} ({}) for {} v{}: {}, {} subscriptions reached", alertId, alert.view().msgType(),
                    incidentId, version, alert.view().severity().cap(), alert.view().recipients());
        }
        send(alertId, alert.view().references(), now);
    }

    /**
     * What an alert that goes out consists of: the view, its Actual CAP and its event. The recipients it counts are
     * the subscriptions its zones reach now; the fan-out adds those earlier alerts reached and stores the total.
     */
    record Prepared(AlertView view, String cap, OutboxMessage event) {
    }

    /** The alert of {@code assessment} as it goes out now: Alert, or Update of the incident's issued alerts. */
    Prepared prepare(IncidentAssessed assessment, String alertId, Instant now) {
        Severity severity = FanOut.severity(assessment);
        // matched here as well as in the fan-out: an index that cannot answer yet fails this record, to be retried
        int reached = index.match(zones(assessment), severity).size();
        List<AlertStore.Stored> earlier = alerts.earlier(assessment.incidentId(), assessment.incidentVersion());
        Written written = compose(assessment, alertId, earlier, now, CapComposer.ACTUAL, reached);
        AlertView alert = written.view();
        AlertIssued issued = new AlertIssued(alertId, assessment.incidentId(), assessment.incidentVersion(),
                alert.msgType(), now, severity, assessment.urgency(), assessment.certainty(), alert.headline(),
                alert.settlementIds(), reached);
        return new Prepared(alert, written.cap(), OutboxMessage.of(issued, now));
    }

    /** Marks what the alert replaces and starts its fan-out; repeatable. */
    void send(String alertId, List<String> earlierIds, Instant now) {
        alerts.markSuperseded(earlierIds, alertId, now);
        fanOut.submit(alertId);
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
        Severity severity = FanOut.severity(assessment);
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
     * A CAP Cancel referencing every earlier alert of the incident, delivered (by its fan-out) to the subscriptions
     * that were sent, or are being sent, one of them; deliveries of those alerts still waiting are dropped by the
     * worker, since the alert no longer stands. It goes out at once, whoever retracted. The withdrawal is remembered
     * first, then drafts still open are closed (so no approval can slip in behind the Cancel); an incident that only
     * ever had drafts, or nothing yet, sends nothing: nobody was told.
     */
    void withdraw(AssessmentWithdrawn withdrawal) {
        Objects.requireNonNull(withdrawal.incidentId(), "withdrawal without incidentId");
        String incidentId = withdrawal.incidentId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        incidents.withdrawn(incidentId, withdrawal.incidentVersion(), now);
        long closed = drafts.withdraw(incidentId, withdrawal.reason(), now);
        List<AlertStore.Stored> earlier = alerts.earlier(incidentId, Long.MAX_VALUE);
        if (earlier.isEmpty()) {
            log.info("assessments of {} withdrawn before any alert was issued: remembered, nothing to cancel{}",
                    incidentId, closed > 0 ? "; " + closed + " draft(s) closed" : "");
            return;
        }
        String cancelId = cancelId(incidentId, withdrawal.incidentVersion());
        List<String> earlierIds = earlier.stream().map(s -> s.view().id()).toList();
        if (!alerts.exists(cancelId)) {
            IncidentAssessed last = EventJson.read(earlier.get(earlier.size() - 1).assessmentJson(),
                    IncidentAssessed.class);
            Instant expires = now.plus(cap.expiresAfter());
            CapComposer.Composed composed = composer.compose(new CapComposer.Message(cancelId, CapComposer.CANCEL, now,
                    expires, capReferences(earlier), last, withdrawal.reason(), links.alert(cancelId),
                    CapComposer.ACTUAL));
            // what the Cancel's CAP <info> says: the threat is past; its recipients are counted by its fan-out
            AlertView alert = view(cancelId, withdrawal.incidentVersion(), last, CapComposer.CANCEL, earlierIds, now,
                    expires, Severity.MINOR, "Past", "Observed", composed, withdrawal.reason(), settlementIds(last), 0);
            AlertCancelled cancelled = new AlertCancelled(cancelId, incidentId, withdrawal.incidentVersion(), now,
                    withdrawal.reason());
            if (alerts.insertIfAbsent(alert, signer.sign(composed.xml()), EventJson.write(last), withdrawal.reason(),
                    OutboxMessage.of(cancelled, now), Issuing.atOnce(withdrawal.reportedBy(), now))) {
                log.info("cancel {} for {}: withdraws {}", cancelId, incidentId, earlierIds);
            }
        }
        // deliveries of the earlier alerts still waiting are dropped by the worker from now on
        alerts.markCancelled(earlierIds, cancelId, now);
        fanOut.submit(cancelId);
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
                settlementIds, viewZones(assessment), recipients, links.cap(id), null);
    }

    /** The hazard zones an alert is matched with. */
    static List<SubscriptionIndex.Zone> zones(IncidentAssessed assessment) {
        return assessment.hazardZones().stream().filter(z -> z.geometry() != null)
                .map(z -> new SubscriptionIndex.Zone(z.level(), z.geometry())).toList();
    }

    private static List<AlertView.Zone> viewZones(IncidentAssessed assessment) {
        return assessment.hazardZones().stream().filter(z -> z.geometry() != null)
                .map(z -> new AlertView.Zone(z.level(), z.substance(),
                        org.bson.Document.parse(GeoJsonModule.write(z.geometry()))))
                .toList();
    }
}

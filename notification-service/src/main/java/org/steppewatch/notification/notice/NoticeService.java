package org.steppewatch.notification.notice;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.contracts.NoticeIssued;
import org.steppewatch.contracts.ResultJudged;
import org.steppewatch.contracts.Severity;
import org.steppewatch.eventing.OutboxMessage;
import org.steppewatch.notification.PublicLinks;
import org.steppewatch.notification.cap.CapComposer;
import org.steppewatch.notification.cap.NoticeCapComposer;
import org.steppewatch.notification.delivery.DeliveryWorker;
import org.steppewatch.notification.delivery.NewDelivery;
import org.steppewatch.notification.signing.CapSigner;
import org.steppewatch.notification.subscription.SubscriptionIndex;

/**
 * Turns a result judged above a limit into one contamination notice: matched against the subscriptions to notices
 * near the result, composed as CAP, signed as alerts are, stored with its {@link NoticeIssued} in the same write
 * (outbox) and the subscriptions it is addressed to, then handed to the delivery engine. The notice id is derived from
 * the result id, and every step is repeatable: a redelivered result finds its notice and only completes the
 * deliveries a crash may have left uncreated (from the stored recipients, so it adds nobody).
 */
@Service
class NoticeService {

    private static final Logger log = LoggerFactory.getLogger(NoticeService.class);

    private final NoticeStore notices;
    private final SubscriptionIndex index;
    private final NoticeCapComposer composer;
    private final CapSigner signer;
    private final DeliveryWorker worker;
    private final NoticeProperties properties;
    private final PublicLinks links;
    private final Clock clock;

    NoticeService(NoticeStore notices, SubscriptionIndex index, NoticeCapComposer composer, CapSigner signer,
                  DeliveryWorker worker, NoticeProperties properties, PublicLinks links, Clock clock) {
        this.notices = notices;
        this.index = index;
        this.composer = composer;
        this.signer = signer;
        this.worker = worker;
        this.properties = properties;
        this.links = links;
        this.clock = clock;
    }

    /** The same result always gets the same notice id. */
    static String noticeId(String resultId) {
        return UUID.nameUUIDFromBytes(("notice:" + resultId).getBytes(UTF_8)).toString();
    }

    /**
     * Whether the result is a current finding (see {@link NoticeProperties#maxSampleAgeDays()}): its last day of
     * sampling (else its first) is known and at most that many days before {@code today}.
     */
    static boolean current(ResultJudged result, LocalDate today, int maxSampleAgeDays) {
        LocalDate sampled = result.sampledTo() != null ? result.sampledTo() : result.sampledFrom();
        return sampled != null && !sampled.isBefore(today.minusDays(maxSampleAgeDays));
    }

    void issue(ResultJudged result) {
        if (!current(result, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), properties.maxSampleAgeDays())) {
            log.info("no notice for result {} ({} in {}, sampled {}): not sampled within the last {} days", result.resultId(),
                    result.substance(), result.medium(), result.sampledTo() != null ? result.sampledTo() : result.sampledFrom(),
                    properties.maxSampleAgeDays());
            return;
        }
        String id = noticeId(result.resultId());
        Optional<Boolean> done = notices.fanOutDone(id);
        if (done.isPresent()) {
            if (!done.get()) {
                deliver(id);
            }
            return;
        }
        Severity severity = result.notice().severity() == null ? Severity.UNKNOWN : result.notice().severity();
        // matched before anything is written: an index that cannot answer yet fails the record, to be retried
        List<NoticeStore.Recipient> recipients = result.location() instanceof Point point
                ? index.near(point, properties.nearKm(), properties.settlementRadiusKm(), severity).stream()
                .map(m -> new NoticeStore.Recipient(m.subscriptionId(), m.channelType(), m.language())).toList()
                : List.of();
        // whole seconds: CAP date-times have no fractions, and the stored notice must say what the CAP says
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        CapComposer.Composed composed = composer.compose(new NoticeCapComposer.Message(id, now, result,
                properties.nearKm(), links.notice(id)));
        NoticeView view = view(id, result, severity, now, composed, recipients.size());
        Map<String, String> headlines = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        Map<String, String> instructions = new LinkedHashMap<>();
        composed.texts().forEach((lang, t) -> {
            headlines.put(lang, t.headline());
            descriptions.put(lang, t.description());
            instructions.put(lang, t.instruction());
        });
        NoticeIssued issued = new NoticeIssued(id, result.resultId(), result.siteId(), result.location(), severity,
                result.substance(), result.medium(), result.notice().highestRatio(), result.notice().regime(), headlines,
                descriptions, instructions, recipients.size(), now);
        // signed once, here: the stored text is what the API, the feed, webhooks and mails carry
        if (notices.insertIfAbsent(view, signer.sign(composed.xml()), recipients, OutboxMessage.of(issued, now))) {
            log.info("notice {} for result {}: {} ({} times the {} limit), {} subscriptions near it", id,
                    result.resultId(), severity.cap(), result.notice().highestRatio(), result.notice().regime(),
                    recipients.size());
        }
        deliver(id);
    }

    /** Creates the deliveries that do not exist yet, to the stored recipients; repeatable. */
    private void deliver(String id) {
        List<NewDelivery> deliveries = notices.recipients(id).stream()
                .map(r -> NewDelivery.ofNotice(id, r.subscriptionId(), r.channelType(), r.language())).toList();
        if (!deliveries.isEmpty()) {
            worker.createAndHandOver(deliveries, clock.instant());
        }
        notices.markFanOutDone(id);
    }

    private NoticeView view(String id, ResultJudged r, Severity severity, Instant sent, CapComposer.Composed composed,
                            int recipients) {
        Map<String, NoticeView.Text> texts = new LinkedHashMap<>();
        composed.texts().forEach((lang, t) -> texts.put(lang, new NoticeView.Text(t.headline(), t.description(),
                t.instruction())));
        Map<String, Object> location = r.location() == null ? null
                : org.bson.Document.parse(GeoJsonModule.write(r.location()));
        return new NoticeView(id, r.resultId(), r.siteId(), location, r.substance(), r.medium(), severity,
                r.notice().urgency(), r.notice().certainty(), "Env", CapComposer.ALERT, r.notice().highestRatio(),
                r.notice().regime(), r.notice().reason(), sent, texts.get("en").headline(), texts, recipients,
                links.noticeCap(id), null);
    }
}

package org.steppewatch.notification.subscription;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.locationtech.jts.geom.Geometry;
import org.steppewatch.contracts.Severity;

/**
 * A community's subscription as stored. {@code area} is the shape the subscriber sent,
 * {@code geometry} the polygon or point it is matched with. A webhook subscription is ACTIVE at
 * once (its owner holds the signing secret); an e-mail one is PENDING_CONFIRMATION until the link
 * in the confirmation mail is followed (double opt-in), and DELETED after an unsubscribe.
 *
 * @param url              the webhook URL (webhook channel)
 * @param address          the e-mail address (email channel)
 * @param secret           the webhook signing secret in clear (stored encrypted)
 * @param unsubscribeToken in every message; lets its holder end this one subscription and nothing else
 *                         (derived from the secrets key when read, stored only as a hash)
 * @param confirmToken     in the confirmation mail, derived and stored like the unsubscribe token; null for webhooks
 * @param kinds            what the subscriber asked for: {@link #ALERT} (emergency alerts), {@link #NOTICE}
 *                         (contamination notices), or both
 */
public record Subscription(String id, String name, Document area, Geometry geometry, String channelType,
                           String url, String secret, String address, String language, Severity minSeverity,
                           String state, Instant createdAt, String manageTokenHash, String unsubscribeToken,
                           String confirmToken, List<String> kinds) {

    public static final String WEBHOOK = "webhook";
    public static final String EMAIL = "email";
    public static final String PENDING_CONFIRMATION = "PENDING_CONFIRMATION";
    public static final String ACTIVE = "ACTIVE";
    public static final String DELETED = "DELETED";
    /** A webhook subscription whose every delivery failed for days; nothing is sent to it (see the delivery feature). */
    public static final String DISABLED = "DISABLED";

    /** Emergency alerts (CAP alerts of assessed incidents). */
    public static final String ALERT = "ALERT";
    /** Contamination notices (a measured result above a limit near the area). */
    public static final String NOTICE = "NOTICE";
    public static final List<String> KINDS = List.of(ALERT, NOTICE);
    /** What a subscription wants when it names no kinds: alerts, the only kind there was before notices. */
    public static final List<String> DEFAULT_KINDS = List.of(ALERT);

    public Subscription {
        kinds = kinds == null || kinds.isEmpty() ? DEFAULT_KINDS : List.copyOf(kinds);
    }

    /** A subscription to alerts only, as every subscription was before notices existed. */
    public Subscription(String id, String name, Document area, Geometry geometry, String channelType, String url,
                        String secret, String address, String language, Severity minSeverity, String state,
                        Instant createdAt, String manageTokenHash, String unsubscribeToken, String confirmToken) {
        this(id, name, area, geometry, channelType, url, secret, address, language, minSeverity, state, createdAt,
                manageTokenHash, unsubscribeToken, confirmToken, DEFAULT_KINDS);
    }

    public boolean wants(String kind) {
        return kinds.contains(kind);
    }

    public boolean active() {
        return ACTIVE.equals(state);
    }

    /** Where deliveries go: the webhook URL or the e-mail address. */
    public String target() {
        return EMAIL.equals(channelType) ? address : url;
    }
}

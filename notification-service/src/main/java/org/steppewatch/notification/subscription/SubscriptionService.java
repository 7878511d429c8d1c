package org.steppewatch.notification.subscription;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.steppewatch.notification.ratelimit.RateLimits;
import org.steppewatch.web.Problems;

/**
 * Creates, shows, confirms and deletes subscriptions; keeps the spatial index in step with the
 * store. An e-mail subscription starts PENDING_CONFIRMATION and asks for its confirmation mail
 * ({@link ConfirmationRequested}); only the link in it activates the subscription.
 */
@Service
class SubscriptionService {

    private final SubscriptionValidator validator;
    private final SubscriptionStore store;
    private final SubscriptionIndex index;
    private final ApplicationEventPublisher events;
    private final RateLimits rateLimits;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SubscriptionService(SubscriptionValidator validator, SubscriptionStore store, SubscriptionIndex index,
                        ApplicationEventPublisher events, RateLimits rateLimits, Clock clock) {
        this.validator = validator;
        this.store = store;
        this.index = index;
        this.events = events;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    /** @param limited whether the confirmation-mail limit applies (not to admins) */
    SubscriptionView create(SubscriptionRequest request, boolean limited) {
        SubscriptionValidator.Valid valid = validator.validate(request);
        boolean email = Subscription.EMAIL.equals(valid.channelType());
        if (email && limited) {
            // before anything is stored: over the limit, nothing is
            rateLimits.takeConfirmationMail(valid.address());
        }
        String generatedSecret = !email && valid.secret() == null ? generateSecret() : null;
        String manageToken = ManageTokens.generate(random);
        // millisecond precision: what MongoDB keeps, so the created and the read-back view agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), valid.name(),
                valid.area().toDocument(), valid.area().matchGeometry(), valid.channelType(), valid.url(),
                valid.secret() != null ? valid.secret() : generatedSecret, valid.address(), valid.language(),
                valid.minSeverity(), email ? Subscription.PENDING_CONFIRMATION : Subscription.ACTIVE, now,
                ManageTokens.hash(manageToken), null, null, valid.kinds());
        store.insert(subscription);
        // as stored: with the tokens derived for it
        subscription = store.find(subscription.id()).orElseThrow();
        if (email) {
            // after the subscription is stored: whoever sends the mail finds it
            events.publishEvent(new ConfirmationRequested(subscription.id(), subscription.language(), now));
        } else {
            index.add(subscription);
        }
        return SubscriptionView.of(subscription, generatedSecret, manageToken);
    }

    SubscriptionView get(String id, String manageToken) {
        return SubscriptionView.of(authorised(id, manageToken), null, null);
    }

    /** DISABLED -> ACTIVE; 409 for a subscription in any other state. */
    SubscriptionView enable(String id, String manageToken) {
        authorised(id, manageToken);
        if (!store.enable(id, clock.instant())) {
            throw Problems.of(HttpStatus.CONFLICT, "Not disabled",
                    "subscription " + id + " is not disabled: only a webhook disabled after days of failures is enabled again");
        }
        return SubscriptionView.of(authorised(id, manageToken), null, null);
    }

    void delete(String id, String manageToken) {
        authorised(id, manageToken);
        if (!store.markDeleted(id, clock.instant(), "manage-token")) {
            throw Problems.notFound("no subscription " + id);
        }
        index.remove(id);
    }

    /**
     * Follows the link of a confirmation mail. Following it again changes nothing.
     *
     * @throws org.springframework.web.ErrorResponseException 404 when the id or the token is wrong, 410
     *                                                        when the subscription was deleted meanwhile
     */
    Subscription confirm(String id, String token) {
        Subscription subscription = withConfirmToken(id, token);
        if (Subscription.DELETED.equals(subscription.state())) {
            throw Problems.of(HttpStatus.GONE, "Subscription deleted", "subscription " + id + " was deleted");
        }
        if (store.activate(id, clock.instant())) {
            index.add(store.find(id).orElseThrow());
        }
        return store.find(id).orElseThrow();
    }

    /** Follows an unsubscribe link; works without the manage token, for that one subscription only. */
    Subscription unsubscribe(String id, String token) {
        Subscription subscription = withUnsubscribeToken(id, token);
        if (store.markDeleted(id, clock.instant(), "unsubscribe-link")) {
            index.remove(id);
        }
        return store.find(id).orElse(subscription);
    }

    /** The subscription a confirmation link is for, changing nothing. */
    Subscription withConfirmToken(String id, String token) {
        return store.findWithToken(id, SubscriptionStore.CONFIRM, token)
                .orElseThrow(() -> Problems.notFound("no subscription " + id + " with this confirmation token"));
    }

    /** The subscription an unsubscribe link is for, changing nothing. */
    Subscription withUnsubscribeToken(String id, String token) {
        return store.findWithToken(id, SubscriptionStore.UNSUBSCRIBE, token)
                .orElseThrow(() -> Problems.notFound("no subscription " + id + " with this unsubscribe token"));
    }

    private Subscription authorised(String id, String manageToken) {
        if (manageToken == null || manageToken.isBlank()) {
            throw Problems.of(HttpStatus.UNAUTHORIZED, "Manage token required",
                    "send the manageToken you received when subscribing in the X-Manage-Token header");
        }
        Subscription subscription = store.find(id).filter(s -> !Subscription.DELETED.equals(s.state()))
                .orElseThrow(() -> Problems.notFound("no subscription " + id));
        if (!ManageTokens.matches(manageToken, subscription.manageTokenHash())) {
            throw Problems.of(HttpStatus.FORBIDDEN, "Wrong manage token", "the X-Manage-Token does not belong to subscription " + id);
        }
        return subscription;
    }

    /** A Standard Webhooks secret: whsec_ + base64 of 24 random bytes. */
    private String generateSecret() {
        byte[] key = new byte[24];
        random.nextBytes(key);
        return SubscriptionValidator.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }
}

package org.steppewatch.notification.subscription;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.steppewatch.web.Problems;

/** Creates, shows and deletes subscriptions; keeps the spatial index in step with the store. */
@Service
class SubscriptionService {

    private final SubscriptionValidator validator;
    private final SubscriptionStore store;
    private final SubscriptionIndex index;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SubscriptionService(SubscriptionValidator validator, SubscriptionStore store, SubscriptionIndex index, Clock clock) {
        this.validator = validator;
        this.store = store;
        this.index = index;
        this.clock = clock;
    }

    SubscriptionView create(SubscriptionRequest request) {
        SubscriptionValidator.Valid valid = validator.validate(request);
        String generatedSecret = valid.secret() == null ? generateSecret() : null;
        String manageToken = ManageTokens.generate(random);
        // millisecond precision: what MongoDB keeps, so the created and the read-back view agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), valid.name(),
                valid.area().toDocument(), valid.area().matchGeometry(), Subscription.WEBHOOK, valid.url(),
                valid.secret() != null ? valid.secret() : generatedSecret, valid.language(), valid.minSeverity(),
                true, now, ManageTokens.hash(manageToken));
        store.insert(subscription);
        index.add(subscription);
        return SubscriptionView.of(subscription, generatedSecret, manageToken);
    }

    SubscriptionView get(String id, String manageToken) {
        return SubscriptionView.of(authorised(id, manageToken), null, null);
    }

    void delete(String id, String manageToken) {
        authorised(id, manageToken);
        if (!store.markDeleted(id, clock.instant())) {
            throw Problems.notFound("no subscription " + id);
        }
        index.remove(id);
    }

    private Subscription authorised(String id, String manageToken) {
        if (manageToken == null || manageToken.isBlank()) {
            throw Problems.of(HttpStatus.UNAUTHORIZED, "Manage token required",
                    "send the manageToken you received when subscribing in the X-Manage-Token header");
        }
        Subscription subscription = store.find(id).filter(Subscription::active)
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

package org.steppewatch.notification.subscription;

import java.time.Instant;

/**
 * An e-mail subscription was stored, pending, and its confirmation mail must go out (double opt-in). Published
 * within the request, after the subscription is stored, so whoever sends the mail finds it.
 */
public record ConfirmationRequested(String subscriptionId, String language, Instant at) {
}

package org.steppewatch.notification.delivery;

/**
 * PENDING -> SENT, or PENDING -> RETRYING -> ... -> SENT | FAILED. CANCELLED when the
 * subscription was deleted before the alert could be delivered.
 */
enum DeliveryState {
    PENDING, RETRYING, SENT, FAILED, CANCELLED
}

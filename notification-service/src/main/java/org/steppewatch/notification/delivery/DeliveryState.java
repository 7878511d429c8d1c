package org.steppewatch.notification.delivery;

/**
 * PENDING -> SENT, or PENDING -> RETRYING -> ... -> SENT | FAILED. CANCELLED when there is nobody
 * or nothing left to deliver to: the subscription was deleted, the alert was cancelled before it
 * went out, the e-mail subscription was confirmed already.
 */
enum DeliveryState {
    PENDING, RETRYING, SENT, FAILED, CANCELLED;

    boolean open() {
        return this == PENDING || this == RETRYING;
    }
}

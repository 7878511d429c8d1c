package org.steppewatch.notification.delivery;

/**
 * PENDING -> SENT, or PENDING -> RETRYING -> ... -> SENT | FAILED; an admin's redrive takes FAILED back
 * to PENDING for a new round. CANCELLED when there is nobody or nothing left to deliver to: the
 * subscription was deleted or disabled, a newer message of the incident replaced the alert before it
 * went out, the e-mail subscription was confirmed already.
 */
enum DeliveryState {
    PENDING, RETRYING, SENT, FAILED, CANCELLED;

    boolean open() {
        return this == PENDING || this == RETRYING;
    }
}

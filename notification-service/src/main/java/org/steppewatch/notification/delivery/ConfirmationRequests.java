package org.steppewatch.notification.delivery;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steppewatch.notification.subscription.ConfirmationRequested;

/** Queues the confirmation mail of a new e-mail subscription as a delivery, retried like any other. */
@Component
class ConfirmationRequests {

    private final DeliveryStore deliveries;
    private final DeliveryWorker worker;

    ConfirmationRequests(DeliveryStore deliveries, DeliveryWorker worker) {
        this.deliveries = deliveries;
        this.worker = worker;
    }

    /** Runs in the publishing request: the mail is queued before the subscriber gets the answer. */
    @EventListener
    void on(ConfirmationRequested request) {
        deliveries.createConfirmation(request.subscriptionId(), request.language(), request.at());
        worker.wake();
    }
}

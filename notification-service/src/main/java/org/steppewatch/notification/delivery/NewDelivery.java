package org.steppewatch.notification.delivery;

/** One alert to hand to one subscription; its id {@code alertId:subscriptionId} makes creating it idempotent. */
public record NewDelivery(String alertId, String subscriptionId, String incidentId, String channelType, String language) {

    public String id() {
        return alertId + ":" + subscriptionId;
    }
}

package org.steppewatch.notification.delivery;

/**
 * One alert to hand to one subscription; its id {@code alertId:subscriptionId} makes creating it
 * idempotent, so an alert reaches a subscription at most once however often Kafka redelivers.
 *
 * @param level the worst hazard-zone level reaching the subscription's area (null when unknown)
 */
public record NewDelivery(String alertId, String subscriptionId, String incidentId, String channelType, String language,
                          String level) {

    public String id() {
        return alertId + ":" + subscriptionId;
    }
}

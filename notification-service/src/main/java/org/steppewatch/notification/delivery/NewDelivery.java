package org.steppewatch.notification.delivery;

/**
 * One alert (or contamination notice) to hand to one subscription; its id {@code alertId:subscriptionId} makes
 * creating it idempotent, so a message reaches a subscription at most once however often Kafka redelivers.
 *
 * @param alertId    the message delivered: an alert's id, or a notice's id for kind {@code notice}
 * @param incidentId the alert's incident; null for a notice (no Update or Cancel ever follows one)
 * @param level      the worst hazard-zone level reaching the subscription's area (null when unknown, and for a notice)
 * @param kind       {@link DeliveryStore#KIND_ALERT} or {@link DeliveryStore#KIND_NOTICE}
 */
public record NewDelivery(String alertId, String subscriptionId, String incidentId, String channelType, String language,
                          String level, String kind) {

    /** The delivery of an alert. */
    public NewDelivery(String alertId, String subscriptionId, String incidentId, String channelType, String language,
                       String level) {
        this(alertId, subscriptionId, incidentId, channelType, language, level, DeliveryStore.KIND_ALERT);
    }

    /** The delivery of a contamination notice. */
    public static NewDelivery ofNotice(String noticeId, String subscriptionId, String channelType, String language) {
        return new NewDelivery(noticeId, subscriptionId, null, channelType, language, null, DeliveryStore.KIND_NOTICE);
    }

    public String id() {
        return alertId + ":" + subscriptionId;
    }
}

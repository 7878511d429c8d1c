package org.steppewatch.notification.delivery;

import java.util.Map;
import java.util.Optional;

/** Where the worker gets an alert's fields for a webhook body (implemented by the alert feature). */
public interface AlertPayloads {

    /**
     * The alert as JSON-ready values (the {@code data} of an {@code alert.issued} webhook without
     * the per-subscriber fields), or empty when the alert is not stored (yet).
     */
    Optional<Map<String, Object>> webhookData(String alertId);
}

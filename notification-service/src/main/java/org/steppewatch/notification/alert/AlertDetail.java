package org.steppewatch.notification.alert;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code GET /api/v1/alerts/{id}}: the alert's fields, and per delivery state how many of its
 * deliveries are in it, e.g. {@code "deliveries": {"SENT": 12, "RETRYING": 1}}.
 */
record AlertDetail(@JsonUnwrapped AlertView alert, Map<String, Long> deliveries) {
}

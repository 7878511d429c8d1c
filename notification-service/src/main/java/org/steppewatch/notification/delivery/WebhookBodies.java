package org.steppewatch.notification.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook bodies for one batch. The alert part (with its CAP document, often tens of kilobytes)
 * is serialised once per alert and language; each delivery only fills in its own fields
 * (subscription id, zone level, unsubscribe link). Used by one thread.
 *
 * <pre>{"type": "alert.issued" | "alert.cancelled", "timestamp": sent,
 *  "data": {…alert…, "language", "subscriptionId", "zoneLevel", "unsubscribeUrl", "cap": "&lt;alert …&gt;"}}</pre>
 */
final class WebhookBodies {

    static final String ISSUED = "alert.issued";
    static final String CANCELLED = "alert.cancelled";
    private static final String[] HOLES = {"@@subscriptionId@@", "@@zoneLevel@@", "@@unsubscribeUrl@@"};

    private final JsonMapper json;
    private final Map<String, List<String>> templates = new HashMap<>();

    WebhookBodies(JsonMapper json) {
        this.json = json;
    }

    String body(AlertPayloads.AlertPayload alert, String language, String subscriptionId, String level,
                String unsubscribeUrl) {
        List<String> parts = templates.computeIfAbsent(alert.id() + "|" + language, k -> template(alert, language));
        String[] values = {subscriptionId, level, unsubscribeUrl};
        StringBuilder out = new StringBuilder(parts.get(0).length() + 4096);
        out.append(parts.get(0));
        for (int i = 0; i < values.length; i++) {
            out.append(json.writeValueAsString(values[i])).append(parts.get(i + 1));
        }
        return out.toString();
    }

    private List<String> template(AlertPayloads.AlertPayload alert, String language) {
        Map<String, Object> data = new LinkedHashMap<>(alert.data());
        data.put("language", language);
        data.put("subscriptionId", HOLES[0]);
        data.put("zoneLevel", HOLES[1]);
        data.put("unsubscribeUrl", HOLES[2]);
        data.put("cap", alert.cap());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "Cancel".equals(alert.msgType()) ? CANCELLED : ISSUED);
        envelope.put("timestamp", alert.sent().toString());
        envelope.put("data", data);
        String whole = json.writeValueAsString(envelope);
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (String hole : HOLES) {
            String quoted = "\"" + hole + "\"";
            int at = whole.indexOf(quoted, from);
            if (at < 0) {
                throw new IllegalStateException("webhook template lost its " + hole + " field");
            }
            parts.add(whole.substring(from, at));
            from = at + quoted.length();
        }
        parts.add(whole.substring(from));
        return parts;
    }
}

package org.steppewatch.notification.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook bodies for one batch. The alert part (with its CAP document, often tens of kilobytes)
 * is serialised and encoded once per alert and language; each delivery only adds its own fields
 * (subscription id, zone level, unsubscribe link). Used by one thread.
 *
 * <pre>{"type": "alert.issued" | "alert.cancelled" | "notice.issued", "timestamp": sent,
 *  "data": {…alert…, "language", "subscriptionId", "zoneLevel", "unsubscribeUrl", "cap": "&lt;alert …&gt;"}}</pre>
 */
final class WebhookBodies {

    static final String ISSUED = "alert.issued";
    static final String CANCELLED = "alert.cancelled";
    /** A contamination notice. */
    static final String NOTICE_ISSUED = "notice.issued";
    private static final String[] HOLES = {"@@subscriptionId@@", "@@zoneLevel@@", "@@unsubscribeUrl@@"};

    private static final byte[] NULL = "null".getBytes(UTF_8);
    private static final byte[] QUOTE = {'"'};

    private final JsonMapper json;
    private final Map<String, List<byte[]>> templates = new HashMap<>();

    WebhookBodies(JsonMapper json) {
        this.json = json;
    }

    /** @param notice the payload is a contamination notice's ({@code notice.issued}) */
    WebhookBody body(AlertPayloads.AlertPayload alert, boolean notice, String language, String subscriptionId,
                     String level, String unsubscribeUrl) {
        String type = notice ? NOTICE_ISSUED : "Cancel".equals(alert.msgType()) ? CANCELLED : ISSUED;
        List<byte[]> template = templates.computeIfAbsent(alert.id() + "|" + language, k -> template(alert, type, language));
        String[] values = {subscriptionId, level, unsubscribeUrl};
        List<byte[]> parts = new ArrayList<>(3 * values.length + 1);
        parts.add(template.get(0));
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                parts.add(NULL);
            } else {
                parts.add(QUOTE);
                parts.add(JsonStringEncoder.getInstance().quoteAsUTF8(values[i]));
                parts.add(QUOTE);
            }
            parts.add(template.get(i + 1));
        }
        return new WebhookBody(parts);
    }

    private List<byte[]> template(AlertPayloads.AlertPayload alert, String type, String language) {
        Map<String, Object> data = new LinkedHashMap<>(alert.data());
        data.put("language", language);
        data.put("subscriptionId", HOLES[0]);
        data.put("zoneLevel", HOLES[1]);
        data.put("unsubscribeUrl", HOLES[2]);
        data.put("cap", alert.cap());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", type);
        envelope.put("timestamp", alert.sent().toString());
        envelope.put("data", data);
        String whole = json.writeValueAsString(envelope);
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (String hole : HOLES) {
            String quoted = "\"" + hole + "\"";
            int at = whole.indexOf(quoted, from);
            if (at < 0) {
                throw new IllegalStateException("webhook template lost its " + hole + " field");
            }
            parts.add(whole.substring(from, at).getBytes(UTF_8));
            from = at + quoted.length();
        }
        parts.add(whole.substring(from).getBytes(UTF_8));
        return parts;
    }
}

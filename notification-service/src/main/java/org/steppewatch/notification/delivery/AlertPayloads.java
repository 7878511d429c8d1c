package org.steppewatch.notification.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Where the worker gets the alerts it delivers (implemented by the alert feature). */
public interface AlertPayloads {

    /**
     * The stored alerts among {@code alertIds}, by id, in one read; an id without an entry is not
     * stored (yet).
     */
    Map<String, AlertPayload> load(Collection<String> alertIds);

    /**
     * @param data      the alert as JSON-ready values (the {@code data} of a webhook without the
     *                  per-subscriber fields and without {@code cap})
     * @param cap       the CAP 1.2 XML
     * @param cancelled true once a later Cancel message withdrew this alert (a Cancel itself is never cancelled)
     * @param texts     headline, description and instruction per language, as in the CAP {@code <info>}s
     */
    record AlertPayload(String id, String msgType, Instant sent, boolean cancelled, String cap,
                        Map<String, Object> data, Map<String, Text> texts) {

        /**
         * The newer message of the incident that replaced this one: the Cancel that withdrew it, else the
         * Update that superseded it (the {@code cancelledBy} and {@code supersededBy} the alert feature
         * puts in {@code data}); null while it stands. A Cancel is never replaced.
         */
        public String replacedBy() {
            if ("Cancel".equals(msgType)) {
                return null;
            }
            Object by = data.get("cancelledBy") != null ? data.get("cancelledBy") : data.get("supersededBy");
            return by == null ? null : by.toString();
        }
    }

    record Text(String headline, String description, String instruction) {
    }
}

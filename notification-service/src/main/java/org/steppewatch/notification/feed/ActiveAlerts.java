package org.steppewatch.notification.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The alerts in force, newest first (implemented by the alert feature). */
public interface ActiveAlerts {

    List<Entry> active(int limit);

    record Entry(String id, String msgType, Instant sent, Instant expires, Map<String, String> headlines,
                 Map<String, String> descriptions) {
    }
}

package org.steppewatch.notification.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The newest contamination notices, newest first (implemented by the notice feature). */
public interface RecentNotices {

    List<Entry> recent(int limit);

    record Entry(String id, Instant sent, Map<String, String> headlines, Map<String, String> descriptions) {
    }
}

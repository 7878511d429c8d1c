package org.steppewatch.notification.delivery;

import java.util.Collection;
import java.util.Map;

/**
 * Where the worker gets the contamination notices it delivers (implemented by the notice feature). A notice is
 * delivered like an alert: the same payload (its JSON, its signed CAP document, its texts per language), only the
 * webhook {@code type}, the mail's wording and its links differ, by the delivery's kind.
 */
public interface NoticePayloads {

    /** The stored notices among {@code noticeIds}, by id, in one read; an id without an entry is not stored (yet). */
    Map<String, AlertPayloads.AlertPayload> load(Collection<String> noticeIds);
}

package org.steppewatch.incident.incident;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.steppewatch.eventing.OutboxMessage;
import org.steppewatch.web.Problems;

/**
 * Refuses a report or revision whose event could not be published. The event is larger than the request that made
 * it (numbers and geometries are written out in full, fields the request left out appear as null), so a body under
 * the HTTP limit can still make an event over the broker's: Kafka refuses a record over {@code message.max.bytes}
 * (1 MiB = 1,048,576 bytes by default, counting the key, the CloudEvents headers and the batch overhead), and an
 * event stored that can never be published would wait in the outbox for ever.
 *
 * <p>{@code steppewatch.incident.max-event-bytes} (default 1,000,000) bounds the JSON payload; the 48,576 bytes
 * left below 1 MiB hold the key, the headers (a few hundred bytes) and the overhead. Raise both together.
 */
@Component
class EventSizeLimit {

    static final URI TYPE = URI.create("https://steppewatch.org/problems/event-too-large");

    private final long maxBytes;

    EventSizeLimit(@Value("${steppewatch.incident.max-event-bytes:1000000}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** @throws ErrorResponseException 413 when the event's JSON exceeds the limit */
    void check(OutboxMessage event) {
        long size = event.payload().getBytes(UTF_8).length;
        if (size <= maxBytes) {
            return;
        }
        ErrorResponseException problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Event too large",
                "The " + event.type() + " event of this incident would be " + size + " bytes, over the limit of "
                        + maxBytes + " bytes for events on Kafka; nothing was stored. Send a simpler footprint "
                        + "(fewer vertices), fewer samples or a shorter description.");
        problem.getBody().setType(TYPE);
        problem.getBody().setProperty("eventBytes", size);
        problem.getBody().setProperty("limitBytes", maxBytes);
        throw problem;
    }
}

package org.steppewatch.incident.live;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class LiveController {

    private final LiveEvents events;

    LiveController(LiveEvents events) {
        this.events = events;
    }

    /**
     * Server-sent events for the analyst console: {@code incident} (reported, revised, retracted),
     * {@code assessed} and {@code alert}, each with a JSON body; {@code ready} once on connecting.
     */
    @GetMapping(path = "/api/v1/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return events.open();
    }
}

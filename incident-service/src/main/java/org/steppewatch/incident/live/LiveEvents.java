package org.steppewatch.incident.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent event streams of this instance. Updates go out on one thread of their own,
 * so a slow browser never holds up a Kafka listener or a request; a stream that fails to take an
 * event is dropped (the browser's EventSource reconnects and reloads what it shows).
 * <p>
 * Each instance streams what its own writes and consumers see. With several instances in one
 * consumer group an instance sees the assessments of its partitions only; the console then also
 * refreshes what it shows when a stream reconnects.
 */
@Component
class LiveEvents {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private final ScheduledExecutorService sender;
    private final Duration streamTimeout;

    LiveEvents(@Value("${steppewatch.console.stream-timeout:30m}") Duration streamTimeout,
               @Value("${steppewatch.console.heartbeat:20s}") Duration heartbeat) {
        this.streamTimeout = streamTimeout;
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "console-events");
            thread.setDaemon(true);
            return thread;
        });
        // a comment now and then keeps proxies from closing an idle stream and finds dead ones
        sender.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    SseEmitter open() {
        SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        emitters.add(emitter);
        sender.execute(() -> send(emitter, SseEmitter.event().name("ready").reconnectTime(3000)
                .data("{\"streams\":" + emitters.size() + "}", MediaType.APPLICATION_JSON)));
        return emitter;
    }

    int openStreams() {
        return emitters.size();
    }

    @EventListener
    void on(LiveUpdate update) {
        long id = sequence.incrementAndGet();
        sender.execute(() -> {
            for (SseEmitter emitter : emitters) {
                send(emitter, SseEmitter.event().id(Long.toString(id)).name(update.type())
                        .data(update.data(), MediaType.APPLICATION_JSON));
            }
        });
    }

    private void heartbeat() {
        for (SseEmitter emitter : emitters) {
            send(emitter, SseEmitter.event().comment("heartbeat"));
        }
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // the browser went away or the stream completed: forget it
            emitters.remove(emitter);
            log.debug("dropped an event stream: {}", e.getMessage());
        }
    }

    /** Before the web server drains its requests: open streams would hold a graceful shutdown up. */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
        sender.shutdownNow();
    }
}

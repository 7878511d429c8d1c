package org.steppewatch.notification.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes outcomes on a thread of its own: whatever finished meanwhile, up to {@value #BATCH} at a
 * time, in one fenced bulk request ({@link DeliveryStore#recordAll}); only then counts them in the
 * metrics, announces the deliveries just given up and tells {@link EndpointHealth} how the webhook
 * attempts went.
 */
final class OutcomeRecorder {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);
    private static final int BATCH = 1000;

    private final DeliveryStore store;
    private final Leases leases;
    private final Exhaustion exhaustion;
    private final EndpointHealth endpoints;
    private final Consumer<List<Outcome>> afterRecording;
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
    private final LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private volatile boolean recording;
    private volatile Thread thread;

    /** @param afterRecording told of every batch once it is written (or given up) */
    OutcomeRecorder(DeliveryStore store, Leases leases, Exhaustion exhaustion, EndpointHealth endpoints,
                    MeterRegistry meters, Consumer<List<Outcome>> afterRecording) {
        this.store = store;
        this.leases = leases;
        this.exhaustion = exhaustion;
        this.endpoints = endpoints;
        this.afterRecording = afterRecording;
        this.sent = counter(meters, "sent");
        this.retried = counter(meters, "retried");
        this.failed = counter(meters, "failed");
    }

    static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("steppewatch.deliveries").description("deliveries by outcome (webhook and e-mail)")
                .tag("outcome", outcome).register(meters);
    }

    void add(Outcome outcome) {
        outcomes.add(outcome);
    }

    void start() {
        recording = true;
        Thread t = new Thread(this::loop, "delivery-recorder");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Writes what is queued, then stops. */
    void stop() {
        recording = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        List<Outcome> batch = new ArrayList<>(BATCH);
        while (recording || !outcomes.isEmpty()) {
            try {
                Outcome first = outcomes.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outcomes.drainTo(batch, BATCH - 1);
                write(batch);
                Map<String, Integer> perLease = new HashMap<>();
                batch.forEach(o -> perLease.merge(o.token(), 1, Integer::sum));
                perLease.forEach(leases::done);
                afterRecording.accept(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Retries a failed bulk write a few times; what still fails is left to lease expiry (then tried again). */
    private void write(List<Outcome> batch) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                int lost = store.recordAll(batch);
                if (lost > 0) {
                    log.warn("{} of {} delivery outcomes found their lease taken over; attempts kept, state left to the new holder",
                            lost, batch.size());
                }
                count(batch);
                break;
            } catch (RuntimeException e) {
                if (attempt >= 5) {
                    log.error("could not record {} delivery outcomes, their leases will expire and they are retried: {}",
                            batch.size(), e.toString());
                    return;
                }
                log.warn("could not record {} delivery outcomes (try {}), retrying: {}", batch.size(), attempt, e.toString());
                Thread.sleep(200L * attempt);
            }
        }
        try {
            List<String> given = batch.stream().filter(o -> o.next() == DeliveryState.FAILED).map(Outcome::id).toList();
            if (!given.isEmpty()) {
                exhaustion.announce(given);
            }
            endpoints.observe(batch);
        } catch (RuntimeException e) {
            // the FAILED marks stay and are announced by the next sweep
            log.warn("could not announce exhausted deliveries or note failing endpoints: {}", e.toString());
        }
    }

    private void count(List<Outcome> batch) {
        for (Outcome o : batch) {
            if (o.type() == Outcome.Type.ATTEMPT) {
                switch (o.next()) {
                    case SENT -> sent.increment();
                    case RETRYING -> retried.increment();
                    case FAILED -> failed.increment();
                    default -> {
                    }
                }
            }
        }
    }
}

package org.steppewatch.notification.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs asynchronous jobs with two limits: at most {@code global} in flight in all, at most
 * {@code perHost} to any one host. Each host has its own queue (a lane); lanes take turns, so a
 * slow or dead host holds at most its own {@code perHost} slots and never the others'.
 */
final class Dispatcher {

    /** A unit of work: {@code start} begins it and the future completes when it is over (never exceptionally). */
    record Job(String host, Supplier<CompletableFuture<?>> start, Runnable ifDropped) {
    }

    private static final class Lane {
        final String host;
        final ArrayDeque<Job> queue = new ArrayDeque<>();
        int inFlight;
        boolean ready;

        Lane(String host) {
            this.host = host;
        }
    }

    private final int global;
    private final int perHost;
    private final Map<String, Lane> lanes = new HashMap<>();
    /** Lanes with queued jobs and a free slot, in turn. */
    private final ArrayDeque<Lane> ready = new ArrayDeque<>();
    private int inFlight;
    private int queued;

    Dispatcher(int global, int perHost) {
        this.global = global;
        this.perHost = perHost;
    }

    void submit(Job job) {
        synchronized (this) {
            Lane lane = lanes.computeIfAbsent(job.host(), Lane::new);
            lane.queue.addLast(job);
            queued++;
            markReady(lane);
        }
        pump();
    }

    /** Jobs waiting or running. */
    synchronized int pending() {
        return inFlight + queued;
    }

    synchronized int inFlight() {
        return inFlight;
    }

    /** Takes every job that has not started; they are the caller's to hand back. */
    List<Job> drain() {
        List<Job> dropped = new ArrayList<>();
        synchronized (this) {
            for (Lane lane : lanes.values()) {
                dropped.addAll(lane.queue);
                lane.queue.clear();
            }
            queued = 0;
            ready.clear();
            lanes.values().forEach(l -> l.ready = false);
        }
        return dropped;
    }

    private void markReady(Lane lane) {
        if (!lane.ready && !lane.queue.isEmpty() && lane.inFlight < perHost) {
            lane.ready = true;
            ready.addLast(lane);
        }
    }

    /** Starts what the limits allow; loops rather than recursing when jobs finish at once. */
    private void pump() {
        while (true) {
            List<Job> toStart = new ArrayList<>();
            List<Lane> of = new ArrayList<>();
            synchronized (this) {
                while (inFlight < global && !ready.isEmpty()) {
                    Lane lane = ready.pollFirst();
                    lane.ready = false;
                    Job job = lane.queue.pollFirst();
                    if (job == null) {
                        continue;
                    }
                    queued--;
                    lane.inFlight++;
                    inFlight++;
                    toStart.add(job);
                    of.add(lane);
                    // back in line behind the other hosts
                    markReady(lane);
                }
            }
            if (toStart.isEmpty()) {
                return;
            }
            boolean finishedAtOnce = false;
            for (int i = 0; i < toStart.size(); i++) {
                Lane lane = of.get(i);
                CompletableFuture<?> running;
                try {
                    running = toStart.get(i).start().get();
                } catch (RuntimeException e) {
                    running = CompletableFuture.completedFuture(null);
                }
                if (running.isDone()) {
                    release(lane);
                    finishedAtOnce = true;
                } else {
                    running.whenComplete((result, failure) -> done(lane));
                }
            }
            if (!finishedAtOnce) {
                return;
            }
        }
    }

    private void done(Lane lane) {
        release(lane);
        pump();
    }

    private synchronized void release(Lane lane) {
        lane.inFlight--;
        inFlight--;
        markReady(lane);
        if (lane.inFlight == 0 && lane.queue.isEmpty() && lanes.get(lane.host) == lane) {
            lanes.remove(lane.host);
        }
    }
}

package org.steppewatch.eventing;

/** Stopping a lifecycle's own worker thread: interrupt it and give it a few seconds to finish what it holds. */
public final class WorkerThreads {

    private WorkerThreads() {
    }

    /** Interrupts {@code worker} (null: nothing to stop) and waits up to 5 s for it to end. */
    public static void stop(Thread worker) {
        if (worker == null) {
            return;
        }
        worker.interrupt();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

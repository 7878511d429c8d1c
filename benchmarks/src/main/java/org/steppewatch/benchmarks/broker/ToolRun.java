package org.steppewatch.benchmarks.broker;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;

import org.apache.kafka.common.utils.Exit;

/**
 * Runs one of Kafka's command-line tools in this JVM (next to the broker) and keeps what it printed, its wall time
 * and the CPU time this whole process used meanwhile (broker, tool and client threads together).
 */
record ToolRun(String output, long wallNanos, long cpuNanos) {

    interface Tool {
        void run() throws Exception;
    }

    static ToolRun of(Tool tool) throws Exception {
        // a tool that gives up calls Exit.exit: fail this run loudly instead of ending the JVM
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("Kafka tool exited with " + code + ": " + message);
        });
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(original, captured), true));
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        try {
            tool.run();
        } finally {
            System.out.flush();
            System.setOut(original);
        }
        return new ToolRun(captured.toString(), System.nanoTime() - start, processCpuNanos() - cpu);
    }

    /** Cores busy on average while the tool ran (at most the machine's cores). */
    double coresBusy() {
        return (double) cpuNanos / wallNanos;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            try {
                first.write(b, off, len);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            try {
                second.write(b, off, len);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            first.flush();
        }
    }
}

package org.steppewatch.benchmarks.latency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar local/target/steppewatch.jar} in a process of its own, as a user starts it: either the whole stack
 * with its embedded Kafka and MongoDB, or another instance of the three services on the first one's broker and
 * database. Its output goes to a log file beside its data; it counts as up when it logs "Steppe Watch is up".
 */
final class StackProcess implements AutoCloseable {

    private static final long START_TIMEOUT_MS = 480_000;

    private final String name;
    private final Process process;
    private final Path log;
    private final Map<String, Integer> ports;

    private StackProcess(String name, Process process, Path log, Map<String, Integer> ports) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.ports = ports;
    }

    /** The environment variables of the launcher (README, Configuration) that place one process. */
    static StackProcess start(String name, Path jar, Path dir, Map<String, String> environment, List<String> jvmOptions) {
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve(name + ".log");
            List<String> command = new java.util.ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar.toAbsolutePath().toString());
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Map<String, Integer> ports = new java.util.HashMap<>();
            environment.forEach((key, value) -> {
                if (key.endsWith("_PORT")) {
                    ports.put(key, Integer.parseInt(value));
                }
            });
            StackProcess started = new StackProcess(name, builder.start(), log, ports);
            // Ctrl-C on the driver stops the stack too
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-" + name));
            started.awaitUp();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitUp() {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            if (logText().contains("Steppe Watch is up")) {
                return;
            }
            pause(250);
        }
        close();
        throw new IllegalStateException(name + " not up within " + START_TIMEOUT_MS / 1000 + " s:\n" + tail());
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    String tail() {
        List<String> lines = logText().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    int port(String variable) {
        return ports.get(variable);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.steppewatch.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.steppewatch.testsupport.TestIssuer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Steppe Watch as users run it, {@code java -jar steppewatch.jar}, in a process of its own: either the whole stack
 * with its embedded Kafka and MongoDB, or the three services only, on the lab's broker and database (another
 * instance of each, sharing the work with the others). {@link #kill()} is {@code kill -9}: no shutdown hook runs.
 */
final class ServiceProcess implements AutoCloseable {

    enum Service {
        INCIDENT, ANALYSIS, NOTIFICATION
    }

    /**
     * The settings every instance runs with: the delivery schedule is the default one divided by ten (0 s, 0.5 s,
     * 30 s, 3 min, ...) with ±10 % jitter instead of ±20 % so that scenarios know which attempt comes when, and
     * attempts and leases are shortened so that a killed instance's leases end within seconds.
     */
    static final Map<String, String> TIME_COMPRESSED = Map.of(
            "steppewatch.delivery.retry-schedule", "0s,500ms,30s,3m,12m,30m,60m,60m",
            "steppewatch.delivery.attempt-deadline", "5s",
            "steppewatch.delivery.connect-timeout", "2s",
            "steppewatch.delivery.request-timeout", "3s",
            "steppewatch.delivery.lease", "12s",
            "steppewatch.delivery.jitter", "0.1",
            "steppewatch.rate-limits.enabled", "false",
            "logging.level.org.apache.kafka", "WARN");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final String name;
    private final Process process;
    private final Path log;
    private final Map<Service, Integer> ports;

    private ServiceProcess(String name, Process process, Path log, Map<Service, Integer> ports) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.ports = ports;
    }

    /**
     * @param environment what decides where its data is: KAFKA_BOOTSTRAP_SERVERS and MONGODB_URI for the lab's,
     *                    or STEPPEWATCH_DATA, KAFKA_PORT, KAFKA_CONTROLLER_PORT and MONGODB_PORT for embedded ones
     */
    static ServiceProcess start(String name, Path dir, Map<String, String> environment) {
        Path jar = Path.of(System.getProperty("steppewatch.jar", "../local/target/steppewatch.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the launcher is packaged before this module's tests");
        }
        Map<Service, Integer> ports = new HashMap<>();
        for (Service service : Service.values()) {
            ports.put(service, freePort());
        }
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx768m", "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.put("STEPPEWATCH_SERVICES", "incident,analysis,notification");
            env.put("INCIDENT_SERVICE_PORT", String.valueOf(ports.get(Service.INCIDENT)));
            env.put("ANALYSIS_SERVICE_PORT", String.valueOf(ports.get(Service.ANALYSIS)));
            env.put("NOTIFICATION_SERVICE_PORT", String.valueOf(ports.get(Service.NOTIFICATION)));
            env.put("STEPPEWATCH_ISSUER_URI", TestIssuer.get().issuer());
            env.put("SPRING_APPLICATION_JSON", JSON.writeValueAsString(TIME_COMPRESSED));
            env.putAll(environment);
            long mark = Files.exists(log) ? Files.size(log) : 0;
            ServiceProcess started = new ServiceProcess(name, builder.start(), log, ports);
            started.awaitUp(mark);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitUp(long from) {
        await("instance " + name + " up").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("instance " + name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            return logSince(from).contains("Steppe Watch is up");
        });
    }

    private String logSince(long from) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(from, all.length), all.length - (int) Math.min(from, all.length),
                StandardCharsets.UTF_8);
    }

    /** The last lines of its log, for a failure message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String url(Service service) {
        return "http://localhost:" + ports.get(service);
    }

    String name() {
        return name;
    }

    /** Its log file (stdout and stderr of the process, across restarts under the same name). */
    Path log() {
        return log;
    }

    /** {@code kill -9}: the JVM gets SIGKILL, nothing is flushed, handed back or closed. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** A graceful stop (SIGTERM): the launcher's shutdown hook closes the services. */
    void stop() {
        process.destroy();
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

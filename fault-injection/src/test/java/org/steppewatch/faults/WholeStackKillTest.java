package org.steppewatch.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppewatch.faults.ServiceProcess.Service;

/**
 * Scenario 3: the one-command stack (embedded Kafka broker, embedded MongoDB and the services in one JVM) killed with
 * {@code kill -9} in the middle of a 5,000-delivery fan-out, and started again on the same data.
 */
class WholeStackKillTest {

    @Test
    void aStackKilledMidFanOutDeliversTheRestAfterItIsStartedAgain(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of(
                "STEPPEWATCH_DATA", Files.createDirectories(dir.resolve("data")).toString(),
                "KAFKA_PORT", String.valueOf(ServiceProcess.freePort()),
                "KAFKA_CONTROLLER_PORT", String.valueOf(ServiceProcess.freePort()),
                "MONGODB_PORT", String.valueOf(ServiceProcess.freePort()));
        Api api = new Api();
        Ledger ledger = new Ledger();
        try (Receivers receivers = new Receivers()) {
            ServiceProcess stack = ServiceProcess.start("whole-stack", dir, env);
            try {
                Scenarios.subscribe(api, stack.url(Service.NOTIFICATION), ledger, "killed", 5000,
                        i -> receivers.healthyUrl(""));
                String id = api.report(stack.url(Service.INCIDENT), "Whole stack killed", 177_000);
                ledger.reported(id, Ledger.Fate.STANDS);
                await().atMost(Duration.ofMinutes(3)).until(() ->
                        receivers.received().stream().filter(r -> r.incidentId().equals(id)).count() >= 500);
                stack.kill();
                long killed = System.nanoTime();
                long received = receivers.received().stream().filter(r -> r.incidentId().equals(id)).count();
                assertThat(received).as("killed mid-fan-out").isLessThan(5000);

                stack = ServiceProcess.start("whole-stack", dir, env);
                long back = System.nanoTime();
                String kafka = "localhost:" + env.get("KAFKA_PORT");
                // a deadline, not the figure: the recovery time is reported in the results (87-109 s on the 2-core machine
                // in most runs; one CI run had 4,944 of 5,000 after 6 minutes, with 3,215 duplicates: docs/reliability.md)
                Ledger.Tally tally = Scenarios.settle(ledger, receivers, Duration.ofMinutes(9), kafka, api,
                        stack.url(Service.NOTIFICATION));
                assertThat(tally.expected()).isEqualTo(5000);
                Results.row("3. whole stack killed (kill -9) mid 5,000-delivery fan-out, " + received
                        + " delivered before", tally, Ledger.seconds(killed, tally.lastArrivalNanos())
                        + " (the restart took " + Ledger.seconds(killed, back) + ")");
            } catch (AssertionError | RuntimeException e) {
                // the log is in the temporary directory, deleted when the test ends
                FaultLogs.keep("aStackKilledMidFanOutDeliversTheRestAfterItIsStartedAgain", java.util.List.of(stack));
                throw e;
            } finally {
                stack.close();
            }
        }
    }
}

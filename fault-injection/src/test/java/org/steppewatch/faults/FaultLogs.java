package org.steppewatch.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;

/**
 * Keeps the logs of the service processes of a failed scenario under {@link #ROOT}: the processes log into a temporary
 * directory that is deleted when the suite ends, and a CI failure is diagnosed from these copies. Each process runs all
 * three services, so its log holds incident-, analysis- and notification-service's lines.
 */
final class FaultLogs {

    static final Path ROOT = Path.of("target", "fault-logs");

    private FaultLogs() {
    }

    /** Copies each process's log to {@code target/fault-logs/<scenario>/}; returns that directory. */
    static Path keep(String scenario, Collection<ServiceProcess> processes) {
        Path dir = ROOT.resolve(scenario.replaceAll("[^A-Za-z0-9._-]", "_"));
        try {
            Files.createDirectories(dir);
            for (ServiceProcess process : processes) {
                if (Files.exists(process.log())) {
                    Files.copy(process.log(), dir.resolve(process.log().getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.err.println("FAULT-INJECTION logs of " + scenario + " kept in " + dir.toAbsolutePath());
        } catch (IOException e) {
            System.err.println("FAULT-INJECTION could not keep the logs of " + scenario + ": " + e);
        }
        return dir;
    }
}

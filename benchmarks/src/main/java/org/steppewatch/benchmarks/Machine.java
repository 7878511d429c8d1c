package org.steppewatch.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a figure was taken on, and the Markdown results file every benchmark leaves behind. */
public final class Machine {

    private Machine() {
    }

    /** Cores, the {@code java -version} line and the operating system, as one Markdown line with this JVM's heap. */
    public static String describe() {
        return "Machine: " + summary() + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB";
    }

    /** Cores, the {@code java -version} line and the operating system: what every benchmark's table names. */
    public static String summary() {
        String java = "openjdk version \"" + System.getProperty("java.version") + "\" "
                + System.getProperty("java.version.date", "");
        return Runtime.getRuntime().availableProcessors() + " cores, " + java.trim() + ", " + os();
    }

    private static String os() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "") + " (" + System.getProperty("os.arch") + ")";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the JVM's names below
        }
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")";
    }

    /** Prints {@code lines} and writes them to {@code target/benchmark-results/<name>.md} under the working directory. */
    public static void report(String name, List<String> lines) {
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        System.out.println();
        System.out.print(text);
        Path file = Path.of("target", "benchmark-results", name + ".md");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath(), e);
        }
        System.out.println("(written to " + file + ")");
    }
}

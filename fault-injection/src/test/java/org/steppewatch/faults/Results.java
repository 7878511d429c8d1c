package org.steppewatch.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The closing table: one row per scenario, printed and appended to target/fault-injection.md. */
final class Results {

    private static final Path FILE = Path.of("target", "fault-injection.md");

    private Results() {
    }

    static synchronized void row(String scenario, Ledger.Tally tally, String recovery) {
        String row = "| " + scenario + " | " + tally.expected() + " | " + tally.delivered() + " | " + tally.duplicates()
                + " | " + tally.stale() + " | " + tally.superseded() + " | " + tally.neverTold() + " | " + recovery + " |";
        System.out.println("FAULT-INJECTION " + row);
        try {
            Files.createDirectories(FILE.getParent());
            if (!Files.exists(FILE)) {
                Files.writeString(FILE, "| scenario | deliveries expected | delivered | duplicates | stale | "
                        + "superseded (dropped) | never told (retracted first) | time to recover |\n|---|---|---|---|---|---|---|---|\n");
            }
            Files.writeString(FILE, row + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

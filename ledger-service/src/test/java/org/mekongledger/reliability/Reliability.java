package org.mekongledger.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The figures each reliability test saw (fault injected, what was sent, what was lost), appended as
 * rows to target/reliability-logs/reliability.md for the README's "Reliability" table.
 */
final class Reliability {

    private Reliability() {
    }

    static synchronized void record(String fault, String tried, String lost) {
        Path logs = Path.of(System.getProperty("ledger.reliability.logs", "target/reliability-logs"));
        String row = "| " + fault + " | " + tried + " | " + lost + " | " + Instant.now() + " |\n";
        try {
            Files.createDirectories(logs);
            Files.writeString(logs.resolve("reliability.md"), row, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

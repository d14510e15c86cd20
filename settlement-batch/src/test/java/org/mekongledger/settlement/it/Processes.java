package org.mekongledger.settlement.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the child processes' output is kept (target/settlement-it-logs), for reading after a failure. */
final class Processes {

    private Processes() {
    }

    static Path logDirectory() {
        Path logs = Path.of(System.getProperty("settlement.it.logs", "target/settlement-it-logs"));
        try {
            return Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}

package org.mekongledger.settlement.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The packaged batch (target/settlement-batch.jar) run as the operator runs it, a child process per
 * command, pointed at the test's service and database; its exit code and output are what the tests
 * read. {@link Running#kill()} is {@code kill -9}.
 */
final class Batch {

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "kill-batches"));
    }

    /** A finished command: its exit code and everything it printed (stdout and stderr together). */
    record Result(int exitCode, String output, Path log) {
        Result expectExit(int expected) {
            if (exitCode != expected) {
                throw new AssertionError("batch exited " + exitCode + " (expected " + expected + "); log " + log
                        + ":\n" + output);
            }
            return this;
        }
    }

    /** A command still running, to be killed or waited for. */
    static final class Running {
        private final Process process;
        private final Path log;

        private Running(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        boolean alive() {
            return process.isAlive();
        }

        /** SIGKILL: no shutdown hook, no finally block, no flush. */
        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            RUNNING.remove(process);
        }

        Result await(long seconds) {
            try {
                if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("batch still running after " + seconds + " s; log " + log);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            RUNNING.remove(process);
            return new Result(process.exitValue(), output(), log);
        }

        String output() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "";
            }
        }
    }

    private final String name;
    private final LedgerService service;
    private final FreshDatabase database;

    Batch(String name, LedgerService service, FreshDatabase database) {
        this.name = name;
        this.service = service;
        this.database = database;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("settlement.batch.jar", "target/settlement-batch.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: package settlement-batch first");
        }
        return jar;
    }

    Result run(String... arguments) {
        return start(arguments).await(600);
    }

    Running start(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Processes.java().toString(), "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-jar", jar().toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        command.addAll(connection());
        try {
            Path log = Processes.logDirectory().resolve(String.format("%s-batch-%03d-%s.log", name,
                    RUNS.incrementAndGet(), arguments.length == 0 ? "none" : arguments[0]));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("LEDGER_URL", service.url());
            Process process = builder.start();
            RUNNING.add(process);
            return new Running(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the batch finds the ledger and its own schema: the test's service and database. */
    private List<String> connection() {
        return List.of("--ledger.url=" + service.url(),
                "--ledger.username=" + LedgerService.SETTLEMENT,
                "--ledger.password=" + LedgerService.password(LedgerService.SETTLEMENT),
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user,
                "--spring.datasource.password=" + database.password);
    }
}

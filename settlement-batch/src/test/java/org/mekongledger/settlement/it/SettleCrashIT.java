package org.mekongledger.settlement.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mekongledger.settlement.bankfile.Pain002Writer;
import org.mekongledger.settlement.bankfile.TransactionOutcome;

/**
 * {@code kill -9} of the batch (SIGKILL of the child process: no shutdown hook, no finally, no flush) at
 * several moments of a {@code settle} of a few thousand claims: after a random delay, while claims are
 * being scheduled, while files are being written, and several times in a row; then a restart of the same
 * run date to completion. Every claim is instructed exactly once (one ClaimScheduled each), the files
 * are complete and schema-valid, and a further run writes the same bytes. The same for
 * {@code import-status}: killed mid-import, the re-import leaves each claim PAID or FAILED once.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettleCrashIT {

    private static final int CLAIMS = Integer.getInteger("settlement.crash.claims", 3000);
    /** Printed, so a failing run can be repeated with -Dsettlement.crash.seed=. */
    private static final long SEED = Long.getLong("settlement.crash.seed", System.nanoTime());
    private static final Random RANDOM = new Random(SEED);

    @TempDir
    static Path work;

    private static FreshDatabase database;
    private static LedgerService service;
    private static Batch batch;
    private static List<Seeding.Claim> claims;
    private static LocalDate runDate;
    private static Path out;
    private static final List<String> kills = new ArrayList<>();

    @BeforeAll
    static void approvedClaims() {
        System.out.println("SettleCrashIT seed " + SEED + ", " + CLAIMS + " claims");
        database = FreshDatabase.create("crash");
        service = LedgerService.start("crash", database);
        batch = new Batch("crash", service, database);
        long started = System.nanoTime();
        // the claim's ground (permanent departure) is all the lump sum needs besides the contributions
        Seeding seeding = new Seeding(service.port(), 12, false);
        claims = seeding.approvedClaims(CLAIMS, Seeding.Payee::cycle);
        runDate = LocalDate.now(ZoneId.of("Asia/Bangkok"));
        seeding.fxRates(runDate, Seeding.usualRates());
        System.out.printf("seeded %d approved claims in %.1f s%n", CLAIMS, (System.nanoTime() - started) / 1e9);
        out = work.resolve("out");
    }

    @AfterAll
    static void stop() {
        System.out.println("kills: " + kills);
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void settleKilledAtSeveralMomentsAndRestartedInstructsEveryClaimExactlyOnceAndWritesTheSameBytes() throws Exception {
        String[] settle = {"settle", "--run-date=" + runDate, "--out=" + out};
        // 1. early: somewhere in start-up, the freeze or the first schedulings
        killWhen(settle, "after a random delay", afterMillis(1500 + RANDOM.nextInt(3000)));
        // 2. twice in a row the moment the service has recorded a chunk of schedulings: the batch may not
        //    have marked it yet, so the restart sends it again
        for (int i = 0; i < 2; i++) {
            long before = scheduledEvents();
            killWhen(settle, "as a chunk of schedulings was recorded (" + before + " before)",
                    () -> scheduledEvents() > before);
        }
        // 3. twice in a row while a file is being written: a file (or its temporary) appears or grows
        //    and the manifest is not there yet
        for (int i = 0; i < 2; i++) {
            Map<String, Long> before = sizes(out);
            killWhen(settle, "while writing files", () -> !sizes(out).equals(before) && !Files.exists(manifest(out)));
            System.out.println("  files left by the kill: " + sizes(out));
        }
        // 4. once more at random
        killWhen(settle, "after a random delay", afterMillis(RANDOM.nextInt(4000)));

        Batch.Result finished = batch.run(settle).expectExit(0);
        System.out.println("settle after the kills: " + lastLines(finished.output(), 5));

        assertThat(scheduledPerClaim()).as("ClaimScheduled events per claim").allSatisfy((claim, n) -> assertThat(n).as(claim).isEqualTo(1L));
        assertThat(scheduledPerClaim()).hasSize(CLAIMS);
        Set<String> expected = new HashSet<>();
        claims.forEach(c -> expected.add(SettlementEndToEndIT.endToEndId(c.claimId(), 1)));
        assertThat(instructedInFiles(out)).as("each claim in the files once").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(leftovers(out)).as("temporary files left behind").isEmpty();
        Map<String, String> manifest = SettlementFiles.manifest(manifest(out));
        Map<String, String> files = SettlementFiles.hashes(out);
        files.remove(manifest(out).getFileName().toString());
        assertThat(manifest).isEqualTo(files);

        // the same run again, uninterrupted, into a clean directory: the same bytes
        Path again = work.resolve("again");
        batch.run("settle", "--run-date=" + runDate, "--out=" + again).expectExit(0);
        assertThat(SettlementFiles.hashes(again)).isEqualTo(SettlementFiles.hashes(out));
        assertThat(scheduledPerClaim().values()).allMatch(n -> n == 1L);
    }

    @Test
    @Order(2)
    void importKilledMidwayAndRunAgainLeavesEachClaimPaidOrFailedOnce() throws Exception {
        Map<String, String> outcomes = new HashMap<>();
        List<Path> reports = new ArrayList<>();
        int n = 0;
        for (Path pain001 : SettlementFiles.pain001Files(out, runDate.toString())) {
            Path report = work.resolve("report-" + (++n) + ".xml");
            try (OutputStream stream = Files.newOutputStream(report)) {
                Pain002Writer.write(stream, "CRASHRPT-" + n, OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0), pain001,
                        id -> {
                            boolean reject = Math.floorMod(id.hashCode(), 50) == 0; // about 2%
                            outcomes.put(id, reject ? "FAILED" : "PAID");
                            return reject ? new TransactionOutcome("RJCT", "AC04") : new TransactionOutcome("ACSC", null);
                        });
            }
            reports.add(report);
        }
        Path biggest = reports.stream().max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        String[] imports = {"import-status", "--file=" + biggest};
        killWhen(imports, "import after a random delay", afterMillis(1000 + RANDOM.nextInt(2000)));
        long before = outcomeEvents();
        killWhen(imports, "import while recording outcomes (" + before + " before)", () -> outcomeEvents() > before);
        for (Path report : reports) {
            batch.run("import-status", "--file=" + report).expectExit(0);
        }
        for (Path report : reports) {
            batch.run("import-status", "--file=" + report).expectExit(0); // again: nothing changes
        }
        Map<String, Long> perClaim = outcomesPerClaim();
        long bankClaims = outcomes.size();
        assertThat(perClaim).hasSize((int) bankClaims);
        assertThat(perClaim.values()).as("outcome events per claim").allMatch(c -> c == 1L);
        assertThat(database.count("select count(*) from ledger.claim_view where status = 'PAID'"))
                .isEqualTo(outcomes.values().stream().filter("PAID"::equals).count());
        assertThat(database.count("select count(*) from ledger.claim_view where status = 'FAILED'"))
                .isEqualTo(outcomes.values().stream().filter("FAILED"::equals).count());
        batch.run("reconcile", "--run-date=" + runDate).expectExit(0);
    }

    // ---------------------------------------------------------------------------------------------

    /** Starts the command, kills it -9 the moment {@code when} holds (or when it ends by itself first). */
    private static void killWhen(String[] command, String moment, BooleanSupplier when) throws InterruptedException {
        long startedAt = System.nanoTime();
        Batch.Running running = batch.start(command);
        while (running.alive() && !when.getAsBoolean()) {
            Thread.sleep(5);
            if (System.nanoTime() - startedAt > TimeUnit.MINUTES.toNanos(5)) {
                break;
            }
        }
        boolean wasAlive = running.alive();
        running.kill();
        String record = String.format("%s %s at %.1f s (%d scheduled, %d outcomes)", command[0],
                wasAlive ? "killed " + moment : "finished before the kill (" + moment + ")",
                (System.nanoTime() - startedAt) / 1e9, scheduledEvents(), outcomeEvents());
        kills.add(record);
        System.out.println(record);
    }

    private static BooleanSupplier afterMillis(long millis) {
        long at = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        return () -> System.nanoTime() >= at;
    }

    private static Path manifest(Path dir) {
        return dir.resolve("manifest-" + runDate + ".sha256");
    }

    /** The files in the directory and their sizes now: a change is a file being written. */
    private static Map<String, Long> sizes(Path dir) {
        Map<String, Long> sizes = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return sizes;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                sizes.put(file.getFileName().toString(), file.toFile().length());
            }
        } catch (IOException | java.io.UncheckedIOException raced) {
            // a file renamed while listed: the next look sees it
        }
        return sizes;
    }

    /** Files that are not among a run's finished ones (temporaries of a killed write). */
    private static List<String> leftovers(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> !name.matches("(pain\\.001\\.001\\.09-" + runDate + "-[A-Z0-9]{1,10}\\.xml|partner-"
                            + runDate + "\\.csv|summary-" + runDate + "\\.csv|manifest-" + runDate + "\\.sha256)"))
                    .toList();
        }
    }

    private static List<String> instructedInFiles(Path dir) {
        List<String> ids = new ArrayList<>();
        for (Path file : SettlementFiles.pain001Files(dir, runDate.toString())) {
            SettlementFiles.validatePain001(file);
            SettlementFiles.Message message = SettlementFiles.readPain001(file);
            assertThat(message.statedCount()).isEqualTo(message.transfers().size());
            message.transfers().forEach(t -> ids.add(t.endToEndId()));
        }
        List<List<String>> partner = SettlementFiles.csv(dir.resolve("partner-" + runDate + ".csv"));
        int column = -1;
        for (int i = 0; i < partner.get(0).size(); i++) {
            if (partner.get(0).get(i).replace("_", "").equalsIgnoreCase("EndToEndId")) {
                column = i;
            }
        }
        assertThat(column).as("an EndToEndId column in " + partner.get(0)).isNotNegative();
        for (List<String> row : partner.subList(1, partner.size())) {
            ids.add(row.get(column));
        }
        return ids;
    }

    private static final String CLAIM_OF = "convert_from(payload, 'UTF8')::jsonb ->> 'claimId'";

    private static long scheduledEvents() {
        return database.count("select count(*) from ledger.domain_event_entry where payload_type like '%ClaimScheduled'");
    }

    private static long outcomeEvents() {
        return database.count("select count(*) from ledger.domain_event_entry"
                + " where payload_type like '%ClaimPaid' or payload_type like '%ClaimFailed'");
    }

    private static Map<String, Long> scheduledPerClaim() {
        return perClaim("'%ClaimScheduled'");
    }

    private static Map<String, Long> outcomesPerClaim() {
        Map<String, Long> paid = perClaim("'%ClaimPaid'");
        perClaim("'%ClaimFailed'").forEach((claim, n) -> paid.merge(claim, n, Long::sum));
        return paid;
    }

    private static Map<String, Long> perClaim(String typePattern) {
        Map<String, Long> counts = new HashMap<>();
        try (var connection = java.sql.DriverManager.getConnection(database.url(), database.user, database.password);
             var statement = connection.createStatement();
             var rows = statement.executeQuery("select " + CLAIM_OF + ", count(*) from ledger.domain_event_entry"
                     + " where payload_type like " + typePattern + " group by 1")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private static String lastLines(String text, int n) {
        String[] lines = text.split("\n");
        return String.join(" | ", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - n), lines.length));
    }
}

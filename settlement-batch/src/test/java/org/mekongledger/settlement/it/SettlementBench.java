package org.mekongledger.settlement.it;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mekongledger.payment.FxConversion;
import org.mekongledger.settlement.bankfile.CreditTransfer;
import org.mekongledger.settlement.bankfile.DebtorAccount;
import org.mekongledger.settlement.bankfile.InitiatingParty;
import org.mekongledger.settlement.bankfile.MessageHeader;
import org.mekongledger.settlement.bankfile.Pain001Writer;
import org.mekongledger.settlement.bankfile.PaymentBlock;

/**
 * The settlement bench's steps that are not the batch itself (bench/run-settlement.sh drives them):
 * <ul>
 *   <li>{@code seed --port= --claims= --clients= --run-date=}: approved claims through the API (payees in
 *       every channel and currency in turn) and the run date's FX rates; prints how long it took.</li>
 *   <li>{@code fx --port= --run-date=}: only the run date's FX rates (for a database cloned from an earlier
 *       seeding, whose rates were set for that day's run date).</li>
 *   <li>{@code baseline --transfers= --dir=}: the raw baseline: as many credit transfers written with
 *       the same {@link Pain001Writer} to a file (fsync'd), no database, no HTTP; prints transfers/s.</li>
 * </ul>
 */
public final class SettlementBench {

    private SettlementBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        switch (args.length == 0 ? "" : args[0]) {
            case "seed" -> seed(Integer.parseInt(options.get("port")), Integer.parseInt(options.getOrDefault("claims", "100000")),
                    Integer.parseInt(options.getOrDefault("clients", "16")), LocalDate.parse(options.get("run-date")),
                    Boolean.parseBoolean(options.getOrDefault("end-insured-status", "true")));
            case "fx" -> new Seeding(Integer.parseInt(options.get("port")), 1, false)
                    .fxRates(LocalDate.parse(options.get("run-date")), Seeding.usualRates());
            case "baseline" -> baseline(Integer.parseInt(options.getOrDefault("transfers", "100000")),
                    Path.of(options.getOrDefault("dir", System.getProperty("java.io.tmpdir"))));
            default -> {
                System.err.println("usage: seed|fx|baseline --key=value ...");
                System.exit(2);
            }
        }
    }

    private static void seed(int port, int claims, int clients, LocalDate runDate, boolean endInsuredStatus) {
        long started = System.nanoTime();
        Seeding seeding = new Seeding(port, clients, endInsuredStatus);
        List<Seeding.Claim> approved = seeding.approvedClaims(claims, Seeding.Payee::cycle);
        seeding.fxRates(runDate, Seeding.usualRates());
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("seeding: %d approved claims through the API in %.1f s (%.0f claims/s; %d clients; %s)%n",
                approved.size(), seconds, approved.size() / seconds, clients, seeding.phases);
    }

    /** The currencies and rates the bench seeds, and an approved amount per transfer. */
    private static final String[] CURRENCIES = {"KHR", "LAK", "MMK", "THB", "USD", "VND"};

    private static void baseline(int transfers, Path dir) throws IOException {
        Map<String, String> rates = new HashMap<>(Seeding.usualRates());
        rates.put("THB", "1");
        // warm-up (the JIT), then the measured run
        writeBaseline(Math.min(transfers, 20_000), rates, dir);
        long started = System.nanoTime();
        Path file = writeBaseline(transfers, rates, dir);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("baseline: %d transfers written with Pain001Writer, no database or HTTP, in %.2f s:"
                + " %.0f transfers/s (%d bytes)%n", transfers, seconds, transfers / seconds, Files.size(file));
        Files.delete(file);
    }

    private static Path writeBaseline(int transfers, Map<String, String> rates, Path dir) throws IOException {
        List<PaymentBlock> blocks = new ArrayList<>();
        long total = 0;
        BigDecimal totalSum = BigDecimal.ZERO;
        LocalDate day = LocalDate.of(2026, 12, 1);
        for (int c = 0; c < CURRENCIES.length; c++) {
            long count = 0;
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = c; i < transfers; i += CURRENCIES.length) {
                sum = sum.add(amount(i, CURRENCIES[c], rates));
                count++;
            }
            blocks.add(new PaymentBlock("20261201-BENCH-" + CURRENCIES[c] + "-20261201", day, CURRENCIES[c], count, sum));
            total += count;
            totalSum = totalSum.add(sum);
        }
        Path file = dir.resolve("baseline-pain.001.001.09.xml");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16)) {
            Pain001Writer.write(out, new MessageHeader("MKL-20261201-BENCH", OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0,
                            ZoneOffset.ofHours(7)), new InitiatingParty("Mekong Ledger Fund", "MKLFUND"), total, totalSum),
                    new DebtorAccount("BENCH", "Mekong Ledger Fund", null, "0011223344", "BKKBTHBK", "TH"), blocks,
                    (block, sink) -> {
                        int c = java.util.Arrays.asList(CURRENCIES).indexOf(block.currency());
                        for (int i = c; i < transfers; i += CURRENCIES.length) {
                            sink.accept(new CreditTransfer(String.format("%032x-1", (long) i * 2654435761L),
                                    amount(i, block.currency(), rates), block.currency(), "Thida Sok " + i, "KH",
                                    "ABAAKHPP", null, String.format("%010d", i), "OLD_AGE_LUMP_SUM claim " + i));
                        }
                    });
            out.flush();
            channel.force(true);
        }
        return file;
    }

    private static BigDecimal amount(int i, String currency, Map<String, String> rates) {
        BigDecimal thb = new BigDecimal(10_000 + i % 5000).add(new BigDecimal(i % 100).movePointLeft(2));
        return FxConversion.convert(thb, new BigDecimal(rates.get(currency)), currency);
    }
}

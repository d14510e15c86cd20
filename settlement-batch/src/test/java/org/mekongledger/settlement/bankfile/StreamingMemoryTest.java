package org.mekongledger.settlement.bankfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mekongledger.settlement.bankfile.pain001.CreditTransferTransaction34;
import org.mekongledger.settlement.bankfile.pain001.GroupHeader85;

/**
 * 100,000 transactions streamed by a JVM with a 64 MiB heap (a file of that size would not fit
 * as objects, let alone as a DOM), then validated against the official schema and parsed back, the
 * totals summed from the transactions.
 */
class StreamingMemoryTest {

    private static final int TRANSACTIONS = 100_000;

    @TempDir
    Path dir;

    @Test
    void oneHundredThousandTransactionsStreamInASmallHeap() throws Exception {
        Path file = dir.resolve("pain.001.001.09-2026-12-01-SSOBKK1.xml");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                StreamingWriterMain.class.getName(), file.toString(), Integer.toString(TRANSACTIONS))
                .redirectErrorStream(true).start();
        String output;
        try (InputStream in = child.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println("[StreamingMemoryTest] " + output.lines().filter(l -> l.startsWith("streamed")).findFirst().orElse(output));
        assertThat(child.exitValue()).as(output).isZero();
        long baseline = figure(output, StreamingWriterMain.BASELINE);
        long peak = figure(output, StreamingWriterMain.PEAK);
        assertThat(peak - baseline).as("heap growth while streaming 100,000 transactions").isLessThan(8L * 1024 * 1024);

        Xml.validate(Iso20022Schemas.pain001(), file);
        Totals totals = new Totals();
        try (InputStream in = Files.newInputStream(file)) {
            Pain001Reader.read(in, totals);
        }
        assertThat(totals.blocks).hasSize(2);
        assertThat(totals.groupCount).isEqualTo(TRANSACTIONS).isEqualTo(totals.blocks.stream().mapToLong(b -> b.count).sum());
        assertThat(totals.groupSum).isEqualByComparingTo(totals.blocks.stream().map(b -> b.sum).reduce(BigDecimal.ZERO, BigDecimal::add));
        for (BlockTotals block : totals.blocks) {
            assertThat(Long.parseLong(block.header.numberOfTransactions())).isEqualTo(block.count);
            assertThat(block.header.controlSum()).isEqualByComparingTo(block.sum);
        }

        // the bank's answer on all of them, and reading it back, as import-status will
        Path report = dir.resolve("pain.002.xml");
        long started = System.nanoTime();
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(report))) {
            Pain002Writer.write(out, "BANK-STS-1", Pain002RoundTripTest.REPORTED, file,
                    id -> id.hashCode() % 100 == 0 ? TransactionOutcome.rejected("AC04") : TransactionOutcome.settled());
        }
        long simulated = System.nanoTime();
        StatusReport read = Pain002Reader.read(report);
        long readBack = System.nanoTime();
        System.out.printf("[StreamingMemoryTest] pain.002 on %d transactions: simulated in %d ms (%.1f MiB), "
                        + "validated and read in %d ms%n", TRANSACTIONS, (simulated - started) / 1_000_000,
                Files.size(report) / 1048576.0, (readBack - simulated) / 1_000_000);
        assertThat(read.transactions()).hasSize(TRANSACTIONS);
        assertThat(read.groupStatus()).isEqualTo("PART");
        assertThat(read.transactions().stream().filter(t -> t.status().equals("RJCT")).count()).isPositive();
    }

    private static long figure(String output, String name) {
        return output.lines().filter(line -> line.startsWith(name)).map(line -> Long.parseLong(line.substring(name.length())))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + output));
    }

    private static final class BlockTotals {
        final Pain001Reader.BlockHeader header;
        long count;
        BigDecimal sum = BigDecimal.ZERO;

        BlockTotals(Pain001Reader.BlockHeader header) {
            this.header = header;
        }
    }

    private static final class Totals implements Pain001Reader.Visitor {
        long groupCount;
        BigDecimal groupSum;
        final List<BlockTotals> blocks = new ArrayList<>();

        @Override
        public void group(GroupHeader85 header) {
            groupCount = Long.parseLong(header.getNbOfTxs());
            groupSum = header.getCtrlSum();
        }

        @Override
        public void block(Pain001Reader.BlockHeader header) {
            blocks.add(new BlockTotals(header));
        }

        @Override
        public void transaction(Pain001Reader.BlockHeader header, CreditTransferTransaction34 transaction) {
            BlockTotals block = blocks.get(blocks.size() - 1);
            block.count++;
            block.sum = block.sum.add(transaction.getAmt().getInstdAmt().getValue());
        }
    }
}

package org.mekongledger.settlement.bankfile;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes a pain.001 of N generated transactions (two blocks, THB and MMK) without ever holding them,
 * and prints the heap used after GC before and while streaming. Run in its own small-heap JVM by
 * {@link StreamingMemoryTest}: {@code StreamingWriterMain <file> <transactions>}.
 */
final class StreamingWriterMain {

    static final String BASELINE = "heap-baseline-bytes=";
    static final String PEAK = "heap-peak-bytes=";

    private StreamingWriterMain() {
    }

    static BigDecimal amount(long i) {
        return BigDecimal.valueOf(100_000 + (i * 7919) % 900_000, 2);
    }

    static PaymentBlock[] blocks(long transactions) {
        long thb = transactions * 3 / 5;
        return new PaymentBlock[] {
                new PaymentBlock("20261201-SSOBKK1-THB-20261201", Samples.RUN_DATE, "THB", thb, sum(0, thb)),
                new PaymentBlock("20261201-SSOBKK1-MMK-20261201", Samples.RUN_DATE, "MMK", transactions - thb,
                        sum(thb, transactions))};
    }

    static BigDecimal sum(long from, long to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (long i = from; i < to; i++) {
            sum = sum.add(amount(i));
        }
        return sum;
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long transactions = Long.parseLong(args[1]);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        // load the JAXB context and the writer's classes first: they are fixed cost, not per payment
        Samples.pain001();
        PaymentBlock[] blocks = blocks(transactions);
        long[] peak = {0};
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();

        TransferSource source = (block, sink) -> {
            long from = block == blocks[0] ? 0 : blocks[0].numberOfTransactions();
            long to = from + block.numberOfTransactions();
            Consumer<CreditTransfer> measured = sink;
            for (long i = from; i < to; i++) {
                measured.accept(new CreditTransfer(String.format("%032x-1", i), amount(i), block.currency(),
                        "Payee " + i + " မောင်မောင်", "MM", i % 2 == 0 ? "CPOBMMMY" : null, i % 2 == 0 ? null : "0511",
                        "00" + (1_000_000_000L + i), "Benefit claim " + i));
                if (i % 10_000 == 9_999) {
                    System.gc();
                    peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
                }
            }
        };
        BigDecimal total = blocks[0].controlSum().add(blocks[1].controlSum());
        MessageHeader header = new MessageHeader("MKL-20261201-SSOBKK1", Samples.CREATED, Samples.INITIATOR,
                transactions, total);
        long started = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            Pain001Writer.write(out, header, Samples.FUND, List.of(blocks), source);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println(BASELINE + baseline);
        System.out.println(PEAK + peak[0]);
        System.out.printf("streamed %d transactions into %.1f MiB in %d ms; heap used after GC: %.1f MiB before, "
                        + "at most %.1f MiB while streaming (max heap %.0f MiB)%n",
                transactions, Files.size(file) / 1048576.0, millis, baseline / 1048576.0, peak[0] / 1048576.0,
                memory.getHeapMemoryUsage().getMax() / 1048576.0);
    }
}

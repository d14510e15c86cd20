package org.mekongledger.settlement.bankfile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small settlement run's worth of payments, in the shapes the batch produces. */
final class Samples {

    static final LocalDate RUN_DATE = LocalDate.of(2026, 12, 1);
    static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 11, 30, 18, 5, 7, 0, ZoneOffset.ofHours(7));
    /** Thai banks use no IBAN: the fund's account is a domestic number. */
    static final DebtorAccount FUND = new DebtorAccount("SSOBKK1", "Social Security Office Workers Fund",
            null, "1234567890", "BKKBTHBK", "TH");
    static final DebtorAccount FUND_WITH_IBAN = new DebtorAccount("SSOLDN", "Social Security Office Workers Fund",
            "GB82 WEST 1234 5698 7654 32", null, null, "GB");
    static final InitiatingParty INITIATOR = new InitiatingParty("Mekong Ledger Workers Fund", "MKLFUND");

    private Samples() {
    }

    static String claim(int n) {
        return String.format("%032x", n) + "-1";
    }

    /** Three blocks: THB, MMK and VND (no minor units), each in EndToEndId order. */
    static Map<PaymentBlock, List<CreditTransfer>> run() {
        PaymentBlock thb = new PaymentBlock("20261201-SSOBKK1-THB-20261201", RUN_DATE, "THB", 3, new BigDecimal("4750.75"));
        PaymentBlock mmk = new PaymentBlock("20261201-SSOBKK1-MMK-20261201", RUN_DATE, "MMK", 2, new BigDecimal("185000.10"));
        PaymentBlock vnd = new PaymentBlock("20261201-SSOBKK1-VND-20261201", RUN_DATE, "VND", 1, new BigDecimal("7250000"));
        Map<PaymentBlock, List<CreditTransfer>> run = new java.util.LinkedHashMap<>();
        run.put(thb, List.of(
                new CreditTransfer(claim(1), new BigDecimal("1500.00"), "THB", "Somchai Jaidee", "TH", "KASITHBK", null,
                        "1234567890", "Benefit claim 1 funeral grant"),
                new CreditTransfer(claim(2), new BigDecimal("3000.5"), "THB", "Nguyễn Thị Minh, \"Lan\"", "VN", null, "970436",
                        "0071000123456", null),
                new CreditTransfer(claim(3), new BigDecimal("250.25"), "THB", "Alice Example", "DE", null, null,
                        "DE89 3704 0044 0532 0130 00", "Benefit\nclaim 3")));
        run.put(mmk, List.of(
                new CreditTransfer(claim(4), new BigDecimal("85000.10"), "MMK", "မောင်မောင်", "MM", "CPOBMMMY", null,
                        "0012345678901", "Benefit claim 4"),
                new CreditTransfer(claim(5), new BigDecimal("100000"), "MMK", "ဒေါ်အေးအေး", "MM", null, "0511",
                        "9988776655", null)));
        run.put(vnd, List.of(
                new CreditTransfer(claim(6), new BigDecimal("7250000"), "VND", "Trần Văn Hùng", "VN", "BFTVVNVX", null,
                        "0451000123456", "Benefit claim 6")));
        return run;
    }

    static MessageHeader header(Map<PaymentBlock, List<CreditTransfer>> run) {
        long count = run.keySet().stream().mapToLong(PaymentBlock::numberOfTransactions).sum();
        BigDecimal sum = run.keySet().stream().map(PaymentBlock::controlSum).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new MessageHeader("MKL-20261201-SSOBKK1", CREATED, INITIATOR, count, sum);
    }

    static TransferSource source(Map<PaymentBlock, List<CreditTransfer>> run) {
        return (block, sink) -> run.get(block).forEach(sink);
    }

    static byte[] pain001(Map<PaymentBlock, List<CreditTransfer>> run, DebtorAccount debtor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Pain001Writer.write(out, header(run), debtor, new ArrayList<>(run.keySet()), source(run));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] pain001() {
        return pain001(run(), FUND);
    }
}

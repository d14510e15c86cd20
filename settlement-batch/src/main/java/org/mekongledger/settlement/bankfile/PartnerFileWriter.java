package org.mekongledger.settlement.bankfile;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mekongledger.payment.MinorUnits;

/**
 * The remittance partner's payout file: RFC 4180 CSV, UTF-8 (the caller's writer), LF, no BOM, the
 * header always (so a run without partner payouts still gives a file the partner can read), then one
 * row a payout in strictly ascending EndToEndId order (which also refuses a duplicate); amounts with
 * exactly the currency's ISO 4217 minor-unit digits. {@link #close()} flushes and closes the writer.
 */
public final class PartnerFileWriter implements Closeable {

    static final List<String> HEADER = List.of("end_to_end_id", "claim_id", "channel", "payee_name", "country",
            "msisdn", "wallet_provider", "pickup_point", "amount", "currency");

    private final Writer out;
    private String previous;
    private long rows;

    public PartnerFileWriter(Writer out) {
        this.out = Objects.requireNonNull(out, "out");
        try {
            Csv.record(out, HEADER);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * Why this payout could not go into the partner file, or empty when it can (order aside): for a
     * caller to ask when it freezes a run. The text names fields, never the payee's data.
     */
    public static Optional<String> problemWith(PartnerPayout payout) {
        try {
            Objects.requireNonNull(payout, "payout");
            amount(payout, IsoText.identifier(payout.endToEndId(), 35, "EndToEndId"));
            return Optional.empty();
        } catch (IllegalArgumentException | NullPointerException problem) {
            return Optional.of(problem.getMessage());
        }
    }

    public void write(PartnerPayout payout) {
        Objects.requireNonNull(payout, "payout");
        String endToEndId = IsoText.identifier(payout.endToEndId(), 35, "EndToEndId");
        if (previous != null && previous.compareTo(endToEndId) >= 0) {
            throw new IllegalArgumentException("EndToEndId " + endToEndId + " comes after " + previous
                    + ": partner rows must be in ascending, unique order");
        }
        BigDecimal amount = amount(payout, endToEndId);
        String currency = payout.currency();
        try {
            Csv.record(out, java.util.Arrays.asList(endToEndId, payout.claimId(), payout.channel(), payout.payeeName(),
                    payout.country(), payout.msisdn(), payout.walletProvider(), payout.pickupPoint(),
                    Csv.number(amount), currency));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        previous = endToEndId;
        rows++;
    }

    private static BigDecimal amount(PartnerPayout payout, String endToEndId) {
        String currency = IsoText.currency(payout.currency(), "EndToEndId " + endToEndId + " currency");
        int digits = MinorUnits.of(currency).orElseThrow(() ->
                new IllegalArgumentException("EndToEndId " + endToEndId + " currency " + currency + " is not in ISO 4217"));
        return Pain001Writer.amount(payout.amount(), digits, "EndToEndId " + endToEndId);
    }

    /** Rows written so far, header not counted. */
    public long rows() {
        return rows;
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

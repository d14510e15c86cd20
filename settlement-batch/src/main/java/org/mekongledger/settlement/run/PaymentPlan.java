package org.mekongledger.settlement.run;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.mekongledger.payment.FxConversion;
import org.mekongledger.settlement.bankfile.Pain001Writer;
import org.mekongledger.settlement.bankfile.PartnerFileWriter;
import org.mekongledger.settlement.config.SettlementProperties;
import org.mekongledger.settlement.ledger.Ledger.PayableClaim;
import org.mekongledger.settlement.ledger.Ledger.Rate;

/**
 * How a payable claim is paid in a run: converted with {@link FxConversion} at the run date's rate
 * (a THB payee at rate 1, no rate needed), from the first debtor account that pays its currency, or
 * through the partner for wallets and cash pick-up. What cannot be planned (no rate, no account for
 * the currency, a payee the bank file could not carry) is collected, so the run is refused naming
 * every gap at once, before anything is written.
 */
public final class PaymentPlan {

    static final String BOOK_CURRENCY = "THB";
    static final String BOOK_RATE_SOURCE = "THB: the fund's book currency, no conversion";

    private final LocalDate runDate;
    private final Map<String, Rate> rates;
    private final SettlementProperties configuration;
    private final SortedSet<String> missingRates = new TreeSet<>();
    private final SortedSet<String> currenciesWithoutAccount = new TreeSet<>();
    private final List<String> unpayable = new ArrayList<>();

    public PaymentPlan(LocalDate runDate, Map<String, Rate> rates, SettlementProperties configuration) {
        this.runDate = runDate;
        this.rates = rates;
        this.configuration = configuration;
    }

    /** The payment, or empty when a rate or an account is missing (then noted for the refusal). */
    public Optional<FrozenPayment> plan(PayableClaim claim) {
        if (!BOOK_CURRENCY.equals(claim.currency())) {
            throw new IllegalStateException("claim " + claim.claimId() + " is approved in " + claim.currency()
                    + ", not in the fund's book currency " + BOOK_CURRENCY);
        }
        String paidCurrency = claim.payee().currency();
        String channel = claim.payee().channel();
        String debtor;
        if (FrozenPayment.BANK_ACCOUNT.equals(channel)) {
            Optional<SettlementProperties.DebtorAccountConfig> account = configuration.debtorFor(paidCurrency);
            if (account.isEmpty()) {
                currenciesWithoutAccount.add(paidCurrency);
            }
            debtor = account.map(SettlementProperties.DebtorAccountConfig::getId).orElse(null);
        } else {
            debtor = configuration.getPartner().getId();
        }
        String rateText;
        String rateSource;
        if (BOOK_CURRENCY.equals(paidCurrency)) {
            rateText = "1";
            rateSource = BOOK_RATE_SOURCE;
        } else {
            Rate rate = rates.get(paidCurrency);
            if (rate == null) {
                missingRates.add(paidCurrency);
                return Optional.empty();
            }
            rateText = rate.rateText();
            rateSource = rate.source();
        }
        if (debtor == null) {
            return Optional.empty();
        }
        BigDecimal paid = FxConversion.convert(claim.amount(), new BigDecimal(rateText), paidCurrency);
        FrozenPayment payment = new FrozenPayment(PaymentIds.endToEndId(claim.claimId(), claim.instruction()), runDate,
                claim.claimId(), claim.instruction(), claim.workerId(), claim.scheme(), claim.benefit(), channel, debtor,
                claim.amount(), claim.currency(), paid, paidCurrency, rateText, rateSource, claim.payee());
        Optional<String> problem = problemWith(payment);
        if (problem.isPresent()) {
            unpayable.add("claim " + claim.claimId() + ": " + problem.get());
            return Optional.empty();
        }
        return Optional.of(payment);
    }

    /** What the file writers would refuse in this payment (field names only, never payee data). */
    private static Optional<String> problemWith(FrozenPayment payment) {
        try {
            return payment.byBank() ? Pain001Writer.problemWith(BankRecords.transfer(payment))
                    : PartnerFileWriter.problemWith(BankRecords.payout(payment));
        } catch (IllegalArgumentException unknownCountry) {
            return Optional.of(unknownCountry.getMessage());
        }
    }

    /** Claims whose payee the bank or partner file could not carry, each with the reason. */
    public List<String> unpayable() {
        return unpayable;
    }

    public SortedSet<String> missingRates() {
        return missingRates;
    }

    public SortedSet<String> currenciesWithoutAccount() {
        return currenciesWithoutAccount;
    }

    public boolean complete() {
        return missingRates.isEmpty() && currenciesWithoutAccount.isEmpty() && unpayable.isEmpty();
    }
}

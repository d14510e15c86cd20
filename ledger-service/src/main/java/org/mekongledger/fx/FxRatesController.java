package org.mekongledger.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.api.Violation;
import org.mekongledger.axon.LedgerCommands;
import org.mekongledger.payment.MinorUnits;
import org.mekongledger.web.PlausibleDates;
import org.mekongledger.web.contract.FxRatesApi;
import org.mekongledger.web.contract.model.FxRate;
import org.mekongledger.web.contract.model.FxRateList;
import org.mekongledger.web.contract.model.FxRateRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The fund's exchange rates over REST: the administrator sets a day's rate, settlement and auditors read them. */
@RestController
@RequestMapping("/api/v1")
class FxRatesController implements FxRatesApi {

    /** A year and a day: a range query reads at most a year of rates. */
    private static final long MAX_DAYS = 366;
    private static final String BASE = "THB";

    private final FxRates rates;

    FxRatesController(FxRates rates) {
        this.rates = rates;
    }

    @Override
    public ResponseEntity<FxRate> setFxRate(LocalDate date, String currency, FxRateRequest request, String idempotencyKey) {
        List<Violation> violations = new ArrayList<>();
        PlausibleDates.inSimulation("date", date, violations);
        payable("currency", currency, violations);
        BigDecimal rate = new BigDecimal(request.getRate());
        if (rate.signum() <= 0) {
            violations.add(new Violation("rate", "a rate is above zero"));
        }
        String source = request.getSource().strip();
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
        FxRates.Stored stored = rates.set(date, currency, rate, source, LedgerCommands.currentActor());
        return ResponseEntity.status(stored.outcome() == FxRates.Outcome.SET ? HttpStatus.CREATED : HttpStatus.OK)
                .body(message(stored.rate()));
    }

    @Override
    public ResponseEntity<FxRate> getFxRate(LocalDate date, String currency) {
        return rates.on(date, currency).map(FxRatesController::message).map(ResponseEntity::ok)
                .orElseThrow(() -> new UnknownRecord("rate of " + currency + " for", date.toString()));
    }

    @Override
    public ResponseEntity<FxRateList> findFxRates(LocalDate from, LocalDate to, String currency) {
        List<Violation> violations = new ArrayList<>();
        if (to.isBefore(from)) {
            violations.add(new Violation("to", "the range ends on or after its first day " + from));
        } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            violations.add(new Violation("to", "a range covers at most " + MAX_DAYS + " days"));
        }
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
        return ResponseEntity.ok(new FxRateList().rates(rates.between(from, to, currency).stream()
                .map(FxRatesController::message).toList()));
    }

    /** A currency benefits can be paid in: not the fund's own, and with its ISO 4217 minor units on record. */
    private static void payable(String field, String currency, List<Violation> violations) {
        if (BASE.equals(currency)) {
            violations.add(new Violation(field, "THB is the base: a baht payment needs no rate"));
        } else if (MinorUnits.of(currency).isEmpty()) {
            violations.add(new Violation(field, currency + " is not an ISO 4217 currency benefits are paid in here"));
        }
    }

    private static FxRate message(FxRateDay rate) {
        return new FxRate()
                .date(rate.day())
                .currency(rate.currency())
                .base(FxRate.BaseEnum.THB)
                .rate(rate.rate().toPlainString())
                .source(rate.source())
                .minorUnits(MinorUnits.of(rate.currency()).orElse(null))
                .setBy(rate.setBy())
                .setAt(rate.setAt().atOffset(ZoneOffset.UTC));
    }
}

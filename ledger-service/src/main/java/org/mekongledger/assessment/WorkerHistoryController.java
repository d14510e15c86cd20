package org.mekongledger.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.mekongledger.access.EmbassyMandate;
import org.mekongledger.api.CreditInsurancePeriod;
import org.mekongledger.api.RecordLifeEvent;
import org.mekongledger.api.RequestRefused;
import java.util.ArrayList;
import java.util.List;

import org.mekongledger.api.Violation;
import org.mekongledger.axon.LedgerCommands;
import org.mekongledger.security.Officer;
import org.mekongledger.web.PlausibleDates;
import org.mekongledger.vocabulary.LifeEventType;
import org.mekongledger.web.contract.WorkerHistoryApi;
import org.mekongledger.web.contract.model.InsurancePeriod;
import org.mekongledger.web.contract.model.LifeEvent;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class WorkerHistoryController implements WorkerHistoryApi {

    private final LedgerCommands commands;
    private final Clock clock;

    WorkerHistoryController(LedgerCommands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<LifeEvent> recordLifeEvent(String workerId, LifeEvent event, String idempotencyKey) {
        // whose national the worker is was settled before this ran (EmbassyScope); here, which events
        EmbassyMandate.mayRecord(Officer.current(), LifeEventType.valueOf(event.getType().getValue()));
        if (event.getDate().isAfter(LocalDate.now(clock))) {
            throw new RequestRefused("date", "a life event is recorded once it has happened");
        }
        List<Violation> violations = new ArrayList<>();
        PlausibleDates.within("date", event.getDate(), PlausibleDates.EARLIEST, LocalDate.now(clock), violations);
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
        commands.send(new RecordLifeEvent(workerId, LifeEventType.valueOf(event.getType().getValue()), event.getDate(),
                event.getCountry()));
        return ResponseEntity.status(HttpStatus.CREATED).body(event);
    }

    @Override
    public ResponseEntity<InsurancePeriod> creditInsurancePeriod(String workerId, InsurancePeriod period,
                                                                 String idempotencyKey) {
        YearMonth from = YearMonth.parse(period.getFrom());
        YearMonth to = YearMonth.parse(period.getTo());
        // a credited period lies in the past: an institution certifies months already insured
        List<Violation> violations = new ArrayList<>();
        YearMonth earliest = YearMonth.from(PlausibleDates.EARLIEST);
        PlausibleDates.within("from", from, earliest, YearMonth.now(clock), violations);
        PlausibleDates.within("to", to, earliest, YearMonth.now(clock), violations);
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
        commands.send(new CreditInsurancePeriod(workerId, period.getScheme().getValue(), from, to,
                period.getSource().strip()));
        return ResponseEntity.status(HttpStatus.CREATED).body(period);
    }
}

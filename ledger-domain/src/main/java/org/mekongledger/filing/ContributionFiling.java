package org.mekongledger.filing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.YearMonth;
import java.util.List;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.mekongledger.api.ConflictWithRecord;
import org.mekongledger.api.ContributionsFiled;
import org.mekongledger.api.FilingReversed;

/** An employer's accepted monthly filing; its lines live on the workers' accounts. */
public class ContributionFiling {

    @AggregateIdentifier
    private String filingId;
    private String scheme;
    private String employerAccount;
    private YearMonth period;
    private List<String> workerIds;
    private String ruleSetVersion;
    private String currency;
    private boolean reversed;

    protected ContributionFiling() {
        // for Axon's event sourcing
    }

    ContributionFiling(ContributionsFiled accepted) {
        apply(accepted);
    }

    void reverse(String reason) {
        if (reversed) {
            throw new ConflictWithRecord("Filing " + filingId + " is already reversed");
        }
        apply(new FilingReversed(filingId, scheme, employerAccount, period, reason));
    }

    String scheme() {
        return scheme;
    }

    String employerAccount() {
        return employerAccount;
    }

    YearMonth period() {
        return period;
    }

    String ruleSetVersion() {
        return ruleSetVersion;
    }

    String currency() {
        return currency;
    }

    List<String> workerIds() {
        return workerIds;
    }

    @EventSourcingHandler
    void on(ContributionsFiled event) {
        filingId = event.filingId();
        scheme = event.scheme();
        employerAccount = event.employerAccount();
        period = event.period();
        workerIds = event.workerIds();
        ruleSetVersion = event.ruleSetVersion();
        currency = event.currency();
    }

    @EventSourcingHandler
    void on(FilingReversed event) {
        reversed = true;
    }
}

package org.mekongledger.projections;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.mekongledger.api.ContributionRecorded;
import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.Party;
import org.mekongledger.vocabulary.PartyShare;

/** Contribution events as a filing's transaction appends them, for tests that drive the event store directly. */
final class SyntheticEvents {

    private SyntheticEvents() {
    }

    /** One ContributionRecorded per worker (each its own new account), all of one filing. */
    static List<DomainEventMessage<?>> contributions(String filingId, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String workerId = UUID.randomUUID().toString();
            events.add(new GenericDomainEventMessage<>("WorkerAccount", workerId, 0, contribution(workerId, filingId)));
        }
        return events;
    }

    static ContributionRecorded contribution(String workerId, String filingId) {
        Map<Party, PartyShare> shares = new EnumMap<>(Party.class);
        for (Party party : Party.values()) {
            Map<Branch, BigDecimal> branches = new EnumMap<>(Branch.class);
            for (Branch branch : Branch.values()) {
                branches.put(branch, new BigDecimal("100.00"));
            }
            shares.put(party, new PartyShare(new BigDecimal("300.00"), branches));
        }
        return new ContributionRecorded(workerId, filingId, "TH_SSF_S33", "1234567890", YearMonth.of(2025, 6),
                "2020-12", "THB", new BigDecimal("15000.00"), new BigDecimal("15000.00"), shares);
    }
}

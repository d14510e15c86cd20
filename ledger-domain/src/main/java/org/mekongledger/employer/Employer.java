package org.mekongledger.employer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.mekongledger.api.EmployerRegistered;
import org.mekongledger.api.EmployerRelocated;
import org.mekongledger.api.RegisterEmployer;
import org.mekongledger.api.RelocateEmployer;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.vocabulary.ThaiProvinces;

/**
 * An employer registered with the Social Security Office under its 10-digit account. The account
 * is the aggregate identifier, so the event store itself refuses a second registration. It knows
 * the province its workplace was in, month by month, because a contribution version may be limited
 * to some provinces.
 */
public class Employer {

    /** The province given at registration holds from the fund's first month until a relocation. */
    public static final YearMonth FIRST_MONTH = YearMonth.of(1991, 1);

    @AggregateIdentifier
    private String employerAccount;
    /** From which month the workplace was in which province; a null value: not recorded. */
    private final TreeMap<YearMonth, String> provinces = new TreeMap<>();

    protected Employer() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Employer(RegisterEmployer command) {
        requireProvince(command.province(), true);
        apply(new EmployerRegistered(command.employerAccount(), command.name(), command.province()));
    }

    /** Answers the provinces from each month on once the move is recorded (an unchanged answer when it was already). */
    @CommandHandler
    public java.util.SortedMap<YearMonth, String> handle(RelocateEmployer command) {
        requireProvince(command.province(), false);
        if (command.from() == null || command.from().isBefore(FIRST_MONTH)) {
            throw new RequestRefused("from", "the first month in the new province is required, " + FIRST_MONTH
                    + " (the fund's first month) or later");
        }
        if (command.province().equals(provinceIn(command.from()))) {
            return provinces(); // already there from that month: a repeated request changes nothing
        }
        apply(new EmployerRelocated(employerAccount, command.province(), command.from()));
        return provinces();
    }

    /** From which month the workplace was in which province; the first key is the fund's first month. */
    public java.util.SortedMap<YearMonth, String> provinces() {
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(provinces));
    }

    /** The ISO 3166-2:TH code of the workplace's province in a month, or null when not recorded. */
    public String provinceIn(YearMonth period) {
        Map.Entry<YearMonth, String> entry = provinces.floorEntry(period);
        return entry == null ? null : entry.getValue();
    }

    private static void requireProvince(String province, boolean optional) {
        if (province == null && optional) {
            return;
        }
        if (!ThaiProvinces.isCode(province)) {
            throw new RequestRefused("province", "must be an ISO 3166-2:TH code such as TH-10 (Bangkok) or TH-50"
                    + " (Chiang Mai), was " + province);
        }
    }

    @EventSourcingHandler
    void on(EmployerRegistered event) {
        employerAccount = event.employerAccount();
        provinces.put(FIRST_MONTH, event.province());
    }

    @EventSourcingHandler
    void on(EmployerRelocated event) {
        // from its month until the next relocation already recorded, if any
        provinces.put(event.from(), event.province());
    }
}

package org.mekongledger.entitlement;

import org.mekongledger.vocabulary.LifeEventType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.mekongledger.entitlement.Explanation.plain;

/**
 * What an overseas workers' welfare fund owes a member. A fee paid in a month covers events from
 * that month for the fund's cover months; each benefit is paid once, for the first covered event
 * of its kinds. The fund pays at home, in its own currency, so nothing is "abroad" about it.
 */
final class WelfareFundBenefits {

    private WelfareFundBenefits() {
    }

    static void addTo(List<Entitlement> out, EntitlementCase c, WelfareFundRuleSetVersion fund,
                      List<InsuredMonth> fees, LifeEvents events) {
        // fees are not months of insurance: worker and agency may well pay for one contract in one month
        YearMonth[] paid = new YearMonth[fees.size()];
        for (int i = 0; i < paid.length; i++) {
            paid[i] = fees.get(i).period();
        }
        Arrays.sort(paid, Comparator.naturalOrder());
        String prefix = fund.ruleSetId() + ".";
        String cover = Integer.toString(fund.coverMonths());
        for (FundBenefit benefit : fund.benefits()) {
            Explanation ex = new Explanation();
            LifeEventType trigger = firstEvent(benefit, events);
            LocalDate payableFrom = null;
            if (trigger == null) {
                YearMonth last = paid[paid.length - 1];
                ex.add(prefix + "MEMBERSHIP", fund, "member, covered to " + last.plusMonths(fund.coverMonths() - 1L),
                        "feePayments", Integer.toString(paid.length), "lastFeeMonth", last.toString(),
                        "coverMonths", cover);
            } else {
                LocalDate date = events.earliest(trigger);
                YearMonth fee = lastFeeOnOrBefore(paid, date);
                boolean covered = fee != null && date.isBefore(fee.plusMonths(fund.coverMonths()).atDay(1));
                ex.add(prefix + "MEMBERSHIP", fund, covered ? "covered" : "not covered",
                        "event", trigger.name(), "eventDate", date.toString(),
                        "lastFeeMonthBeforeEvent", fee == null ? "none" : fee.toString(), "coverMonths", cover);
                payableFrom = covered ? date : null;
            }
            String amount = plain(benefit.amount());
            if (benefit.upTo() == null) {
                ex.add(prefix + benefit.benefit(), fund, amount, "amount", amount, "payableTo", benefit.payableTo());
            } else {
                ex.add(prefix + benefit.benefit(), fund, amount, "amount", amount, "upTo", plain(benefit.upTo()),
                        "payableTo", benefit.payableTo(), "note", "the fund sets the amount within the range on assessment");
            }
            boolean eligible = payableFrom != null && !c.asOf().isBefore(payableFrom);
            out.add(new Entitlement(fund.ruleSetId(), benefit.benefit(), eligible, benefit.amount(), fund.currency(),
                    Periodicity.ONCE, payableFrom, paid.length, Entitlement.NATIONAL, false, ex.steps()));
        }
    }

    /** The kind of the benefit's triggering events that happened first, or null if none did. */
    private static LifeEventType firstEvent(FundBenefit benefit, LifeEvents events) {
        LifeEventType first = null;
        LocalDate firstDate = null;
        for (LifeEventType type : benefit.events()) {
            LocalDate date = events.earliest(type);
            if (date != null && (firstDate == null || date.isBefore(firstDate))) {
                first = type;
                firstDate = date;
            }
        }
        return first;
    }

    private static YearMonth lastFeeOnOrBefore(YearMonth[] ascending, LocalDate day) {
        YearMonth found = null;
        for (YearMonth month : ascending) {
            if (month.atDay(1).isAfter(day)) {
                break;
            }
            found = month;
        }
        return found;
    }
}

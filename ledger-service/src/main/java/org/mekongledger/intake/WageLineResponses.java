package org.mekongledger.intake;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.mekongledger.contribution.PersonMonthContribution;
import org.mekongledger.filing.FilingReceipt;
import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.Party;
import org.mekongledger.vocabulary.PartyShare;
import org.mekongledger.web.MoneyFormat;
import org.mekongledger.web.contract.model.BranchAmounts;
import org.mekongledger.web.contract.model.FilingLine;
import org.mekongledger.web.contract.model.FilingTotals;

/** A wage line on the wire: the wage, the insurable wage and each party's share by branch, and their totals. */
final class WageLineResponses implements LineResponses<FilingReceipt.WageLine> {

    @Override
    public Class<FilingReceipt.WageLine> kind() {
        return FilingReceipt.WageLine.class;
    }

    @Override
    public FilingLine line(FilingReceipt.WageLine line, String currency) {
        PersonMonthContribution month = line.contribution();
        return new FilingLine()
                .workerId(line.workerId())
                .wage(MoneyFormat.format(month.wage(), currency))
                .insurableWage(MoneyFormat.format(month.insurableWage(), currency))
                .employee(share(month.shares().get(Party.EMPLOYEE), currency))
                .employer(share(month.shares().get(Party.EMPLOYER), currency))
                .government(share(month.shares().get(Party.GOVERNMENT), currency));
    }

    @Override
    public FilingTotals totals(List<FilingReceipt.WageLine> lines, String currency) {
        List<PersonMonthContribution> months = lines.stream().map(FilingReceipt.WageLine::contribution).toList();
        BigDecimal wage = months.stream().map(PersonMonthContribution::wage).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal insurable = months.stream().map(PersonMonthContribution::insurableWage)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<Party, PartyShare> sums = new EnumMap<>(Party.class);
        for (Party party : Party.values()) {
            Map<Branch, BigDecimal> branches = new EnumMap<>(Branch.class);
            for (Branch branch : Branch.values()) {
                branches.put(branch, months.stream().map(m -> m.shares().get(party).branches().get(branch))
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
            }
            sums.put(party, new PartyShare(branches.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), branches));
        }
        BigDecimal total = sums.values().stream().map(PartyShare::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new FilingTotals()
                .wage(MoneyFormat.format(wage, currency))
                .insurableWage(MoneyFormat.format(insurable, currency))
                .employee(share(sums.get(Party.EMPLOYEE), currency))
                .employer(share(sums.get(Party.EMPLOYER), currency))
                .government(share(sums.get(Party.GOVERNMENT), currency))
                .total(MoneyFormat.format(total, currency));
    }

    private static org.mekongledger.web.contract.model.PartyShare share(PartyShare share, String currency) {
        Map<Branch, BigDecimal> branches = share.branches();
        return new org.mekongledger.web.contract.model.PartyShare()
                .total(MoneyFormat.format(share.total(), currency))
                .branches(new BranchAmounts()
                        .SICKNESS_MATERNITY_INVALIDITY_DEATH(MoneyFormat.format(
                                branches.get(Branch.SICKNESS_MATERNITY_INVALIDITY_DEATH), currency))
                        .CHILD_ALLOWANCE_OLD_AGE(MoneyFormat.format(branches.get(Branch.CHILD_ALLOWANCE_OLD_AGE), currency))
                        .UNEMPLOYMENT(MoneyFormat.format(branches.get(Branch.UNEMPLOYMENT), currency)));
    }
}

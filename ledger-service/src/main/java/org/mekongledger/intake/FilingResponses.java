package org.mekongledger.intake;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.Party;
import org.mekongledger.vocabulary.PartyShare;
import org.mekongledger.web.MoneyFormat;
import org.mekongledger.web.contract.model.BranchAmounts;
import org.mekongledger.web.contract.model.FilingLine;
import org.mekongledger.web.contract.model.FilingTotals;

/** Renders computed person-months as filing lines and totals on the wire. */
final class FilingResponses {

    /** One computed line, whether fresh from the intake or read back from the journal. */
    record ComputedLine(String workerId, BigDecimal wage, BigDecimal insurableWage, Map<Party, PartyShare> shares) {
    }

    /** One welfare-fund fee line: who paid how much. */
    record FeeLine(String workerId, String payer, BigDecimal fee) {
    }

    private FilingResponses() {
    }

    static FilingLine fee(FeeLine line, String currency) {
        return new FilingLine()
                .workerId(line.workerId())
                .payer(org.mekongledger.web.contract.model.FeePayer.fromValue(line.payer()))
                .fee(MoneyFormat.format(line.fee(), currency));
    }

    static FilingTotals feeTotals(List<FeeLine> lines, String currency) {
        BigDecimal fees = lines.stream().map(FeeLine::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new FilingTotals().fees(MoneyFormat.format(fees, currency)).total(MoneyFormat.format(fees, currency));
    }

    static FilingLine line(ComputedLine line, String currency) {
        return new FilingLine()
                .workerId(line.workerId())
                .wage(MoneyFormat.format(line.wage(), currency))
                .insurableWage(MoneyFormat.format(line.insurableWage(), currency))
                .employee(share(line.shares().get(Party.EMPLOYEE), currency))
                .employer(share(line.shares().get(Party.EMPLOYER), currency))
                .government(share(line.shares().get(Party.GOVERNMENT), currency));
    }

    static FilingTotals totals(List<ComputedLine> lines, String currency) {
        BigDecimal wage = lines.stream().map(ComputedLine::wage).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal insurable = lines.stream().map(ComputedLine::insurableWage).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<Party, PartyShare> sums = new EnumMap<>(Party.class);
        for (Party party : Party.values()) {
            Map<Branch, BigDecimal> branches = new EnumMap<>(Branch.class);
            for (Branch branch : Branch.values()) {
                branches.put(branch, lines.stream().map(l -> l.shares().get(party).branches().get(branch))
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

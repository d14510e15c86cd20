package org.mekongledger.intake;

import java.math.BigDecimal;
import java.util.List;

import org.mekongledger.filing.FilingReceipt;
import org.mekongledger.web.MoneyFormat;
import org.mekongledger.web.contract.model.FeePayer;
import org.mekongledger.web.contract.model.FilingLine;
import org.mekongledger.web.contract.model.FilingTotals;

/** A welfare-fund fee line on the wire: who paid how much; the totals are the fees. */
final class FeeLineResponses implements LineResponses<FilingReceipt.FeeLine> {

    @Override
    public Class<FilingReceipt.FeeLine> kind() {
        return FilingReceipt.FeeLine.class;
    }

    @Override
    public FilingLine line(FilingReceipt.FeeLine line, String currency) {
        return new FilingLine()
                .workerId(line.workerId())
                .payer(FeePayer.fromValue(line.payer().name()))
                .fee(MoneyFormat.format(line.fee(), currency));
    }

    @Override
    public FilingTotals totals(List<FilingReceipt.FeeLine> lines, String currency) {
        BigDecimal fees = lines.stream().map(FilingReceipt.FeeLine::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new FilingTotals().fees(MoneyFormat.format(fees, currency)).total(MoneyFormat.format(fees, currency));
    }
}

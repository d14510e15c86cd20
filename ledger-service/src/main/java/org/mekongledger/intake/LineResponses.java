package org.mekongledger.intake;

import java.util.List;

import org.mekongledger.filing.FilingReceipt;
import org.mekongledger.web.contract.model.FilingLine;
import org.mekongledger.web.contract.model.FilingTotals;

/**
 * How one kind of priced filing line appears on the wire: each line, and the filing's totals.
 * One implementation per kind ({@link WageLineResponses}, {@link FeeLineResponses});
 * {@link FilingResponses} picks it by the line's class.
 */
interface LineResponses<L extends FilingReceipt.Line> {

    Class<L> kind();

    FilingLine line(L line, String currency);

    FilingTotals totals(List<L> lines, String currency);
}

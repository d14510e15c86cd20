package org.mekongledger.settlement.bankfile;

import java.util.function.Consumer;

/**
 * Streams the payments of one block into the writer, in EndToEndId order, so that no more than one
 * payment needs to be in memory (a database cursor, a page at a time, ...).
 */
@FunctionalInterface
public interface TransferSource {

    void forEach(PaymentBlock block, Consumer<CreditTransfer> sink);
}

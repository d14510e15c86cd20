package org.mekongledger.settlement.bankfile;

/**
 * The NbOfTxs or CtrlSum a pain.001 announced differ from the transactions streamed into it: the
 * file already written is wrong and must not be used (the caller writes to a temporary file).
 */
public final class ControlTotalsMismatch extends IllegalStateException {

    ControlTotalsMismatch(String message) {
        super(message);
    }
}

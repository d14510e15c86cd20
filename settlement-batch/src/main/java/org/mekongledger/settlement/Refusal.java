package org.mekongledger.settlement;

/**
 * A business refusal (exit code 1): the command ran but will not do what was asked, e.g. an FX rate
 * is missing, a status report names unknown payments, a reconciliation differs. The message is for
 * the operator and never carries payee details.
 */
public class Refusal extends RuntimeException {

    public Refusal(String message) {
        super(message);
    }

    public Refusal(String message, Throwable cause) {
        super(message, cause);
    }
}

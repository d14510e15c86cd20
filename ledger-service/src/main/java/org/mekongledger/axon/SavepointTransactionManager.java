package org.mekongledger.axon;

import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Axon's unit of work as a savepoint inside a surrounding transaction (a keyed request's), or as a
 * transaction of its own when there is none (projections, unkeyed requests).
 *
 * <p>Axon's {@link SpringTransactionManager} commits or rolls back only a transaction it began
 * ({@code isNewTransaction()}); a savepoint is not one, so a refused command would neither roll back
 * its work (a document claimed before the refusal would commit with the request) nor leave the
 * surrounding transaction usable after a failed statement. Here the savepoint is released on commit
 * and rolled back to on rollback.
 */
class SavepointTransactionManager extends SpringTransactionManager {

    private final PlatformTransactionManager transactions;

    SavepointTransactionManager(PlatformTransactionManager transactions) {
        super(transactions, new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
        this.transactions = transactions;
    }

    @Override
    protected void commitTransaction(TransactionStatus status) {
        if (status.hasSavepoint() && !status.isCompleted()) {
            transactions.commit(status); // releases the savepoint
        } else {
            super.commitTransaction(status);
        }
    }

    @Override
    protected void rollbackTransaction(TransactionStatus status) {
        if (status.hasSavepoint() && !status.isCompleted()) {
            transactions.rollback(status); // back to the savepoint; the surrounding transaction goes on
        } else {
            super.rollbackTransaction(status);
        }
    }
}

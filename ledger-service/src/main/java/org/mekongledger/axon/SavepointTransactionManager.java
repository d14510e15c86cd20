package org.mekongledger.axon;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Axon's unit of work as a savepoint inside a surrounding transaction (a keyed request's), or as a
 * transaction of its own when there is none (projections, unkeyed requests). What Axon runs inside
 * a unit of work (event store reads and appends, subscribing handlers) joins it, as before: no
 * savepoint per aggregate load.
 *
 * <p>Replaces Axon's {@code SpringTransactionManager}, which commits or rolls back only a
 * transaction it began ({@code isNewTransaction()}): a savepoint is not one, so a refused command
 * would neither roll back its work (a document claimed before the refusal would commit with the
 * request's stored answer) nor leave the surrounding transaction usable after a failed statement.
 */
class SavepointTransactionManager implements TransactionManager {

    private static final TransactionDefinition OUTERMOST =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
    private static final TransactionDefinition JOIN =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRED);

    private final PlatformTransactionManager transactions;
    /** How many of this manager's transactions are open on the thread; only the outermost is real. */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    SavepointTransactionManager(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public Transaction startTransaction() {
        int[] open = depth.get();
        boolean outermost = open[0] == 0;
        TransactionStatus status = transactions.getTransaction(outermost ? OUTERMOST : JOIN);
        open[0]++;
        return new Transaction() {
            /** Axon rolls back after a failed commit: the thread's depth must still drop only once. */
            private boolean closed;

            @Override
            public void commit() {
                try {
                    if (outermost && !status.isCompleted()) {
                        transactions.commit(status); // commits, or releases the savepoint
                    }
                } finally {
                    close();
                }
            }

            @Override
            public void rollback() {
                try {
                    if (outermost && !status.isCompleted()) {
                        transactions.rollback(status); // rolls back, or back to the savepoint
                    }
                } finally {
                    close();
                }
            }

            private void close() {
                if (!closed) {
                    closed = true;
                    open[0]--;
                }
            }
        };
    }
}

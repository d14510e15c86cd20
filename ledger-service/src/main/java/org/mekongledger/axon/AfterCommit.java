package org.mekongledger.axon;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work once the change is durable. A command's unit of work may be a savepoint inside a keyed
 * request's transaction: its own commit only releases the savepoint, so the work waits for the
 * commit of the transaction around it, and never runs if that one rolls back.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable work) {
        if (CurrentUnitOfWork.isStarted()) {
            // registered only once the unit of work committed: a savepoint rolled back never publishes
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> afterTransaction(work));
        } else {
            afterTransaction(work);
        }
    }

    private static void afterTransaction(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}

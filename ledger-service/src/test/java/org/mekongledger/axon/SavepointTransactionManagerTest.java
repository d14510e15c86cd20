package org.mekongledger.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * A unit of work whose commit fails is rolled back by Axon as well. Counting that transaction
 * closed twice left the thread's depth at -1: every later unit of work on the thread (a projection
 * worker's batch, a request's command) began a transaction it then never committed nor rolled back.
 */
class SavepointTransactionManagerTest {

    /** Records what it was asked to do; like Spring's, a failed commit completes the transaction. */
    private static final class RecordingTransactions implements PlatformTransactionManager {
        final List<String> calls = new ArrayList<>();
        boolean failNextCommit;

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            calls.add(definition.getPropagationBehavior() == TransactionDefinition.PROPAGATION_NESTED
                    ? "begin" : "join");
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            calls.add("commit");
            ((SimpleTransactionStatus) status).setCompleted();
            if (failNextCommit) {
                failNextCommit = false;
                throw new TransactionSystemException("commit failed");
            }
        }

        @Override
        public void rollback(TransactionStatus status) {
            calls.add("rollback");
            ((SimpleTransactionStatus) status).setCompleted();
        }
    }

    @Test
    void aFailedCommitLeavesTheNextUnitOfWorkOnTheThreadItsOwnTransaction() {
        RecordingTransactions transactions = new RecordingTransactions();
        SavepointTransactionManager manager = new SavepointTransactionManager(transactions);

        transactions.failNextCommit = true;
        UnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("first"));
        failing.attachTransaction(manager);
        assertThatThrownBy(failing::commit).isInstanceOf(TransactionSystemException.class);
        assertThat(transactions.calls).containsExactly("begin", "commit");

        transactions.calls.clear();
        UnitOfWork<?> next = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("second"));
        next.attachTransaction(manager);
        manager.executeInTransaction(() -> { }); // an event store append inside it joins it
        next.commit();
        assertThat(transactions.calls).containsExactly("begin", "join", "commit");
    }

    @Test
    void aRolledBackUnitOfWorkIsRolledBackOnceAndTheNextOneIsReal() {
        RecordingTransactions transactions = new RecordingTransactions();
        SavepointTransactionManager manager = new SavepointTransactionManager(transactions);

        UnitOfWork<?> refused = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("refused"));
        refused.attachTransaction(manager);
        refused.rollback(new IllegalStateException("refused"));
        UnitOfWork<?> next = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("next"));
        next.attachTransaction(manager);
        next.commit();
        assertThat(transactions.calls).containsExactly("begin", "rollback", "begin", "commit");
    }
}

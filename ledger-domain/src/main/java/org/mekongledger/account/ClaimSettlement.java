package org.mekongledger.account;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.mekongledger.api.ClaimCommands;
import org.mekongledger.api.ClaimCommands.BankOutcome;
import org.mekongledger.api.ClaimCommands.RecordBankOutcomes;
import org.mekongledger.api.ClaimCommands.RecordClaimFailed;
import org.mekongledger.api.ClaimCommands.RecordClaimPaid;
import org.mekongledger.api.ClaimCommands.ScheduleClaims;
import org.mekongledger.api.SettlementStepRefused;
import org.mekongledger.api.UnknownRecord;

/**
 * Takes a settlement chunk as one unit of work, as the filing intake takes a filing: each step goes
 * to its worker's account (loaded once however many of its claims the chunk holds), the account
 * decides it exactly as for a single command, and every event is appended in one batch when the
 * unit of work commits. A refused step refuses the chunk.
 */
public class ClaimSettlement {

    private final Repository<WorkerAccount> accounts;

    public ClaimSettlement(Repository<WorkerAccount> accounts) {
        this.accounts = accounts;
    }

    @CommandHandler
    public void handle(ScheduleClaims command, @MetaDataValue(ClaimCommands.ACTOR) String actor) {
        take(command.steps(), (account, step) -> account.handle(step, actor));
    }

    @CommandHandler
    public void handle(RecordBankOutcomes command, @MetaDataValue(ClaimCommands.ACTOR) String actor) {
        take(command.steps(), (account, step) -> {
            if (step instanceof RecordClaimPaid paid) {
                account.handle(paid, actor);
            } else {
                account.handle((RecordClaimFailed) step, actor);
            }
        });
    }

    private <S> void take(List<S> steps, BiConsumer<WorkerAccount, S> decide) {
        Map<String, Aggregate<WorkerAccount>> loaded = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            S step = steps.get(i);
            try {
                String workerId = workerOf(step);
                Aggregate<WorkerAccount> account = loaded.computeIfAbsent(workerId, this::load);
                account.execute(a -> decide.accept(a, step));
            } catch (RuntimeException refused) {
                throw new SettlementStepRefused(i, refused);
            }
        }
    }

    private static String workerOf(Object step) {
        if (step instanceof ClaimCommands.ScheduleClaim schedule) {
            return schedule.workerId();
        }
        return ((BankOutcome) step).workerId();
    }

    private Aggregate<WorkerAccount> load(String workerId) {
        try {
            return accounts.load(workerId);
        } catch (AggregateNotFoundException notFound) {
            throw new UnknownRecord("worker", workerId);
        }
    }
}

package org.mekongledger.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /** @return per step, whether it recorded an event (false: a resend the account already held) */
    @CommandHandler
    public List<Boolean> handle(ScheduleClaims command, @MetaDataValue(ClaimCommands.ACTOR) String actor) {
        return take(command.steps(), (account, step) -> account.handle(step, actor));
    }

    /** @return per step, whether it recorded an event (false: a report read again) */
    @CommandHandler
    public List<Boolean> handle(RecordBankOutcomes command, @MetaDataValue(ClaimCommands.ACTOR) String actor) {
        return take(command.steps(), (account, step) -> {
            if (step instanceof RecordClaimPaid paid) {
                account.handle(paid, actor);
            } else {
                account.handle((RecordClaimFailed) step, actor);
            }
        });
    }

    /**
     * Whether a step recorded is read off the account's version, not guessed from a read model
     * beforehand: two identical requests at once both succeed, and only the one whose step made the
     * event says RECORDED.
     * <p>
     * Every account is loaded before the first step is taken: Axon reads, with each load, the events
     * already staged in the unit of work, so loading the thousandth account after 999 steps copied
     * and filtered 999 events (a fifth of a settlement request's time, profiled).
     */
    private <S> List<Boolean> take(List<S> steps, BiConsumer<WorkerAccount, S> decide) {
        Map<String, Aggregate<WorkerAccount>> loaded = new HashMap<>();
        int unloadable = steps.size();
        RuntimeException notLoaded = null;
        for (int i = 0; i < steps.size(); i++) {
            try {
                loaded.computeIfAbsent(workerOf(steps.get(i)), this::load);
            } catch (RuntimeException refused) {
                // the steps before it are still taken first, so the refusal named is the first, as before
                unloadable = i;
                notLoaded = refused;
                break;
            }
        }
        List<Boolean> recorded = new ArrayList<>(steps.size());
        for (int i = 0; i < unloadable; i++) {
            S step = steps.get(i);
            try {
                Aggregate<WorkerAccount> account = loaded.get(workerOf(step));
                Long before = account.version();
                account.execute(a -> decide.accept(a, step));
                recorded.add(!Objects.equals(before, account.version()));
            } catch (RuntimeException refused) {
                throw new SettlementStepRefused(i, refused);
            }
        }
        if (notLoaded != null) {
            throw new SettlementStepRefused(unloadable, notLoaded);
        }
        return recorded;
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

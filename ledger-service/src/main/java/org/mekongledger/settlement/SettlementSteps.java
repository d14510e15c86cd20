package org.mekongledger.settlement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.mekongledger.api.ClaimInWrongState;
import org.mekongledger.api.ClaimStatus;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.SettlementStepRefused;
import org.mekongledger.api.Violation;
import org.mekongledger.axon.LedgerCommands;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a request's settlement steps all or nothing: the whole request is one command
 * ({@code ScheduleClaims}, {@code RecordBankOutcomes}) taken as one unit of work, its events appended
 * in one batch, rolled back whole if any item is refused or when only checking. Items go in worker
 * order, so two requests touching the same workers lock them in one order and never deadlock.
 */
@Service
class SettlementSteps {

    /** One item of a request: the claim and its step on its worker's account. */
    record Item<S>(int index, String claimId, Function<ClaimStanding, S> step) {
    }

    /** What became of one item. */
    record Result(String claimId, ClaimStatus status, String recorded) {
    }

    private final LedgerCommands commands;
    private final JdbcClient jdbc;
    private final TransactionTemplate allOrNothing;

    SettlementSteps(LedgerCommands commands, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.allOrNothing = new TransactionTemplate(transactions);
        // a savepoint inside a keyed request's transaction, a transaction of its own otherwise
        this.allOrNothing.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * @param list      the request's list as the contract names it ({@code instructions}, {@code outcomes})
     * @param checkOnly run every check, record nothing
     */
    <S> List<Result> run(String list, List<Item<S>> items, Function<List<S>, Object> chunk, boolean checkOnly) {
        Map<String, ClaimStanding> standing = standing(list, items);
        List<Item<S>> inWorkerOrder = new ArrayList<>(items);
        inWorkerOrder.sort(Comparator.comparing((Item<S> item) -> standing.get(item.claimId()).workerId())
                .thenComparing(Item::claimId));
        Map<String, String> recorded = new HashMap<>();
        List<S> steps = new ArrayList<>();
        for (Item<S> item : inWorkerOrder) {
            steps.add(item.step().apply(standing.get(item.claimId())));
        }
        Set<String> workers = new HashSet<>();
        standing.values().forEach(claim -> workers.add(claim.workerId()));
        allOrNothing.executeWithoutResult(transaction -> {
            List<Boolean> made;
            try {
                made = commands.sendReadingAhead(workers, chunk.apply(steps));
            } catch (SettlementStepRefused refusedStep) {
                throw refusal(list, inWorkerOrder.get(refusedStep.index()), refusedStep.refusal());
            }
            for (int i = 0; i < inWorkerOrder.size(); i++) {
                recorded.put(inWorkerOrder.get(i).claimId(),
                        checkOnly ? "CHECKED" : made.get(i) ? "RECORDED" : "ALREADY_RECORDED");
            }
            if (checkOnly) {
                transaction.setRollbackOnly();
            }
        });
        Map<String, ClaimStatus> after = checkOnly ? Map.of() : statuses(items);
        return items.stream().map(item -> new Result(item.claimId(),
                checkOnly ? standing.get(item.claimId()).status() : after.get(item.claimId()),
                recorded.get(item.claimId()))).toList();
    }

    /** The account's refusal of one item, its fields named as the request's list names them. */
    private static RuntimeException refusal(String list, Item<?> item, RuntimeException refusal) {
        if (refusal instanceof RequestRefused refused) {
            return new RequestRefused(refused.violations().stream()
                    .map(violation -> new Violation(list + "[" + item.index() + "]." + violation.field(),
                            violation.message()))
                    .toList());
        }
        if (refusal instanceof ClaimInWrongState wrongState) {
            return new ItemInWrongState(list + "[" + item.index() + "]", item.claimId(), wrongState);
        }
        return refusal;
    }

    /** Every item's claim as it stands, or a refusal naming each unknown or repeated claim. */
    private Map<String, ClaimStanding> standing(String list, List<? extends Item<?>> items) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Item<?> item : items) {
            if (!seen.add(item.claimId())) {
                violations.add(new Violation(list + "[" + item.index() + "].claimId",
                        "claim " + item.claimId() + " is named twice in one request"));
            }
        }
        Map<String, ClaimStanding> standing = new HashMap<>();
        jdbc.sql("select claim_id, worker_id, status from claim_view where claim_id = any (?)")
                .param(seen.toArray(String[]::new))
                .query(row -> {
                    standing.put(row.getString("claim_id"), new ClaimStanding(row.getString("claim_id"),
                            row.getString("worker_id"), ClaimStatus.valueOf(row.getString("status"))));
                });
        for (Item<?> item : items) {
            if (!standing.containsKey(item.claimId())) {
                violations.add(new Violation(list + "[" + item.index() + "].claimId", "no claim " + item.claimId()));
            }
        }
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
        return standing;
    }

    private Map<String, ClaimStatus> statuses(List<? extends Item<?>> items) {
        Map<String, ClaimStatus> statuses = new HashMap<>();
        jdbc.sql("select claim_id, status from claim_view where claim_id = any (?)")
                .param(items.stream().map(Item::claimId).toArray(String[]::new))
                .query(row -> {
                    statuses.put(row.getString("claim_id"), ClaimStatus.valueOf(row.getString("status")));
                });
        return statuses;
    }
}

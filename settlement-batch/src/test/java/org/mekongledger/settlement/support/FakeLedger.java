package org.mekongledger.settlement.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.mekongledger.api.PaymentInstruction;
import org.mekongledger.settlement.ledger.Ledger;
import org.mekongledger.settlement.ledger.LedgerRefused;
import org.mekongledger.settlement.ledger.LedgerUnavailable;
import org.mekongledger.settlement.ledger.Payee;

/**
 * The ledger service's settlement rules in memory, as the contract states them: payable claims are
 * APPROVED ones by claim id; a scheduling is all or nothing, the same instruction again is
 * ALREADY_RECORDED, another one on a SCHEDULED claim 409; outcomes only on SCHEDULED claims under
 * their EndToEndId (or the same outcome again). It counts calls, and can be told to fail a call.
 */
public class FakeLedger implements Ledger {

    public static final class Claim {
        public final PayableClaim payable;
        public volatile String status = "APPROVED";
        public volatile PaymentInstruction instruction;
        public volatile String statusReport;
        public volatile String reasonCode;

        Claim(PayableClaim payable) {
            this.payable = payable;
        }
    }

    public final Map<String, Claim> claims = new ConcurrentHashMap<>();
    public final Map<LocalDate, Map<String, Rate>> rates = new ConcurrentHashMap<>();
    public final List<Integer> scheduleCalls = new CopyOnWriteArrayList<>();
    public final List<String> instructedEndToEndIds = java.util.Collections.synchronizedList(new ArrayList<>());
    public final AtomicInteger outcomeCalls = new AtomicInteger();
    /** Fails (as if the connection dropped after the service recorded) the n-th schedule call, 1-based; 0 never. */
    public volatile int failScheduleCallAfterRecording;
    /** Likewise for the n-th outcome call that records (not checkOnly), 1-based; 0 never. */
    public volatile int failRecordingCallAfterRecording;
    /** Fails (as failScheduleCallAfterRecording) the first schedule call holding this claim; null never. */
    public volatile String failScheduleOfClaimAfterRecording;
    /** When set, every schedule call waits here for others before it is taken: proof they were in flight at once. */
    public volatile CyclicBarrier scheduleCallsMeet;
    /** Each payable-claims read: which page, on which thread. */
    public final List<String> payableReads = new CopyOnWriteArrayList<>();
    /** Thrown by every payable-claims read after the first page. */
    public volatile RuntimeException failPayableAfterFirstPage;
    /** What the journal is behind by, call by call of run(); the last value stays. Empty: never behind. */
    public final java.util.Deque<Long> journalBehind = new java.util.concurrent.ConcurrentLinkedDeque<>();
    /** Per schedule call, the workers it named. */
    public final List<Set<String>> scheduleCallWorkers = new CopyOnWriteArrayList<>();
    private int recordingCalls;

    public void reset() {
        claims.clear();
        rates.clear();
        scheduleCalls.clear();
        instructedEndToEndIds.clear();
        outcomeCalls.set(0);
        failScheduleCallAfterRecording = 0;
        failRecordingCallAfterRecording = 0;
        failScheduleOfClaimAfterRecording = null;
        scheduleCallsMeet = null;
        payableReads.clear();
        failPayableAfterFirstPage = null;
        scheduleCallWorkers.clear();
        journalBehind.clear();
        recordingCalls = 0;
    }

    public void rate(LocalDate date, String currency, String rate) {
        rates.computeIfAbsent(date, d -> new ConcurrentHashMap<>()).put(currency,
                new Rate(currency, new BigDecimal(rate), rate, "BOT reference rate " + date));
    }

    public PayableClaim approve(String claimId, String amount, Payee payee) {
        return approve(claimId, "11111111-2222-3333-4444-555555555555", amount, payee);
    }

    public PayableClaim approve(String claimId, String workerId, String amount, Payee payee) {
        PayableClaim claim = new PayableClaim(claimId, workerId, "TH_SSF_S33",
                "OLD_AGE_LUMP_SUM", new BigDecimal(amount), "THB", payee, 1);
        claims.put(claimId, new Claim(claim));
        return claim;
    }

    @Override
    public Map<String, Rate> fxRates(LocalDate date) {
        return Map.copyOf(rates.getOrDefault(date, Map.of()));
    }

    @Override
    public List<PayableClaim> payableClaims(LocalDate approvedUpTo, String after, int limit) {
        payableReads.add((after == null ? "first" : "after " + after) + " on " + Thread.currentThread().getName());
        RuntimeException failure = failPayableAfterFirstPage;
        if (failure != null && after != null) {
            throw failure;
        }
        return claims.values().stream().filter(claim -> claim.status.equals("APPROVED"))
                .map(claim -> claim.payable)
                .filter(claim -> after == null || claim.claimId().compareTo(after) > 0)
                .sorted(Comparator.comparing(PayableClaim::claimId)).limit(limit).toList();
    }

    @Override
    public void schedule(List<Scheduling> schedulings) {
        CyclicBarrier meet = scheduleCallsMeet;
        if (meet != null) {
            try {
                meet.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException alone) {
                throw new IllegalStateException("a schedule call waited alone: calls were not in flight at once", alone);
            }
        }
        takeSchedulings(schedulings);
    }

    private synchronized void takeSchedulings(List<Scheduling> schedulings) {
        if (schedulings.isEmpty() || schedulings.size() > 1000) {
            throw new LedgerRefused(422, "1 to 1000 instructions, not " + schedulings.size());
        }
        for (Scheduling scheduling : schedulings) {
            Claim claim = claims.get(scheduling.claimId());
            if (claim == null) {
                throw new LedgerRefused(404, "no claim " + scheduling.claimId());
            }
            if (claim.status.equals("SCHEDULED") && !scheduling.instruction().equals(claim.instruction)) {
                throw new LedgerRefused(409, "claim " + scheduling.claimId() + " instructed otherwise");
            }
            if (!claim.status.equals("APPROVED") && !claim.status.equals("SCHEDULED")) {
                throw new LedgerRefused(409, "claim " + scheduling.claimId() + " is " + claim.status);
            }
        }
        for (Scheduling scheduling : schedulings) {
            Claim claim = claims.get(scheduling.claimId());
            if (claim.status.equals("APPROVED")) {
                claim.status = "SCHEDULED";
                claim.instruction = scheduling.instruction();
                instructedEndToEndIds.add(scheduling.instruction().endToEndId());
            }
        }
        scheduleCalls.add(schedulings.size());
        scheduleCallWorkers.add(schedulings.stream().map(scheduling -> claims.get(scheduling.claimId()).payable.workerId())
                .collect(Collectors.toSet()));
        String failOf = failScheduleOfClaimAfterRecording;
        if (failOf != null && schedulings.stream().anyMatch(scheduling -> scheduling.claimId().equals(failOf))) {
            failScheduleOfClaimAfterRecording = null;
            throw new LedgerUnavailable("connection lost after the service recorded", null);
        }
        if (failScheduleCallAfterRecording == scheduleCalls.size()) {
            throw new LedgerUnavailable("connection lost after the service recorded", null);
        }
    }

    @Override
    public synchronized void outcomes(List<Outcome> outcomes, boolean checkOnly) {
        outcomeCalls.incrementAndGet();
        if (outcomes.isEmpty() || outcomes.size() > 1000) {
            throw new LedgerRefused(422, "1 to 1000 outcomes");
        }
        for (Outcome outcome : outcomes) {
            Claim claim = claims.get(outcome.claimId());
            if (claim == null || claim.instruction == null
                    || !claim.instruction.endToEndId().equals(outcome.endToEndId())) {
                throw new LedgerRefused(422, "claim " + outcome.claimId() + " was not instructed under "
                        + outcome.endToEndId());
            }
            String target = outcome.paid() ? "PAID" : "FAILED";
            boolean again = claim.status.equals(target) && outcome.statusReport().equals(claim.statusReport);
            if (!claim.status.equals("SCHEDULED") && !again) {
                throw new LedgerRefused(409, "claim " + outcome.claimId() + " is " + claim.status);
            }
        }
        if (checkOnly) {
            return;
        }
        for (Outcome outcome : outcomes) {
            Claim claim = claims.get(outcome.claimId());
            claim.status = outcome.paid() ? "PAID" : "FAILED";
            claim.statusReport = outcome.statusReport();
            claim.reasonCode = outcome.reasonCode();
        }
        if (failRecordingCallAfterRecording == ++recordingCalls) {
            throw new LedgerUnavailable("connection lost after the service recorded", null);
        }
    }

    @Override
    public RunView run(String settlementRun) {
        Map<String, RunLine> lines = new TreeMap<>();
        Map<String, Posting> postings = new TreeMap<>();
        for (Claim claim : claims.values()) {
            PaymentInstruction instruction = claim.instruction;
            if (instruction == null || !instruction.settlementRun().equals(settlementRun)) {
                continue;
            }
            lines.merge(instruction.paidCurrency() + "/" + claim.status, new RunLine(instruction.paidCurrency(),
                    claim.status, 1, instruction.amount(), instruction.paidAmount()), (a, b) -> new RunLine(
                    a.paidCurrency(), a.status(), a.claims() + b.claims(), a.amount().add(b.amount()),
                    a.paidAmount().add(b.paidAmount())));
            String scheme = claim.payable.scheme();
            if (claim.status.equals("PAID")) {
                post(postings, scheme + "/BENEFIT_LIABILITY", instruction.amount(), BigDecimal.ZERO);
                post(postings, scheme + "/BANK_CLEARING/" + instruction.paidCurrency(), BigDecimal.ZERO, instruction.amount());
            } else if (claim.status.equals("FAILED")) {
                post(postings, scheme + "/BENEFIT_LIABILITY", instruction.amount(), BigDecimal.ZERO);
                post(postings, scheme + "/BENEFIT_EXPENSE/" + claim.payable.benefit(), BigDecimal.ZERO, instruction.amount());
            }
        }
        Long behind = journalBehind.size() > 1 ? journalBehind.poll() : journalBehind.peek();
        return new RunView(settlementRun, new ArrayList<>(lines.values()), new ArrayList<>(postings.values()),
                behind == null ? 0 : behind);
    }

    private static void post(Map<String, Posting> postings, String account, BigDecimal debit, BigDecimal credit) {
        postings.merge(account, new Posting(account, debit, credit),
                (a, b) -> new Posting(account, a.debit().add(b.debit()), a.credit().add(b.credit())));
    }
}

package org.mekongledger.settlement.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parts a chunk into at most {@code n} requests of about equal size, every payment of one worker in
 * the same part: two requests sent at once then never load the same account. Deterministic (the
 * chunk's order, workers dealt to the smallest part), so a resent chunk is parted the same way.
 */
final class PaymentParts {

    private PaymentParts() {
    }

    static List<List<FrozenPayment>> byWorker(List<? extends FrozenPayment> chunk, int n) {
        Map<String, List<FrozenPayment>> byWorker = new LinkedHashMap<>();
        for (FrozenPayment payment : chunk) {
            byWorker.computeIfAbsent(payment.workerId(), worker -> new ArrayList<>()).add(payment);
        }
        List<List<FrozenPayment>> parts = new ArrayList<>(n);
        for (List<FrozenPayment> ofWorker : byWorker.values()) {
            if (parts.size() < n) {
                parts.add(new ArrayList<>(ofWorker));
                continue;
            }
            List<FrozenPayment> smallest = parts.get(0);
            for (List<FrozenPayment> part : parts) {
                if (part.size() < smallest.size()) {
                    smallest = part;
                }
            }
            smallest.addAll(ofWorker);
        }
        return parts;
    }
}

package org.mekongledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mekongledger.support.ApiClient.Response;

import tools.jackson.databind.JsonNode;

/**
 * The claims desk as the reliability tests drive it: workers with three months of contributions who
 * have left insured work, the lump-sum claim a desk files for them, and the users who file and approve
 * (configured on every {@link ServiceProcess}).
 */
final class ClaimsWorkload {

    static final String OFFICER = "claims-officer";
    static final String APPROVER = "approver";
    static final String APPROVER_2 = "approver-2";
    static final String AS_OF = "2026-01-01";
    /** Claim states in which the worker may not claim the same lump sum again. */
    static final String OPEN_OR_PAID = "('FILED', 'APPROVED', 'SCHEDULED', 'PAID')";

    private ClaimsWorkload() {
    }

    static TimedClient as(ServiceProcess service, String user) {
        return new TimedClient(service.port(), user, user + "-pw");
    }

    /**
     * {@code count} workers, three months at 12,000 filed for all of them by one employer, insured status
     * ended; returns once the entitlement engine counts the three months through every replica given
     * (the ledger projection books filings asynchronously, and a claim is assessed at filing and approval).
     */
    static List<String> insuredWorkers(TimedClient admin, int count, TimedClient... replicas) throws Exception {
        List<String> workers = Workload.registerWorkers(admin, count);
        String employer = Workload.registerEmployer(admin);
        for (String period : List.of("2025-01", "2025-02", "2025-03")) {
            Response filed = admin.post("/api/v1/contribution-filings",
                    Workload.filing(employer, period, workers, "12000.00"));
            assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
        }
        for (String worker : workers) {
            Response ended = admin.post("/api/v1/workers/" + worker + "/events",
                    Map.of("type", "INSURED_STATUS_ENDED", "date", "2025-03-31"));
            assertThat(ended.status()).as(ended.raw().body()).isEqualTo(201);
        }
        for (TimedClient replica : replicas) {
            for (String worker : workers) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                        .until(() -> lumpSumMonths(replica.get("/api/v1/workers/" + worker + "/entitlements?asOf="
                                + AS_OF + "&event=PERMANENT_DEPARTURE")) == 3);
            }
        }
        return workers;
    }

    private static int lumpSumMonths(Response entitlements) {
        for (JsonNode entitlement : entitlements.json().path("entitlements")) {
            if (entitlement.path("scheme").asString().equals("TH_SSF_S33")
                    && entitlement.path("benefit").asString().equals("OLD_AGE_LUMP_SUM")) {
                return entitlement.path("contributionMonths").asInt();
            }
        }
        return 0;
    }

    /** The old-age lump sum on leaving Thailand for good, paid to the worker's bank at home. */
    static Map<String, Object> claim(String workerId) {
        Map<String, Object> payee = new LinkedHashMap<>();
        payee.put("name", "Thida Sok");
        payee.put("channel", "BANK_ACCOUNT");
        payee.put("country", "KHM");
        payee.put("currency", "KHR");
        payee.put("bankBic", "ABAAKHPP");
        payee.put("accountNumber", "000123456");
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("workerId", workerId);
        claim.put("scheme", "TH_SSF_S33");
        claim.put("benefit", "OLD_AGE_LUMP_SUM");
        claim.put("asOf", AS_OF);
        claim.put("ground", Map.of("type", "PERMANENT_DEPARTURE", "date", "2025-12-20", "country", "KHM"));
        claim.put("payee", payee);
        return claim;
    }

    static String approvalPath(String claimId) {
        return "/api/v1/claims/" + claimId + "/approval";
    }

    /** Events of one type about one claim (the payload names its claimId). */
    static long claimEvents(LedgerDatabase db, String type, String claimId) {
        return db.count("select count(*) from domain_event_entry where payload_type like ?"
                + " and convert_from(payload, 'UTF8')::jsonb ->> 'claimId' = ?", "%" + type, claimId);
    }

    /** Events of one type about one worker's claims. */
    static long workerClaimEvents(LedgerDatabase db, String type, String workerId) {
        return db.count("select count(*) from domain_event_entry where payload_type like ? and aggregate_identifier = ?",
                "%" + type, workerId);
    }
}

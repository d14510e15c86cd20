package org.mekongledger.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;

import tools.jackson.databind.JsonNode;

class EntitlementsApiTest extends ApiTestBase {

    @Test
    void simulatesTheBangkokPostPension() {
        Response response = admin("/api/v1/entitlements/simulations", Map.of(
                "worker", Map.of("dateOfBirth", "1965-05-01", "nationality", "THA"),
                "history", List.of(Map.of("scheme", "TH_SSF_S33", "from", "2006-01", "to", "2025-12", "wage", "20000.00")),
                "insuredStatusEnded", "2025-12-31",
                "asOf", "2026-01-01"));

        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        JsonNode pension = benefit(response, "OLD_AGE_PENSION");
        assertThat(pension.path("amount").asString()).isEqualTo("4125.00");
        assertThat(pension.path("periodicity").asString()).isEqualTo("MONTHLY");
        assertThat(pension.path("eligible").asBoolean()).isTrue();
        assertThat(pension.path("contributionMonths").asInt()).isEqualTo(240);
        assertExplanationEndsWithTheAmount(pension);
    }

    @Test
    void aRegisteredWorkersEntitlementFollowsTheirLedgerAndLifeEvents() {
        String workerId = registerWorker("KHM");
        String employer = registerEmployer();
        for (String period : List.of("2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06")) {
            assertThat(file(employer, period, workerId, "10000.00").status()).isEqualTo(201);
        }
        assertThat(admin("/api/v1/workers/" + workerId + "/events",
                Map.of("type", "INSURED_STATUS_ENDED", "date", "2025-06-30")).status()).isEqualTo(201);

        Response entitlements = eventually("/api/v1/workers/" + workerId + "/entitlements?asOf=2026-01-01",
                r -> r.status() == 200 && benefitOrNull(r, "OLD_AGE_LUMP_SUM") != null
                        && benefitOrNull(r, "OLD_AGE_LUMP_SUM").path("contributionMonths").asInt() == 6);

        JsonNode lumpSum = benefit(entitlements, "OLD_AGE_LUMP_SUM");
        // six months at 10,000: the employee's old-age share 300 a month
        assertThat(lumpSum.path("amount").asString()).isEqualTo("1800.00");
        assertThat(lumpSum.path("eligible").asBoolean()).isFalse(); // born 1991: not 55 yet
        assertThat(lumpSum.path("payableFrom").asString()).isEqualTo("2046-07-14");
    }

    @Test
    void aCachedHistoryIsForgottenWhenTheLedgerOrTheLifeEventsChange() {
        String workerId = registerWorker("MMR");
        String employer = registerEmployer();
        file(employer, "2025-01", workerId, "10000.00");
        String path = "/api/v1/workers/" + workerId + "/entitlements?asOf=2026-01-01";
        eventually(path, r -> benefitOrNull(r, "OLD_AGE_LUMP_SUM") != null
                && benefitOrNull(r, "OLD_AGE_LUMP_SUM").path("contributionMonths").asInt() == 1);

        file(employer, "2025-02", workerId, "10000.00");
        admin("/api/v1/workers/" + workerId + "/events", Map.of("type", "DEATH", "date", "2025-12-01"));

        // well inside the cache's 30 s time limit: the change itself evicts the entry
        Response after = await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> read(path), r -> benefitOrNull(r, "SURVIVORS_LUMP_SUM") != null
                        && benefitOrNull(r, "SURVIVORS_LUMP_SUM").path("contributionMonths").asInt() == 2);
        assertThat(benefit(after, "SURVIVORS_LUMP_SUM").path("eligible").asBoolean()).isTrue();
    }

    @Test
    void onAHypotheticalDepartureAPartnerNationalsLumpSumIsPayableWhateverTheAge() {
        String workerId = registerWorker("KHM");
        String employer = registerEmployer();
        for (String period : List.of("2025-01", "2025-02", "2025-03")) {
            file(employer, period, workerId, "12000.00");
        }
        admin("/api/v1/workers/" + workerId + "/events", Map.of("type", "INSURED_STATUS_ENDED", "date", "2025-03-31"));
        String path = "/api/v1/workers/" + workerId + "/entitlements?asOf=2026-01-01";
        Response staying = eventually(path, r -> benefitOrNull(r, "OLD_AGE_LUMP_SUM") != null
                && benefitOrNull(r, "OLD_AGE_LUMP_SUM").path("contributionMonths").asInt() == 3);
        assertThat(benefit(staying, "OLD_AGE_LUMP_SUM").path("eligible").asBoolean()).isFalse();

        Response leaving = read(path + "&event=PERMANENT_DEPARTURE");

        JsonNode lumpSum = benefit(leaving, "OLD_AGE_LUMP_SUM");
        assertThat(lumpSum.path("eligible").asBoolean()).isTrue();
        assertThat(lumpSum.path("payableFrom").asString()).isEqualTo("2026-01-01");
        assertThat(lumpSum.path("basis").asString()).isEqualTo("TH-KH");
        assertThat(lumpSum.path("amount").asString()).isEqualTo("1080.00"); // 3 x 360, employee share only
        assertThat(read(path + "&event=SOMETHING").errorFields()).containsExactly("event");
    }

    @Test
    void lifeEventsAndInsurancePeriodsAreValidated() {
        String workerId = registerWorker("LAO");

        assertThat(admin("/api/v1/workers/" + workerId + "/events",
                Map.of("type", "PERMANENT_DEPARTURE", "date", "2026-01-10")).errorFields()).containsExactly("country");
        assertThat(admin("/api/v1/workers/" + workerId + "/events",
                Map.of("type", "DEATH", "date", "2999-01-10")).errorFields()).containsExactly("date");
        assertThat(admin("/api/v1/workers/" + workerId + "/events",
                Map.of("type", "ABDUCTED", "date", "2026-01-10")).errorFields()).containsExactly("type");
        assertThat(admin("/api/v1/workers/" + randomId() + "/events",
                Map.of("type", "RETURNED", "date", "2026-01-10")).status()).isEqualTo(404);

        Map<String, String> period = Map.of("scheme", "LA_LSSO", "from", "2015-01", "to", "2016-12",
                "source", "LSSO certificate 12/2026");
        assertThat(admin("/api/v1/workers/" + workerId + "/insurance-periods", period).status()).isEqualTo(201);
        assertThat(admin("/api/v1/workers/" + workerId + "/insurance-periods", period).status()).isEqualTo(409);
        assertThat(admin("/api/v1/workers/" + workerId + "/insurance-periods",
                Map.of("scheme", "LA_LSSO", "from", "2018-01", "to", "2017-12", "source", "x")).errorFields())
                .containsExactly("to");
        assertThat(api.post("/api/v1/workers/" + workerId + "/insurance-periods", AUDITOR, AUDITOR_PW, period).status())
                .isEqualTo(403);
    }

    @Test
    void unknownWorkersAndBadSimulationsAreRefused() {
        assertThat(read("/api/v1/workers/" + randomId() + "/entitlements").status()).isEqualTo(404);
        Response bad = admin("/api/v1/entitlements/simulations", Map.of(
                "worker", Map.of("dateOfBirth", "1990-01-01", "nationality", "MMR"),
                "history", List.of(Map.of("scheme", "TH_SSF_S33", "from", "2020-05", "to", "2020-01", "wage", "-1.00"))));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("history[0].to", "history[0].wage");
    }

    private static void assertExplanationEndsWithTheAmount(JsonNode entitlement) {
        JsonNode steps = entitlement.path("explanation");
        assertThat(steps.size()).isGreaterThan(1);
        JsonNode last = steps.get(steps.size() - 1);
        assertThat(new BigDecimal(last.path("result").asString().replace(",", "")))
                .isEqualByComparingTo(entitlement.path("amount").asString());
        steps.forEach(step -> {
            assertThat(step.path("ruleId").asString()).isNotBlank();
            assertThat(step.path("ruleSetVersion").asString()).isNotBlank();
        });
    }

    private static JsonNode benefit(Response response, String benefit) {
        JsonNode found = benefitOrNull(response, benefit);
        assertThat(found).as(response.raw().body()).isNotNull();
        return found;
    }

    private static JsonNode benefitOrNull(Response response, String benefit) {
        for (JsonNode entitlement : response.json().path("entitlements")) {
            if (entitlement.path("scheme").asString().equals("TH_SSF_S33")
                    && entitlement.path("benefit").asString().equals(benefit)) {
                return entitlement;
            }
        }
        return null;
    }
}

package org.mekongledger.rulelibrary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;

import tools.jackson.databind.JsonNode;

/**
 * The rule history as an officer meets it over the API: every version says what it rests on, a
 * filing says which version priced it and why (the employer's province), each line and each step
 * of an entitlement carries the version's status and source, and the lump sum's base is what the
 * ledger holds towards old age, month by month under the rates of each month.
 */
class RuleHistoryApiTest extends ApiTestBase {

    @Test
    void everyVersionShowsItsSourceAndStatusAndTheFloodCutItsProvinces() {
        JsonNode versions = read("/api/v1/rule-sets/TH_SSF_S33").json().path("versions");

        assertThat(versions.size()).isGreaterThanOrEqualTo(30);
        for (JsonNode version : versions) {
            String label = version.path("version").asString();
            assertThat(version.path("status").asString()).as(label).isIn("VERIFIED", "REPORTED", "ASSUMED");
            for (String field : List.of("title", "issuer", "date", "reference")) {
                assertThat(version.path("source").path(field).asString()).as(label + " source." + field).isNotBlank();
            }
            if (version.path("status").asString().equals("ASSUMED")) {
                assertThat(version.path("assumption").asString()).as(label).isNotBlank();
            }
        }
        JsonNode flood = RuleSetsApiTest.version(read("/api/v1/rule-sets/TH_SSF_S33").json(), "2024-10-FLOOD");
        assertThat(flood.path("parameters").path("areas").size()).isEqualTo(55);
        assertThat(flood.path("parameters").path("until").asString()).isEqualTo("2025-03");
        assertThat(flood.path("assumption").asString()).contains("42 provinces");
        assertThat(read("/api/v1/rule-sets").json().toString()).contains("\"status\":\"ASSUMED\"");
    }

    @Test
    void aFilingSaysWhichVersionPricedItAndWhyAndEachLineCarriesItsBasis() {
        String chiangMai = registerEmployerIn("TH-50");
        String bangkok = registerEmployerIn("TH-10");
        String worker = registerWorker("KHM");
        String other = registerWorker("KHM");

        Response flood = file(chiangMai, "2024-11", worker, "10000.00");
        Response national = file(bangkok, "2024-11", other, "10000.00");

        assertThat(flood.status()).as(flood.raw().body()).isEqualTo(201);
        assertThat(flood.json().path("ruleSetVersion").asString()).isEqualTo("2024-10-FLOOD");
        assertThat(flood.json().path("employerProvince").asString()).isEqualTo("TH-50");
        assertThat(flood.json().path("versionReason").asString()).contains("TH-50 (Chiang Mai) is among the 55 provinces");
        assertThat(flood.json().path("versionStatus").asString()).isEqualTo("ASSUMED");
        assertThat(flood.json().path("versionAssumption").asString()).contains("42 provinces");
        JsonNode line = flood.json().path("lines").get(0);
        assertThat(line.path("employee").path("total").asString()).isEqualTo("300.00");
        assertThat(line.path("ruleSetVersion").asString()).isEqualTo("2024-10-FLOOD");
        assertThat(line.path("status").asString()).isEqualTo("ASSUMED");
        assertThat(line.path("source").path("issuer").asString()).isEqualTo("thai.fyi");

        assertThat(national.json().path("ruleSetVersion").asString()).isEqualTo("2023-01");
        assertThat(national.json().path("versionReason").asString())
                .contains("TH-10 (Bangkok) is not among the provinces of version 2024-10-FLOOD");
        assertThat(national.json().path("lines").get(0).path("employee").path("total").asString()).isEqualTo("500.00");
        assertThat(national.json().path("lines").get(0).path("status").asString()).isEqualTo("REPORTED");

        // read back later, the filing still says so
        String filingId = flood.json().path("filingId").asString();
        Response readBack = eventually("/api/v1/contribution-filings/" + filingId, r -> r.status() == 200);
        assertThat(readBack.json().path("versionReason").asString()).isEqualTo(flood.json().path("versionReason").asString());
        assertThat(readBack.json().path("lines").get(0).path("status").asString()).isEqualTo("ASSUMED");
    }

    @Test
    void aRelocationPricesTheMonthsFromItsMonthForTheNewProvinceAndEarlierOnesForTheOld() {
        String employer = registerEmployerIn("TH-10");
        String worker = registerWorker("KHM");

        Response moved = admin("/api/v1/employers/" + employer + "/relocations", Map.of("province", "TH-50", "from", "2025-01"));
        Response again = admin("/api/v1/employers/" + employer + "/relocations", Map.of("province", "TH-50", "from", "2025-01"));

        assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
        assertThat(moved.json().path("provinces").toString()).contains("\"TH-10\"").contains("\"2025-01\"").contains("\"TH-50\"");
        assertThat(again.status()).isEqualTo(200);
        assertThat(owner().queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%EmployerRelocated'", Long.class, employer)).isEqualTo(1);
        assertThat(file(employer, "2024-12", worker, "10000.00").json().path("ruleSetVersion").asString()).isEqualTo("2023-01");
        Response february = file(employer, "2025-02", worker, "10000.00");
        assertThat(february.json().path("ruleSetVersion").asString()).isEqualTo("2024-10-FLOOD");
        assertThat(february.json().path("employerProvince").asString()).isEqualTo("TH-50");
        assertThat(file(employer, "2025-04", worker, "10000.00").json().path("versionReason").asString())
                .contains("no version for 2025-04 is limited to some provinces");
        Response directory = eventually("/api/v1/employers/" + employer,
                r -> r.json().path("provinces").size() == 2);
        assertThat(directory.json().path("provinces").get(1).path("name").asString()).isEqualTo("Chiang Mai");
    }

    @Test
    void concurrentIdenticalRelocationsRecordOneMove() throws Exception {
        String employer = registerEmployerIn("TH-10");
        List<Callable<Response>> moves = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            moves.add(() -> admin("/api/v1/employers/" + employer + "/relocations",
                    Map.of("province", "TH-90", "from", "2025-12")));
        }
        assertThat(inParallel(moves)).allSatisfy(r -> assertThat(r.status()).as(r.raw().body()).isEqualTo(200));
        assertThat(owner().queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%EmployerRelocated'", Long.class, employer)).isEqualTo(1);
    }

    @Test
    void aBadProvinceOrMonthIsRefusedNamingTheFieldAndChangesNothing() {
        long events = eventCount();
        Map<String, Object> nowhere = new LinkedHashMap<>(Map.of("employerAccount", "9999999001", "name", "Nowhere Co."));
        nowhere.put("province", "TH-99");
        assertThat(admin("/api/v1/employers", nowhere).errorFields()).containsExactly("province");
        nowhere.put("province", "Chiang Mai");
        assertThat(admin("/api/v1/employers", nowhere).errorFields()).containsExactly("province");
        String employer = registerEmployerIn("TH-10");
        long afterRegistration = eventCount();
        assertThat(afterRegistration).isEqualTo(events + 1);
        assertThat(admin("/api/v1/employers/" + employer + "/relocations", Map.of("province", "TH-50", "from", "2025-13"))
                .errorFields()).containsExactly("from");
        assertThat(admin("/api/v1/employers/" + employer + "/relocations", Map.of("province", "TH-00", "from", "2025-01"))
                .errorFields()).containsExactly("province");
        assertThat(admin("/api/v1/employers/" + employer + "/relocations", Map.of("from", "2025-01"))
                .errorFields()).containsExactly("province");
        assertThat(admin("/api/v1/employers/9999999002/relocations", Map.of("province", "TH-50", "from", "2025-01"))
                .status()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(afterRegistration);
    }

    @Test
    void anAddedVersionMustSayWhatItRestsOn() {
        long events = eventCount();
        Map<String, Object> noSource = new LinkedHashMap<>(RuleSetsApiTest.version("2060-01", "2060-01-01", "40000.00"));
        noSource.remove("source");
        assertThat(admin("/api/v1/rule-sets/TH_SSF_S33/versions", noSource).errorFields()).containsExactly("source");

        Map<String, Object> unexplained = new LinkedHashMap<>(RuleSetsApiTest.version("2060-01", "2060-01-01", "40000.00"));
        unexplained.put("status", "ASSUMED");
        Response refused = admin("/api/v1/rule-sets/TH_SSF_S33/versions", unexplained);
        assertThat(refused.errorFields()).containsExactly("assumption");
        assertThat(eventCount()).isEqualTo(events);

        unexplained.put("assumption", "the rates of 2032 are assumed to hold in 2060");
        Response added = admin("/api/v1/rule-sets/TH_SSF_S33/versions", unexplained);
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        JsonNode listed = RuleSetsApiTest.version(read("/api/v1/rule-sets/TH_SSF_S33").json(), "2060-01");
        assertThat(listed.path("status").asString()).isEqualTo("ASSUMED");
        assertThat(listed.path("assumption").asString()).isEqualTo("the rates of 2032 are assumed to hold in 2060");
        assertThat(listed.path("source").path("title").asString()).isEqualTo("test amendment");
    }

    /**
     * A worker insured in every era and under every kind of cut, two employers in the flood month:
     * each step of the lump sum names its version's status and source, the savings are stated per
     * contribution version, and their sum is what the worker's ledger holds towards old age.
     */
    @Test
    void theLumpSumsBaseIsWhatTheLedgerHoldsTowardsOldAgeUnderTheRatesOfEachMonth() {
        String bangkok = registerEmployerIn("TH-10");
        String chiangMai = registerEmployerIn("TH-50");
        Map<String, Object> born1965 = worker("KHM", "PASSPORT", uniqueNumber("P"));
        born1965.put("dateOfBirth", "1965-02-01");
        String worker = admin("/api/v1/workers", born1965).json().path("workerId").asString();
        for (String month : List.of("1995-06", "2000-06", "2003-06", "2009-08", "2010-06", "2013-06", "2020-04",
                "2020-10", "2021-03", "2021-07", "2021-10", "2022-06", "2022-11", "2024-11")) {
            Response filed = file(bangkok, month, worker, "12345.67");
            assertThat(filed.status()).as(month + " " + filed.raw().body()).isEqualTo(201);
        }
        assertThat(file(chiangMai, "2024-11", worker, "4000.00").status()).isEqualTo(201);

        Response ledger = eventually("/api/v1/workers/" + worker + "/ledger",
                r -> r.status() == 200 && r.json().path("schemes").size() > 0
                        && r.json().path("schemes").get(0).path("contributionMonths").asInt() == 14);
        BigDecimal employeeOnLedger = balance(ledger.json(), "EMPLOYEE");
        BigDecimal employerOnLedger = balance(ledger.json(), "EMPLOYER");

        Response answer = eventually("/api/v1/workers/" + worker + "/entitlements?asOf=2026-06-01&event=PERMANENT_DEPARTURE",
                r -> r.status() == 200 && lumpSumStep(r.json()) != null
                        && lumpSumStep(r.json()).path("inputs").path("employerOldAge").isString());
        JsonNode base = lumpSumStep(answer.json()).path("inputs");
        assertThat(new BigDecimal(base.path("employeeOldAge").asString())).isEqualByComparingTo(employeeOnLedger);
        assertThat(new BigDecimal(base.path("employerOldAge").asString())).isEqualByComparingTo(employerOnLedger);

        BigDecimal byVersion = BigDecimal.ZERO;
        List<String> versions = new ArrayList<>();
        for (JsonNode entitlement : answer.json().path("entitlements")) {
            for (JsonNode step : entitlement.path("explanation")) {
                assertThat(step.path("status").asString()).as(step.toString()).isIn("VERIFIED", "REPORTED", "ASSUMED");
                assertThat(step.path("source").path("title").asString()).as(step.toString()).isNotBlank();
                if (step.path("ruleId").asString().equals("TH_SSF_S33.OLD_AGE.SAVINGS_UNDER_CONTRIBUTION_VERSION")
                        && entitlement.path("benefit").asString().equals("OLD_AGE_LUMP_SUM")) {
                    byVersion = byVersion.add(new BigDecimal(step.path("result").asString()));
                    versions.add(step.path("ruleSetVersion").asString() + " " + step.path("status").asString());
                }
            }
        }
        assertThat(byVersion).isEqualByComparingTo(employeeOnLedger.add(employerOnLedger));
        assertThat(versions).contains("1995-01 REPORTED", "2003-01 ASSUMED", "2020-09 ASSUMED", "2021-09 REPORTED",
                "2023-01+2024-10-FLOOD ASSUMED");
    }

    private static JsonNode lumpSumStep(JsonNode answer) {
        for (JsonNode entitlement : answer.path("entitlements")) {
            if (entitlement.path("benefit").asString().equals("OLD_AGE_LUMP_SUM")) {
                for (JsonNode step : entitlement.path("explanation")) {
                    if (step.path("ruleId").asString().endsWith(".LUMP_SUM")) {
                        return step;
                    }
                }
            }
        }
        return null;
    }

    private static BigDecimal balance(JsonNode ledger, String party) {
        for (JsonNode scheme : ledger.path("schemes")) {
            for (JsonNode balance : scheme.path("balances")) {
                if (party.equals(balance.path("party").asString())
                        && "CHILD_ALLOWANCE_OLD_AGE".equals(balance.path("branch").asString())) {
                    return new BigDecimal(balance.path("amount").asString());
                }
            }
        }
        throw new AssertionError("no " + party + " old-age balance in " + ledger);
    }

    private String registerEmployerIn(String province) {
        String account = String.format("%010d", Math.floorMod(System.nanoTime(), 10_000_000_000L));
        Response created = admin("/api/v1/employers", Map.of("employerAccount", account,
                "name", "Lanna Longan Co., Ltd.", "province", province));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.json().path("province").asString()).isEqualTo(province);
        return account;
    }
}

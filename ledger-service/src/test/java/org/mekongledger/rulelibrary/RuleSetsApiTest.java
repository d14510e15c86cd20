package org.mekongledger.rulelibrary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;

import tools.jackson.databind.JsonNode;

/** Amendments accumulate in the class's database, so the tests run in name order (2041, then 2045). */
@TestMethodOrder(MethodOrderer.MethodName.class)
public class RuleSetsApiTest extends ApiTestBase {

    @Test
    void declaredReturnsAddedAsANewOldAgeVersionRaiseLumpSumsJudgedAfterIt() {
        Map<String, Object> simulation = Map.of(
                "worker", Map.of("dateOfBirth", "1960-01-01", "nationality", "THA"),
                "history", java.util.List.of(Map.of("scheme", "TH_SSF_S33", "from", "2019-01", "to", "2022-12",
                        "wage", "10000.00")),
                "insuredStatusEnded", "2022-12-31",
                "asOf", "2031-01-01");
        String before = lumpSum(admin("/api/v1/entitlements/simulations", simulation));
        int shipped = read("/api/v1/rule-sets/TH_SSF_S33_OLD_AGE").json().path("versions").size();
        Map<String, Object> parameters = new LinkedHashMap<>(Map.of("scheme", "TH_SSF_S33", "currency", "THB",
                "pensionableAgeYears", 55, "lumpSumThresholdMonths", 12, "pensionThresholdMonths", 180,
                "baseRatePercent", "20", "incrementPercent", "1.5", "incrementEveryMonths", 12,
                "averagingWindowMonths", 60, "declaredReturnsPercent", Map.of("2020", "2.0", "2021", "2.0")));
        parameters.put("survivorsLumpSumMultiple", "10");
        parameters.put("survivorsWindowMonths", 60);
        parameters.put("invalidityPaysLumpSum", true);

        Response added = admin("/api/v1/rule-sets/TH_SSF_S33_OLD_AGE/versions", amendment(Map.of("version", "2030-01",
                "effectiveFrom", "2030-01-01", "parameters", parameters), "SSO declared returns 2020-2021"));

        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        String after = lumpSum(admin("/api/v1/entitlements/simulations", simulation));
        assertThat(new java.math.BigDecimal(after)).isGreaterThan(new java.math.BigDecimal(before));
        assertThat(read("/api/v1/rule-sets/TH_SSF_S33_OLD_AGE").json().path("versions")).hasSize(shipped + 1);
    }

    private static String lumpSum(Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        for (JsonNode entitlement : response.json().path("entitlements")) {
            if (entitlement.path("benefit").asString().equals("OLD_AGE_LUMP_SUM")) {
                return entitlement.path("amount").asString();
            }
        }
        throw new AssertionError("no lump sum in " + response.raw().body());
    }

    @Test
    void listsTheShippedRuleSetsWithTheirVersions() {
        Response list = read("/api/v1/rule-sets");

        assertThat(list.status()).isEqualTo(200);
        JsonNode s33 = ruleSet(list.json(), "TH_SSF_S33");
        assertThat(s33.path("kind").asString()).isEqualTo("CONTRIBUTIONS");
        assertThat(s33.path("versions").size()).isGreaterThanOrEqualTo(5);
        assertThat(ruleSet(list.json(), "TH-KH").path("status").asString()).isEqualTo("MODEL");
        assertThat(ruleSet(list.json(), "TH-KH").path("kind").asString()).isEqualTo("AGREEMENT");
        assertThat(ruleSet(list.json(), "VN_OESF").path("kind").asString()).isEqualTo("WELFARE_FUND");
        Response detail = read("/api/v1/rule-sets/TH_SSF_S33");
        JsonNode first2026 = version(detail.json(), "2026-01");
        assertThat(first2026.path("effectiveFrom").asString()).isEqualTo("2026-01-01");
        assertThat(first2026.path("parameters").path("wageCeiling").asString()).isEqualTo("17500.00");
        assertThat(read("/api/v1/rule-sets/NO_SUCH").status()).isEqualTo(404);
    }

    @Test
    void anAddedVersionIsInForceForItsPeriodsAndHistoryStaysAsItWas() {
        Response added = admin("/api/v1/rule-sets/TH_SSF_S33/versions", version("2041-01", "2041-01-01", "30000.00"));

        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        assertThat(added.json().path("parameters").path("wageCeiling").asString()).isEqualTo("30000.00");
        assertThat(version(read("/api/v1/rule-sets/TH_SSF_S33").json(), "2041-01").path("effectiveFrom").asString())
                .isEqualTo("2041-01-01");
        // a 2026 filing is still computed with the 2026 version
        String employer = registerEmployer();
        String worker = registerWorker("MMR");
        assertThat(file(employer, "2026-02", worker, "40000.00").json().path("lines").get(0).path("insurableWage")
                .asString()).isEqualTo("17500.00");
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusesAVersionInThePastOfTheLatestOrWithABrokenBody() {
        admin("/api/v1/rule-sets/TH_SSF_S33/versions", version("2045-01", "2045-01-01", "31000.00"));
        long events = eventCount();

        Response past = admin("/api/v1/rule-sets/TH_SSF_S33/versions", version("2044-01", "2044-01-01", "31000.00"));
        Response midMonth = admin("/api/v1/rule-sets/TH_SSF_S33/versions", version("2046-01", "2046-01-15", "31000.00"));
        Map<String, Object> broken = version("2047-01", "2047-01-01", "31000.00");
        ((Map<String, Object>) broken.get("parameters")).remove("ratesPercent");
        Response invalid = admin("/api/v1/rule-sets/TH_SSF_S33/versions", broken);

        assertThat(past.status()).isEqualTo(422);
        assertThat(past.errorFields()).containsExactly("effectiveFrom");
        assertThat(midMonth.errorFields()).containsExactly("effectiveFrom");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorFields()).containsExactly("parameters");
        assertThat(invalid.json().path("errors").get(0).path("message").asString()).contains("ratesPercent");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(admin("/api/v1/rule-sets/NO_SUCH/versions", version("2050-01", "2050-01-01", "1.00")).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/rule-sets/TH_SSF_S33/versions", AUDITOR, AUDITOR_PW,
                version("2050-01", "2050-01-01", "1.00")).status()).isEqualTo(403);
    }

    static Map<String, Object> version(String version, String effectiveFrom, String ceiling) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("currency", "THB");
        parameters.put("wageFloor", "1650.00");
        parameters.put("wageCeiling", ceiling);
        Map<String, String> employee = Map.of("SICKNESS_MATERNITY_INVALIDITY_DEATH", "1.5",
                "CHILD_ALLOWANCE_OLD_AGE", "3", "UNEMPLOYMENT", "0.5");
        parameters.put("ratesPercent", Map.of("EMPLOYEE", employee, "EMPLOYER", employee,
                "GOVERNMENT", Map.of("SICKNESS_MATERNITY_INVALIDITY_DEATH", "1.5", "CHILD_ALLOWANCE_OLD_AGE", "1",
                        "UNEMPLOYMENT", "0.25")));
        parameters.put("rounding", Map.of("shareScale", 0, "shareMode", "HALF_UP", "branchScale", 2,
                "branchMode", "HALF_UP", "remainderBranch", "CHILD_ALLOWANCE_OLD_AGE"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("effectiveFrom", effectiveFrom);
        body.put("parameters", parameters);
        return amendment(body, "test amendment");
    }

    /** The body with the basis every added version must give: REPORTED, citing a made-up source. */
    public static Map<String, Object> amendment(Map<String, Object> body, String title) {
        Map<String, Object> withBasis = new LinkedHashMap<>(body);
        withBasis.put("status", "REPORTED");
        withBasis.put("source", Map.of("title", title, "issuer", "the test", "date", "2026-12-01",
                "reference", "https://example.org/test"));
        return withBasis;
    }

    private static JsonNode ruleSet(JsonNode list, String id) {
        for (JsonNode ruleSet : list.path("ruleSets")) {
            if (ruleSet.path("id").asString().equals(id)) {
                return ruleSet;
            }
        }
        throw new AssertionError("no rule set " + id);
    }

    static JsonNode version(JsonNode ruleSet, String version) {
        for (JsonNode v : ruleSet.path("versions")) {
            if (v.path("version").asString().equals(version)) {
                return v;
            }
        }
        throw new AssertionError("no version " + version);
    }
}

package org.mekongledger.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;

/** The fund administrator sets a day's rate; settlement and auditors read it; nothing else gets in. */
class FxRatesApiTest extends ApiTestBase {

    private static Map<String, Object> rate(String rate, String source) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("base", "THB");
        body.put("rate", rate);
        body.put("source", source);
        return body;
    }

    private Response put(String day, String currency, Object body) {
        return api.put("/api/v1/fx-rates/" + day + "/" + currency, ADMIN, ADMIN_PW, body);
    }

    @Test
    void aRateIsSetOnceReplacedWithItsHistoryKeptAndSetAgainUnchanged() {
        Response first = put("2026-12-01", "MMK", rate("60.1234", "Bank of Thailand reference rate"));
        assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
        assertThat(first.json().path("rate").asString()).isEqualTo("60.1234");
        assertThat(first.json().path("minorUnits").asInt()).isEqualTo(2);
        assertThat(first.json().path("setBy").asString()).isEqualTo(ADMIN);

        assertThat(put("2026-12-01", "MMK", rate("60.12340", "Bank of Thailand reference rate")).status())
                .as("the same rate, however written").isEqualTo(200);
        assertThat(owner().queryForObject("select count(*) from fx_rate_history where currency = 'MMK'", Long.class)).isZero();

        Response replaced = put("2026-12-01", "MMK", rate("61", "Bank of Thailand, corrected"));
        assertThat(replaced.status()).isEqualTo(200);
        Response read = api.get("/api/v1/fx-rates/2026-12-01/MMK", "settlement", "settlement-pw");
        assertThat(read.json().path("rate").asString()).isEqualTo("61");
        assertThat(read.json().path("source").asString()).isEqualTo("Bank of Thailand, corrected");
        assertThat(owner().queryForObject("select rate::text from fx_rate_history where currency = 'MMK'", String.class))
                .startsWith("60.1234");
    }

    @Test
    void dongAreWholeAndARangeListsDaysThenCurrencies() {
        put("2026-12-02", "VND", rate("735.5", "SBV"));
        put("2026-12-02", "KHR", rate("117.19", "NBC"));
        put("2026-12-03", "KHR", rate("117.2", "NBC"));
        Response range = api.get("/api/v1/fx-rates?from=2026-12-02&to=2026-12-03", AUDITOR, AUDITOR_PW);
        assertThat(range.status()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        range.json().path("rates").forEach(r -> listed.add(r.path("date").asString() + " " + r.path("currency").asString()
                + " " + r.path("minorUnits").asInt()));
        assertThat(listed).containsExactly("2026-12-02 KHR 2", "2026-12-02 VND 0", "2026-12-03 KHR 2");
        assertThat(api.get("/api/v1/fx-rates?from=2026-12-02&to=2026-12-03&currency=VND", AUDITOR, AUDITOR_PW)
                .json().path("rates")).hasSize(1);
    }

    @Test
    void anUnsetDayIsNotFound() {
        Response missing = api.get("/api/v1/fx-rates/2026-12-25/LAK", ADMIN, ADMIN_PW);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void badRatesAreRefusedNamingTheFieldAndRecordNothing() {
        assertThat(put("2026-11-01", "MMK", rate("0", "x")).errorFields()).containsExactly("rate");
        assertThat(put("2026-11-01", "MMK", rate("-60", "x")).errorFields()).containsExactly("rate");
        assertThat(put("2026-11-01", "MMK", rate("6e1", "x")).errorFields()).containsExactly("rate");
        assertThat(put("2026-11-01", "MMK", rate("60.12345678901", "x")).errorFields()).containsExactly("rate");
        assertThat(put("2026-11-01", "MMK", rate("60", "  ")).errorFields()).containsExactly("source");
        assertThat(put("2026-11-01", "MMK", rate("60", "x".repeat(201))).errorFields()).containsExactly("source");
        Map<String, Object> dollarBase = rate("60", "x");
        dollarBase.put("base", "USD");
        assertThat(put("2026-11-01", "MMK", dollarBase).errorFields()).containsExactly("base");
        assertThat(put("2026-11-01", "THB", rate("1", "x")).errorFields()).containsExactly("currency");
        assertThat(put("2026-11-01", "XTS", rate("1", "x")).errorFields()).containsExactly("currency");
        assertThat(put("2026-11-01", "mmk", rate("60", "x")).errorFields()).containsExactly("currency");
        assertThat(put("1850-01-01", "MMK", rate("60", "x")).errorFields()).containsExactly("date");
        assertThat(put("2026-13-01", "MMK", rate("60", "x")).status()).isEqualTo(422);
        assertThat(put("2026-11-01", "MMK", "{\"rate\": ").status()).isEqualTo(400);
        assertThat(put("2026-11-01", "MMK", Map.of()).errorFields()).contains("base", "rate", "source");
        assertThat(api.get("/api/v1/fx-rates?from=2026-12-03&to=2026-12-02", ADMIN, ADMIN_PW).errorFields())
                .containsExactly("to");
        assertThat(api.get("/api/v1/fx-rates?from=2026-01-01&to=2027-01-02", ADMIN, ADMIN_PW).errorFields())
                .containsExactly("to");
        assertThat(owner().queryForObject("select count(*) from fx_rate where rate_date = '2026-11-01'", Long.class)).isZero();
    }

    @Test
    void onlyTheFundAdministratorSetsRates() {
        assertThat(api.put("/api/v1/fx-rates/2026-11-01/MMK", "settlement", "settlement-pw", rate("60", "x")).status())
                .isEqualTo(403);
        assertThat(api.put("/api/v1/fx-rates/2026-11-01/MMK", EMBASSY, EMBASSY_PW, rate("60", "x")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/fx-rates/2026-11-01/MMK", EMBASSY, EMBASSY_PW).status()).isEqualTo(403);
        assertThat(owner().queryForObject("select count(*) from fx_rate where rate_date = '2026-11-01'", Long.class)).isZero();
    }

    @Test
    void administratorsSettingOneDayAtOnceLeaveOneRateAndEveryOtherInTheHistory() throws Exception {
        List<Callable<Response>> puts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String figure = "60." + i;
            puts.add(() -> put("2026-12-04", "LAK", rate(figure, "desk " + figure)));
        }
        List<Response> answers = inParallel(puts);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isIn(200, 201));
        assertThat(answers.stream().filter(answer -> answer.status() == 201)).hasSize(1);
        assertThat(owner().queryForObject("select count(*) from fx_rate where currency = 'LAK'", Long.class)).isEqualTo(1);
        assertThat(owner().queryForObject("select count(*) from fx_rate_history where currency = 'LAK'", Long.class))
                .isEqualTo(7);
    }
}

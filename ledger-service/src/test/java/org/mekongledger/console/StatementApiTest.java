package org.mekongledger.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient;
import org.mekongledger.support.ApiTestBase;
import org.mekongledger.support.ConsoleSession;


/**
 * The worker's printable statement through the API and the console, and the look-up by the code
 * printed on it: a Myanmar worker with a pink card, insured with two employers over two years.
 */
class StatementApiTest extends ApiTestBase {

    private static final String MMR = "embassy-mmr";
    private static final String MMR_PW = "embassy-mmr-pw";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static String aung;

    @BeforeEach
    void aMyanmarWorkerInsuredWithTwoEmployersOverTwoYears() {
        if (aung != null && jdbc.queryForObject("select count(*) from ledger_entry where worker_id = ?", Long.class, aung) > 0) {
            return;
        }
        String unique = uniqueNumber("");
        Map<String, Object> worker = worker("MMR", "PINK_CARD", "0" + unique.substring(unique.length() - 5) + "67890123");
        String pinkCard = (String) ((Map<?, ?>) ((List<?>) worker.get("documents")).get(0)).get("number");
        worker.put("documents", List.of(Map.of("type", "PINK_CARD", "number", pinkCard, "issuingCountry", "THA",
                "validUntil", "2030-01-31")));
        aung = admin("/api/v1/workers", worker).json().path("workerId").asString();
        String mahachai = registerEmployer();
        String samutSakhon = registerEmployer();
        for (String period : List.of("2024-03", "2024-04", "2024-05")) {
            assertThat(file(mahachai, period, aung, "12000.00").status()).isEqualTo(201);
        }
        assertThat(file(samutSakhon, "2025-01", aung, "9000.00").status()).isEqualTo(201);
        // two employers in one month: one insured month
        assertThat(file(samutSakhon, "2025-02", aung, "9000.00").status()).isEqualTo(201);
        assertThat(file(mahachai, "2025-02", aung, "4000.00").status()).isEqualTo(201);
        eventually("/api/v1/workers/" + aung + "/ledger",
                r -> r.json().path("entries").path("totalEntries").asLong() == 6);
    }

    @Test
    void theStatementInBurmeseWithEnglishBesideItAddsUpToTheLedger() {
        ApiClient.Response statement = api.get("/api/v1/workers/" + aung + "/statement?lang=my", MMR, MMR_PW);
        assertThat(statement.status()).as(statement.raw().body()).isEqualTo(200);
        assertThat(statement.contentType()).startsWith("text/html");
        assertThat(statement.header("Cache-Control")).contains("no-store");
        assertThat(statement.header("Content-Disposition")).isEqualTo("inline; filename=\"statement-" + aung + ".html\"");
        String html = statement.raw().body();
        assertThat(html).contains("<html lang=\"my\"").contains("lang=\"en\"")
                .contains("လူမှုဖူလုံရေး ရှင်းတမ်း").contains("Social security statement")
                .contains("/console/assets/statement.css");
        String english = english(html);

        // months per year as filed: March to May 2024, January and February 2025 (February from two employers)
        assertThat(english).containsPattern("<th scope=\"row\">2024</th>\\s*<td>3</td>")
                .containsPattern("<th scope=\"row\">2025</th>\\s*<td>2</td>");
        // in Burmese digits beside it
        assertThat(html).contains("၂၀၂၄");

        // the totals are the ledger's balances of the worker's share and of the employers'
        LedgerTotals ledger = LedgerTotals.of(read("/api/v1/workers/" + aung + "/ledger").json());
        assertThat(ledger.byWorker()).isPositive();
        assertThat(amount(english, "paid-by-worker")).isEqualByComparingTo(ledger.byWorker());
        assertThat(amount(english, "paid-by-employers")).isEqualByComparingTo(ledger.byEmployers());

        // what is owed today and at 55 (14 July 2046), with how to claim
        assertThat(english).contains("What you are owed on").contains("What you will be owed at 55, on July 14, 2046")
                .contains("Old-age lump sum").contains("How to claim").contains("embassy of Myanmar")
                .contains("Pink card 0");
        // the deadline that today's and the one at 55 share is listed once
        assertThat(Pattern.compile("Old-age lump sum: claim by").matcher(english).results().count()).isEqualTo(1);

        // the code printed under the QR code gives back this worker, its check digits holding
        String workerId = text(html, "worker-id");
        String check = text(html, "check-digits");
        assertThat(workerId).isEqualTo(aung);
        assertThat(check).matches("[0-9]{2}");
        assertThat(StatementCode.workerId(workerId + " " + check)).contains(aung);
        assertThat(html).contains("<svg").contains("<path fill=\"#000\" d=\"M");

        // the read is in the audit trail, as every embassy officer's read of a worker
        assertThat(auditEntries("/api/v1/audit?workerId=" + aung)).anySatisfy(entry -> {
            assertThat(entry.path("actor").asString()).isEqualTo(MMR);
            assertThat(entry.toString()).contains("PersonalDataRead").contains("/statement");
        });
    }

    @Test
    void englishAloneWhenEnglishIsAskedAndTheWorkersOwnLanguageByDefault() {
        String english = api.get("/api/v1/workers/" + aung + "/statement?lang=en", MMR, MMR_PW).raw().body();
        assertThat(english).contains("<html lang=\"en\"").doesNotContain("lang=\"my\"").contains("one-language");
        String byDefault = api.get("/api/v1/workers/" + aung + "/statement", ADMIN, ADMIN_PW).raw().body();
        assertThat(byDefault).contains("<html lang=\"my\"").contains("two-languages");
        String thai = api.get("/api/v1/workers/" + aung + "/statement?lang=th", ADMIN, ADMIN_PW).raw().body();
        // the Buddhist era: born 14 July 1991, 2534
        assertThat(thai).contains("14 กรกฎาคม 2534").contains("<th scope=\"row\">2567</th>");
    }

    @Test
    void aWorkerWhoIsPast55IsToldThatAt55IsToday() {
        Map<String, Object> older = worker("MMR", "PASSPORT", uniqueNumber("MB"));
        older.put("dateOfBirth", "1965-02-01");
        String workerId = admin("/api/v1/workers", older).json().path("workerId").asString();
        String html = api.get("/api/v1/workers/" + workerId + "/statement?lang=en", ADMIN, ADMIN_PW).raw().body();
        assertThat(html).contains("You reached 55 on February 1, 2020: what you are owed at 55 is what you are owed today, above.")
                .doesNotContain("If your insured work has ended by then");
    }

    @Test
    void welfareFundMonthsHaveTheirColumnAndFeesCountForWhoPaidThem() {
        String worker = registerWorker("VNM");
        String employer = registerEmployer();
        assertThat(file(employer, "2026-03", worker, "10000.00").status()).isEqualTo(201);
        ApiClient.Response fees = admin("/api/v1/contribution-filings", Map.of("scheme", "VN_OESF", "employerAccount", employer,
                "period", "2026-03", "lines", List.of(Map.of("workerId", worker, "payer", "WORKER"),
                        Map.of("workerId", worker, "payer", "RECRUITMENT_AGENCY"))));
        assertThat(fees.status()).as(fees.raw().body()).isEqualTo(201);
        eventually("/api/v1/workers/" + worker + "/ledger", r -> r.json().path("entries").path("totalEntries").asLong() == 3);

        String html = api.get("/api/v1/workers/" + worker + "/statement", ADMIN, ADMIN_PW).raw().body();
        assertThat(html).contains("<html lang=\"vi\"").contains("Quỹ phúc lợi");
        String english = english(html);
        assertThat(english).contains("Welfare fund")
                .containsPattern("<th scope=\"row\">2026</th>\\s*<td>1</td>\\s*<td>1</td>");
        // the worker's own fee is theirs; the recruitment agency's fee is neither the worker's nor an employer's
        assertThat(english).containsPattern("class=\"paid-by-worker\">₫100,000<")
                .containsPattern("class=\"paid-by-employers\">₫0<");
    }

    @Test
    void anotherEmbassyAnUnknownLanguageAndAStrangerAreRefused() {
        ApiClient.Response foreign = api.get("/api/v1/workers/" + aung + "/statement?lang=my", EMBASSY, EMBASSY_PW);
        String unknownId = randomId();
        ApiClient.Response unknown = api.get("/api/v1/workers/" + unknownId + "/statement?lang=my", EMBASSY, EMBASSY_PW);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(foreign.raw().body().replace(aung, "ID")).isEqualTo(unknown.raw().body().replace(unknownId, "ID"));

        ApiClient.Response unknownLanguage = api.get("/api/v1/workers/" + aung + "/statement?lang=xx", MMR, MMR_PW);
        assertThat(unknownLanguage.status()).isEqualTo(422);
        assertThat(unknownLanguage.errorFields()).containsExactly("lang");

        assertThat(api.get("/api/v1/workers/" + aung + "/statement", null, null).status()).isEqualTo(401);
    }

    // --- the console: the statement at the desk, and the look-up by its code ---------------------

    @Test
    void theConsolePrintsTheStatementInTheWorkersLanguageAndLeavesTheOfficersAsItWas() throws Exception {
        ConsoleSession mmr = new ConsoleSession().signIn(MMR, MMR_PW);
        HttpResponse<String> statement = mmr.get("/console/workers/" + aung + "/statement");
        assertThat(statement.statusCode()).isEqualTo(200);
        assertThat(statement.body()).contains("<html lang=\"my\"").contains("Social security statement");
        assertThat(statement.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(statement.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        assertThat(mmr.get("/console/workers/" + aung + "/statement?lang=th").body()).contains("<html lang=\"th\"");
        // printing in Thai for the worker did not switch the officer's console to Thai
        assertThat(mmr.get("/console/workers").body()).contains("<html lang=\"en\"").contains("Find a worker");

        ConsoleSession khm = new ConsoleSession().signIn(EMBASSY, EMBASSY_PW);
        HttpResponse<String> foreign = khm.get("/console/workers/" + aung + "/statement");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(khm.get("/console/workers/" + randomId() + "/statement").body())
                .isEqualTo(khm.get("/console/workers/" + randomId()).body());
        assertThat(auditEntries("/api/v1/audit?workerId=" + aung)).anySatisfy(entry ->
                assertThat(entry.toString()).contains("console statement"));
    }

    @Test
    void aScannedOrTypedCodeOpensTheRecordAndAMistypedOneSaysSo() throws Exception {
        ConsoleSession mmr = new ConsoleSession().signIn(MMR, MMR_PW);
        HttpResponse<String> scanned = mmr.get("/console/workers/scan?code=" + encode(StatementCode.of(aung)));
        assertThat(scanned.statusCode()).isEqualTo(302);
        assertThat(scanned.headers().firstValue("Location").orElse("")).endsWith("/console/workers/" + aung);
        // typed from the text under the QR code, in capitals
        HttpResponse<String> typed = mmr.get("/console/workers/scan?code="
                + encode(aung.toUpperCase() + " " + StatementCode.check(aung)));
        assertThat(typed.headers().firstValue("Location").orElse("")).endsWith("/console/workers/" + aung);

        String wrongCheck = String.format("%02d", (Integer.parseInt(StatementCode.check(aung)) + 1) % 100);
        HttpResponse<String> mistyped = mmr.get("/console/workers/scan?code=" + encode(aung + " " + wrongCheck));
        assertThat(mistyped.statusCode()).isEqualTo(200);
        assertThat(mistyped.body()).contains("This statement code is not valid").contains("<label for=\"code\"")
                .contains("value=\"" + aung + " " + wrongCheck + "\"").contains("aria-invalid=\"true\"")
                .contains("<label for=\"documentNumber\"");

        ConsoleSession khm = new ConsoleSession().signIn(EMBASSY, EMBASSY_PW);
        HttpResponse<String> foreign = khm.get("/console/workers/scan?code=" + encode(StatementCode.of(aung)));
        String nobody = randomId();
        HttpResponse<String> unknown = khm.get("/console/workers/scan?code=" + encode(StatementCode.of(nobody)));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(unknown.body()).isEqualTo(khm.get("/console/workers/" + nobody).body());
    }

    /** The English column: the statement's last language. */
    private static String english(String html) {
        return Pattern.compile("<div class=\"column\" lang=\"en\">(.*?)</div>", Pattern.DOTALL).matcher(html).results()
                .map(m -> m.group(1)).collect(Collectors.joining("\n"));
    }

    private static BigDecimal amount(String html, String cssClass) {
        return new BigDecimal(text(html, cssClass).replaceAll("[^0-9.]", ""));
    }

    private static String text(String html, String cssClass) {
        Matcher found = Pattern.compile("class=\"" + cssClass + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(found.find()).as(cssClass).isTrue();
        return found.group(1).strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A browser of its own on the console: cookies kept, redirects shown rather than followed. */
    private final class ConsoleSession {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        ConsoleSession signIn(String user, String password) throws Exception {
            Matcher token = CSRF.matcher(get("/console/sign-in").body());
            assertThat(token.find()).isTrue();
            String form = Map.of("username", user, "password", password, "_csrf", token.group(1)).entrySet().stream()
                    .map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/console/sign-in")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            return this;
        }
    }
}

package org.mekongledger.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiTestBase;
import org.mekongledger.support.ConsoleSession;
import tools.jackson.databind.JsonNode;

/**
 * Claims and contributions at the console, as an officer's browser posts them: an embassy officer
 * files a national's claim with a payee per channel, bad payee data comes back on the form naming
 * the field and records nothing, two clicks file one claim, another embassy cannot reach the claim,
 * and an approver works the queue with the name check visible and approves.
 */
class ConsoleClaimsTest extends ApiTestBase {

    private static final Pattern FILE_LINK = Pattern.compile("class=\"file-claim\" href=\"([^\"]+departure=[0-9-]+)\"");
    private static final Pattern INPUT_ID = Pattern.compile("<input[^>]*\\sid=\"([^\"]+)\"");
    private static final Pattern PLAIN_CELL = Pattern.compile("<td class=\"plain\">([^<]*)</td>");

    @Test
    void anEmbassyOfficerFilesANationalsClaimAndAnApproverApprovesItFromTheQueue() throws Exception {
        String workerId = insuredNational();
        ConsoleSession mmr = new ConsoleSession(port).signIn("embassy-mmr", "embassy-mmr-pw");

        // the worker's page offers a claim on what they would be owed if they left for good today
        String page = mmr.get("/console/workers/" + workerId).body();
        Matcher link = FILE_LINK.matcher(page);
        assertThat(link.find()).as("a claim link under 'if they leave for good today'").isTrue();
        String formPath = link.group(1).replace("&amp;", "&");
        HttpResponse<String> form = mmr.get(formPath);
        assertThat(form.statusCode()).isEqualTo(200);
        everyFieldHasItsLabel(form.body());

        // a wallet number that is not one, with a bank's fields left over from a change of mind
        Map<String, String> wallet = payee("Thida", "MOBILE_WALLET");
        wallet.put("walletProvider", "Wave Money");
        wallet.put("msisdn", "09 123");
        wallet.put("bankBic", "NOT A BIC");
        HttpResponse<String> refused = mmr.submit(formPath, "/console/workers/" + workerId + "/claims", wallet);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Please check these fields")
                .contains("Wallet phone number, with country code (+95...)</span>: <span lang=\"en\">a phone number in E.164 form")
                .contains("id=\"msisdn\" name=\"msisdn\" type=\"tel\" value=\"09 123\"")
                // only the chosen channel's fields count
                .doesNotContain("Bank&#39;s BIC (SWIFT code)</span>:");
        assertThat(claimsOf(workerId).path("total").asInt()).isZero();

        // a day that is not one, a name longer than any bank takes, a destination that is no country
        Map<String, String> careless = payee("T".repeat(10_000), "CASH_PICKUP");
        careless.put("pickupPoint", "Myawaddy");
        careless.put("departureDate", "2026-02-30");
        HttpResponse<String> garbled = mmr.submit(formPath, "/console/workers/" + workerId + "/claims", careless);
        assertThat(garbled.statusCode()).isEqualTo(422);
        assertThat(garbled.body()).contains("href=\"#departureDate\"");
        careless.put("departureDate", today());
        careless.put("destination", "Atlantis");
        garbled = mmr.submit(formPath, "/console/workers/" + workerId + "/claims", careless);
        assertThat(garbled.statusCode()).isEqualTo(422);
        assertThat(garbled.body()).contains("href=\"#payeeName\"").contains("at most 140 characters")
                .contains("href=\"#destination\"");
        assertThat(claimsOf(workerId).path("total").asInt()).isZero();

        Map<String, String> bank = payee("Thida", "BANK_ACCOUNT");
        bank.put("bankBic", "CMBKMMMY");
        bank.put("accountNumber", "0012345678");
        HttpResponse<String> filed = mmr.submit(formPath, "/console/workers/" + workerId + "/claims", bank);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
        String claimPath = filed.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(claimPath).startsWith("/console/claims/");
        String claimId = claimPath.substring("/console/claims/".length());
        assertThat(mmr.get(claimPath).body()).contains("The claim is filed.").contains("Filed, waiting for approval");
        // the departure the claim rests on is now one of the worker's life events, beside the end of insured work
        assertThat(mmr.get("/console/workers/" + workerId + "?lang=en").body()).contains("Life events")
                .containsPattern("Insured work ended</span>,\\s*<span>March 31, 2025</span>").contains("Left Thailand for good");

        JsonNode recorded = read("/api/v1/claims/" + claimId).json();
        assertThat(recorded.path("status").asString()).isEqualTo("FILED");
        assertThat(recorded.path("filedBy").asString()).isEqualTo("embassy-mmr");
        assertThat(recorded.path("payee").path("channel").asString()).isEqualTo("BANK_ACCOUNT");
        assertThat(recorded.path("payee").path("msisdn").isMissingNode() || recorded.path("payee").path("msisdn").isNull()).isTrue();
        assertThat(recorded.path("ground").path("type").asString()).isEqualTo("PERMANENT_DEPARTURE");
        assertThat(recorded.path("ground").path("country").asString()).isEqualTo("MMR");

        // the embassy officer may not decide, and another embassy cannot even see it
        HttpResponse<String> again = mmr.get(claimPath);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(mmr.submit(claimPath, "/console/claims/" + claimId + "/approval", Map.of()).statusCode()).isEqualTo(403);
        ConsoleSession khm = new ConsoleSession(port).signIn(EMBASSY, EMBASSY_PW);
        HttpResponse<String> hidden = khm.get(claimPath);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).isEqualTo(khm.get("/console/claims/" + randomId()).body());
        assertThat(khm.get(formPath).statusCode()).isEqualTo(404);
        assertThat(khm.submit("/console/workers", "/console/workers/" + workerId + "/claims", bank).statusCode()).isEqualTo(404);
        assertThat(khm.submit("/console/workers", "/console/claims/" + claimId + "/rejection", Map.of("reason", "x")).statusCode())
                .isEqualTo(403);
        assertThat(khm.get("/console/claims").body()).doesNotContain(claimId);

        // the approver's queue: a payee whose name is not the worker's is flagged
        String other = insuredNational();
        Map<String, String> stranger = payee("Somebody Else", "CASH_PICKUP");
        stranger.put("pickupPoint", "Myawaddy branch");
        String otherForm = "/console/workers/" + other + "/claims/new?scheme=TH_SSF_S33&benefit=OLD_AGE_LUMP_SUM&departure=" + today();
        assertThat(mmr.submit(otherForm, "/console/workers/" + other + "/claims", stranger).statusCode()).isEqualTo(302);

        ConsoleSession approver = new ConsoleSession(port).signIn("approver", "approver-pw");
        String queue = approver.get("/console/claims").body();
        assertThat(queue).contains("/console/claims/" + claimId);
        assertThat(row(queue, claimId)).doesNotContain("Payee&#39;s name differs");
        String otherClaim = claimsOf(other).path("claims").get(0).path("claimId").asString();
        assertThat(row(queue, otherClaim)).contains("mismatch").contains("Payee&#39;s name differs");

        HttpResponse<String> approved = approver.submit(claimPath, "/console/claims/" + claimId + "/approval", Map.of());
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(approver.get(claimPath).body()).contains("Approved").contains("approver");
        assertThat(read("/api/v1/claims/" + claimId).json().path("status").asString()).isEqualTo("APPROVED");
        // a rejection needs its reason, and says so instead of failing; so does one too long to keep
        approver.submit("/console/claims/" + otherClaim, "/console/claims/" + otherClaim + "/rejection", Map.of("reason", " "));
        assertThat(approver.get("/console/claims/" + otherClaim).body()).contains("a reason is required");
        approver.submit("/console/claims/" + otherClaim, "/console/claims/" + otherClaim + "/rejection",
                Map.of("reason", "x".repeat(5000)));
        assertThat(approver.get("/console/claims/" + otherClaim).body()).contains("at most");
        // a page number that is not one is a page saying so, not the API's JSON; a negative one is the first
        HttpResponse<String> notANumber = approver.get("/console/claims?page=abc");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("Not an address the console knows").doesNotContain("problem");
        assertThat(approver.get("/console/claims?page=-3").body()).contains("/console/claims/" + otherClaim);
        assertThat(approver.get("/console/workers/" + workerId + "/claims/new").statusCode()).isEqualTo(403);
        // a status that is not one shows the filed claims, not an error
        HttpResponse<String> odd = approver.get("/console/claims?status=%3Cscript%3E");
        assertThat(odd.statusCode()).isEqualTo(200);
        assertThat(odd.body()).contains("/console/claims/" + otherClaim).doesNotContain("<script>");
        assertThat(read("/api/v1/claims/" + otherClaim).json().path("status").asString()).isEqualTo("FILED");
    }

    @Test
    void twoClicksOnTheFormFileOneClaimAndAFormWithoutItsTokenFilesNone() throws Exception {
        String workerId = insuredNational();
        ConsoleSession mmr = new ConsoleSession(port).signIn("embassy-mmr", "embassy-mmr-pw");
        String formPath = "/console/workers/" + workerId + "/claims/new?scheme=TH_SSF_S33&benefit=OLD_AGE_LUMP_SUM&departure=" + today();
        Map<String, String> bank = payee("Thida", "BANK_ACCOUNT");
        bank.put("bankBic", "CMBKMMMY");
        bank.put("accountNumber", "0012345678");

        assertThat(mmr.post("/console/workers/" + workerId + "/claims", bank).statusCode()).isEqualTo(403);
        assertThat(claimsOf(workerId).path("total").asInt()).isZero();

        Map<String, String> withToken = new LinkedHashMap<>(bank);
        withToken.put("_csrf", ConsoleSession.csrf(mmr.get(formPath).body()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> clicks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<HttpResponse<String>> click = () -> mmr.post("/console/workers/" + workerId + "/claims", withToken);
                clicks.add(pool.submit(click));
            }
            int filed = 0;
            for (Future<HttpResponse<String>> click : clicks) {
                HttpResponse<String> answer = click.get();
                if (answer.statusCode() == 302) {
                    filed++;
                } else {
                    // refused as a second claim, or told the worker's account was busy with the first: nothing recorded twice
                    assertThat(answer.statusCode()).isIn(409, 422);
                    assertThat(answer.body()).contains("Please check these fields");
                }
            }
            assertThat(filed).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(claimsOf(workerId).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void theContributionsPageAgreesWithTheLedgerAndEveryStepReadsInWords() throws Exception {
        String workerId = insuredNational();
        ConsoleSession mmr = new ConsoleSession(port).signIn("embassy-mmr", "embassy-mmr-pw");

        String page = mmr.get("/console/workers/" + workerId + "/contributions").body();
        assertThat(page).contains("<td>2025</td><td>3</td>").contains("<svg");
        LedgerTotals ledger = LedgerTotals.of(read("/api/v1/workers/" + workerId + "/ledger").json());
        assertThat(ledger.byWorker()).isPositive();
        assertThat(amountIn(page, "byWorker")).isEqualByComparingTo(ledger.byWorker());
        assertThat(amountIn(page, "byEmployers")).isEqualByComparingTo(ledger.byEmployers());
        assertThat(page).contains("Contribution").contains("January 2025");
        assertThat(mmr.get("/console/workers/" + workerId + "/contributions?lang=th").body()).contains("มกราคม 2568");

        // every step on the worker's page has a sentence of its own, in each language
        for (String lang : List.of("en", "th", "my", "km", "lo", "vi")) {
            String worker = mmr.get("/console/workers/" + workerId + "?lang=" + lang).body();
            Matcher cell = PLAIN_CELL.matcher(worker);
            int cells = 0;
            while (cell.find()) {
                cells++;
                assertThat(cell.group(1)).as("step in %s", lang).doesNotMatch("^[A-Z0-9_-]+\\.[A-Z_.]+: .*");
            }
            assertThat(cells).as("steps on the %s page", lang).isGreaterThan(5);
        }
        assertThat(mmr.get("/console/workers/" + workerId + "?lang=en").body())
                .contains("Paid by the worker towards old age: 1,080.00 over 3 months, January 2025 to March 2025")
                // codes the engine gives as results read as words
                .contains("the old-age benefit is a lump sum (a pension needs 180 months)")
                .doesNotContain("OLD_AGE_LUMP_SUM (a pension");
        ConsoleSession khm = new ConsoleSession(port).signIn(EMBASSY, EMBASSY_PW);
        assertThat(khm.get("/console/workers/" + workerId + "/contributions").statusCode()).isEqualTo(404);
    }

    @Test
    void aDepartureStillToComeIsWorkedOutButNotClaimedAndADayThatIsNotOneIsSaid() throws Exception {
        String workerId = insuredNational();
        ConsoleSession mmr = new ConsoleSession(port).signIn("embassy-mmr", "embassy-mmr-pw");
        String next = java.time.LocalDate.parse(today()).plusMonths(2).toString();

        String future = mmr.get("/console/workers/" + workerId + "?lang=en&leavingOn=" + next).body();
        assertThat(future).contains("If they leave for good on " + ConsoleDates.format(java.time.LocalDate.parse(next),
                java.util.Locale.ENGLISH)).contains("value=\"" + next + "\"").doesNotContain("class=\"file-claim\"");
        assertThat(mmr.get("/console/workers/" + workerId + "?leavingOn=" + today()).body()).contains("class=\"file-claim\"");

        HttpResponse<String> nonsense = mmr.get("/console/workers/" + workerId + "?leavingOn=2026-13-40");
        assertThat(nonsense.statusCode()).isEqualTo(200);
        assertThat(nonsense.body()).contains("&quot;2026-13-40&quot; is not a day between 1991 and 2100; today is shown.");
        assertThat(mmr.get("/console/workers/" + workerId + "?leavingOn=1890-01-01").body()).contains("is not a day between");
    }

    @Test
    void theJournalEntriesArePagedTwentyFiveAtATime() throws Exception {
        String workerId = registerWorker("MMR");
        String[] months = java.util.stream.IntStream.rangeClosed(1, 27)
                .mapToObj(i -> java.time.YearMonth.of(2023, 1).plusMonths(i - 1).toString()).toArray(String[]::new);
        insuredThenNoLonger(workerId, months);
        ConsoleSession mmr = new ConsoleSession(port).signIn("embassy-mmr", "embassy-mmr-pw");

        String first = mmr.get("/console/workers/" + workerId + "/contributions?lang=en").body();
        assertThat(first).contains("Page 1 of 2").contains("href=\"?page=1\"").doesNotContain(">Newer<");
        String second = mmr.get("/console/workers/" + workerId + "/contributions?page=1").body();
        assertThat(second).contains("Page 2 of 2").contains("href=\"?page=0\"").doesNotContain(">Older<");
        assertThat(Pattern.compile("<td>Contribution</td>").matcher(second).results().count()).isEqualTo(2);
    }

    /** A Myanmar national with three months at 12,000 in 2025 and no longer insured: owed a lump sum on leaving. */
    private String insuredNational() {
        String workerId = registerWorker("MMR");
        insuredThenNoLonger(workerId, "2025-01", "2025-02", "2025-03");
        return workerId;
    }

    private static Map<String, String> payee(String name, String channel) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("scheme", "TH_SSF_S33");
        form.put("benefit", "OLD_AGE_LUMP_SUM");
        form.put("departureDate", today());
        form.put("destination", "MMR");
        form.put("payeeName", name);
        form.put("country", "MMR");
        form.put("currency", "MMK");
        form.put("channel", channel);
        return form;
    }

    private static String today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Bangkok")).toString();
    }

    private JsonNode claimsOf(String workerId) {
        return read("/api/v1/claims?workerId=" + workerId).json();
    }

    private static void everyFieldHasItsLabel(String html) {
        Matcher input = INPUT_ID.matcher(html);
        int inputs = 0;
        while (input.find()) {
            inputs++;
            assertThat(html).as("a label for %s", input.group(1)).contains("for=\"" + input.group(1) + "\"");
        }
        assertThat(inputs).isGreaterThan(10);
    }

    /** The queue's table row of one claim. */
    private static String row(String html, String claimId) {
        int at = html.indexOf("/console/claims/" + claimId);
        assertThat(at).as("claim %s in the queue", claimId).isPositive();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }

    private static BigDecimal amountIn(String html, String cssClass) {
        Matcher m = Pattern.compile("class=\"" + cssClass + "\">([^<]+)<").matcher(html);
        assertThat(m.find()).as(cssClass).isTrue();
        return new BigDecimal(m.group(1).replaceAll("[^0-9.]", ""));
    }
}

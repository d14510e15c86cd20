package org.mekongledger.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiTestBase;
import org.mekongledger.support.ConsoleSession;

/**
 * The console as a browser meets it: a form sign-in with a CSRF token and a session cookie, a worker
 * found by a document however its number is typed, the worker's page in the officer's language
 * (Thai dates in the Buddhist era), and embassy scoping exactly as the API has it.
 */
class ConsoleApiTest extends ApiTestBase {

    @Test
    void anEmbassyOfficerSignsInFindsANationalByPassportAndReadsTheirPageInThai() throws Exception {
        String number = uniqueNumber("MC");
        Map<String, Object> thida = worker("MMR", "PASSPORT", number);
        String workerId = admin("/api/v1/workers", thida).json().path("workerId").asString();
        String employer = registerEmployer();
        assertThat(file(employer, "2025-06", workerId, "12000.00").status()).isEqualTo(201);
        eventually("/api/v1/workers/" + workerId + "/ledger", r -> r.json().path("schemes").size() > 0);

        ConsoleSession mmr = new ConsoleSession(port).signIn("embassy-mmr", "embassy-mmr-pw");
        // typed with spaces and in lower case, as at a crowded desk
        HttpResponse<String> found = mmr.get("/console/workers?documentType=PASSPORT&documentNumber="
                + URLEncoder.encode(" " + number.toLowerCase() + " ", StandardCharsets.UTF_8) + "&issuingCountry=MMR");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("/console/workers/" + workerId).contains("Thida");

        HttpResponse<String> page = mmr.get("/console/workers/" + workerId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("July 14, 1991").contains("Old-age lump sum").contains("Claim by")
                .contains("reported by a secondary source").contains("<html lang=\"en\"");

        HttpResponse<String> thai = mmr.get("/console/workers/" + workerId + "?lang=th");
        assertThat(thai.body()).contains("<html lang=\"th\"").contains("14 กรกฎาคม 2534").contains("บำเหน็จชราภาพ");
        // the choice is remembered
        assertThat(mmr.get("/console/workers/" + workerId).body()).contains("บำเหน็จชราภาพ");
        assertThat(mmr.get("/console/workers/" + workerId + "?lang=my").body()).contains("<html lang=\"my\"");

        // the read is in the audit trail, as an API read would be
        assertThat(auditEntries("/api/v1/audit?workerId=" + workerId)).anySatisfy(entry -> {
            assertThat(entry.path("actor").asString()).isEqualTo("embassy-mmr");
            assertThat(entry.toString()).contains("PersonalDataRead");
        });
    }

    @Test
    void anotherEmbassySeesNeitherThePageNorTheSearchResult() throws Exception {
        String number = uniqueNumber("MC");
        String workerId = admin("/api/v1/workers", worker("MMR", "PASSPORT", number)).json().path("workerId").asString();

        ConsoleSession khm = new ConsoleSession(port).signIn(EMBASSY, EMBASSY_PW);
        HttpResponse<String> page = khm.get("/console/workers/" + workerId);
        HttpResponse<String> unknown = khm.get("/console/workers/" + randomId());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(page.body()).isEqualTo(unknown.body());
        assertThat(khm.get("/console/workers?documentType=PASSPORT&documentNumber=" + number + "&issuingCountry=MMR")
                .body()).doesNotContain(workerId).contains("No worker you may see holds this document.");
    }

    @Test
    void theConsoleIsClosedWithoutASignInAndAFormWithoutItsTokenIsRefused() throws Exception {
        ConsoleSession stranger = new ConsoleSession(port);
        HttpResponse<String> closed = stranger.get("/console/workers");
        assertThat(closed.statusCode()).isEqualTo(302);
        assertThat(closed.headers().firstValue("Location").orElse("")).endsWith("/console/sign-in");
        assertThat(stranger.get("/console/assets/console.css").statusCode()).isEqualTo(200);
        // the fonts for Thai, Burmese, Khmer and Lao come from the service too, not from the officer's machine
        assertThat(stranger.get("/console/assets/fonts/fonts.css").body()).contains("Noto Sans Myanmar");
        assertThat(stranger.get("/console/assets/fonts/noto-sans-khmer-khmer-400-normal.woff2").statusCode()).isEqualTo(200);
        // no CSRF token: refused, and no session is signed in
        HttpResponse<String> forged = stranger.post("/console/sign-in", Map.of("username", ADMIN, "password", ADMIN_PW));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(stranger.get("/console/workers").statusCode()).isEqualTo(302);
        // a wrong password goes back to the form, saying so
        HttpResponse<String> wrong = stranger.post("/console/sign-in", Map.of("username", ADMIN, "password", "nope",
                "_csrf", ConsoleSession.csrf(stranger.get("/console/sign-in").body())));
        assertThat(wrong.headers().firstValue("Location").orElse("")).contains("/console/sign-in?failed");
        // the page that says so carries the strict content policy: every asset from the service itself
        HttpResponse<String> form = stranger.get("/console/sign-in?failed");
        assertThat(form.body()).contains("Wrong user name or password.").contains("<label for=\"username\"");
        assertThat(form.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
    }
}

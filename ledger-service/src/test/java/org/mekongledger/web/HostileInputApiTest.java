package org.mekongledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Every bad input a hostile or careless client can send is a clear 4xx problem naming what is at
 * fault, never a 500, never an ERROR in the log, and records nothing.
 */
class HostileInputApiTest extends ApiTestBase {

    private static final int LIMIT = 4 * 1024 * 1024;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private long eventsBefore;

    @BeforeEach
    void watch() {
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
        eventsBefore = eventCount();
    }

    @AfterEach
    void nothingLoggedAsAnError() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        assertThat(log.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    // --- request size ----------------------------------------------------------------------------

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsRead() throws IOException {
        for (String key : new String[] {null, "big-1"}) {
            RawResponse response = raw("POST /api/v1/contribution-filings HTTP/1.1\r\n" + basic(ADMIN, ADMIN_PW)
                    + "Content-Type: application/json\r\nContent-Length: " + (LIMIT + 1) + "\r\n"
                    + (key == null ? "" : "Idempotency-Key: " + key + "\r\n") + "\r\n", out -> out.write("{\"lines\":[".getBytes()));

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.head()).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(response.body()).contains("https://mekong-ledger.org/problems/payload-too-large");
        }
        assertNothingRecorded();
        assertThat(jdbc.queryForObject("select count(*) from idempotency_record", Long.class)).isZero();
    }

    @Test
    void aChunkedBodyIsRefusedOnceItCrossesTheLimitWhoeverReadsIt() throws IOException {
        // without a key Jackson reads the body; with one the idempotency filter reads it first
        for (String key : new String[] {null, "chunked-1"}) {
            RawResponse response = raw("POST /api/v1/employers HTTP/1.1\r\n" + basic(ADMIN, ADMIN_PW)
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                    + (key == null ? "" : "Idempotency-Key: " + key + "\r\n") + "\r\n", out -> {
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                chunk[0] = '{';
                for (int sent = 0; sent <= LIMIT + chunk.length; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    chunk[0] = ' ';
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            });

            assertThat(response.status()).as(response.head() + response.body()).isEqualTo(413);
            assertThat(response.head()).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(response.body()).contains("payload-too-large");
        }
        assertNothingRecorded();
    }

    @Test
    void aFilingOfFiveThousandLinesFitsWellWithinTheLimit() {
        List<Map<String, String>> lines = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            lines.add(Map.of("workerId", randomId(), "wage", "25000.00"));
        }
        // the bad scheme comes last, so the whole document must be read to find it
        Map<String, Object> filing = new LinkedHashMap<>();
        filing.put("employerAccount", "1234567890");
        filing.put("period", "2026-01");
        filing.put("lines", lines);
        filing.put("scheme", "NO_SUCH_SCHEME");
        byte[] body = ApiClient.JSON.writeValueAsBytes(filing);

        Response refused = admin("/api/v1/contribution-filings", new String(body, StandardCharsets.UTF_8));

        assertThat(body.length).isLessThan(LIMIT / 10); // about 0.3 MiB
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("scheme");
        assertNothingRecorded();
    }

    // --- Jackson read limits ---------------------------------------------------------------------

    @Test
    void deeplyNestedJsonHugeNumbersAndHugeStringsAreRefusedNamingTheLimit() {
        String deep = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
        Response nested = admin("/api/v1/rule-sets/TH_SSF_S33/versions",
                "{\"version\":\"2040-01\",\"effectiveFrom\":\"2040-01-01\",\"parameters\":" + deep + "}");
        assertRefused(nested, 422);
        assertThat(nested.json().path("errors").get(0).path("message").asString()).containsIgnoringCase("nesting depth");

        Response number = admin("/api/v1/rule-sets/TH_SSF_S33/versions",
                "{\"version\":\"2040-01\",\"effectiveFrom\":\"2040-01-01\",\"parameters\":{\"wageFloor\":"
                        + "9".repeat(5000) + "}}");
        assertRefused(number, 422);
        assertThat(number.errorFields()).singleElement().asString().startsWith("parameters");
        assertThat(number.json().path("errors").get(0).path("message").asString()).containsIgnoringCase("number");

        Map<String, Object> worker = worker("MMR", "PASSPORT", uniqueNumber("P"));
        worker.put("givenName", "A".repeat(50_000));
        Response string = admin("/api/v1/workers", worker);
        assertRefused(string, 422);
        assertThat(string.errorFields()).containsExactly("givenName");
        assertNothingRecorded();
    }

    @Test
    void malformedBodiesAre400AndWrongMediaTypesAre4xx() {
        assertRefused(admin("/api/v1/employers", "{\"employerAccount\":"), 400);
        assertRefused(admin("/api/v1/employers", ""), 400);
        assertRefused(admin("/api/v1/employers", "[1,2,3]"), 400);
        assertThat(admin("/api/v1/employers", "\"" + "\u0000" + "\"").status()).isBetween(400, 499);
        assertNothingRecorded();
    }

    // --- query, path and header parameters -------------------------------------------------------

    @Test
    void everyBadQueryParameterIsA422NamingIt() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("/api/v1/workers?size=201", "size");
        bad.put("/api/v1/workers?size=0", "size");
        bad.put("/api/v1/workers?page=-1", "page");
        bad.put("/api/v1/workers?page=abc", "page");
        bad.put("/api/v1/workers?size=99999999999999999999", "size");
        bad.put("/api/v1/workers?documentType=FOO&documentNumber=1&issuingCountry=MMR", "documentType");
        bad.put("/api/v1/workers?documentType=PASSPORT&documentNumber=1&issuingCountry=mmr", "issuingCountry");
        bad.put("/api/v1/workers?documentType=PASSPORT&documentNumber=" + "1".repeat(41) + "&issuingCountry=MMR",
                "documentNumber");
        bad.put("/api/v1/workers?documentType=PASSPORT&documentNumber=%00x&issuingCountry=MMR", "documentNumber");
        bad.put("/api/v1/workers?documentType=PASSPORT", "documentNumber");
        bad.put("/api/v1/ledger/trial-balance?currency=thb", "currency");
        bad.put("/api/v1/ledger/trial-balance?currency=XXXX", "currency");
        bad.put("/api/v1/ledger/trial-balance?currency=ZZZ", "currency");
        String worker = registerWorker("KHM");
        eventsBefore = eventCount();
        bad.put("/api/v1/workers/" + worker + "/ledger?size=201", "size");
        bad.put("/api/v1/workers/" + worker + "/ledger?page=-1", "page");
        bad.put("/api/v1/workers/" + worker + "/entitlements?asOf=2026-13-01", "asOf");
        bad.put("/api/v1/workers/" + worker + "/entitlements?asOf=1800-01-01", "asOf");
        bad.put("/api/v1/workers/" + worker + "/entitlements?asOf=9999-12-31", "asOf");
        bad.put("/api/v1/workers/" + worker + "/entitlements?asOf=-5000-01-01", "asOf");
        bad.put("/api/v1/workers/" + worker + "/entitlements?event=ABDUCTED", "event");

        bad.forEach((path, parameter) -> {
            Response response = read(path);
            assertRefused(response, 422);
            assertThat(response.errorFields()).as(path).contains(parameter);
        });
        assertNothingRecorded();
    }

    @Test
    void anIdOfTheWrongKindIsA422NamingItAndAWellFormedUnknownOneA404() {
        String employer = registerEmployer();
        eventsBefore = eventCount();
        for (String id : new String[] {employer, "abc", "x".repeat(500), "1e3", "00000000-0000-0000-0000-00000000000g"}) {
            for (String path : new String[] {"/api/v1/workers/" + id, "/api/v1/workers/" + id + "/ledger",
                    "/api/v1/workers/" + id + "/entitlements"}) {
                Response response = read(path);
                assertRefused(response, 422);
                assertThat(response.errorFields()).as(path).containsOnly("workerId");
            }
            assertThat(admin("/api/v1/workers/" + id + "/documents",
                    Map.of("type", "PASSPORT", "number", "MB1", "issuingCountry", "MMR")).errorFields()).containsOnly("workerId");
            assertThat(admin("/api/v1/workers/" + id + "/events", Map.of("type", "RETURNED", "date", "2025-01-01"))
                    .errorFields()).containsOnly("workerId");
            assertThat(admin("/api/v1/workers/" + id + "/insurance-periods", Map.of("scheme", "MM_SSB", "from", "2018-01",
                    "to", "2018-12", "source", "SSB")).errorFields()).containsOnly("workerId");
            assertThat(read("/api/v1/contribution-filings/" + id).errorFields()).containsOnly("filingId");
            assertThat(admin("/api/v1/contribution-filings/" + id + "/reversal", Map.of("reason", "x")).errorFields())
                    .containsOnly("filingId");
        }
        Response line = file(employer, "2026-01", employer, "10000.00");
        assertRefused(line, 422);
        assertThat(line.errorFields()).containsExactly("lines[0].workerId");

        assertRefused(read("/api/v1/employers/abc"), 422);
        assertThat(read("/api/v1/employers/abc").errorFields()).containsExactly("employerAccount");
        assertRefused(read("/api/v1/rule-sets/" + "A".repeat(65)), 422);
        assertThat(read("/api/v1/workers/" + randomId()).status()).isEqualTo(404);
        assertThat(read("/api/v1/employers/9999999999").status()).isEqualTo(404);
        assertNothingRecorded();
    }

    @Test
    void anOversizedIdempotencyKeyIsA422NamingTheHeader() {
        Response response = api.post("/api/v1/employers", ADMIN, ADMIN_PW,
                Map.of("employerAccount", "3000000001", "name", "A"), Map.of("Idempotency-Key", "k".repeat(201)));
        assertRefused(response, 422);
        assertThat(response.errorFields()).containsExactly("Idempotency-Key");
        assertNothingRecorded();
    }

    // --- dates ------------------------------------------------------------------------------------

    @Test
    void implausibleDatesAreRefusedNamingTheField() {
        for (String born : new String[] {"-5000-01-01", "1899-12-31", "+10000-01-01", "2999-01-01"}) {
            Map<String, Object> worker = worker("MMR", "PASSPORT", uniqueNumber("P"));
            worker.put("dateOfBirth", born);
            Response response = admin("/api/v1/workers", worker);
            assertRefused(response, 422);
            assertThat(response.errorFields()).as(born).containsExactly("dateOfBirth");
        }
        Map<String, Object> document = new LinkedHashMap<>(Map.of("type", "PASSPORT", "number", uniqueNumber("P"),
                "issuingCountry", "MMR", "validUntil", "9999-12-31"));
        Map<String, Object> worker = worker("MMR", "PASSPORT", uniqueNumber("P"));
        worker.put("documents", List.of(document));
        assertThat(admin("/api/v1/workers", worker).errorFields()).containsExactly("documents[0].validUntil");

        String workerId = registerWorker("MMR");
        String employer = registerEmployer();
        eventsBefore = eventCount();
        assertThat(admin("/api/v1/workers/" + workerId + "/documents", document).errorFields()).containsExactly("validUntil");
        for (String period : new String[] {"1990-12", "0000-01", "2999-01", "9999-12"}) {
            Response filing = file(employer, period, workerId, "10000.00");
            assertRefused(filing, 422);
            assertThat(filing.errorFields()).as(period).containsExactly("period");
        }
        assertThat(admin("/api/v1/workers/" + workerId + "/events", Map.of("type", "RETURNED", "date", "1800-01-01"))
                .errorFields()).containsExactly("date");
        assertThat(admin("/api/v1/workers/" + workerId + "/events", Map.of("type", "RETURNED", "date", "-0001-01-01"))
                .errorFields()).containsExactly("date");
        assertThat(admin("/api/v1/workers/" + workerId + "/insurance-periods", Map.of("scheme", "MM_SSB",
                "from", "1800-01", "to", "2999-12", "source", "SSB")).errorFields()).containsExactly("from", "to");
        assertNothingRecorded();
    }

    @Test
    void aSimulationOfAnImplausibleCareerIsRefusedInMilliseconds() {
        List<Map<String, String>> history = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            history.add(Map.of("scheme", "TH_SSF_S33", "from", "1991-01", "to", "9999-12", "wage", "20000.00"));
        }
        long started = System.nanoTime();
        Response response = simulate(Map.of("worker", Map.of("dateOfBirth", "1965-05-01", "nationality", "THA"),
                "history", history, "asOf", "2026-01-01"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertRefused(response, 422);
        assertThat(response.errorFields()).contains("history[0].to", "history[49].to", "history");
        assertThat(took).isLessThan(Duration.ofSeconds(2));

        // within the years but over 1,200 months in all
        List<Map<String, String>> long_ = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            long_.add(Map.of("scheme", "TH_SSF_S33", "from", "1992-01", "to", "2001-12", "wage", "20000.00"));
        }
        assertThat(simulate(Map.of("worker", Map.of("dateOfBirth", "1965-05-01", "nationality", "THA"),
                "history", long_, "asOf", "2026-01-01")).errorFields()).containsExactly("history");

        Map<String, Object> dates = new LinkedHashMap<>();
        dates.put("worker", Map.of("dateOfBirth", "1965-05-01", "nationality", "THA"));
        dates.put("history", List.of(Map.of("scheme", "TH_SSF_S33", "from", "2006-01", "to", "2025-12", "wage", "20000.00")));
        dates.put("foreignPeriods", List.of(Map.of("scheme", "MM_SSB", "from", "1700-01", "to", "2000-01")));
        dates.put("insuredStatusEnded", "2101-01-01");
        dates.put("event", Map.of("type", "DEATH", "date", "9999-01-01"));
        dates.put("asOf", "2101-01-01");
        assertThat(simulate(dates).errorFields()).containsExactlyInAnyOrder("asOf", "insuredStatusEnded", "event.date",
                "foreignPeriods[0].from", "foreignPeriods");

        Map<String, Object> ancient = new LinkedHashMap<>(dates);
        ancient.remove("foreignPeriods");
        ancient.remove("insuredStatusEnded");
        ancient.remove("event");
        ancient.put("asOf", "2026-01-01");
        ancient.put("worker", Map.of("dateOfBirth", "-5000-01-01", "nationality", "THA"));
        assertThat(simulate(ancient).errorFields()).containsExactly("worker.dateOfBirth");
        ancient.put("worker", Map.of("dateOfBirth", "1965-05-01", "nationality", "THA"));
        ancient.put("agreement", "TH-MM\u202E");
        assertThat(simulate(ancient).errorFields()).containsExactly("agreement");
        assertNothingRecorded();
    }

    @Test
    void theLargestSimulationAllowedStillAnswersQuickly() {
        // 1,200 months in 100 ranges of a year each, the most a simulation may ask for
        List<Map<String, String>> history = new ArrayList<>();
        for (int year = 2001; year <= 2100; year++) {
            history.add(Map.of("scheme", "TH_SSF_S33", "from", year + "-01", "to", year + "-12", "wage", "20000.00"));
        }
        long started = System.nanoTime();
        Response response = simulate(Map.of("worker", Map.of("dateOfBirth", "1985-05-01", "nationality", "THA"),
                "history", history, "asOf", "2100-12-31"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    // --- strings ----------------------------------------------------------------------------------

    @Test
    void namesAndFreeTextRefuseControlAndBidiCharactersAndExcessLength() {
        String[] hostile = {"Aung\u0000", "Aung\u0007", "Au\nng", "Aung\u202E", "\u2066Aung\u2069", "Aung\u202A", "Aung\u0085"};
        for (String name : hostile) {
            for (String field : new String[] {"givenName", "familyName"}) {
                Map<String, Object> worker = worker("MMR", "PASSPORT", uniqueNumber("P"));
                worker.put(field, name);
                Response response = admin("/api/v1/workers", worker);
                assertRefused(response, 422);
                assertThat(response.errorFields()).as(name).containsExactly(field);
                assertThat(response.json().path("errors").get(0).path("message").asString()).as(name)
                        .contains("U+").contains("not allowed");
            }
            Response employer = admin("/api/v1/employers", Map.of("employerAccount", "3000000002", "name", name));
            assertThat(employer.errorFields()).containsExactly("name");
            Map<String, Object> contact = worker("MMR", "PASSPORT", uniqueNumber("P"));
            contact.put("contacts", List.of(Map.of("channel", "LINE", "value", name)));
            assertThat(admin("/api/v1/workers", contact).errorFields()).containsExactly("contacts[0].value");
        }
        Map<String, Object> tooLong = worker("MMR", "PASSPORT", uniqueNumber("P"));
        tooLong.put("familyName", "S".repeat(101));
        assertThat(admin("/api/v1/workers", tooLong).errorFields()).containsExactly("familyName");
        Map<String, Object> manyDocuments = worker("MMR", "PASSPORT", uniqueNumber("P"));
        List<Map<String, String>> documents = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            documents.add(Map.of("type", "PASSPORT", "number", uniqueNumber("M"), "issuingCountry", "MMR"));
        }
        manyDocuments.put("documents", documents);
        assertThat(admin("/api/v1/workers", manyDocuments).errorFields()).containsExactly("documents");

        String workerId = registerWorker("MMR");
        eventsBefore = eventCount();
        assertThat(admin("/api/v1/workers/" + workerId + "/insurance-periods", Map.of("scheme", "MM_SSB",
                "from", "2018-01", "to", "2018-12", "source", "SSB\u202E letter")).errorFields()).containsExactly("source");
        assertThat(admin("/api/v1/workers/" + workerId + "/insurance-periods", Map.of("scheme", "MM_SSB",
                "from", "2018-01", "to", "2018-12", "source", "S".repeat(201))).errorFields()).containsExactly("source");
        assertThat(admin("/api/v1/contribution-filings/" + randomId() + "/reversal", Map.of("reason", "wrong\u0000"))
                .errorFields()).containsExactly("reason");
        assertThat(admin("/api/v1/rule-sets/TH_SSF_S33/versions", Map.of("version", "2040-01",
                "effectiveFrom", "2040-01-01", "source", "x\u0000", "parameters", Map.of())).errorFields()).contains("source");
        assertNothingRecorded();
    }

    @Test
    void blankTextAndNullListElementsAreRefusedNamingTheField() {
        Map<String, Object> blank = worker("MMR", "PASSPORT", uniqueNumber("P"));
        blank.put("givenName", " \u00A0\u3000 ");
        Response blankName = admin("/api/v1/workers", blank);
        assertRefused(blankName, 422);
        assertThat(blankName.errorFields()).containsExactly("givenName");
        assertThat(blankName.json().path("errors").get(0).path("message").asString()).isEqualTo("must not be blank");
        assertThat(admin("/api/v1/employers", Map.of("employerAccount", "3000000004", "name", "   ")).errorFields())
                .containsExactly("name");

        Map<String, Object> nullDocument = worker("MMR", "PASSPORT", uniqueNumber("P"));
        nullDocument.put("documents", java.util.Arrays.asList((Object) null));
        assertThat(admin("/api/v1/workers", nullDocument).errorFields()).containsExactly("documents[0]");
        Map<String, Object> nullContact = worker("MMR", "PASSPORT", uniqueNumber("P"));
        nullContact.put("contacts", java.util.Arrays.asList((Object) null));
        assertThat(admin("/api/v1/workers", nullContact).errorFields()).containsExactly("contacts[0]");
        String employer = registerEmployer();
        eventsBefore = eventCount();
        Map<String, Object> nullLine = new LinkedHashMap<>(filing(employer, "2026-01"));
        nullLine.put("lines", java.util.Arrays.asList((Object) null));
        assertThat(admin("/api/v1/contribution-filings", nullLine).errorFields()).containsExactly("lines[0]");
        Map<String, Object> simulation = new LinkedHashMap<>();
        simulation.put("worker", Map.of("dateOfBirth", "1965-05-01", "nationality", "THA"));
        simulation.put("history", java.util.Arrays.asList((Object) null));
        assertThat(simulate(simulation).errorFields()).containsExactly("history[0]");
        simulation.put("history", List.of());
        simulation.put("foreignPeriods", java.util.Arrays.asList((Object) null));
        assertThat(simulate(simulation).errorFields()).containsExactly("foreignPeriods[0]");

        String workerId = registerWorker("MMR");
        eventsBefore = eventCount();
        assertThat(admin("/api/v1/workers/" + workerId + "/insurance-periods", Map.of("scheme", "MM_SSB",
                "from", "2018-01", "to", "2018-12", "source", "  ")).errorFields()).containsExactly("source");
        assertNothingRecorded();
    }

    @Test
    void namesInTheWorkersOwnScriptAreWelcome() {
        Map<String, Object> worker = worker("MMR", "PASSPORT", uniqueNumber("P"));
        worker.put("givenName", "အောင်");
        worker.put("familyName", "");
        assertThat(admin("/api/v1/workers", worker).status()).isEqualTo(201);
        Map<String, Object> khmer = worker("KHM", "PASSPORT", uniqueNumber("P"));
        khmer.put("givenName", "សុខា");
        assertThat(admin("/api/v1/workers", khmer).status()).isEqualTo(201);
    }

    // --- odd paths --------------------------------------------------------------------------------

    @Test
    void oddPathsAre400ProblemsEvenWithValidCredentials() throws IOException {
        for (String path : new String[] {"/api/v1/workers/a;b", "/api/v1/workers/%2e%2e", "/api/v1/workers//x",
                "/api/v1/workers/x/../y", "/api/v1/workers/%25", "/api/v1/workers/a%0Ab"}) {
            for (String credentials : new String[] {basic(AUDITOR, AUDITOR_PW), basic(ADMIN, ADMIN_PW), ""}) {
                RawResponse response = raw("GET " + path + " HTTP/1.1\r\n" + credentials + "\r\n", out -> { });
                assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
                assertThat(response.head()).as(path).containsIgnoringCase("Content-Type: application/problem+json");
                assertThat(response.body()).contains("https://mekong-ledger.org/problems/malformed-request");
            }
        }
        // Tomcat itself refuses these before any application code runs; its host answers as we do
        for (String path : new String[] {"/api/v1/workers/%2F", "/api/v1/workers/a%00b", "/api/v1/workers/%5C",
                "/api/v1/workers/%E0%A4"}) {
            RawResponse response = raw("GET " + path + " HTTP/1.1\r\n" + basic(ADMIN, ADMIN_PW) + "\r\n", out -> { });
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.head()).as(path).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(response.body()).as(path).contains("https://mekong-ledger.org/problems/malformed-request");
        }
        RawResponse post = raw("POST /api/v1/workers/a;b/documents HTTP/1.1\r\n" + basic(ADMIN, ADMIN_PW)
                + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n", out -> out.write("{}".getBytes()));
        assertThat(post.status()).isEqualTo(400);
        assertNothingRecorded();
    }

    @Test
    void oddHeadersAreRefusedWithA4xxProblem() {
        Map<String, Integer> authorizations = new LinkedHashMap<>();
        authorizations.put("Basic !!!not-base64!!!", 401);
        authorizations.put("Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)), 401);
        authorizations.put("Bearer abc", 401);
        authorizations.put("Basic", 401);
        authorizations.put("Basic " + Base64.getEncoder().encodeToString(("fund-admin:" + "x".repeat(2000)).getBytes(StandardCharsets.UTF_8)), 401);
        authorizations.forEach((authorization, status) -> {
            Response response = headers("GET", "/api/v1/workers", null, "Authorization", authorization);
            assertThat(response.status()).as(authorization).isEqualTo(status);
            assertThat(response.contentType()).startsWith("application/problem+json");
        });
        String body = "{\"employerAccount\":\"3000000005\",\"name\":\"A\"}";
        String admin = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PW).getBytes(StandardCharsets.UTF_8));
        assertRefused(headers("POST", "/api/v1/employers", body, "Authorization", admin, "Content-Type", "text/plain"), 415);
        assertRefused(headers("POST", "/api/v1/employers", body, "Authorization", admin,
                "Content-Type", "application/json; charset=nonsense"), 415);
        assertRefused(headers("POST", "/api/v1/employers", body, "Authorization", admin,
                "Content-Type", "application/json", "Accept", "text/html"), 406);
        assertRefused(headers("DELETE", "/api/v1/employers/3000000005", null, "Authorization", admin), 405);
        assertNothingRecorded();
    }

    @Test
    void authenticationRefusalsAreProblemsBuiltLikeEveryOther() {
        Response unauthenticated = api.get("/api/v1/workers", AUDITOR, "wrong");
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.contentType()).startsWith("application/problem+json");
        assertThat(unauthenticated.json().path("status").asInt()).isEqualTo(401);
        assertThat(unauthenticated.json().path("type").asString()).isEqualTo("https://mekong-ledger.org/problems/unauthenticated");
        Response forbidden = api.post("/api/v1/employers", AUDITOR, AUDITOR_PW, Map.of("employerAccount", "3000000003", "name", "A"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().path("type").asString()).isEqualTo("https://mekong-ledger.org/problems/forbidden");
        assertNothingRecorded();
    }

    @Test
    void aFailureOutsideTheControllersReachesTheErrorPageWithoutBecomingA403() {
        Response failed = api.get("/api/v1/workers?fail=" + FailureOutsideMvc.TRIGGER, ADMIN, ADMIN_PW);
        Response unauthenticated = api.get("/api/v1/workers?fail=" + FailureOutsideMvc.TRIGGER, null, null);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(unauthenticated.status()).isEqualTo(401);
        // the deliberate failure is logged by the container, as it should be; nothing else is
        assertThat(log.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .allSatisfy(event -> assertThat(String.valueOf(event.getThrowableProxy() == null ? event.getFormattedMessage()
                        : event.getThrowableProxy().getMessage())).contains(FailureOutsideMvc.TRIGGER));
        log.list.clear();
    }

    /** A request that fails after Spring Security let it in, outside any controller. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FailureOutsideMvc {
        static final String TRIGGER = "deliberate-failure-outside-mvc";

        @Bean
        FilterRegistrationBean<OncePerRequestFilter> failingFilter() {
            FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                        throws ServletException, IOException {
                    if (TRIGGER.equals(request.getParameter("fail"))) {
                        throw new IllegalStateException(TRIGGER);
                    }
                    chain.doFilter(request, response);
                }
            });
            registration.setOrder(0);
            return registration;
        }
    }

    // --- helpers ----------------------------------------------------------------------------------

    private Response simulate(Object body) {
        return api.post("/api/v1/entitlements/simulations", AUDITOR, AUDITOR_PW, body);
    }

    private Response headers(String method, String path, String body, String... headers) {
        try {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofString(body));
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                    .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Response(response.statusCode(), response,
                    text.startsWith("{") ? ApiClient.JSON.readTree(text) : ApiClient.JSON.missingNode());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(Response response, int status) {
        assertThat(response.status()).as(response.raw().uri() + " " + response.raw().body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private void assertNothingRecorded() {
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    private record RawResponse(int status, String head, String body) {
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** A request written by hand: a declared length never sent, chunks, paths no client would send. */
    private RawResponse raw(String head, Body body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.replaceFirst("\r\n", "\r\nHost: localhost\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            // the server may answer and close before the body is all sent: that is the point
            Thread writer = new Thread(() -> {
                try {
                    body.write(out);
                    out.flush();
                } catch (IOException closedByServer) {
                    // expected once the server refused
                }
            });
            writer.setDaemon(true);
            writer.start();
            byte[] answer = readAnswer(socket.getInputStream());
            writer.join(20_000);
            String text = new String(answer, StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String responseHead = split < 0 ? text : text.substring(0, split);
            String responseBody = split < 0 ? "" : text.substring(split + 4);
            return new RawResponse(Integer.parseInt(responseHead.substring(9, 12)), responseHead, responseBody);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads one response and no more: the answer must come while the client is still sending, so
     * waiting for the connection to close would prove nothing.
     */
    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
                if (complete(answer.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
        } catch (java.net.SocketException reset) {
            // the server closed after answering; what was read is the answer
        }
        return answer.toByteArray();
    }

    private static boolean complete(String text) {
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            return false;
        }
        String head = text.substring(0, split).toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(head);
        if (length.find()) {
            return text.getBytes(StandardCharsets.UTF_8).length - split - 4 >= Integer.parseInt(length.group(1));
        }
        return head.contains("transfer-encoding: chunked") ? text.endsWith("\r\n0\r\n\r\n") : false;
    }
}

package org.mekongledger.settlement.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.mekongledger.api.PaymentInstruction;
import org.mekongledger.settlement.config.LedgerProperties;

/** The generated client against a stand-in HTTP server: paths, query, Basic auth, JSON both ways, errors, retries. */
class RestLedgerTest {

    record Answer(int status, String body, Map<String, String> headers) {
    }

    record Request(String method, String uri, String authorization, String body) {
    }

    final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    final Queue<Request> requests = new ConcurrentLinkedQueue<>();
    HttpServer server;
    RestLedger ledger;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        LedgerProperties properties = new LedgerProperties();
        properties.setUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        properties.setUsername("settlement");
        properties.setPassword("s3cret");
        properties.setTimeout(Duration.ofSeconds(5));
        ledger = new RestLedger(properties);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Answer answer = answers.poll();
        if (answer == null) {
            answer = new Answer(500, "{}", Map.of());
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.status() < 300 ? "application/json"
                : "application/problem+json");
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void will(int status, String body) {
        answers.add(new Answer(status, body, Map.of()));
    }

    @Test
    void readsTheRatesOfADayAsBasicAuthSettlementUser() {
        will(200, """
                {"rates":[{"date":"2026-12-01","currency":"MMK","base":"THB","rate":"60.1234","source":"BOT",
                "minorUnits":2,"setBy":"fund-admin","setAt":"2026-11-30T10:00:00Z"}]}""");

        Map<String, Ledger.Rate> rates = ledger.fxRates(LocalDate.parse("2026-12-01"));

        assertThat(rates.get("MMK").rateText()).isEqualTo("60.1234");
        assertThat(rates.get("MMK").source()).isEqualTo("BOT");
        Request request = requests.poll();
        assertThat(request.uri()).isEqualTo("/api/v1/fx-rates?from=2026-12-01&to=2026-12-01");
        assertThat(request.authorization()).isEqualTo("Basic c2V0dGxlbWVudDpzM2NyZXQ=");
    }

    @Test
    void readsPayableClaimsWithTheirPayeeAndInstructionNumber() {
        will(200, """
                {"claims":[{"claimId":"0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5","workerId":"11111111-2222-3333-4444-555555555555",
                "scheme":"TH_SSF_S33","benefit":"OLD_AGE_LUMP_SUM","amount":"1500.50","currency":"THB",
                "payee":{"name":"Thida Aung","channel":"MOBILE_WALLET","country":"MMR","currency":"MMK",
                "walletProvider":"WavePay","msisdn":"+959420123456"},"approvedAt":"2026-11-30T03:00:00Z","instruction":2}]}""");

        List<Ledger.PayableClaim> claims = ledger.payableClaims(LocalDate.parse("2026-12-01"),
                "00000000-0000-0000-0000-000000000000", 5000);

        assertThat(claims).singleElement().satisfies(claim -> {
            assertThat(claim.amount()).isEqualByComparingTo("1500.50");
            assertThat(claim.instruction()).isEqualTo(2);
            assertThat(claim.payee().channel()).isEqualTo("MOBILE_WALLET");
            assertThat(claim.payee().msisdn()).isEqualTo("+959420123456");
        });
        assertThat(requests.poll().uri()).isEqualTo("/api/v1/settlement/payable-claims?approvedUpTo=2026-12-01"
                + "&after=00000000-0000-0000-0000-000000000000&limit=5000");
    }

    @Test
    void sendsInstructionsWithAmountsAndRateAsTheyWereFrozen() {
        will(200, "{\"results\":[{\"claimId\":\"0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5\",\"status\":\"SCHEDULED\","
                + "\"recorded\":\"RECORDED\"}]}");

        ledger.schedule(List.of(new Ledger.Scheduling("0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5",
                new PaymentInstruction("SR-2026-12-01", "0c1d2e3f4a5b6c7d8e9fa0b1c2d3e4f5-1", "FUNDFX01",
                        new BigDecimal("1000.01"), "THB", new BigDecimal("745507"), "VND", new BigDecimal("745.5"),
                        LocalDate.parse("2026-12-01"), "BOT"))));

        Request request = requests.poll();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/api/v1/settlement/schedulings");
        assertThat(request.body()).contains("\"amount\":\"1000.01\"").contains("\"paidAmount\":\"745507\"")
                .contains("\"rate\":\"745.5\"").contains("\"rateDate\":\"2026-12-01\"")
                .contains("\"endToEndId\":\"0c1d2e3f4a5b6c7d8e9fa0b1c2d3e4f5-1\"");
    }

    @Test
    void sendsOutcomesWithCheckOnly() {
        will(200, "{\"results\":[]}");
        ledger.outcomes(List.of(new Ledger.Outcome("0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5",
                "0c1d2e3f4a5b6c7d8e9fa0b1c2d3e4f5-1", false, "STS-1", null, "AC04", "rejected")), true);
        assertThat(requests.poll().body()).contains("\"checkOnly\":true").contains("\"outcome\":\"FAILED\"")
                .contains("\"reasonCode\":\"AC04\"").contains("\"statusReport\":\"STS-1\"");
    }

    @Test
    void aRefusalCarriesTheProblemNotTheRequest() {
        will(409, """
                {"type":"https://mekong-ledger/problems/claim-in-wrong-state","title":"Claim in wrong state",
                "status":409,"detail":"claim 0c1d is CANCELLED","currentState":"CANCELLED"}""");

        assertThatThrownBy(() -> ledger.outcomes(List.of(new Ledger.Outcome("0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5",
                "0c1d2e3f4a5b6c7d8e9fa0b1c2d3e4f5-1", true, "STS-1", "REF", null, null)), false))
                .isInstanceOf(LedgerRefused.class)
                .hasMessageContaining("HTTP 409").hasMessageContaining("claim 0c1d is CANCELLED")
                .hasMessageNotContaining("REF");
    }

    @Test
    void anAnswerInvitingARetryIsRetriedAfterRetryAfter() {
        answers.add(new Answer(503, "{\"title\":\"Unavailable\"}", Map.of("Retry-After", "1")));
        will(200, "{\"settlementRun\":\"SR-2026-12-01\",\"lines\":[{\"paidCurrency\":\"MMK\",\"status\":\"PAID\","
                + "\"claims\":3,\"amount\":\"300.00\",\"paidAmount\":\"18036.00\"}],\"postings\":[{\"account\":"
                + "\"TH_SSF_S33/BANK_CLEARING/MMK\",\"debit\":\"0.00\",\"credit\":\"300.00\"}],\"journalBehind\":0}");

        Ledger.RunView run = ledger.run("SR-2026-12-01");

        assertThat(requests).hasSize(2);
        assertThat(run.lines()).singleElement().satisfies(line -> {
            assertThat(line.claims()).isEqualTo(3);
            assertThat(line.paidAmount()).isEqualByComparingTo("18036.00");
        });
        assertThat(run.postings()).singleElement().extracting(Ledger.Posting::credit)
                .isEqualTo(new BigDecimal("300.00"));
    }

    @Test
    void aLedgerOutOfReachIsUnavailableNotARefusal() {
        server.stop(0);
        LedgerProperties properties = new LedgerProperties();
        properties.setUrl("http://127.0.0.1:9");
        properties.setRetries(0);
        RestLedger unreachable = new RestLedger(properties);
        assertThatThrownBy(() -> unreachable.fxRates(LocalDate.parse("2026-12-01")))
                .isInstanceOf(LedgerUnavailable.class).hasMessageContaining("127.0.0.1:9");
    }
}

package org.mekongledger.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.IntToLongFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mekongledger.bench.BenchmarkHttp.Exchange;

/** The ledger API calls the benchmarks make, with the JSON they send and read. */
final class LedgerApiClient {

    private final BenchmarkHttp http;
    private final URI healthUrl;
    private final ObjectMapper json = new ObjectMapper();

    LedgerApiClient(ServiceEndpoint endpoint) {
        this.http = new BenchmarkHttp(endpoint);
        this.healthUrl = endpoint.healthUrl();
    }

    /** An unauthenticated GET of the health URL. */
    Exchange health() {
        return http.get(healthUrl, false);
    }

    static boolean isUp(Exchange health) {
        return health.status() == 200 && health.body().contains("UP");
    }

    Exchange get(String path) {
        return http.get(path);
    }

    // ---------------------------------------------------------------- registration

    Exchange registerWorker(int i, LocalDate dateOfBirth, String passportNumber) {
        String nationality = SyntheticWorker.nationality(i);
        ObjectNode body = json.createObjectNode()
                .put("givenName", SyntheticWorker.givenName(i))
                .put("familyName", SyntheticWorker.familyName(i))
                .put("dateOfBirth", dateOfBirth.toString())
                .put("sex", SyntheticWorker.sex(i))
                .put("nationality", nationality);
        body.putArray("documents").addObject()
                .put("type", "PASSPORT")
                .put("number", passportNumber)
                .put("issuingCountry", nationality);
        return http.post("/workers", bytes(body));
    }

    /** The id of a registered worker (201 response). */
    String workerId(Exchange registered) throws Exception {
        return required(read(registered), "workerId").asText();
    }

    Exchange registerEmployer(String account, String name) {
        return http.post("/employers", bytes(json.createObjectNode()
                .put("employerAccount", account)
                .put("name", name)));
    }

    // ---------------------------------------------------------------- filings

    /**
     * A filing for workers [firstWorker, firstWorker + lines) in that order; {@code wageCents} is asked once per
     * line, in line order, so a sequential random source gives the same wages on every run.
     */
    byte[] filingBody(String scheme, String employerAccount, YearMonth period, String[] workerIds, int firstWorker,
                      int lines, IntToLongFunction wageCents) {
        ObjectNode body = json.createObjectNode()
                .put("scheme", scheme)
                .put("employerAccount", employerAccount)
                .put("period", period.toString());
        ArrayNode array = body.putArray("lines");
        for (int j = 0; j < lines; j++) {
            int worker = firstWorker + j;
            array.addObject()
                    .put("workerId", workerIds[worker])
                    .put("wage", BigDecimal.valueOf(wageCents.applyAsLong(worker), 2).toPlainString());
        }
        return bytes(body);
    }

    Exchange file(byte[] filingBody) {
        return http.post("/contribution-filings", filingBody);
    }

    /** The {@code totals.total} of an accepted filing (201 response). */
    BigDecimal filingTotal(Exchange filed) throws Exception {
        return new BigDecimal(required(required(read(filed), "totals"), "total").asText());
    }

    // ---------------------------------------------------------------- worker history

    Exchange recordLifeEvent(String workerId, String type, LocalDate date) {
        return http.post("/workers/" + workerId + "/events", bytes(json.createObjectNode()
                .put("type", type)
                .put("date", date.toString())));
    }

    Exchange creditInsurancePeriod(String workerId, String scheme, YearMonth from, YearMonth to) {
        return http.post("/workers/" + workerId + "/insurance-periods", bytes(json.createObjectNode()
                .put("scheme", scheme)
                .put("from", from.toString())
                .put("to", to.toString())
                .put("source", "bench")));
    }

    // ---------------------------------------------------------------- reads

    Exchange trialBalance(String currency) {
        return http.get("/ledger/trial-balance?currency=" + currency);
    }

    /** {totalDebit, totalCredit} of a 200 trial-balance response. */
    BigDecimal[] debitAndCredit(Exchange trialBalance) throws Exception {
        JsonNode tb = read(trialBalance);
        return new BigDecimal[] {new BigDecimal(required(tb, "totalDebit").asText()),
                new BigDecimal(required(tb, "totalCredit").asText())};
    }

    /** A page of workers in registration order (the contract allows at most 200 a page). */
    Exchange listWorkers(int page, int size) {
        return http.get("/workers?page=" + page + "&size=" + size);
    }

    Exchange workerLedger(String workerId) {
        return http.get("/workers/" + workerId + "/ledger?size=1");
    }

    static String entitlementsPath(String workerId, LocalDate asOf) {
        return "/workers/" + workerId + "/entitlements?asOf=" + asOf;
    }

    JsonNode read(Exchange exchange) throws Exception {
        return json.readTree(exchange.body());
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("no '" + field + "' in response");
        }
        return value;
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

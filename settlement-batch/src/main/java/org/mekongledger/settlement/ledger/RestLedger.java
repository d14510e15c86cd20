package org.mekongledger.settlement.ledger;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.mekongledger.api.PaymentInstruction;
import org.mekongledger.settlement.config.LedgerProperties;
import org.mekongledger.settlement.ledger.client.ApiClient;
import org.mekongledger.settlement.ledger.client.ApiException;
import org.mekongledger.settlement.ledger.client.FxRatesApi;
import org.mekongledger.settlement.ledger.client.SettlementApi;
import org.mekongledger.settlement.ledger.client.SettlementRunsApi;
import org.mekongledger.settlement.ledger.client.model.BankOutcome;
import org.mekongledger.settlement.ledger.client.model.BankOutcomes;
import org.mekongledger.settlement.ledger.client.model.ClaimPayee;
import org.mekongledger.settlement.ledger.client.model.ClaimSchedulings;
import org.mekongledger.settlement.ledger.client.model.FxRate;
import org.mekongledger.settlement.ledger.client.model.PayableClaimPage;
import org.mekongledger.settlement.ledger.client.model.SettlementRunSummary;

/**
 * The ledger through the client OpenAPI Generator made from {@code ledger-api.yaml} (library
 * {@code native}), as the {@code settlement} user with HTTP Basic. Answers that invite a retry
 * (503, 429, 409 concurrency-conflict / request-in-progress, a lost connection) are retried a few
 * times after {@code Retry-After}; the service's bulk endpoints answer ALREADY_RECORDED for what was
 * applied before, so sending a chunk again is safe. Anything else refused is a {@link LedgerRefused}
 * carrying the service's problem title and detail (never a request body: it holds payee details).
 */
public class RestLedger implements Ledger {

    private final FxRatesApi fxRates;
    private final SettlementApi settlement;
    private final SettlementRunsApi runs;
    private final ObjectMapper json = new ObjectMapper();
    private final String url;
    private final int attempts;

    public RestLedger(LedgerProperties properties) {
        String credentials = Base64.getEncoder().encodeToString(
                (properties.getUsername() + ":" + properties.getPassword()).getBytes(StandardCharsets.UTF_8));
        this.url = properties.getUrl().replaceAll("/+$", "");
        this.attempts = 1 + Math.max(0, properties.getRetries());
        ApiClient client = new ApiClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)),
                ApiClient.createDefaultObjectMapper(),
                url + "/api/v1");
        client.setReadTimeout(properties.getTimeout());
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        this.fxRates = new FxRatesApi(client);
        this.settlement = new SettlementApi(client);
        this.runs = new SettlementRunsApi(client);
    }

    @Override
    public Map<String, Rate> fxRates(LocalDate date) {
        Map<String, Rate> rates = new LinkedHashMap<>();
        for (FxRate rate : call("reading the FX rates of " + date, () -> fxRates.findFxRates(date, date, null)).getRates()) {
            rates.put(rate.getCurrency(), new Rate(rate.getCurrency(), new BigDecimal(rate.getRate()), rate.getRate(),
                    rate.getSource()));
        }
        return rates;
    }

    @Override
    public List<PayableClaim> payableClaims(LocalDate approvedUpTo, String after, int limit) {
        PayableClaimPage page = call("reading payable claims", () -> settlement.findPayableClaims(approvedUpTo, after, limit));
        List<PayableClaim> claims = new ArrayList<>(page.getClaims().size());
        for (var claim : page.getClaims()) {
            ClaimPayee payee = claim.getPayee();
            claims.add(new PayableClaim(claim.getClaimId(), claim.getWorkerId(), claim.getScheme().getValue(),
                    claim.getBenefit(), new BigDecimal(claim.getAmount()), claim.getCurrency(),
                    new Payee(payee.getName(), payee.getChannel().getValue(), payee.getCountry(), payee.getCurrency(),
                            payee.getBankBic(), payee.getBankCode(), payee.getAccountNumber(), payee.getWalletProvider(),
                            payee.getMsisdn(), payee.getPickupPoint()),
                    claim.getInstruction()));
        }
        return claims;
    }

    @Override
    public void schedule(List<Scheduling> schedulings) {
        ClaimSchedulings body = new ClaimSchedulings();
        for (Scheduling scheduling : schedulings) {
            PaymentInstruction instruction = scheduling.instruction();
            body.addInstructionsItem(new org.mekongledger.settlement.ledger.client.model.PaymentInstruction()
                    .claimId(scheduling.claimId())
                    .settlementRun(instruction.settlementRun())
                    .endToEndId(instruction.endToEndId())
                    .debtorAccount(instruction.debtorAccount())
                    .amount(instruction.amount().toPlainString())
                    .currency(instruction.currency())
                    .paidAmount(instruction.paidAmount().toPlainString())
                    .paidCurrency(instruction.paidCurrency())
                    .rate(instruction.rate().toPlainString())
                    .rateDate(instruction.rateDate())
                    .rateSource(instruction.rateSource()));
        }
        call("scheduling " + schedulings.size() + " claims", () -> settlement.scheduleClaims(body, null));
    }

    @Override
    public void outcomes(List<Outcome> outcomes, boolean checkOnly) {
        BankOutcomes body = new BankOutcomes().checkOnly(checkOnly);
        for (Outcome outcome : outcomes) {
            body.addOutcomesItem(new BankOutcome()
                    .claimId(outcome.claimId())
                    .endToEndId(outcome.endToEndId())
                    .outcome(outcome.paid() ? BankOutcome.OutcomeEnum.PAID : BankOutcome.OutcomeEnum.FAILED)
                    .statusReport(outcome.statusReport())
                    .bankReference(outcome.bankReference())
                    .reasonCode(outcome.reasonCode())
                    .reason(outcome.reason()));
        }
        call((checkOnly ? "checking " : "recording ") + outcomes.size() + " bank outcomes",
                () -> settlement.recordBankOutcomes(body, null));
    }

    @Override
    public RunView run(String settlementRun) {
        SettlementRunSummary summary = call("reading run " + settlementRun, () -> runs.getSettlementRun(settlementRun));
        List<RunLine> lines = summary.getLines().stream().map(line -> new RunLine(line.getPaidCurrency(),
                line.getStatus().getValue(), line.getClaims(), new BigDecimal(line.getAmount()),
                new BigDecimal(line.getPaidAmount()))).toList();
        List<Posting> postings = summary.getPostings().stream().map(posting -> new Posting(posting.getAccount(),
                new BigDecimal(posting.getDebit()), new BigDecimal(posting.getCredit()))).toList();
        return new RunView(summary.getSettlementRun(), lines, postings, summary.getJournalBehind());
    }

    private interface Call<T> {
        T call() throws ApiException;
    }

    private <T> T call(String what, Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (ApiException failed) {
                String problem = problem(failed);
                boolean retryable = failed.getCode() == 0 || failed.getCode() == 503 || failed.getCode() == 429
                        || failed.getCode() == 502 || failed.getCode() == 504
                        || (failed.getCode() == 409 && (problem.contains("concurrency-conflict")
                                || problem.contains("request-in-progress")));
                if (retryable && attempt < attempts) {
                    pause(failed, attempt);
                    continue;
                }
                if (failed.getCode() == 0 || failed.getCode() >= 500) {
                    throw new LedgerUnavailable("the ledger at " + url + " failed " + what + " (" + (failed.getCode() == 0
                            ? "no answer: " + cause(failed) : "HTTP " + failed.getCode() + " " + problem)
                            + "); nothing was lost, run the command again when the ledger is back", failed);
                }
                throw new LedgerRefused(failed.getCode(), "the ledger refused " + what + " (HTTP " + failed.getCode()
                        + "): " + problem);
            }
        }
    }

    private static String cause(Throwable failed) {
        Throwable root = failed;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static void pause(ApiException failed, int attempt) {
        long seconds = attempt;
        if (failed.getResponseHeaders() != null) {
            List<String> retryAfter = failed.getResponseHeaders().map().get("retry-after");
            if (retryAfter != null && !retryAfter.isEmpty()) {
                try {
                    seconds = Math.min(10, Math.max(1, Long.parseLong(retryAfter.get(0).trim())));
                } catch (NumberFormatException ignored) {
                    // a date form: keep the back-off
                }
            }
        }
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailable("interrupted", interrupted);
        }
    }

    /** The problem's type, title, detail and per-field errors; never the request. */
    private String problem(ApiException failed) {
        String body = failed.getResponseBody();
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode problem = json.readTree(body);
            StringBuilder text = new StringBuilder();
            for (String field : List.of("type", "title", "detail", "currentState")) {
                if (problem.hasNonNull(field)) {
                    text.append(text.isEmpty() ? "" : "; ").append(field).append(' ').append(problem.get(field).asText());
                }
            }
            JsonNode errors = problem.path("errors");
            int shown = 0;
            for (JsonNode error : errors) {
                if (shown++ == 20) {
                    text.append("; ... ").append(errors.size() - 20).append(" more");
                    break;
                }
                text.append("; ").append(error.path("field").asText(error.path("pointer").asText("")))
                        .append(' ').append(error.path("message").asText(error.path("detail").asText("")));
            }
            return text.toString();
        } catch (Exception notJson) {
            return body.length() > 300 ? body.substring(0, 300) : body;
        }
    }
}

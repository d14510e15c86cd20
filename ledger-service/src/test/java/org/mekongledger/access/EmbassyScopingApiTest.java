package org.mekongledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import tools.jackson.databind.JsonNode;

/**
 * An embassy officer (embassy-khm: KHM) sees and acts for its nationals only. A worker of another
 * nationality answers exactly as an unknown worker does, on every endpoint that names a worker;
 * lists and look-ups leave them out. The first test keeps it so: every endpoint of the service is
 * guarded by its path, scoped explicitly, or touches no worker, and a new one in none of these fails.
 */
class EmbassyScopingApiTest extends ApiTestBase {

    private static final String KHM = "embassy-khm";
    private static final String KHM_PW = "embassy-khm-pw";
    private static final String MMR = "embassy-mmr";
    private static final String MMR_PW = "embassy-mmr-pw";
    /** FUND_ADMIN and EMBASSY_OFFICER (KHM): reaches the fund's endpoints, still limited to its nationals. */
    private static final String KHM_ADMIN = "embassy-admin-khm";
    private static final String KHM_ADMIN_PW = "embassy-admin-khm-pw";

    /**
     * (b) Scoped explicitly, each with its reason and test. Endpoints that list or take workers but
     * that the URL matrix closes to embassy officers are here too: {@link #closedToEmbassyOfficers}
     * checks they stay closed.
     */
    private static final Map<String, String> SCOPED = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /api/v1/workers", "list and look-up filtered by nationality: listsAndLookUpsHoldOnlyTheOfficersNationals"),
            Map.entry("POST /api/v1/workers", "closed: registration is FUND_ADMIN's"),
            Map.entry("POST /api/v1/contribution-filings", "closed: a filing's lines name workers of every nationality"),
            Map.entry("GET /api/v1/contribution-filings/{filingId}", "closed: a filing's lines name workers of every nationality"),
            Map.entry("POST /api/v1/contribution-filings/{filingId}/reversal", "closed: FUND_ADMIN's"),
            Map.entry("GET /api/v1/ledger/reconciliation", "closed: its differences name workers"),
            Map.entry("GET /api/v1/audit", "closed: AUDITOR and FUND_ADMIN's"),
            Map.entry("GET /api/v1/settlement/payable-claims", "closed: the settlement batch's, payees of every nationality"),
            Map.entry("POST /api/v1/settlement/schedulings", "closed: the settlement batch's"),
            Map.entry("POST /api/v1/settlement/bank-outcomes", "closed: the settlement batch's"),
            // the console: each page checks the officer against the worker itself (ConsoleApiTest)
            Map.entry("GET /console/workers", "look-up filtered by nationality: ConsoleApiTest.anotherEmbassySeesNeitherThePageNorTheSearchResult"),
            Map.entry("GET /console/workers/{id}", "the worker's nationality checked: ConsoleApiTest.anotherEmbassySeesNeitherThePageNorTheSearchResult"),
            Map.entry("GET /console/workers/{id}/statement", "the worker's nationality checked: StatementApiTest.theConsolePrintsTheStatementInTheWorkersLanguageAndLeavesTheOfficersAsItWas"),
            Map.entry("GET /console/workers/scan", "the coded worker's nationality checked: StatementApiTest.aScannedOrTypedCodeOpensTheRecordAndAMistypedOneSaysSo"),
            Map.entry("GET /console/workers/{id}/contributions", "the worker's nationality checked: ConsoleClaimsTest.theContributionsPageAgreesWithTheLedgerAndEveryStepReadsInWords"),
            Map.entry("GET /console/workers/{id}/claims/new", "the worker's nationality checked: ConsoleClaimsTest.anEmbassyOfficerFilesANationalsClaimAndAnApproverApprovesItFromTheQueue"),
            Map.entry("POST /console/workers/{id}/claims", "the worker's nationality checked, then ClaimFiling's scope: ConsoleClaimsTest.anEmbassyOfficerFilesANationalsClaimAndAnApproverApprovesItFromTheQueue"),
            Map.entry("GET /console/claims/{claimId}", "VisibleClaims: ConsoleClaimsTest.anEmbassyOfficerFilesANationalsClaimAndAnApproverApprovesItFromTheQueue"),
            Map.entry("GET /console/claims", "VisibleClaims' page filtered by nationality: ConsoleClaimsTest.anEmbassyOfficerFilesANationalsClaimAndAnApproverApprovesItFromTheQueue"),
            Map.entry("POST /console/claims/{claimId}/approval", "closed to embassy officers (APPROVER's), then VisibleClaims: ConsoleClaimsTest.anEmbassyOfficerFilesANationalsClaimAndAnApproverApprovesItFromTheQueue"),
            Map.entry("POST /console/claims/{claimId}/rejection", "closed to embassy officers (APPROVER's), then VisibleClaims: ConsoleSecurity")));
    /** The claims endpoints (module claims, built alongside): scoped there, tested there; absent on this branch. */
    private static final Set<String> CLAIMS = Set.of(
            "POST /api/v1/claims", "GET /api/v1/claims", "GET /api/v1/claims/{claimId}",
            "POST /api/v1/claims/{claimId}/approval", "POST /api/v1/claims/{claimId}/rejection",
            "POST /api/v1/claims/{claimId}/cancellation");
    /** The endpoints of {@link #SCOPED} the URL matrix closes to embassy officers, with a path to try. */
    private static final Map<String, String> CLOSED = Map.of(
            "POST /api/v1/workers", "/api/v1/workers",
            "POST /api/v1/contribution-filings", "/api/v1/contribution-filings",
            "GET /api/v1/contribution-filings/{filingId}", "/api/v1/contribution-filings/" + randomId(),
            "POST /api/v1/contribution-filings/{filingId}/reversal", "/api/v1/contribution-filings/" + randomId() + "/reversal",
            "GET /api/v1/ledger/reconciliation", "/api/v1/ledger/reconciliation",
            "GET /api/v1/audit", "/api/v1/audit",
            "GET /api/v1/settlement/payable-claims", "/api/v1/settlement/payable-claims?approvedUpTo=2026-12-01",
            "POST /api/v1/settlement/schedulings", "/api/v1/settlement/schedulings",
            "POST /api/v1/settlement/bank-outcomes", "/api/v1/settlement/bank-outcomes");
    /** (c) Take and return no worker. */
    private static final Map<String, String> NO_WORKER = new TreeMap<>(Map.ofEntries(
            Map.entry("POST /api/v1/employers", "an employer"),
            Map.entry("GET /api/v1/employers/{employerAccount}", "an employer"),
            Map.entry("POST /api/v1/employers/{employerAccount}/relocations", "an employer's province"),
            Map.entry("GET /console", "a redirect to the look-up"),
            Map.entry("GET /console/sign-in", "the sign-in form"),
            Map.entry("GET /api/v1/ledger/trial-balance", "totals per ledger account, no worker"),
            Map.entry("GET /api/v1/settlement/runs/{settlementRun}", "a run's totals per currency and account, no worker"),
            Map.entry("PUT /api/v1/fx-rates/{date}/{currency}", "an exchange rate"),
            Map.entry("GET /api/v1/fx-rates/{date}/{currency}", "an exchange rate"),
            Map.entry("GET /api/v1/fx-rates", "exchange rates"),
            Map.entry("POST /api/v1/entitlements/simulations", "a hypothetical worker given in the body; names no stored one"),
            Map.entry("GET /api/v1/rule-sets", "rule sets"),
            Map.entry("GET /api/v1/rule-sets/{ruleSetId}", "a rule set"),
            Map.entry("POST /api/v1/rule-sets/{ruleSetId}/versions", "a rule set"),
            Map.entry("* /error", "renders a failure already decided"),
            Map.entry("GET /v3/api-docs", "the contract"),
            Map.entry("GET /v3/api-docs.yaml", "the contract"),
            Map.entry("GET /v3/api-docs/swagger-config", "the contract's UI"),
            Map.entry("GET /swagger-ui.html", "the contract's UI")));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    private String mmrWorker;
    private String khmWorker;

    @BeforeEach
    void workers() {
        if (mmrWorker == null) {
            mmrWorker = registerWorker("MMR");
            khmWorker = registerWorker("KHM");
        }
    }

    // --- every endpoint is accounted for ---------------------------------------------------------

    @Test
    void everyEndpointIsGuardedByItsPathScopedExplicitlyOrTouchesNoWorker() throws Exception {
        List<String> unaccounted = new ArrayList<>();
        Set<String> guarded = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = handler.getKey();
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
            if (methods.isEmpty()) {
                methods.add("*");
            }
            for (String pattern : info.getPatternValues()) {
                for (String method : methods) {
                    String endpoint = method + " " + pattern;
                    seen.add(endpoint);
                    if (pattern.contains("{" + EmbassyScope.WORKER_ID + "}")) {
                        assertGuarded(method, pattern, handler.getValue());
                        guarded.add(endpoint);
                    } else if (!SCOPED.containsKey(endpoint) && !CLAIMS.contains(endpoint) && !NO_WORKER.containsKey(endpoint)) {
                        unaccounted.add(endpoint + " (" + handler.getValue().getShortLogMessage() + ")");
                    }
                }
            }
        }
        assertThat(unaccounted).as("endpoints neither guarded by a {workerId} path nor listed as scoped or touching "
                + "no worker: scope each and list it in SCOPED (with a test) or NO_WORKER").isEmpty();
        assertThat(guarded).as("guarded by their path").containsExactlyInAnyOrder(
                "GET /api/v1/workers/{workerId}", "POST /api/v1/workers/{workerId}/documents",
                "GET /api/v1/workers/{workerId}/ledger", "GET /api/v1/workers/{workerId}/entitlements",
                "GET /api/v1/workers/{workerId}/statement",
                "POST /api/v1/workers/{workerId}/events", "POST /api/v1/workers/{workerId}/insurance-periods");
        // the lists name only endpoints that exist (the claims module's may not have landed yet)
        assertThat(seen).as("endpoints listed as scoped").containsAll(SCOPED.keySet());
        assertThat(seen).as("endpoints listed as touching no worker").containsAll(NO_WORKER.keySet());
        assertThat(SCOPED.keySet()).containsAll(CLOSED.keySet());
    }

    /** The guard runs on the endpoint: the request's handler chain holds it. */
    private void assertGuarded(String method, String pattern, HandlerMethod handler) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method,
                pattern.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000"));
        request.setContentType("application/json");
        ServletRequestPathUtils.parseAndCache(request);
        HandlerExecutionChain chain = mapping.getHandler(request);
        assertThat(chain).as(method + " " + pattern).isNotNull();
        assertThat(chain.getHandler().toString()).isEqualTo(handler.toString());
        assertThat(chain.getInterceptorList()).as(method + " " + pattern + " runs the embassy guard")
                .anyMatch(EmbassyScope.class::isInstance);
    }

    // --- (a) the endpoints naming a worker in their path ------------------------------------------

    @Test
    void aWorkerOfAnotherNationalityIsNotFoundExactlyAsAnUnknownOne() {
        for (String suffix : List.of("", "/ledger", "/entitlements?asOf=2026-01-01", "/statement?lang=my")) {
            String path = "/api/v1/workers/%s" + suffix;
            Response foreign = api.get(path.formatted(mmrWorker), KHM, KHM_PW);
            Response unknown = api.get(path.formatted(UNKNOWN), KHM, KHM_PW);
            assertSameAnswer(foreign, mmrWorker, unknown, UNKNOWN, 404);
            // and as the fund answers an unknown worker
            assertSameAnswer(foreign, mmrWorker, api.get(path.formatted(UNKNOWN), ADMIN, ADMIN_PW), UNKNOWN, 404);
            Response national = api.get(path.formatted(mmrWorker), MMR, MMR_PW);
            assertThat(national.status()).as(path + " " + national.raw().body()).isEqualTo(200);
            assertThat(api.get(path.formatted(khmWorker), KHM, KHM_PW).status()).as(path).isEqualTo(200);
        }
        assertThat(api.get("/api/v1/workers/" + mmrWorker, MMR, MMR_PW).json().path("workerId").asString())
                .isEqualTo(mmrWorker);
    }

    @Test
    void anEmbassyOfficerRecordsItsNationalsDepartureOrReturnAndNothingElse() {
        Map<String, String> departure = Map.of("type", "PERMANENT_DEPARTURE", "date", "2026-01-10", "country", "MMR");
        long events = eventCount();

        Response foreign = api.post("/api/v1/workers/" + mmrWorker + "/events", KHM, KHM_PW, departure);
        Response unknown = api.post("/api/v1/workers/" + UNKNOWN + "/events", KHM, KHM_PW, departure);
        assertSameAnswer(foreign, mmrWorker, unknown, UNKNOWN, 404);
        // another nationality's worker is not found before the kind of event is judged
        assertSameAnswer(api.post("/api/v1/workers/" + mmrWorker + "/events", KHM, KHM_PW,
                        Map.of("type", "DEATH", "date", "2026-01-10")), mmrWorker,
                unknown, UNKNOWN, 404);
        Response death = api.post("/api/v1/workers/" + mmrWorker + "/events", MMR, MMR_PW,
                Map.of("type", "DEATH", "date", "2026-01-10"));
        assertThat(death.status()).isEqualTo(403);
        assertThat(death.contentType()).startsWith("application/problem+json");
        assertThat(death.json().path("detail").asString()).contains("PERMANENT_DEPARTURE or RETURNED");
        assertThat(api.post("/api/v1/workers/" + mmrWorker + "/events", MMR, MMR_PW,
                Map.of("type", "INSURED_STATUS_ENDED", "date", "2026-01-10")).status()).isEqualTo(403);
        assertThat(eventCount()).as("refusals record nothing").isEqualTo(events);

        Response recorded = api.post("/api/v1/workers/" + mmrWorker + "/events", MMR, MMR_PW, departure);
        assertThat(recorded.status()).as(recorded.raw().body()).isEqualTo(201);
        assertThat(api.post("/api/v1/workers/" + mmrWorker + "/events", MMR, MMR_PW,
                Map.of("type", "RETURNED", "date", "2026-02-10", "country", "THA")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/workers/" + khmWorker + "/events", KHM, KHM_PW,
                Map.of("type", "PERMANENT_DEPARTURE", "date", "2026-01-10", "country", "KHM")).status()).isEqualTo(201);
        assertThat(eventCount()).isEqualTo(events + 3);
    }

    /**
     * Documents and insurance periods are the fund's: an embassy officer is refused by role, alike for
     * every worker. An officer who keeps the registers and is an embassy officer too stays limited.
     */
    @Test
    void documentsAndInsurancePeriodsAreScopedForAnyoneLimitedToANationality() {
        Map<String, String> document = Map.of("type", "PINK_CARD", "number", uniqueNumber("00"),
                "issuingCountry", "THA", "validUntil", "2028-01-31");
        Map<String, String> period = Map.of("scheme", "LA_LSSO", "from", "2015-01", "to", "2016-12",
                "source", "LSSO certificate 12/2026");
        for (Map.Entry<String, Map<String, String>> endpoint : Map.of("/documents", document,
                "/insurance-periods", period).entrySet()) {
            String path = "/api/v1/workers/%s" + endpoint.getKey();
            long events = eventCount();
            Response byRole = api.post(path.formatted(mmrWorker), KHM, KHM_PW, endpoint.getValue());
            assertSameAnswer(byRole, mmrWorker, api.post(path.formatted(UNKNOWN), KHM, KHM_PW, endpoint.getValue()),
                    UNKNOWN, 403);
            assertThat(api.post(path.formatted(mmrWorker), MMR, MMR_PW, endpoint.getValue()).status()).isEqualTo(403);

            Response foreign = api.post(path.formatted(mmrWorker), KHM_ADMIN, KHM_ADMIN_PW, endpoint.getValue());
            Response unknown = api.post(path.formatted(UNKNOWN), KHM_ADMIN, KHM_ADMIN_PW, endpoint.getValue());
            assertSameAnswer(foreign, mmrWorker, unknown, UNKNOWN, 404);
            assertThat(eventCount()).isEqualTo(events);

            Response national = api.post(path.formatted(khmWorker), KHM_ADMIN, KHM_ADMIN_PW, endpoint.getValue());
            assertThat(national.status()).as(national.raw().body()).isEqualTo(201);
        }
    }

    // --- (b) scoped explicitly --------------------------------------------------------------------

    @Test
    void listsAndLookUpsHoldOnlyTheOfficersNationals() {
        String mmrNumber = uniqueNumber("M");
        Response created = admin("/api/v1/workers", worker("MMR", "PASSPORT", mmrNumber));
        assertThat(created.status()).isEqualTo(201);
        String looked = created.json().path("workerId").asString();
        String lookUp = "/api/v1/workers?documentType=PASSPORT&documentNumber=" + mmrNumber + "&issuingCountry=MMR";

        assertThat(api.get(lookUp, KHM, KHM_PW).json().path("workers")).isEmpty();
        assertThat(ids(api.get(lookUp, MMR, MMR_PW))).containsExactly(looked);
        assertThat(ids(api.get(lookUp, ADMIN, ADMIN_PW))).containsExactly(looked);

        Set<String> khmSees = ids(api.get("/api/v1/workers?size=200", KHM, KHM_PW));
        Set<String> mmrSees = ids(api.get("/api/v1/workers?size=200", MMR, MMR_PW));
        Set<String> auditorSees = ids(api.get("/api/v1/workers?size=200", AUDITOR, AUDITOR_PW));
        assertThat(khmSees).contains(khmWorker).doesNotContain(mmrWorker, looked);
        assertThat(mmrSees).contains(mmrWorker, looked).doesNotContain(khmWorker);
        assertThat(auditorSees).contains(mmrWorker, khmWorker, looked);
        for (JsonNode listed : api.get("/api/v1/workers?size=200", KHM, KHM_PW).json().path("workers")) {
            assertThat(listed.path("nationality").asString()).isEqualTo("KHM");
        }
        // paging counts the officer's nationals only: the first page of one is a national
        assertThat(api.get("/api/v1/workers?size=1", MMR, MMR_PW).json().path("workers").get(0)
                .path("nationality").asString()).isEqualTo("MMR");
    }

    @Test
    void closedToEmbassyOfficers() {
        for (Map.Entry<String, String> endpoint : CLOSED.entrySet()) {
            boolean post = endpoint.getKey().startsWith("POST");
            for (String[] officer : List.of(new String[] {KHM, KHM_PW}, new String[] {MMR, MMR_PW})) {
                Response answer = post ? api.post(endpoint.getValue(), officer[0], officer[1], Map.of())
                        : api.get(endpoint.getValue(), officer[0], officer[1]);
                assertThat(answer.status()).as(officer[0] + " " + endpoint.getKey()).isEqualTo(403);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static final String UNKNOWN = "5d0c2f1e-9b7a-4c3e-8f21-0a1b2c3d4e5f";

    /** Same status, content type and body, once each answer's own worker id is masked. */
    private static void assertSameAnswer(Response answer, String id, Response other, String otherId, int status) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(other.status()).as(other.raw().body()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo(other.contentType());
        assertThat(answer.raw().body().replace(id, "<worker>")).isEqualTo(other.raw().body().replace(otherId, "<worker>"));
    }

    private static Set<String> ids(Response list) {
        assertThat(list.status()).as(list.raw().body()).isEqualTo(200);
        Set<String> ids = new TreeSet<>();
        list.json().path("workers").forEach(worker -> ids.add(worker.path("workerId").asString()));
        return ids;
    }
}

package org.mekongledger.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;

import tools.jackson.databind.JsonNode;

/** Embassy officers file and see claims of their nationals only; others answer as unknown ones do. */
class ClaimAccessApiTest extends ClaimsApiTestBase {

    @Test
    void anEmbassyOfficerSeesAndActsOnTheirNationalsClaimsOnly() {
        InsuredWorker myanmar = insuredWorker("MMR");
        InsuredWorker cambodian = insuredWorker("KHM");
        Response byMmrEmbassy = fileAs(EMBASSY_MMR, with(claim(myanmar.workerId()), "ground",
                Map.of("type", "PERMANENT_DEPARTURE", "date", "2025-12-20", "country", "MMR")));
        assertThat(byMmrEmbassy.status()).as(byMmrEmbassy.raw().body()).isEqualTo(201);
        String mmrClaim = byMmrEmbassy.json().path("claimId").asString();
        assertThat(byMmrEmbassy.json().path("filedBy").asString()).isEqualTo(EMBASSY_MMR);
        Response byKhmEmbassy = api.post("/api/v1/claims", EMBASSY, EMBASSY_PW, claim(cambodian.workerId()));
        assertThat(byKhmEmbassy.status()).as(byKhmEmbassy.raw().body()).isEqualTo(201);
        String khmClaim = byKhmEmbassy.json().path("claimId").asString();

        // the other nationality's claim answers exactly as an unknown claim does
        Response foreign = api.get("/api/v1/claims/" + mmrClaim, EMBASSY, EMBASSY_PW);
        Response unknown = api.get("/api/v1/claims/" + randomId(), EMBASSY, EMBASSY_PW);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(foreign.json().path("title").asString()).isEqualTo(unknown.json().path("title").asString());
        assertThat(foreign.json().path("type").asString()).isEqualTo(unknown.json().path("type").asString());
        assertThat(foreign.json().path("detail").asString()).isEqualTo("No claim " + mmrClaim);
        assertThat(foreign.raw().body()).doesNotContain(myanmar.workerId());
        long events = eventCount();
        assertThat(api.post("/api/v1/claims/" + mmrClaim + "/cancellation", EMBASSY, EMBASSY_PW,
                Map.of("reason", "withdrawn")).status()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(events);
        // nor may they file for another nationality's worker: as if there were no such worker
        Response filing = api.post("/api/v1/claims", EMBASSY, EMBASSY_PW, claim(myanmar.workerId()));
        Response unknownWorker = api.post("/api/v1/claims", EMBASSY, EMBASSY_PW, claim(randomId()));
        assertThat(filing.status()).isEqualTo(404);
        assertThat(unknownWorker.status()).isEqualTo(404);
        assertThat(filing.json().path("title").asString()).isEqualTo(unknownWorker.json().path("title").asString());
        assertThat(eventCount()).isEqualTo(events);
        // and never approve or reject, even their nationals' claims
        assertThat(api.post("/api/v1/claims/" + khmClaim + "/approval", EMBASSY, EMBASSY_PW, Map.of()).status())
                .isEqualTo(403);

        // the list is their nationality's, whatever the filter asks
        Response khmList = api.get("/api/v1/claims", EMBASSY, EMBASSY_PW);
        assertThat(claimIds(khmList)).contains(khmClaim).doesNotContain(mmrClaim);
        assertThat(nationalities(khmList)).containsOnly("KHM");
        Response otherNationality = api.get("/api/v1/claims?nationality=MMR", EMBASSY, EMBASSY_PW);
        assertThat(otherNationality.status()).isEqualTo(200);
        assertThat(claimIds(otherNationality)).isEmpty();
        assertThat(otherNationality.json().path("total").asLong()).isZero();
        assertThat(claimIds(api.get("/api/v1/claims?workerId=" + myanmar.workerId(), EMBASSY, EMBASSY_PW))).isEmpty();
        Response mmrList = api.get("/api/v1/claims", EMBASSY_MMR, EMBASSY_MMR + "-pw");
        assertThat(claimIds(mmrList)).contains(mmrClaim).doesNotContain(khmClaim);
        assertThat(nationalities(mmrList)).containsOnly("MMR");

        // the fund's officers see every nationality, newest first, and may filter by one
        List<String> all = claimIds(api.get("/api/v1/claims", AUDITOR, AUDITOR_PW));
        assertThat(all).contains(khmClaim, mmrClaim);
        assertThat(all.indexOf(khmClaim)).isLessThan(all.indexOf(mmrClaim));
        Response filtered = api.get("/api/v1/claims?nationality=MMR", OFFICER, OFFICER + "-pw");
        assertThat(claimIds(filtered)).contains(mmrClaim);
        assertThat(nationalities(filtered)).containsOnly("MMR");
        assertThat(getAs(EMBASSY_MMR, mmrClaim).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/claims/" + mmrClaim + "/cancellation", EMBASSY_MMR, EMBASSY_MMR + "-pw",
                Map.of("reason", "the worker stays in Thailand")).status()).isEqualTo(200);
    }

    @Test
    void rolesOutsideTheDeskMayNotFileOrDecide() {
        InsuredWorker worker = insuredWorker("KHM");
        assertThat(api.post("/api/v1/claims", AUDITOR, AUDITOR_PW, claim(worker.workerId())).status()).isEqualTo(403);
        assertThat(fileAs(APPROVER, claim(worker.workerId())).status()).isEqualTo(403);
        String claimId = fileClaim(worker.workerId());
        assertThat(approve(OFFICER, claimId).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/settlement/schedulings", APPROVER, APPROVER + "-pw",
                Map.of("instructions", List.of(instructionFor(claimId, "RUN-1")))).status()).isEqualTo(403);
        assertThat(getAs(SETTLEMENT, claimId).status()).isEqualTo(200);
    }

    @Test
    void aPageSaysHowManyClaimsMatchInAll() {
        // the only Lao workers of this class: the page is theirs alone
        InsuredWorker first = insuredWorker("LAO");
        InsuredWorker second = insuredWorker("LAO");
        String older = fileClaim(first.workerId());
        String newer = fileClaim(second.workerId());

        Response page = api.get("/api/v1/claims?nationality=LAO&size=1", AUDITOR, AUDITOR_PW);
        Response next = api.get("/api/v1/claims?nationality=LAO&size=1&page=1", AUDITOR, AUDITOR_PW);

        assertThat(page.json().path("total").asLong()).isEqualTo(2);
        assertThat(claimIds(page)).containsExactly(newer);
        assertThat(claimIds(next)).containsExactly(older);
        assertThat(api.get("/api/v1/claims?status=PAYED", AUDITOR, AUDITOR_PW).errorFields()).containsExactly("status");
        assertThat(api.get("/api/v1/claims?size=0", AUDITOR, AUDITOR_PW).errorFields()).containsExactly("size");
    }

    private static List<String> nationalities(Response list) {
        List<String> found = new java.util.ArrayList<>();
        list.json().path("claims").forEach(claim -> found.add(claim.path("nationality").asString()));
        return found;
    }

    private static List<String> claimIds(Response list) {
        assertThat(list.status()).as(list.raw().body()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode claim : list.json().path("claims")) {
            ids.add(claim.path("claimId").asString());
        }
        return ids;
    }
}

package org.mekongledger.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;

import tools.jackson.databind.JsonNode;

/**
 * An old-age claim is due within a year of the benefit becoming payable: the entitlement says by
 * when, and a claim filed after that day is still taken (the fund decides on the delay) but shows
 * the approver a warning.
 */
class LateClaimApiTest extends ClaimsApiTestBase {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Bangkok"));

    @Test
    void aClaimFiledWithinAYearOfDepartureIsInTime() {
        LocalDate departed = TODAY.minusDays(30);
        Response filed = fileAs(OFFICER, departedOn(insuredWorker("KHM").workerId(), departed));

        assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
        // a year from the day the lump sum became payable, the day after the departure
        LocalDate payableFrom = LocalDate.parse(filed.json().path("filedAssessment").path("payableFrom").asString());
        assertThat(payableFrom).isEqualTo(departed.plusDays(1));
        assertThat(filed.json().path("claimBy").asString()).isEqualTo(payableFrom.plusYears(1).minusDays(1).toString());
        assertThat(filed.json().path("filedAssessment").path("claimBy").asString())
                .isEqualTo(filed.json().path("claimBy").asString());
        assertThat(filed.json().path("filedLate").asBoolean()).isFalse();
        assertThat(filed.json().path("warnings")).isEmpty();
    }

    @Test
    void aClaimFiledMoreThanAYearAfterDepartureIsTakenWithAWarning() {
        LocalDate departed = TODAY.minusDays(400);
        String worker = insuredWorker("KHM").workerId();
        Response entitlements = read("/api/v1/workers/" + worker + "/entitlements?asOf=" + departed.plusDays(1)
                + "&event=PERMANENT_DEPARTURE");
        JsonNode lumpSum = entitlements.json().path("entitlements").get(0);

        Response filed = fileAs(OFFICER, departedOn(worker, departed));

        assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
        assertThat(filed.json().path("status").asString()).isEqualTo("FILED");
        assertThat(filed.json().path("filedLate").asBoolean()).isTrue();
        LocalDate claimBy = departed.plusDays(1).plusYears(1).minusDays(1);
        assertThat(filed.json().path("warnings").get(0).asString()).contains("after the claim deadline of " + claimBy);
        assertThat(lumpSum.path("claimBy").asString()).isEqualTo(claimBy.toString());
        String claimId = filed.json().path("claimId").asString();
        Response queued = read("/api/v1/claims?status=FILED&workerId=" + worker);
        assertThat(queued.json().path("claims").get(0).path("claimId").asString()).isEqualTo(claimId);
        assertThat(queued.json().path("claims").get(0).path("filedLate").asBoolean()).isTrue();
    }

    private static Map<String, Object> departedOn(String workerId, LocalDate departed) {
        Map<String, Object> claim = with(claim(workerId), "ground",
                Map.of("type", "PERMANENT_DEPARTURE", "date", departed.toString(), "country", "KHM"));
        return with(claim, "asOf", departed.plusDays(1).toString());
    }
}

package org.mekongledger.rulelibrary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;

/** Its own database: the amendments here would otherwise be the latest for other tests' versions. */
class KeyedAmendmentApiTest extends ApiTestBase {

    /**
     * Inside a keyed request the amendment commits with the request's transaction: the answer comes
     * from the amendment, and the version is in force as soon as the answer arrives, not before.
     */
    @Test
    void aKeyedAmendmentAnswersFromWhatItRecordedAndIsInForceWhenTheAnswerArrives() {
        Map<String, Object> amendment = RuleSetsApiTest.version("2051-01", "2051-01-01", "32000.00");
        Response added = api.post("/api/v1/rule-sets/TH_SSF_S33/versions", ADMIN, ADMIN_PW, amendment,
                Map.of("Idempotency-Key", "amend-2051"));
        Response replayed = api.post("/api/v1/rule-sets/TH_SSF_S33/versions", ADMIN, ADMIN_PW, amendment,
                Map.of("Idempotency-Key", "amend-2051"));
        Response refused = api.post("/api/v1/rule-sets/TH_SSF_S33/versions", ADMIN, ADMIN_PW,
                RuleSetsApiTest.version("2050-06", "2050-06-01", "32000.00"), Map.of("Idempotency-Key", "amend-2050"));

        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        assertThat(added.json().path("parameters").path("wageCeiling").asString()).isEqualTo("32000.00");
        assertThat(RuleSetsApiTest.version(read("/api/v1/rule-sets/TH_SSF_S33").json(), "2051-01").path("effectiveFrom").asString())
                .isEqualTo("2051-01-01");
        assertThat(replayed.raw().body()).isEqualTo(added.raw().body());
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        // refused inside its savepoint: never published into the library, however the request ended
        assertThat(refused.status()).isEqualTo(422);
        assertThat(read("/api/v1/rule-sets/TH_SSF_S33").json().path("versions").toString()).doesNotContain("2050-06");
    }
}

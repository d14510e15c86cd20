package org.mekongledger.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mekongledger.api.ClaimStatus.APPROVED;
import static org.mekongledger.api.ClaimStatus.CANCELLED;
import static org.mekongledger.api.ClaimStatus.FAILED;
import static org.mekongledger.api.ClaimStatus.FILED;
import static org.mekongledger.api.ClaimStatus.PAID;
import static org.mekongledger.api.ClaimStatus.REJECTED;
import static org.mekongledger.api.ClaimStatus.SCHEDULED;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mekongledger.api.ClaimInWrongState;
import org.mekongledger.api.ClaimStatus;

class ClaimTransitionsTest {

    @Test
    void theLifeCycleAllowsExactlyTheIssuesSteps() {
        Set<String> allowed = new java.util.TreeSet<>();
        for (ClaimStatus from : ClaimStatus.values()) {
            for (ClaimStatus to : ClaimStatus.values()) {
                if (ClaimTransitions.allowed(from, to)) {
                    allowed.add(from + "->" + to);
                }
            }
        }
        assertThat(allowed).containsExactlyInAnyOrder("FILED->APPROVED", "FILED->REJECTED", "FILED->CANCELLED",
                "APPROVED->SCHEDULED", "SCHEDULED->PAID", "SCHEDULED->FAILED", "FAILED->APPROVED", "FAILED->CANCELLED");
    }

    @Test
    void aStepNotAllowedNamesTheCurrentStateAndTheStep() {
        assertThatThrownBy(() -> ClaimTransitions.require("C-1", PAID, CANCELLED))
                .isInstanceOf(ClaimInWrongState.class)
                .hasMessage("Claim C-1 is PAID; it cannot be cancelled")
                .extracting(thrown -> ((ClaimInWrongState) thrown).current()).isEqualTo(PAID);
    }

    @Test
    void openClaimsAreThoseMoneyMayStillGoOutOn() {
        assertThat(EnumSet.allOf(ClaimStatus.class).stream().filter(ClaimTransitions::open))
                .containsExactlyInAnyOrder(FILED, APPROVED, SCHEDULED, FAILED);
        assertThat(ClaimTransitions.open(REJECTED)).isFalse();
    }
}

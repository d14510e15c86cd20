package org.mekongledger.settlement.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.mekongledger.settlement.Refusal;

class StatusMappingTest {

    @Test
    void onlySettledMoneyIsPaidAndOnlyARejectionFails() {
        assertThat(StatusMapping.effect("ACSC")).isEqualTo(StatusMapping.Effect.PAID);
        assertThat(StatusMapping.effect("ACCC")).isEqualTo(StatusMapping.Effect.PAID);
        assertThat(StatusMapping.effect("RJCT")).isEqualTo(StatusMapping.Effect.FAILED);
        for (String pending : new String[] {"ACSP", "ACTC", "ACCP", "ACWC", "PDNG", "RCVD"}) {
            assertThat(StatusMapping.effect(pending)).as(pending).isEqualTo(StatusMapping.Effect.NONE);
        }
    }

    @Test
    void anUnknownStatusRefusesTheReport() {
        assertThatThrownBy(() -> StatusMapping.effect("XXXX")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> StatusMapping.effect("acsc")).isInstanceOf(Refusal.class);
    }
}

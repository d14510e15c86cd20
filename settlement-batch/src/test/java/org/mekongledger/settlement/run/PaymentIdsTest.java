package org.mekongledger.settlement.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PaymentIdsTest {

    static final LocalDate RUN = LocalDate.parse("2026-12-01");

    @Test
    void endToEndIdIsTheClaimIdWithoutDashesInLowerCaseAndTheInstructionNumber() {
        String id = PaymentIds.endToEndId("0C1D2E3F-4A5B-6C7D-8E9F-A0B1C2D3E4F5", 2);
        assertThat(id).isEqualTo("0c1d2e3f4a5b6c7d8e9fa0b1c2d3e4f5-2").hasSizeLessThanOrEqualTo(35)
                .matches("[A-Za-z0-9-]+");
        assertThat(PaymentIds.endToEndId("0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5", 99)).hasSize(35);
    }

    @Test
    void endToEndIdRefusesWhatIsNotAClaimIdOrAnInstructionNumber() {
        assertThatThrownBy(() -> PaymentIds.endToEndId("not-a-uuid", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentIds.endToEndId("0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentIds.endToEndId("0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5", 100))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messageAndBlockIdsAreDerivedFromTheRunAndFitIso20022() {
        assertThat(PaymentIds.settlementRun(RUN)).isEqualTo("SR-2026-12-01");
        assertThat(PaymentIds.messageId(RUN, "FUNDFX0001")).isEqualTo("MKL-20261201-FUNDFX0001").hasSizeLessThanOrEqualTo(35);
        assertThat(PaymentIds.paymentInformationId(RUN, "FUNDFX0001", "MMK", RUN))
                .isEqualTo("20261201-FUNDFX0001-MMK-20261201").hasSizeLessThanOrEqualTo(35);
    }

    @Test
    void aMessageIdOfOursIsReadBackAndAnythingElseIsNot() {
        assertThat(PaymentIds.parseMessageId("MKL-20261201-FUNDFX01"))
                .contains(new PaymentIds.Message(RUN, "FUNDFX01"));
        assertThat(PaymentIds.parseMessageId("MKL-20261301-FUNDFX01")).isEmpty();
        assertThat(PaymentIds.parseMessageId("MKL-20261201-fundfx01")).isEmpty();
        assertThat(PaymentIds.parseMessageId("XYZ-20261201-FUNDFX01")).isEmpty();
        assertThat(PaymentIds.parseMessageId("MKL-20261201-FUNDFX01' or 1=1")).isEmpty();
        assertThat(PaymentIds.parseMessageId(null)).isEmpty();
    }

    @Test
    void countriesBridgeAlpha3ToAlpha2() {
        assertThat(Countries.alpha2("MMR")).isEqualTo("MM");
        assertThat(Countries.alpha2("KHM")).isEqualTo("KH");
        assertThat(Countries.alpha2("LAO")).isEqualTo("LA");
        assertThat(Countries.alpha2("VNM")).isEqualTo("VN");
        assertThat(Countries.alpha2("THA")).isEqualTo("TH");
        assertThatThrownBy(() -> Countries.alpha2("XXX")).isInstanceOf(IllegalArgumentException.class);
    }
}

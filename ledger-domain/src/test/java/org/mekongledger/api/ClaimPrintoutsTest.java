package org.mekongledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mekongledger.api.ClaimCommands.ApproveClaim;
import org.mekongledger.api.ClaimCommands.FileClaim;
import org.mekongledger.api.ClaimEvents.ClaimApproved;
import org.mekongledger.api.ClaimEvents.ClaimCancelled;
import org.mekongledger.api.ClaimEvents.ClaimFailed;
import org.mekongledger.api.ClaimEvents.ClaimFiled;
import org.mekongledger.api.ClaimEvents.ClaimPaid;
import org.mekongledger.api.ClaimEvents.ClaimRejected;
import org.mekongledger.api.ClaimEvents.ClaimScheduled;
import org.mekongledger.vocabulary.LifeEventType;

/** A claim's messages reach logs through their printouts: none prints the payee's personal payment data. */
class ClaimPrintoutsTest {

    static final String NAME = "Chan Sokha";
    static final String ACCOUNT = "001234567890";
    static final String MSISDN = "+85512345678";
    static final String WALLET = "Wing";
    static final String POINT = "Battambang market";

    static final Payee BANK = new Payee(NAME, PaymentChannel.BANK_ACCOUNT, "KHM", "KHR", "ACLBKHPP", "ACLB", ACCOUNT,
            null, null, null);
    static final Payee MOBILE = new Payee(NAME, PaymentChannel.MOBILE_WALLET, "KHM", "KHR", null, null, null, WALLET,
            MSISDN, null);
    static final Payee CASH = new Payee(NAME, PaymentChannel.CASH_PICKUP, "KHM", "KHR", null, null, null, null, null,
            POINT);
    static final Assessment ASSESSMENT = new Assessment(true, new BigDecimal("52000.00"), "THB", "lump sum",
            LocalDate.of(2026, 3, 1), null, List.of(new AssessmentStep("R1", "TH_SSF_S33", "2025-01",
            Map.of("months", "84"), "52000.00")), List.of("TH_SSF_S33@2025-01"));
    static final ClaimGround GROUND = new ClaimGround(LifeEventType.PERMANENT_DEPARTURE, LocalDate.of(2026, 3, 1), "KHM");

    static Stream<Object> messages() {
        return Stream.of(BANK, MOBILE, CASH).flatMap(payee -> Stream.of(payee,
                new FileClaim("W-1", "C-1", "TH_SSF_S33", "OLD_AGE_LUMP_SUM", LocalDate.of(2026, 3, 2), GROUND, payee,
                        ASSESSMENT),
                new ApproveClaim("W-1", "C-1", ASSESSMENT, payee),
                new ClaimFiled("W-1", "C-1", "TH_SSF_S33", "OLD_AGE_LUMP_SUM", LocalDate.of(2026, 3, 2), GROUND, payee,
                        true, ASSESSMENT, "claims-officer"),
                new ClaimApproved("W-1", "C-1", new BigDecimal("52000.00"), "THB", ASSESSMENT, payee, true,
                        "approver"),
                new ClaimRejected("W-1", "C-1", "not eligible", "approver"),
                new ClaimCancelled("W-1", "C-1", "withdrawn", "claims-officer"),
                new ClaimScheduled("W-1", "C-1", "RUN-1", null, "settlement"),
                new ClaimPaid("W-1", "C-1", "BANK-REF-1", "STS-1", null, "settlement"),
                new ClaimFailed("W-1", "C-1", "AC04", "account closed", "STS-1", null, null, null, "settlement")));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void noPrintoutShowsThePayeesNameAccountNumberPhoneWalletOrPickUpPoint(Object message) {
        assertThat(message.toString()).doesNotContain(NAME, "Sokha", ACCOUNT, MSISDN, "12345678", WALLET, POINT);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void butSaysWhichClaimItIs(Object message) {
        if (!(message instanceof Payee)) {
            assertThat(message.toString()).contains("C-1");
        } else {
            assertThat(message.toString()).contains(((Payee) message).channel().name(), "KHM", "KHR");
        }
    }
}

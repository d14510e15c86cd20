package org.mekongledger.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The statement code's check digits: ISO 7064 MOD 97-10 over the worker id's value, and what they catch at a desk. */
class StatementCodeTest {

    private static final String WORKER = "3f6c2a9e-81d4-4b7a-9c0e-5d2f7b1a8e64";
    private static final String HEX = "0123456789abcdef";

    @Test
    void theCheckDigitsMakeTheNumberLeaveOneByNinetySeven() {
        // the id as a number, worked out independently of the code under test
        java.math.BigInteger value = new java.math.BigInteger(WORKER.replace("-", ""), 16);
        int check = Integer.parseInt(StatementCode.check(WORKER));
        assertThat(value.multiply(java.math.BigInteger.valueOf(100)).add(java.math.BigInteger.valueOf(check))
                .mod(java.math.BigInteger.valueOf(97)).intValue()).isEqualTo(1);
        assertThat(check).isBetween(2, 98);
    }

    @Test
    void aPrintedCodeGivesBackItsWorkerHoweverItIsTyped() {
        String code = StatementCode.of(WORKER);
        assertThat(code).startsWith("MEKONG-LEDGER:WORKER:" + WORKER + ":").hasSize("MEKONG-LEDGER:WORKER:".length() + 36 + 3);
        assertThat(StatementCode.workerId(code)).contains(WORKER);
        // typed at a desk from the text under the QR code: lower or upper case, with a space, without the prefix
        assertThat(StatementCode.workerId(" " + WORKER.toUpperCase() + " " + StatementCode.check(WORKER) + " ")).contains(WORKER);
        assertThat(StatementCode.workerId(WORKER + ":" + StatementCode.check(WORKER))).contains(WORKER);
        assertThat(StatementCode.workerId(code.toLowerCase())).contains(WORKER);
        assertThat(StatementCode.workerId(WORKER)).as("no check digits").isEmpty();
        assertThat(StatementCode.workerId("")).isEmpty();
        assertThat(StatementCode.workerId(null)).isEmpty();
        assertThat(StatementCode.workerId("MEKONG-LEDGER:WORKER:not-a-worker:00")).isEmpty();
    }

    /** Every character of the id or the check digits, mistyped as any other it could be: every one is caught. */
    @Test
    void everyMistypedCharacterIsCaught() {
        String code = StatementCode.of(WORKER);
        int start = StatementCode.PREFIX.length();
        List<String> missed = new ArrayList<>();
        int tried = 0;
        for (int i = start; i < code.length(); i++) {
            char original = code.charAt(i);
            if (original == '-' || original == ':') {
                continue;
            }
            for (char typo : (i > start + 36 ? "0123456789" : HEX).toCharArray()) {
                if (typo == original) {
                    continue;
                }
                tried++;
                String typed = code.substring(0, i) + typo + code.substring(i + 1);
                StatementCode.workerId(typed).ifPresent(found -> missed.add(typed));
            }
        }
        assertThat(tried).isEqualTo(32 * 15 + 2 * 9);
        assertThat(missed).isEmpty();
    }

    /** Every swap of two different neighbours, across a dash too, in any id: checked exhaustively for every pair of hex digits. */
    @Test
    void everySwapOfTwoNeighboursIsCaught() {
        String code = StatementCode.of(WORKER);
        String digits = code.substring(StatementCode.PREFIX.length()).replace("-", "").replace(":", "");
        for (int i = 0; i < digits.length() - 1; i++) {
            char a = digits.charAt(i);
            char b = digits.charAt(i + 1);
            if (a == b) {
                continue;
            }
            String swapped = digits.substring(0, i) + b + a + digits.substring(i + 2);
            String typed = swapped.substring(0, 8) + "-" + swapped.substring(8, 12) + "-" + swapped.substring(12, 16) + "-"
                    + swapped.substring(16, 20) + "-" + swapped.substring(20, 32) + ":" + swapped.substring(32);
            assertThat(StatementCode.workerId(typed)).as("%s%s swapped at %d", a, b, i).isEmpty();
        }
        for (char a : HEX.toCharArray()) {
            for (char b : HEX.toCharArray()) {
                if (a != b) {
                    String id = "0" + a + b + WORKER.substring(3);
                    String swappedId = "0" + b + a + WORKER.substring(3);
                    assertThat(StatementCode.workerId(swappedId + ":" + StatementCode.check(id))).as("%s%s swapped", a, b).isEmpty();
                }
            }
        }
    }
}

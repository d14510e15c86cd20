package org.mekongledger.settlement.bankfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IbanTest {

    @Test
    void validIbansPassTheMod97CheckInElectronicForm() {
        assertThat(Iban.parse("DE89 3704 0044 0532 0130 00")).contains("DE89370400440532013000");
        assertThat(Iban.parse("gb82west12345698765432")).contains("GB82WEST12345698765432");
        assertThat(Iban.parse("NO9386011117947")).contains("NO9386011117947");
    }

    @Test
    void anythingElseIsNotAnIban() {
        assertThat(Iban.parse("DE89370400440532013001")).as("check digits off").isEmpty();
        assertThat(Iban.parse("1234567890")).as("a domestic account number").isEmpty();
        assertThat(Iban.parse("TH12")).isEmpty();
        assertThat(Iban.parse("DE89-3704-0044-0532-0130-00")).isEmpty();
        assertThat(Iban.parse(null)).isEmpty();
    }
}

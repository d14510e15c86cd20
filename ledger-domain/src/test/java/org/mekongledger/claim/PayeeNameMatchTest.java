package org.mekongledger.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayeeNameMatchTest {

    @ParameterizedTest(name = "''{0}'' is {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # payee name              | given name     | family name
            Chan Sokha                | Sokha          | Chan
            SOKHA CHAN                | Sokha          | Chan
            Sokha, CHAN.              | Sokha          | Chan
            Nguyễn Văn Đức            | Đức            | Nguyễn Văn
            NGUYEN VAN DUC            | Văn Đức        | Nguyễn
            Duc Nguyen Van            | Van Duc        | Nguyen
            Thi-Hoa Nguyen            | Thị Hoa        | Nguyễn
            U Aung Kyaw               | Aung Kyaw      | -
            Daw Aye Aye Khaing        | Aye Aye Khaing | -
            Ma Aye Aye Khaing         | Aye Aye Khaing | -
            Mg. Zaw Min Htut          | Zaw Min Htut   | -
            AungKyaw                  | Aung Kyaw      | -
            Aung Kyaw Moe             | AungKyaw Moe   | -
            MoeAungKyaw               | Aung Kyaw      | Moe
            Nai Somchai Jaidee        | Somchai        | Jaidee
            Mr. Somchai Jaidee        | Somchai        | Jaidee
            Nang Bounmy Phommachanh   | Bounmy         | Phommachanh
            Somchay Jaidee            | Somchai        | Jaidee
            Bounmy Phomachanh         | Bounmy         | Phommachanh
            Ｃｈａｎ Ｓｏｋｈａ        | Sokha          | Chan
            """)
    void theWorkersOwnNameInAnyUsualSpellingMatches(String payee, String given, String family) {
        assertThat(PayeeNameMatch.matches(payee, given, family)).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' is not {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # payee name              | given name     | family name
            Chan Dara                 | Sokha          | Chan
            Aung Kyaw                 | Aung Kyaw      | Moe
            Aung Kyaw Moe Oo          | Aung Kyaw      | Moe
            Aye Aye                   | Aye Aye Khaing | -
            Aya Khaing                | Aye Khaing     | -
            Sukhe Chan                | Sokha          | Chan
            Somchia Jaidee            | Somchai        | Jaidee
            สมชาย ใจดี                 | Somchai        | Jaidee
            Somchai Jaidee            | สมชาย          | ใจดี
            -                         | Sokha          | Chan
            '  '                      | Sokha          | Chan
            ...                       | Sokha          | Chan
            """)
    void anyoneElseIsFlagged(String payee, String given, String family) {
        assertThat(PayeeNameMatch.matches(payee, given, family)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aNameInTheSameNonLatinScriptMatchesItself() {
        assertThat(PayeeNameMatch.matches("ใจดี สมชาย", "สมชาย", "ใจดี")).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aNameOfHonorificsOnlyIsComparedAsItIs() {
        assertThat(PayeeNameMatch.matches("Maung Maung", "Maung Maung", null)).isTrue();
        assertThat(PayeeNameMatch.matches("Maung Maung", "Maung", null)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aVeryLongNameIsComparedExactlyAsAMultisetOfTokens() {
        String given = "A B C D E F G H";
        assertThat(PayeeNameMatch.matches("H G F E D C B A I", given, "I")).isTrue();
        assertThat(PayeeNameMatch.matches("H G F E D C B A J", given, "I")).isFalse();
    }

    @org.junit.jupiter.api.Test
    void oneEditIsOneLetterChangedAddedOrDropped() {
        assertThat(PayeeNameMatch.withinOneEdit("SOMCHAI", "SOMCHAY")).isTrue();
        assertThat(PayeeNameMatch.withinOneEdit("SOMCHAI", "SOMCHAII")).isTrue();
        assertThat(PayeeNameMatch.withinOneEdit("SOMCHAI", "SOMCAI")).isTrue();
        assertThat(PayeeNameMatch.withinOneEdit("SOMCHAI", "SOMCHIA")).isFalse();
        assertThat(PayeeNameMatch.withinOneEdit("SOMCHAI", "SOMCH")).isFalse();
    }
}

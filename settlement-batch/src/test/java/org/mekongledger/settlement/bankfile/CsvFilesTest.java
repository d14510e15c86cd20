package org.mekongledger.settlement.bankfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFilesTest {

    private static PartnerPayout payout(String endToEndId, String name, String amount, String currency) {
        return new PartnerPayout(endToEndId, "0c1d2e3f-0000-0000-0000-00000000000" + endToEndId.charAt(0), "MOBILE_WALLET",
                name, "MM", "+959123456789", "WAVE", null, new BigDecimal(amount), currency);
    }

    @Test
    void thePartnerFileAlwaysHasItsHeader() throws Exception {
        StringWriter out = new StringWriter();
        new PartnerFileWriter(out).close();
        assertThat(out.toString()).isEqualTo(
                "end_to_end_id,claim_id,channel,payee_name,country,msisdn,wallet_provider,pickup_point,amount,currency\n");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAsRfc4180Says() throws Exception {
        StringWriter out = new StringWriter();
        try (PartnerFileWriter writer = new PartnerFileWriter(out)) {
            writer.write(payout("1-1", "Doe, John", "10", "THB"));
            writer.write(payout("2-1", "Aung \"Ko Ko\" Lin", "20.5", "THB"));
            writer.write(payout("3-1", "line one\nline two\r\nthree", "30", "VND"));
            writer.write(new PartnerPayout("4-1", "c4", "CASH_PICKUP", "Plain Name", "KH", null, null, "Poipet, Gate 2",
                    new BigDecimal("40"), "KHR"));
            assertThat(writer.rows()).isEqualTo(4);
        }
        List<String> lines = out.toString().lines().toList();
        assertThat(out.toString()).contains(",\"Doe, John\",")
                .contains(",\"Aung \"\"Ko Ko\"\" Lin\",")
                .contains(",\"line one\nline two\r\nthree\",")
                .contains("4-1,c4,CASH_PICKUP,Plain Name,KH,,,\"Poipet, Gate 2\",40.00,KHR\n")
                .contains(",20.50,THB\n").contains(",30,VND\n");
        assertThat(parse(out.toString())).hasSize(5)
                .extracting(row -> row.get(3))
                .containsExactly("payee_name", "Doe, John", "Aung \"Ko Ko\" Lin", "line one\nline two\r\nthree", "Plain Name");
        assertThat(lines.get(0)).startsWith("end_to_end_id,");
    }

    @Test
    void nonLatinNamesAreWrittenAsUtf8WithoutABom() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PartnerFileWriter writer = new PartnerFileWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
            writer.write(payout("1-1", "မောင်မောင်ဦး", "1", "MMK"));
            writer.write(payout("2-1", "សុខ ចាន់ដារ៉ា", "2", "KHR"));
            writer.write(payout("3-1", "Nguyễn Thị Hồng Nhung", "3", "VND"));
        }
        byte[] raw = bytes.toByteArray();
        assertThat(raw[0]).as("no BOM").isEqualTo((byte) 'e');
        String text = new String(raw, StandardCharsets.UTF_8);
        assertThat(parse(text)).extracting(row -> row.get(3))
                .containsExactly("payee_name", "မောင်မောင်ဦး", "សុខ ចាន់ដារ៉ា", "Nguyễn Thị Hồng Nhung");
        assertThat(text).doesNotContain("\r");
    }

    @Test
    void partnerRowsOutOfOrderTwiceOrWithAmountsTheCurrencyCannotHaveAreRefused() throws Exception {
        try (PartnerFileWriter writer = new PartnerFileWriter(new StringWriter())) {
            writer.write(payout("2-1", "A", "1", "THB"));
            assertThatThrownBy(() -> writer.write(payout("1-1", "B", "1", "THB"))).hasMessageContaining("ascending, unique");
            assertThatThrownBy(() -> writer.write(payout("2-1", "B", "1", "THB"))).hasMessageContaining("ascending, unique");
            assertThatThrownBy(() -> writer.write(payout("3-1", "B", "1.5", "VND"))).hasMessageContaining("more decimals");
            assertThatThrownBy(() -> writer.write(payout("3-1", "B", "0", "THB"))).hasMessageContaining("positive");
        }
    }

    @Test
    void aCallerCanAskBeforehandWhetherAPayoutCanBeWritten() {
        assertThat(PartnerFileWriter.problemWith(payout("1-1", "A", "1.25", "THB"))).isEmpty();
        assertThat(PartnerFileWriter.problemWith(payout("1-1", "Secret", "1.5", "VND")))
                .hasValueSatisfying(problem -> assertThat(problem).contains("more decimals").doesNotContain("Secret"));
        assertThat(PartnerFileWriter.problemWith(payout("1-1", "A", "1", "XXY"))).isPresent();
    }

    @Test
    void aPayoutNeverShowsThePayeeInItsToString() {
        assertThat(payout("1-1", "Secret Name", "1", "THB").toString())
                .contains("1-1").doesNotContain("Secret").doesNotContain("+959123456789");
    }

    @Test
    void theSummaryIsSortedAndWritesNumbersPlainly() throws Exception {
        StringWriter out = new StringWriter();
        SummaryFileWriter.write(out, List.of(
                new SummaryLine("PARTNER", null, "MMK", 2, new BigDecimal("2000.00"), new BigDecimal("120000.00"),
                        new BigDecimal("60.000000"), "Central Bank of Myanmar, reference rate"),
                new SummaryLine("BANK", "SSOBKK1", "VND", 1, new BigDecimal("1000.00"), new BigDecimal("7250000"),
                        new BigDecimal("725E1"), "manual"),
                new SummaryLine("BANK", "SSOBKK1", "THB", 3, new BigDecimal("4750.75"), new BigDecimal("4750.75"),
                        BigDecimal.ONE, null)));
        assertThat(out.toString()).isEqualTo("""
                channel,debtor_account,currency,payments,amount_thb,paid_amount,rate,rate_source
                BANK,SSOBKK1,THB,3,4750.75,4750.75,1,
                BANK,SSOBKK1,VND,1,1000.00,7250000,7250,manual
                PARTNER,,MMK,2,2000.00,120000.00,60.000000,"Central Bank of Myanmar, reference rate"
                """);
    }

    @Test
    void anEmptySummaryIsItsHeader() throws Exception {
        Writer out = new StringWriter();
        SummaryFileWriter.write(out, List.of());
        assertThat(out.toString()).isEqualTo("channel,debtor_account,currency,payments,amount_thb,paid_amount,rate,rate_source\n");
    }

    /** A strict RFC 4180 reader, to prove the files read back as written. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}

package org.mekongledger.settlement.bankfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mekongledger.settlement.bankfile.pain001.CreditTransferTransaction34;
import org.mekongledger.settlement.bankfile.pain001.CustomerCreditTransferInitiationV09;
import org.mekongledger.settlement.bankfile.pain001.PaymentInstruction30;

class Pain001WriterTest {

    @Test
    void everyFileWrittenIsValidAgainstTheOfficialSchema() {
        Xml.validate(Iso20022Schemas.pain001(), Samples.pain001());
        Xml.validate(Iso20022Schemas.pain001(), Samples.pain001(Samples.run(), Samples.FUND_WITH_IBAN));
        Xml.validate(Iso20022Schemas.pain001(), Samples.pain001(Samples.run(), new DebtorAccount("NOBIC", "Fund",
                null, "998877", null, null)));
    }

    @Test
    void groupAndBlockTotalsEqualTheTransactionsParsedBack() throws Exception {
        CustomerCreditTransferInitiationV09 message = Xml.pain001(Samples.pain001()).getCstmrCdtTrfInitn();
        long groupCount = 0;
        BigDecimal groupSum = BigDecimal.ZERO;
        for (PaymentInstruction30 block : message.getPmtInf()) {
            BigDecimal blockSum = block.getCdtTrfTxInf().stream()
                    .map(tx -> tx.getAmt().getInstdAmt().getValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(Long.parseLong(block.getNbOfTxs())).isEqualTo(block.getCdtTrfTxInf().size());
            assertThat(block.getCtrlSum()).isEqualByComparingTo(blockSum);
            groupCount += block.getCdtTrfTxInf().size();
            groupSum = groupSum.add(blockSum);
        }
        assertThat(message.getPmtInf()).hasSize(3);
        assertThat(Long.parseLong(message.getGrpHdr().getNbOfTxs())).isEqualTo(groupCount).isEqualTo(6);
        assertThat(message.getGrpHdr().getCtrlSum()).isEqualByComparingTo(groupSum);
    }

    @Test
    void headersCarryTheRunsIdsDatesAndTheFundsChoices() throws Exception {
        CustomerCreditTransferInitiationV09 message = Xml.pain001(Samples.pain001()).getCstmrCdtTrfInitn();
        assertThat(message.getGrpHdr().getMsgId()).isEqualTo("MKL-20261201-SSOBKK1");
        assertThat(message.getGrpHdr().getCreDtTm().toXMLFormat()).isEqualTo("2026-11-30T18:05:07+07:00");
        assertThat(message.getGrpHdr().getInitgPty().getNm()).isEqualTo("Mekong Ledger Workers Fund");
        PaymentInstruction30 thb = message.getPmtInf().get(0);
        assertThat(thb.getPmtInfId()).isEqualTo("20261201-SSOBKK1-THB-20261201");
        assertThat(thb.getReqdExctnDt().getDt().toXMLFormat()).isEqualTo("2026-12-01");
        assertThat(thb.getPmtMtd().value()).isEqualTo("TRF");
        assertThat(thb.getChrgBr().value()).isEqualTo("DEBT");
        assertThat(thb.getPmtTpInf().getCtgyPurp().getCd()).isEqualTo("SSBE");
        assertThat(thb.getDbtr().getNm()).isEqualTo("Social Security Office Workers Fund");
        assertThat(thb.getDbtrAcct().getId().getOthr().getId()).isEqualTo("1234567890");
        assertThat(thb.getDbtrAcct().getId().getOthr().getSchmeNm().getCd()).isEqualTo("BBAN");
        assertThat(thb.getDbtrAgt().getFinInstnId().getBICFI()).isEqualTo("BKKBTHBK");

        PaymentInstruction30 withIban = Xml.pain001(Samples.pain001(Samples.run(), Samples.FUND_WITH_IBAN))
                .getCstmrCdtTrfInitn().getPmtInf().get(0);
        assertThat(withIban.getDbtrAcct().getId().getIBAN()).isEqualTo("GB82WEST12345698765432");
        assertThat(withIban.getDbtrAgt().getFinInstnId().getOthr().getId()).isEqualTo("NOTPROVIDED");
    }

    @Test
    void creditorsAgentsAndAccountsFollowWhatIsKnownOfThem() throws Exception {
        List<CreditTransferTransaction34> txs = Xml.pain001(Samples.pain001()).getCstmrCdtTrfInitn().getPmtInf()
                .get(0).getCdtTrfTxInf();
        CreditTransferTransaction34 byBic = txs.get(0);
        assertThat(byBic.getCdtrAgt().getFinInstnId().getBICFI()).isEqualTo("KASITHBK");
        assertThat(byBic.getCdtrAgt().getFinInstnId().getClrSysMmbId()).isNull();
        assertThat(byBic.getCdtrAcct().getId().getOthr().getId()).isEqualTo("1234567890");
        assertThat(byBic.getCdtrAcct().getId().getOthr().getSchmeNm().getCd()).isEqualTo("BBAN");
        assertThat(byBic.getCdtr().getPstlAdr().getCtry()).isEqualTo("TH");
        assertThat(byBic.getRmtInf().getUstrd()).containsExactly("Benefit claim 1 funeral grant");

        CreditTransferTransaction34 byBankCode = txs.get(1);
        assertThat(byBankCode.getCdtrAgt().getFinInstnId().getBICFI()).isNull();
        assertThat(byBankCode.getCdtrAgt().getFinInstnId().getClrSysMmbId().getMmbId()).isEqualTo("970436");
        assertThat(byBankCode.getCdtrAgt().getFinInstnId().getPstlAdr().getCtry()).isEqualTo("VN");
        assertThat(byBankCode.getRmtInf()).isNull();

        CreditTransferTransaction34 byIban = txs.get(2);
        assertThat(byIban.getCdtrAgt()).isNull();
        assertThat(byIban.getCdtrAcct().getId().getIBAN()).isEqualTo("DE89370400440532013000");
        assertThat(byIban.getCdtrAcct().getId().getOthr()).isNull();
        assertThat(byIban.getRmtInf().getUstrd()).containsExactly("Benefit claim 3");
    }

    @Test
    void anAccountThatFailsTheIbanCheckDigitsIsWrittenAsADomesticAccount() throws Exception {
        PaymentBlock block = new PaymentBlock("B1", Samples.RUN_DATE, "EUR", 1, new BigDecimal("10.00"));
        Map<PaymentBlock, List<CreditTransfer>> run = Map.of(block, List.of(new CreditTransfer(Samples.claim(1),
                new BigDecimal("10"), "EUR", "Payee", "DE", null, null, "DE89370400440532013001", null)));
        CreditTransferTransaction34 tx = Xml.pain001(Samples.pain001(run, Samples.FUND)).getCstmrCdtTrfInitn()
                .getPmtInf().get(0).getCdtTrfTxInf().get(0);
        assertThat(tx.getCdtrAcct().getId().getIBAN()).isNull();
        assertThat(tx.getCdtrAcct().getId().getOthr().getId()).isEqualTo("DE89370400440532013001");
    }

    @Test
    void amountsHaveExactlyTheCurrencysMinorUnitDigits() {
        String xml = new String(Samples.pain001(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<InstdAmt Ccy=\"THB\">3000.50</InstdAmt>")
                .contains("<InstdAmt Ccy=\"MMK\">100000.00</InstdAmt>")
                .contains("<InstdAmt Ccy=\"VND\">7250000</InstdAmt>");
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        byte[] first = Samples.pain001();
        byte[] second = Samples.pain001();
        assertThat(second).isEqualTo(first);
        String xml = new String(first, StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\">\n  <CstmrCdtTrfInitn>\n");
        assertThat(count(xml, "xmlns")).as("the namespace is declared once, on the root").isEqualTo(1);
        assertThat(xml).endsWith("</Document>\n").doesNotContain("\r");
    }

    @Test
    void namesInBurmeseKhmerAndVietnameseSurviveAsUtf8() throws Exception {
        PaymentBlock block = new PaymentBlock("B1", Samples.RUN_DATE, "KHR", 3, new BigDecimal("300.00"));
        List<String> names = List.of("မောင်မောင်ဦး", "សុខ ចាន់ដារ៉ា", "Nguyễn Thị Hồng Nhung");
        List<CreditTransfer> transfers = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            transfers.add(new CreditTransfer(Samples.claim(i + 1), new BigDecimal("100"), "KHR", names.get(i), "KH",
                    null, null, "00012345" + i, "ប្រាក់សោធន " + i));
        }
        byte[] bytes = Samples.pain001(Map.of(block, transfers), Samples.FUND);
        Xml.validate(Iso20022Schemas.pain001(), bytes);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(names);
        List<CreditTransferTransaction34> back = Xml.pain001(bytes).getCstmrCdtTrfInitn().getPmtInf().get(0).getCdtTrfTxInf();
        assertThat(back).extracting(tx -> tx.getCdtr().getNm()).containsExactlyElementsOf(names);
    }

    @Test
    void aBlockWhoseAnnouncedCountDiffersFromItsTransactionsIsRefused() {
        PaymentBlock announcedThree = new PaymentBlock("B1", Samples.RUN_DATE, "THB", 3, new BigDecimal("30.00"));
        Map<PaymentBlock, List<CreditTransfer>> run = Map.of(announcedThree, List.of(thb(1, "10"), thb(2, "20")));
        assertThatThrownBy(() -> write(run, Samples.header(run)))
                .isInstanceOf(ControlTotalsMismatch.class)
                .hasMessageContaining("PmtInf B1 announced NbOfTxs 3 CtrlSum 30.00 but holds 2 transactions summing 30.00");
    }

    @Test
    void aBlockWhoseAnnouncedSumDiffersFromItsTransactionsIsRefused() {
        PaymentBlock block = new PaymentBlock("B1", Samples.RUN_DATE, "THB", 2, new BigDecimal("30.01"));
        Map<PaymentBlock, List<CreditTransfer>> run = Map.of(block, List.of(thb(1, "10"), thb(2, "20")));
        assertThatThrownBy(() -> write(run, Samples.header(run)))
                .isInstanceOf(ControlTotalsMismatch.class).hasMessageContaining("PmtInf B1");
    }

    @Test
    void aGroupHeaderWhoseTotalsDifferFromItsBlocksIsRefused() {
        PaymentBlock block = new PaymentBlock("B1", Samples.RUN_DATE, "THB", 2, new BigDecimal("30"));
        Map<PaymentBlock, List<CreditTransfer>> run = Map.of(block, List.of(thb(1, "10"), thb(2, "20")));
        MessageHeader countOff = new MessageHeader("M1", Samples.CREATED, Samples.INITIATOR, 3, new BigDecimal("30"));
        MessageHeader sumOff = new MessageHeader("M1", Samples.CREATED, Samples.INITIATOR, 2, new BigDecimal("29.99"));
        assertThatThrownBy(() -> write(run, countOff)).isInstanceOf(ControlTotalsMismatch.class).hasMessageContaining("GrpHdr M1");
        assertThatThrownBy(() -> write(run, sumOff)).isInstanceOf(ControlTotalsMismatch.class).hasMessageContaining("GrpHdr M1");
    }

    @Test
    void transactionsOutOfOrderOrTwiceAreRefused() {
        PaymentBlock block = new PaymentBlock("B1", Samples.RUN_DATE, "THB", 2, new BigDecimal("30"));
        Map<PaymentBlock, List<CreditTransfer>> reversed = Map.of(block, List.of(thb(2, "10"), thb(1, "20")));
        Map<PaymentBlock, List<CreditTransfer>> twice = Map.of(block, List.of(thb(1, "10"), thb(1, "20")));
        assertThatThrownBy(() -> write(reversed, Samples.header(reversed))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ascending, unique order");
        assertThatThrownBy(() -> write(twice, Samples.header(twice))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ascending, unique order");
    }

    @Test
    void amountsThatDoNotFitTheirCurrencyOrBlockAreRefused() {
        assertRefused("VND", new CreditTransfer(Samples.claim(1), new BigDecimal("100.5"), "VND", "P", "VN", null, null, "1", null),
                "more decimals than the currency's 0");
        assertRefused("THB", new CreditTransfer(Samples.claim(1), new BigDecimal("1.005"), "THB", "P", "TH", null, null, "1", null),
                "more decimals than the currency's 2");
        assertRefused("THB", new CreditTransfer(Samples.claim(1), new BigDecimal("-1"), "THB", "P", "TH", null, null, "1", null),
                "must be positive");
        assertRefused("THB", new CreditTransfer(Samples.claim(1), new BigDecimal("1"), "MMK", "P", "MM", null, null, "1", null),
                "its block B1 in THB");
        assertRefused("XYZ", new CreditTransfer(Samples.claim(1), new BigDecimal("1"), "XYZ", "P", "MM", null, null, "1", null),
                "not in the ISO 4217 table");
    }

    @Test
    void badPayeeDataIsRefusedWithoutPuttingThePayeeInTheMessage() {
        assertRefused("THB", new CreditTransfer(Samples.claim(1), BigDecimal.ONE, "THB", "Secret\u0001Name", "TH", null, null, "1", null),
                "creditor name holds a character XML cannot carry (U+0001)");
        assertRefused("THB", new CreditTransfer(Samples.claim(1), BigDecimal.ONE, "THB", "Secret Name", "TH", "NOTABIC", null, "1", null),
                "creditor BIC is not a BIC");
        assertRefused("THB", new CreditTransfer(Samples.claim(1), BigDecimal.ONE, "THB", "Secret Name", "Thailand", null, null, "1", null),
                "creditor country must be an ISO 3166 alpha-2 code");
        assertRefused("THB", new CreditTransfer(Samples.claim(1), BigDecimal.ONE, "THB", "Secret Name", "TH", null, null, " ", null),
                "creditor account is missing");
        assertRefused("THB", new CreditTransfer(Samples.claim(1), BigDecimal.ONE, "THB", "  ", "TH", null, null, "1", null),
                "creditor name is missing");
        assertRefused("THB", new CreditTransfer("x".repeat(36), BigDecimal.ONE, "THB", "Secret Name", "TH", null, null, "1", null),
                "EndToEndId must be 1 to 35 characters");
    }

    @Test
    void aMisconfiguredDebtorAccountIsRefusedBeforeAnythingIsWritten() {
        Map<PaymentBlock, List<CreditTransfer>> run = Samples.run();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> Pain001Writer.write(out, Samples.header(run),
                new DebtorAccount("D1", "Fund", "GB00WEST12345698765432", null, "BKKBTHBK", "TH"),
                new ArrayList<>(run.keySet()), Samples.source(run)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("debtor D1 iban is not a valid IBAN");
        assertThatThrownBy(() -> Pain001Writer.write(out, Samples.header(run),
                new DebtorAccount("D1", "Fund", null, null, "BKKBTHBK", "TH"), new ArrayList<>(run.keySet()),
                Samples.source(run)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("debtor D1 otherId is missing");
        assertThatThrownBy(() -> Pain001Writer.write(out, Samples.header(run), Samples.FUND, List.of(), Samples.source(run)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one payment block");
        assertThat(out.size()).isZero();
    }

    @Test
    void aCallerCanAskBeforehandWhetherAPaymentCanBeWritten() {
        assertThat(Pain001Writer.problemWith(thb(1, "10.25"))).isEmpty();
        assertThat(Pain001Writer.problemWith(new CreditTransfer(Samples.claim(1), new BigDecimal("1.5"), "VND", "Secret Name",
                "VN", null, null, "1", null))).hasValueSatisfying(problem -> assertThat(problem)
                .contains("more decimals").doesNotContain("Secret"));
        assertThat(Pain001Writer.problemWith(new CreditTransfer(Samples.claim(1), BigDecimal.ONE, "THB", "Secret Name",
                "TH", "BAD", null, "1", null))).hasValueSatisfying(problem -> assertThat(problem).contains("creditor BIC"));
        assertThat(Pain001Writer.problemWith(new CreditTransfer(null, BigDecimal.ONE, "THB", "N", "TH", null, null, "1", null)))
                .hasValueSatisfying(problem -> assertThat(problem).contains("EndToEndId is missing"));
    }

    @Test
    void longNamesAndRemittanceTextAreCutToTheirFieldAndStayValid() throws Exception {
        String longName = "ဒေါ်".repeat(60) + "😀".repeat(40);
        PaymentBlock block = new PaymentBlock("B1", Samples.RUN_DATE, "THB", 1, BigDecimal.ONE);
        Map<PaymentBlock, List<CreditTransfer>> run = Map.of(block, List.of(new CreditTransfer(Samples.claim(1),
                BigDecimal.ONE, "THB", longName, "MM", null, null, "1", "line one\r\n\tline two " + "x".repeat(200))));
        byte[] bytes = Samples.pain001(run, Samples.FUND);
        Xml.validate(Iso20022Schemas.pain001(), bytes);
        CreditTransferTransaction34 tx = Xml.pain001(bytes).getCstmrCdtTrfInitn().getPmtInf().get(0).getCdtTrfTxInf().get(0);
        assertThat(tx.getCdtr().getNm()).hasSizeLessThanOrEqualTo(140).isEqualTo(longName.substring(0, 140));
        assertThat(tx.getRmtInf().getUstrd().get(0)).startsWith("line one line two xxx").hasSize(140);
    }

    @Test
    void aTransferNeverShowsThePayeeInItsToString() {
        CreditTransfer transfer = new CreditTransfer(Samples.claim(1), BigDecimal.TEN, "THB", "Somchai Jaidee", "TH",
                null, null, "1234567890", null);
        assertThat(transfer.toString()).contains(Samples.claim(1)).doesNotContain("Somchai").doesNotContain("1234567890");
    }

    private static CreditTransfer thb(int claim, String amount) {
        return new CreditTransfer(Samples.claim(claim), new BigDecimal(amount), "THB", "Payee " + claim, "TH", null, null,
                "100" + claim, null);
    }

    private static void assertRefused(String currency, CreditTransfer transfer, String problem) {
        PaymentBlock block = new PaymentBlock("B1", Samples.RUN_DATE, currency, 1, transfer.amount().abs().max(BigDecimal.ONE));
        Map<PaymentBlock, List<CreditTransfer>> run = Map.of(block, List.of(transfer));
        assertThatThrownBy(() -> write(run, Samples.header(run)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem)
                .hasMessageNotContaining("Secret");
    }

    private static void write(Map<PaymentBlock, List<CreditTransfer>> run, MessageHeader header) throws Exception {
        Pain001Writer.write(new ByteArrayOutputStream(), header, Samples.FUND, new ArrayList<>(new LinkedHashMap<>(run).keySet()),
                Samples.source(run));
    }

    private static int count(String text, String what) {
        Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}

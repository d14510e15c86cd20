package org.mekongledger.settlement.bankfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and odd status reports: each is refused as a whole, naming where and what. */
class Pain002ReaderTest {

    private static final String NS = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.10";

    @TempDir
    Path dir;

    /** A small valid report: group status part on line 11, block status part on line 15, transactions from line 16. */
    private static String report(String group, String block, String transactions) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="%s">
                  <CstmrPmtStsRpt>
                    <GrpHdr>
                      <MsgId>BANK-STS-7</MsgId>
                      <CreDtTm>2026-12-02T09:15:00</CreDtTm>
                    </GrpHdr>
                    <OrgnlGrpInfAndSts>
                      <OrgnlMsgId>MKL-20261201-SSOBKK1</OrgnlMsgId>
                      <OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId>
                      %s
                    </OrgnlGrpInfAndSts>
                    <OrgnlPmtInfAndSts>
                      <OrgnlPmtInfId>20261201-SSOBKK1-THB-20261201</OrgnlPmtInfId>
                      %s
                      %s
                    </OrgnlPmtInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>
                """.formatted(NS, group, block, transactions);
    }

    private static String tx(String endToEndId, String status) {
        return "<TxInfAndSts><OrgnlEndToEndId>" + endToEndId + "</OrgnlEndToEndId>"
                + (status == null ? "" : "<TxSts>" + status + "</TxSts>") + "</TxInfAndSts>";
    }

    @Test
    void aHandWrittenReportIsRead() throws Exception {
        StatusReport read = Pain002Reader.read(file(report("<GrpSts>PART</GrpSts>", "",
                tx("a-1", "ACSC") + """
                        <TxInfAndSts><OrgnlEndToEndId>a-2</OrgnlEndToEndId><TxSts>RJCT</TxSts>
                        <StsRsnInf><Rsn><Prtry>CLOSED</Prtry></Rsn><AddtlInf>account closed</AddtlInf></StsRsnInf>
                        <StsRsnInf><AddtlInf>by the payee</AddtlInf></StsRsnInf>
                        <AcctSvcrRef>R2</AcctSvcrRef></TxInfAndSts>""")));
        assertThat(read.createdAt()).as("no offset: the bank's local time, Bangkok")
                .isEqualTo(java.time.OffsetDateTime.parse("2026-12-02T09:15:00+07:00"));
        assertThat(read.transactions()).containsExactly(
                new TransactionStatus("20261201-SSOBKK1-THB-20261201", "a-1", "ACSC", null, null, null),
                new TransactionStatus("20261201-SSOBKK1-THB-20261201", "a-2", "RJCT", "CLOSED",
                        "account closed by the payee", "R2"));
    }

    @Test
    void prefixesASchemaLocationHintAndAByteOrderMarkAreAllFine() throws Exception {
        String prefixed = report("<GrpSts>ACSC</GrpSts>", "", tx("a-1", "ACSC"))
                .replace("<Document xmlns=\"" + NS + "\">", "<p:Document xmlns:p=\"" + NS + "\" "
                        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                        + "xsi:schemaLocation=\"" + NS + " http://127.0.0.1:9/pain.002.001.10.xsd\">")
                .replace("</Document>", "</p:Document>")
                .replaceAll("<(/?)(?!p:|\\?)([A-Za-z])", "<$1p:$2");
        assertThat(Pain002Reader.read(file(prefixed)).transactions()).extracting(TransactionStatus::status).containsExactly("ACSC");
        String withBom = "\uFEFF" + report("", "", tx("a-1", "RJCT"));
        assertThat(Pain002Reader.read(file(withBom)).transactions()).extracting(TransactionStatus::status).containsExactly("RJCT");
    }

    @Test
    void aTransactionWithoutItsOwnStatusTakesItsBlocksOrElseTheGroups() throws Exception {
        StatusReport byBlock = Pain002Reader.read(file(report("<GrpSts>PART</GrpSts>",
                "<PmtInfSts>RJCT</PmtInfSts><StsRsnInf><Rsn><Cd>AM04</Cd></Rsn></StsRsnInf>", tx("a-1", null))));
        assertThat(byBlock.paymentInformation()).containsExactly(
                new PaymentInformationStatus("20261201-SSOBKK1-THB-20261201", "RJCT", "AM04"));
        assertThat(byBlock.transactions().get(0).status()).isEqualTo("RJCT");
        StatusReport byGroup = Pain002Reader.read(file(report("<GrpSts>ACSC</GrpSts>", "", tx("a-1", null))));
        assertThat(byGroup.transactions().get(0).status()).isEqualTo("ACSC");
        refused(report("<GrpSts>PART</GrpSts>", "", tx("a-1", null)))
                .hasMessageContaining("has no TxSts, nor a block or group status");
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        assertThatThrownBy(() -> Pain002Reader.read(file(""))).isInstanceOf(MalformedStatusReport.class)
                .hasMessageEndingWith(": is empty");
        refused("   \n  ").hasMessageContaining("is not well-formed XML");
    }

    @Test
    void aMissingFileIsRefused() {
        assertThatThrownBy(() -> Pain002Reader.read(dir.resolve("nowhere.xml"))).isInstanceOf(MalformedStatusReport.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void aTruncatedFileIsRefusedWithLineAndColumn() throws Exception {
        String whole = report("<GrpSts>ACSC</GrpSts>", "", tx("a-1", "ACSC") + tx("a-2", "ACSC"));
        MalformedStatusReport refusal = refusal(whole.substring(0, whole.indexOf("a-2")));
        assertThat(refusal.getMessage()).containsPattern(":\\d+:\\d+: does not match the pain.002.001.10 schema: "
                + "XML document structures must start and end within the same entity");
        assertThat(refusal.line()).isGreaterThan(1);
    }

    @Test
    void aFileThatIsNotWellFormedIsRefusedWithLineAndColumn() throws Exception {
        MalformedStatusReport refusal = refusal(report("<GrpSts>ACSC</GrpSts>", "", "<TxInfAndSts><OrgnlEndToEndId>a-1</TxInfAndSts>"));
        assertThat(refusal.line()).isEqualTo(16);
        assertThat(refusal.column()).isPositive();
        assertThat(refusal.getMessage()).contains(":16:").contains("OrgnlEndToEndId");
        refused("not xml at all").hasMessageContaining(":1:1: is not well-formed XML");
    }

    @Test
    void aDocumentOfAnotherMessageOrVersionIsRefusedAtItsRoot() throws Exception {
        refused(new String(Samples.pain001(), StandardCharsets.UTF_8))
                .hasMessageContaining(":2:")
                .hasMessageContaining("the root is {urn:iso:std:iso:20022:tech:xsd:pain.001.001.09}Document, not a pain.002.001.10");
        refused(report("", "", tx("a-1", "ACSC")).replace(NS, "urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"))
                .hasMessageContaining("pain.002.001.03}Document");
        refused("<?xml version=\"1.0\"?><Report/>").hasMessageContaining("the root is {}Report");
    }

    @Test
    void aSchemaInvalidReportIsRefusedWithLineAndColumn() throws Exception {
        MalformedStatusReport tooLong = refusal(report("", "", tx("a-1", "SETTLED")));
        assertThat(tooLong.getMessage()).containsPattern(":16:\\d+: does not match the pain.002.001.10 schema: ")
                .contains("SETTLED");
        MalformedStatusReport missing = refusal(report("", "", tx("a-1", "ACSC"))
                .replace("<OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId>", ""));
        assertThat(missing.getMessage()).contains("does not match the pain.002.001.10 schema").contains("OrgnlMsgNmId");
        refused(report("", "", tx("a-1", "ACSC")).replace("<MsgId>BANK-STS-7</MsgId>", "<MsgId>" + "x".repeat(36) + "</MsgId>"))
                .hasMessageContaining("does not match");
        refused(report("", "", "<Unexpected/>")).hasMessageContaining("does not match");
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE Document [ <!ENTITY leak SYSTEM "%s"> ]>
                """.formatted(secret.toUri()) + report("", "", tx("&leak;", "ACSC")).substring(39);
        MalformedStatusReport refusal = refusal(xxe);
        assertThat(refusal.getMessage()).contains(":2:").contains("DOCTYPE").doesNotContain("TOP-SECRET");
    }

    @Test
    void entityExpansionIsRefusedToo() throws Exception {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [
                  <!ENTITY lol "lol">
                  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                ]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">&lol3;</Document>
                """;
        refused(laughs).hasMessageContaining("DOCTYPE");
    }

    @Test
    void anOversizedFileIsRefusedBeforeItIsParsed() throws Exception {
        Path file = file(report("", "", tx("a-1", "ACSC")));
        assertThatThrownBy(() -> Pain002Reader.read(file, 100)).isInstanceOf(MalformedStatusReport.class)
                .hasMessageContaining("bytes, over the limit of 100");
        assertThat(Pain002Reader.DEFAULT_MAX_BYTES).isEqualTo(512L * 1024 * 1024);
    }

    @Test
    void aTransactionWithoutEndToEndIdOrReportedTwiceIsRefused() throws Exception {
        refused(report("", "", "<TxInfAndSts><TxSts>ACSC</TxSts></TxInfAndSts>"))
                .hasMessageContaining(":16:").hasMessageContaining("has no OrgnlEndToEndId");
        refused(report("", "", tx("a-1", "ACSC") + "\n" + tx("a-1", "RJCT")))
                .hasMessageContaining(":17:").hasMessageContaining("OrgnlEndToEndId a-1 is reported twice");
    }

    @Test
    void aReportOnSomethingOtherThanAPain001IsRefused() throws Exception {
        refused(report("", "", tx("a-1", "ACSC")).replace("pain.001.001.09</OrgnlMsgNmId>", "pacs.008.001.08</OrgnlMsgNmId>"))
                .hasMessageContaining(":8:").hasMessageContaining("OrgnlMsgNmId pacs.008.001.08 is not a pain.001");
    }

    private Path file(String content) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "report-", ".xml"), content);
    }

    private MalformedStatusReport refusal(String content) throws IOException {
        Path file = file(content);
        try {
            Pain002Reader.read(file);
        } catch (MalformedStatusReport refused) {
            assertThat(refused.getMessage()).startsWith(file.toString());
            return refused;
        }
        throw new AssertionError("the report was not refused");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> refused(String content) throws IOException {
        return assertThat((Throwable) refusal(content));
    }
}

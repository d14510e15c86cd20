package org.mekongledger.settlement.bankfile;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.sax.SAXSource;
import org.mekongledger.settlement.bankfile.pain001.CreditTransferTransaction34;
import org.mekongledger.settlement.bankfile.pain001.GroupHeader85;
import org.mekongledger.settlement.bankfile.pain002.GroupHeader86;
import org.mekongledger.settlement.bankfile.pain002.NumberOfTransactionsPerStatus5;
import org.mekongledger.settlement.bankfile.pain002.OriginalGroupHeader17;
import org.mekongledger.settlement.bankfile.pain002.OriginalPaymentInstruction32;
import org.mekongledger.settlement.bankfile.pain002.PaymentTransaction105;
import org.mekongledger.settlement.bankfile.pain002.StatusReason6Choice;
import org.mekongledger.settlement.bankfile.pain002.StatusReasonInformation12;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A bank, simulated, for the tests, the bench and the demo ("simulate-bank"): reads a pain.001 we
 * wrote (validated against its schema first, as a bank would) and answers with a pain.002.001.10
 * reporting every transaction with the status the {@code outcome} function gives its EndToEndId.
 * The group and block statuses follow the transactions: RJCT when all are rejected, PART when some
 * are, else ACCP; each level also counts its transactions per status. Accepted-and-settled
 * transactions (ACSC, ACCC) carry a deterministic {@code AcctSvcrRef}. Same input, same bytes.
 *
 * <p>Two passes over the pain.001 (the statuses of the group and each block come before the
 * transactions in a pain.002): the first asks {@code outcome} once per transaction and keeps only
 * the outcomes, the second streams them out as JAXB fragments.
 */
public final class Pain002Writer {

    private static final String NS = IsoXml.PAIN002;
    private static final QName GROUP_HEADER = new QName(NS, "GrpHdr");
    private static final QName ORIGINAL_GROUP = new QName(NS, "OrgnlGrpInfAndSts");
    private static final QName ORIGINAL_BLOCK = new QName(NS, "OrgnlPmtInfAndSts");
    private static final QName TRANSACTION = new QName(NS, "TxInfAndSts");
    private static final Pattern STATUS = Pattern.compile("[A-Z]{4}");
    private static final Pattern REASON_CODE = Pattern.compile("[A-Z0-9]{1,4}");

    private Pain002Writer() {
    }

    public static void write(OutputStream out, String messageId, OffsetDateTime createdAt, Path pain001,
                             Function<String, TransactionOutcome> outcome) throws IOException {
        Objects.requireNonNull(outcome, "outcome");
        Original original = firstPass(pain001, outcome);
        write(out, messageId, createdAt, pain001, original, true, null);
    }

    /**
     * A whole-message rejection: {@code GrpSts} RJCT with the reason and no transaction details, the
     * way a bank refuses a file it will not process at all (e.g. FF01, wrong format; AM04, funds).
     */
    public static void writeRejection(OutputStream out, String messageId, OffsetDateTime createdAt, Path pain001,
                                      String reasonCode) throws IOException {
        Original original = firstPass(pain001, endToEndId -> TransactionOutcome.rejected(reasonCode));
        write(out, messageId, createdAt, pain001, original, false, reasonCode);
    }

    private static void write(OutputStream out, String messageId, OffsetDateTime createdAt, Path pain001,
                              Original original, boolean transactionDetails, String groupReason) throws IOException {
        Objects.requireNonNull(out, "out");
        GroupHeader86 header = new GroupHeader86();
        header.setMsgId(IsoText.identifier(messageId, 35, "MsgId"));
        header.setCreDtTm(IsoXml.dateTime(Objects.requireNonNull(createdAt, "createdAt")));

        BufferedOutputStream buffered = new BufferedOutputStream(new KeepOpen(out), 1 << 16);
        Marshaller marshaller = IsoXml.pain002Marshaller();
        XMLStreamWriter xml = null;
        try {
            xml = IsoXml.outputs().createXMLStreamWriter(buffered, "UTF-8");
            DocumentStreamWriter doc = new DocumentStreamWriter(xml, NS);
            doc.startDocument();
            doc.writeStartElement("CstmrPmtStsRpt");
            marshaller.marshal(new JAXBElement<>(GROUP_HEADER, GroupHeader86.class, header), doc);
            OriginalGroupHeader17 group = new OriginalGroupHeader17();
            group.setOrgnlMsgId(original.messageId);
            group.setOrgnlMsgNmId("pain.001.001.09");
            group.setOrgnlCreDtTm(original.createdAt);
            group.setOrgnlNbOfTxs(original.numberOfTransactions);
            group.setOrgnlCtrlSum(original.controlSum);
            group.setGrpSts(original.all.status());
            if (groupReason != null) {
                group.getStsRsnInf().add(reason(groupReason));
            }
            if (transactionDetails) {
                group.getNbOfTxsPerSts().addAll(original.all.perStatus());
            }
            marshaller.marshal(new JAXBElement<>(ORIGINAL_GROUP, OriginalGroupHeader17.class, group), doc);
            if (transactionDetails) {
                secondPass(pain001, original, marshaller, doc, header.getMsgId());
            }
            doc.endDocument();
            buffered.flush();
        } catch (XMLStreamException | JAXBException failed) {
            throw new IOException("cannot write the pain.002 on " + pain001 + ": " + failed.getMessage(), failed);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // the caller's stream stays open for it to handle
                }
            }
        }
    }

    private static Original firstPass(Path pain001, Function<String, TransactionOutcome> outcome) throws IOException {
        validate(pain001);
        Original original = new Original();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(pain001), 1 << 16)) {
            Pain001Reader.read(in, new Pain001Reader.Visitor() {
                @Override
                public void group(GroupHeader85 header) {
                    original.messageId = header.getMsgId();
                    original.createdAt = header.getCreDtTm();
                    original.numberOfTransactions = header.getNbOfTxs();
                    original.controlSum = header.getCtrlSum();
                }

                @Override
                public void block(Pain001Reader.BlockHeader block) {
                    original.blocks.add(new Block(block));
                }

                @Override
                public void transaction(Pain001Reader.BlockHeader block, CreditTransferTransaction34 transaction) {
                    String endToEndId = transaction.getPmtId().getEndToEndId();
                    TransactionOutcome result = checked(outcome.apply(endToEndId), endToEndId);
                    BigDecimal amount = transaction.getAmt().getInstdAmt().getValue();
                    Block current = original.blocks.get(original.blocks.size() - 1);
                    current.outcomes.add(result);
                    current.statuses.add(result.status(), amount);
                    original.all.add(result.status(), amount);
                }
            });
        }
        return original;
    }

    private static void secondPass(Path pain001, Original original, Marshaller marshaller, DocumentStreamWriter doc,
                                   String reportId) throws IOException {
        int[] block = {-1};
        int[] index = {0};
        try (InputStream in = new BufferedInputStream(Files.newInputStream(pain001), 1 << 16)) {
            Pain001Reader.read(in, new Pain001Reader.Visitor() {
                @Override
                public void block(Pain001Reader.BlockHeader header) {
                    try {
                        if (block[0] >= 0) {
                            doc.writeEndElement();
                        }
                        block[0]++;
                        index[0] = 0;
                        Block current = original.blocks.get(block[0]);
                        OriginalPaymentInstruction32 status = new OriginalPaymentInstruction32();
                        status.setOrgnlPmtInfId(header.paymentInformationId());
                        status.setOrgnlNbOfTxs(header.numberOfTransactions());
                        status.setOrgnlCtrlSum(header.controlSum());
                        status.setPmtInfSts(current.statuses.status());
                        status.getNbOfTxsPerSts().addAll(current.statuses.perStatus());
                        doc.writeStartElement("OrgnlPmtInfAndSts");
                        doc.elideNextElement();
                        marshaller.marshal(new JAXBElement<>(ORIGINAL_BLOCK, OriginalPaymentInstruction32.class, status), doc);
                    } catch (XMLStreamException | JAXBException failed) {
                        throw new IllegalStateException(failed);
                    }
                }

                @Override
                public void transaction(Pain001Reader.BlockHeader header, CreditTransferTransaction34 transaction) {
                    TransactionOutcome outcome = original.blocks.get(block[0]).outcomes.get(index[0]++);
                    String endToEndId = transaction.getPmtId().getEndToEndId();
                    PaymentTransaction105 status = new PaymentTransaction105();
                    status.setOrgnlEndToEndId(endToEndId);
                    status.setTxSts(outcome.status());
                    if (outcome.reasonCode() != null) {
                        status.getStsRsnInf().add(reason(outcome.reasonCode()));
                    }
                    if ("ACSC".equals(outcome.status()) || "ACCC".equals(outcome.status())) {
                        status.setAcctSvcrRef(accountServicerReference(reportId, endToEndId));
                    }
                    try {
                        marshaller.marshal(new JAXBElement<>(TRANSACTION, PaymentTransaction105.class, status), doc);
                    } catch (JAXBException failed) {
                        throw new IllegalStateException(failed);
                    }
                }
            });
            if (block[0] >= 0) {
                doc.writeEndElement();
            }
        } catch (XMLStreamException failed) {
            throw new IOException(failed);
        } catch (IllegalStateException failed) {
            throw new IOException("cannot write the pain.002 on " + pain001 + ": " + failed.getMessage(), failed);
        }
    }

    private static void validate(Path pain001) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(pain001), 1 << 16)) {
            InputSource source = new InputSource(in);
            source.setSystemId(pain001.toUri().toString());
            Iso20022Schemas.validator(Iso20022Schemas.pain001()).validate(new SAXSource(IsoXml.secureSaxReader(), source));
        } catch (SAXException invalid) {
            throw new IOException(pain001 + " is not a valid pain.001.001.09: " + invalid.getMessage(), invalid);
        }
    }

    private static TransactionOutcome checked(TransactionOutcome outcome, String endToEndId) {
        if (outcome == null || outcome.status() == null || !STATUS.matcher(outcome.status()).matches()) {
            throw new IllegalArgumentException("the outcome for " + endToEndId + " has no four-letter status code");
        }
        if (outcome.reasonCode() != null) {
            IsoText.identifier(outcome.reasonCode(), 35, "reason code for " + endToEndId);
        }
        return outcome;
    }

    /** An ISO external reason code (up to 4) as {@code Cd}; anything else as the bank's own {@code Prtry}. */
    private static StatusReasonInformation12 reason(String code) {
        StatusReason6Choice reason = new StatusReason6Choice();
        if (REASON_CODE.matcher(code).matches()) {
            reason.setCd(code);
        } else {
            reason.setPrtry(IsoText.identifier(code, 35, "reason code"));
        }
        StatusReasonInformation12 information = new StatusReasonInformation12();
        information.setRsn(reason);
        return information;
    }

    /** The bank's own reference for a settled payment: stable for the same report and payment. */
    static String accountServicerReference(String reportId, String endToEndId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((reportId + "/" + endToEndId).getBytes(StandardCharsets.UTF_8));
            return "BNK" + HexFormat.of().withUpperCase().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The pain.001 being answered, as far as the report needs it, and the outcomes of pass one. */
    private static final class Original {
        String messageId;
        XMLGregorianCalendar createdAt;
        String numberOfTransactions;
        BigDecimal controlSum;
        final List<Block> blocks = new ArrayList<>();
        final Statuses all = new Statuses();
    }

    private static final class Block {
        final Pain001Reader.BlockHeader header;
        final List<TransactionOutcome> outcomes = new ArrayList<>();
        final Statuses statuses = new Statuses();

        Block(Pain001Reader.BlockHeader header) {
            this.header = header;
        }
    }

    /** Transactions counted and summed per status, in code order (so the bytes are stable). */
    private static final class Statuses {
        private final Map<String, long[]> counts = new TreeMap<>();
        private final Map<String, BigDecimal> sums = new TreeMap<>();

        void add(String status, BigDecimal amount) {
            counts.computeIfAbsent(status, s -> new long[1])[0]++;
            sums.merge(status, amount, BigDecimal::add);
        }

        String status() {
            long total = counts.values().stream().mapToLong(c -> c[0]).sum();
            long rejected = counts.containsKey("RJCT") ? counts.get("RJCT")[0] : 0;
            return rejected == 0 ? "ACCP" : rejected == total ? "RJCT" : "PART";
        }

        List<NumberOfTransactionsPerStatus5> perStatus() {
            List<NumberOfTransactionsPerStatus5> per = new ArrayList<>();
            counts.forEach((status, count) -> {
                NumberOfTransactionsPerStatus5 line = new NumberOfTransactionsPerStatus5();
                line.setDtldNbOfTxs(Long.toString(count[0]));
                line.setDtldSts(status);
                line.setDtldCtrlSum(sums.get(status));
                per.add(line);
            });
            return per;
        }
    }
}

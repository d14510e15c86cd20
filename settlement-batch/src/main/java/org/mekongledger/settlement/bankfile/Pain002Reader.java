package org.mekongledger.settlement.bankfile;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Validator;
import org.mekongledger.settlement.bankfile.pain002.GroupHeader86;
import org.mekongledger.settlement.bankfile.pain002.OriginalGroupHeader17;
import org.mekongledger.settlement.bankfile.pain002.PaymentTransaction105;
import org.mekongledger.settlement.bankfile.pain002.StatusReasonInformation12;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a bank's pain.002.001.10 status report, refusing it as a whole at the first problem. In
 * order, each step streaming (a report can be as large as the 100,000-payment file it answers):
 * <ol>
 * <li>size: not empty, not over the cap ({@link #DEFAULT_MAX_BYTES}, or the caller's);</li>
 * <li>root: a {@code Document} in the pain.002.001.10 namespace (a DOCTYPE is refused here already);</li>
 * <li>the official schema, validated by a SAX parser that refuses any DOCTYPE and fetches nothing
 * (no XXE, no entity expansion);</li>
 * <li>StAX with JAXB fragments per {@code OrgnlGrpInfAndSts}, {@code StsRsnInf}, {@code TxInfAndSts};
 * checks beyond the schema: the report is on a pain.001, each transaction names its EndToEndId
 * once and has a status.</li>
 * </ol>
 */
public final class Pain002Reader {

    /** 512 MiB: several times the report on a 100,000-payment file. */
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    private Pain002Reader() {
    }

    public static StatusReport read(Path file) throws MalformedStatusReport {
        return read(file, DEFAULT_MAX_BYTES);
    }

    public static StatusReport read(Path file, long maxBytes) throws MalformedStatusReport {
        checkSize(file, maxBytes);
        checkRoot(file);
        validate(file);
        return parse(file);
    }

    private static void checkSize(Path file, long maxBytes) throws MalformedStatusReport {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException missing) {
            throw new MalformedStatusReport(file, "no such file");
        } catch (IOException unreadable) {
            throw new MalformedStatusReport(file, -1, -1, "cannot be read: " + unreadable.getMessage(), unreadable);
        }
        if (size == 0) {
            throw new MalformedStatusReport(file, "is empty");
        }
        if (size > maxBytes) {
            throw new MalformedStatusReport(file, "is " + size + " bytes, over the limit of " + maxBytes);
        }
    }

    private static void checkRoot(Path file) throws MalformedStatusReport {
        try (InputStream in = open(file)) {
            XMLStreamReader reader = IsoXml.secureInputs().createXMLStreamReader(in);
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw refused(file, reader.getLocation(), "a DOCTYPE is not allowed in a status report", null);
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        if (!IsoXml.PAIN002.equals(reader.getNamespaceURI()) || !"Document".equals(reader.getLocalName())) {
                            String namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
                            throw refused(file, reader.getLocation(), "the root is {" + namespace + "}"
                                    + reader.getLocalName() + ", not a pain.002.001.10 Document {" + IsoXml.PAIN002 + "}", null);
                        }
                        return;
                    }
                }
                throw new MalformedStatusReport(file, "holds no XML element");
            } finally {
                reader.close();
            }
        } catch (XMLStreamException broken) {
            throw refused(file, broken.getLocation(), "is not well-formed XML: " + problem(broken), broken);
        } catch (IOException unreadable) {
            throw new MalformedStatusReport(file, -1, -1, "cannot be read: " + unreadable.getMessage(), unreadable);
        }
    }

    private static void validate(Path file) throws MalformedStatusReport {
        Validator validator = Iso20022Schemas.validator(Iso20022Schemas.pain002());
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException exception) {
                // a warning does not make the report invalid
            }

            @Override
            public void error(SAXParseException exception) throws SAXException {
                throw exception;
            }

            @Override
            public void fatalError(SAXParseException exception) throws SAXException {
                throw exception;
            }
        });
        try (InputStream in = open(file)) {
            InputSource source = new InputSource(in);
            source.setSystemId(file.toUri().toString());
            validator.validate(new SAXSource(IsoXml.secureSaxReader(), source));
        } catch (SAXParseException invalid) {
            throw new MalformedStatusReport(file, invalid.getLineNumber(), invalid.getColumnNumber(),
                    "does not match the pain.002.001.10 schema: " + invalid.getMessage(), invalid);
        } catch (SAXException invalid) {
            throw new MalformedStatusReport(file, -1, -1, "does not match the pain.002.001.10 schema: "
                    + invalid.getMessage(), invalid);
        } catch (IOException unreadable) {
            throw new MalformedStatusReport(file, -1, -1, "cannot be read: " + unreadable.getMessage(), unreadable);
        }
    }

    private static StatusReport parse(Path file) throws MalformedStatusReport {
        Unmarshaller unmarshaller = IsoXml.pain002Unmarshaller();
        try (InputStream in = open(file)) {
            XMLStreamReader reader = IsoXml.secureInputs().createXMLStreamReader(in);
            try {
                return new ReportParser(file, reader, unmarshaller).parse();
            } finally {
                reader.close();
            }
        } catch (XMLStreamException broken) {
            throw refused(file, broken.getLocation(), "cannot be read: " + problem(broken), broken);
        } catch (JAXBException broken) {
            throw new MalformedStatusReport(file, -1, -1, "cannot be read: " + broken, broken);
        } catch (IOException unreadable) {
            throw new MalformedStatusReport(file, -1, -1, "cannot be read: " + unreadable.getMessage(), unreadable);
        }
    }

    /** One pass over a schema-valid report. */
    private static final class ReportParser {
        private final Path file;
        private final XMLStreamReader reader;
        private final Unmarshaller unmarshaller;
        private final List<PaymentInformationStatus> blocks = new ArrayList<>();
        private final List<TransactionStatus> transactions = new ArrayList<>();
        private final Set<String> endToEndIds = new HashSet<>();
        private GroupHeader86 header;
        private OriginalGroupHeader17 original;

        ReportParser(Path file, XMLStreamReader reader, Unmarshaller unmarshaller) {
            this.file = file;
            this.reader = reader;
            this.unmarshaller = unmarshaller;
        }

        StatusReport parse() throws XMLStreamException, JAXBException, MalformedStatusReport {
            StaxCursor.toTag(reader); // Document
            reader.next();
            StaxCursor.toTag(reader); // CstmrPmtStsRpt
            reader.next();
            while (StaxCursor.toTag(reader) == XMLStreamConstants.START_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "GrpHdr" -> header = unmarshaller.unmarshal(reader, GroupHeader86.class).getValue();
                    case "OrgnlGrpInfAndSts" -> originalGroup();
                    case "OrgnlPmtInfAndSts" -> block();
                    default -> StaxCursor.skip(reader);
                }
            }
            return new StatusReport(header.getMsgId(), IsoXml.offsetDateTime(header.getCreDtTm()),
                    original.getOrgnlMsgId(), original.getGrpSts(), reasonCode(original.getStsRsnInf()),
                    blocks, transactions);
        }

        private void originalGroup() throws XMLStreamException, JAXBException, MalformedStatusReport {
            Location at = reader.getLocation();
            original = unmarshaller.unmarshal(reader, OriginalGroupHeader17.class).getValue();
            if (!original.getOrgnlMsgNmId().toLowerCase(Locale.ROOT).startsWith("pain.001")) {
                throw refused(file, at, "OrgnlMsgNmId " + original.getOrgnlMsgNmId()
                        + " is not a pain.001 credit transfer initiation: this report is not on one of our payment files", null);
            }
        }

        private void block() throws XMLStreamException, JAXBException, MalformedStatusReport {
            reader.next();
            String id = null;
            String status = null;
            List<StatusReasonInformation12> reasons = new ArrayList<>();
            boolean added = false;
            while (StaxCursor.toTag(reader) == XMLStreamConstants.START_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "OrgnlPmtInfId" -> id = StaxCursor.text(reader);
                    case "PmtInfSts" -> status = StaxCursor.text(reader);
                    case "StsRsnInf" -> reasons.add(unmarshaller.unmarshal(reader, StatusReasonInformation12.class).getValue());
                    case "TxInfAndSts" -> {
                        if (!added) {
                            blocks.add(new PaymentInformationStatus(id, status, reasonCode(reasons)));
                            added = true;
                        }
                        transaction(id, status);
                    }
                    default -> StaxCursor.skip(reader);
                }
            }
            if (!added) {
                blocks.add(new PaymentInformationStatus(id, status, reasonCode(reasons)));
            }
            StaxCursor.leave(reader);
        }

        private void transaction(String blockId, String blockStatus)
                throws XMLStreamException, JAXBException, MalformedStatusReport {
            Location at = reader.getLocation();
            PaymentTransaction105 tx = unmarshaller.unmarshal(reader, PaymentTransaction105.class).getValue();
            String endToEndId = tx.getOrgnlEndToEndId();
            if (endToEndId == null) {
                throw refused(file, at, "TxInfAndSts in OrgnlPmtInfAndSts " + blockId
                        + " has no OrgnlEndToEndId: the payment it reports on cannot be told", null);
            }
            if (!endToEndIds.add(endToEndId)) {
                throw refused(file, at, "OrgnlEndToEndId " + endToEndId + " is reported twice", null);
            }
            String status = tx.getTxSts() != null ? tx.getTxSts() : inherited(blockStatus);
            if (status == null) {
                throw refused(file, at, "TxInfAndSts for OrgnlEndToEndId " + endToEndId
                        + " has no TxSts, nor a block or group status it could take", null);
            }
            String information = tx.getStsRsnInf().stream().flatMap(reason -> reason.getAddtlInf().stream())
                    .collect(Collectors.joining(" "));
            transactions.add(new TransactionStatus(blockId, endToEndId, status, reasonCode(tx.getStsRsnInf()),
                    information.isEmpty() ? null : information, tx.getAcctSvcrRef()));
        }

        private String inherited(String blockStatus) {
            String status = blockStatus != null ? blockStatus : original == null ? null : original.getGrpSts();
            return "PART".equals(status) ? null : status;
        }
    }

    private static String reasonCode(List<StatusReasonInformation12> reasons) {
        for (StatusReasonInformation12 reason : reasons) {
            if (reason.getRsn() != null) {
                return reason.getRsn().getCd() != null ? reason.getRsn().getCd() : reason.getRsn().getPrtry();
            }
        }
        return null;
    }

    private static InputStream open(Path file) throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    private static MalformedStatusReport refused(Path file, Location at, String problem, Throwable cause) {
        return at == null
                ? new MalformedStatusReport(file, -1, -1, problem, cause)
                : new MalformedStatusReport(file, at.getLineNumber(), at.getColumnNumber(), problem, cause);
    }

    /** The parser's own words, without the "ParseError at [row,col]" prefix we already give as line:column. */
    private static String problem(XMLStreamException broken) {
        String message = String.valueOf(broken.getMessage());
        int words = message.indexOf("Message: ");
        return words >= 0 ? message.substring(words + "Message: ".length()) : message;
    }
}

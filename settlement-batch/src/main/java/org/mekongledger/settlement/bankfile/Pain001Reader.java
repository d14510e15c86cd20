package org.mekongledger.settlement.bankfile;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.mekongledger.settlement.bankfile.pain001.CreditTransferTransaction34;
import org.mekongledger.settlement.bankfile.pain001.GroupHeader85;

/**
 * Reads a pain.001.001.09 back, streaming: the group header and each transaction are unmarshalled as
 * JAXB fragments and handed to a {@link Visitor} one at a time. For the bank simulator and the tests;
 * it assumes a file that is valid against the schema (validate first).
 */
final class Pain001Reader {

    /** The part of a {@code PmtInf} before its transactions that the readers need. */
    record BlockHeader(String paymentInformationId, String numberOfTransactions, BigDecimal controlSum) {
    }

    interface Visitor {
        default void group(GroupHeader85 header) {
        }

        default void block(BlockHeader block) {
        }

        default void transaction(BlockHeader block, CreditTransferTransaction34 transaction) {
        }
    }

    private Pain001Reader() {
    }

    static void read(InputStream in, Visitor visitor) throws IOException {
        Unmarshaller unmarshaller = IsoXml.pain001Unmarshaller();
        XMLStreamReader reader = null;
        try {
            reader = IsoXml.secureInputs().createXMLStreamReader(in);
            expect(reader, "Document");
            reader.next();
            StaxCursor.toTag(reader);
            expect(reader, "CstmrCdtTrfInitn");
            reader.next();
            while (StaxCursor.toTag(reader) == XMLStreamConstants.START_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "GrpHdr" -> visitor.group(unmarshaller.unmarshal(reader, GroupHeader85.class).getValue());
                    case "PmtInf" -> block(reader, unmarshaller, visitor);
                    default -> StaxCursor.skip(reader);
                }
            }
        } catch (XMLStreamException | JAXBException broken) {
            throw new IOException("not a readable pain.001.001.09: " + broken.getMessage(), broken);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // the caller closes the stream
                }
            }
        }
    }

    private static void block(XMLStreamReader reader, Unmarshaller unmarshaller, Visitor visitor)
            throws XMLStreamException, JAXBException {
        reader.next();
        String id = null;
        String count = null;
        BigDecimal sum = null;
        BlockHeader header = null;
        while (StaxCursor.toTag(reader) == XMLStreamConstants.START_ELEMENT) {
            switch (reader.getLocalName()) {
                case "PmtInfId" -> id = StaxCursor.text(reader);
                case "NbOfTxs" -> count = StaxCursor.text(reader);
                case "CtrlSum" -> sum = new BigDecimal(StaxCursor.text(reader).strip());
                case "CdtTrfTxInf" -> {
                    if (header == null) {
                        header = new BlockHeader(id, count, sum);
                        visitor.block(header);
                    }
                    visitor.transaction(header,
                            unmarshaller.unmarshal(reader, CreditTransferTransaction34.class).getValue());
                }
                default -> StaxCursor.skip(reader);
            }
        }
        StaxCursor.leave(reader);
    }

    private static void expect(XMLStreamReader reader, String localName) throws XMLStreamException {
        if (StaxCursor.toTag(reader) != XMLStreamConstants.START_ELEMENT
                || !IsoXml.PAIN001.equals(reader.getNamespaceURI()) || !localName.equals(reader.getLocalName())) {
            throw new XMLStreamException("expected {" + IsoXml.PAIN001 + "}" + localName, reader.getLocation());
        }
    }
}

package org.mekongledger.settlement.bank;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.mekongledger.settlement.Refusal;
import org.mekongledger.settlement.bankfile.Pain002Writer;
import org.mekongledger.settlement.bankfile.TransactionOutcome;
import org.mekongledger.settlement.run.AtomicFiles;

/**
 * {@code simulate-bank}: a bank's pain.002 on one of our pain.001 files, for demos, tests and the
 * bench. Every N-th transaction (in file order) is rejected with the given reason code, every M-th
 * of the others left pending (PDNG); the rest settled (ACSC).
 */
public final class BankSimulator {

    private BankSimulator() {
    }

    public static String simulate(Path pain001, Path out, int rejectEvery, String rejectCode, int pendingEvery,
                                  String messageId) throws IOException {
        if (!Files.isRegularFile(pain001)) {
            throw new Refusal("no pain.001 file at " + pain001);
        }
        String id = messageId != null ? messageId : "STS-" + originalMessageId(pain001).replaceFirst("^MKL-", "");
        AtomicLong position = new AtomicLong();
        AtomicLong notRejected = new AtomicLong();
        AtomicFiles.write(out, stream -> Pain002Writer.write(stream, id,
                OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS), pain001, endToEndId -> {
                    long n = position.incrementAndGet();
                    if (rejectEvery > 0 && n % rejectEvery == 0) {
                        return new TransactionOutcome("RJCT", rejectCode);
                    }
                    long m = notRejected.incrementAndGet();
                    if (pendingEvery > 0 && m % pendingEvery == 0) {
                        return new TransactionOutcome("PDNG", null);
                    }
                    return new TransactionOutcome("ACSC", null);
                }));
        return id;
    }

    /** GrpHdr/MsgId of a pain.001, read by StAX without loading the file. */
    static String originalMessageId(Path pain001) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(pain001)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("MsgId")) {
                    return reader.getElementText().strip();
                }
            }
        } catch (XMLStreamException malformed) {
            throw new Refusal(pain001 + " is not a pain.001 file: " + malformed.getMessage());
        }
        throw new Refusal(pain001 + " has no message id");
    }
}

package org.mekongledger.settlement.bankfile;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.xml.sax.SAXException;

/** Test helpers: validate against the official schemas, unmarshal a whole (small) document. */
final class Xml {

    private Xml() {
    }

    static void validate(Schema schema, byte[] document) {
        try {
            Iso20022Schemas.validator(schema).validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (SAXException | IOException invalid) {
            throw new AssertionError("not valid against the official schema: " + invalid.getMessage(), invalid);
        }
    }

    static void validate(Schema schema, Path document) {
        try (InputStream in = Files.newInputStream(document)) {
            Iso20022Schemas.validator(schema).validate(new StreamSource(in));
        } catch (SAXException | IOException invalid) {
            throw new AssertionError("not valid against the official schema: " + invalid.getMessage(), invalid);
        }
    }

    static org.mekongledger.settlement.bankfile.pain001.Document pain001(byte[] document) throws Exception {
        JAXBContext context = JAXBContext.newInstance(org.mekongledger.settlement.bankfile.pain001.Document.class);
        Object root = context.createUnmarshaller().unmarshal(new ByteArrayInputStream(document));
        @SuppressWarnings("unchecked")
        JAXBElement<org.mekongledger.settlement.bankfile.pain001.Document> element =
                (JAXBElement<org.mekongledger.settlement.bankfile.pain001.Document>) root;
        return element.getValue();
    }

    static org.mekongledger.settlement.bankfile.pain002.Document pain002(byte[] document) throws Exception {
        JAXBContext context = JAXBContext.newInstance(org.mekongledger.settlement.bankfile.pain002.Document.class);
        Object root = context.createUnmarshaller().unmarshal(new ByteArrayInputStream(document));
        @SuppressWarnings("unchecked")
        JAXBElement<org.mekongledger.settlement.bankfile.pain002.Document> element =
                (JAXBElement<org.mekongledger.settlement.bankfile.pain002.Document>) root;
        return element.getValue();
    }
}

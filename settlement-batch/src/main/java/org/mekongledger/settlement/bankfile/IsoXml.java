package org.mekongledger.settlement.bankfile;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.XMLConstants;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The XML machinery every bank file shares: the JAXB contexts of the two generated packages, the
 * JDK's own StAX and SAX factories (never one that happens to be on the class path, so the bytes do
 * not change with the class path) configured against XXE (no DTDs, no external entities or schemas),
 * and the ISO date-time conversions.
 */
final class IsoXml {

    static final String PAIN001 = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    static final String PAIN002 = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.10";

    /** A CreDtTm without an offset is the bank's local time; the fund and its bank are in Thailand. */
    static final ZoneId BANK_ZONE = ZoneId.of("Asia/Bangkok");

    private static final DateTimeFormatter WHOLE_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final DatatypeFactory DATATYPES = DatatypeFactory.newDefaultInstance();

    private IsoXml() {
    }

    private static final class Contexts {
        static final JAXBContext PAIN001_CONTEXT = create(org.mekongledger.settlement.bankfile.pain001.ObjectFactory.class);
        static final JAXBContext PAIN002_CONTEXT = create(org.mekongledger.settlement.bankfile.pain002.ObjectFactory.class);

        private static JAXBContext create(Class<?> factory) {
            try {
                return JAXBContext.newInstance(factory);
            } catch (JAXBException broken) {
                throw new IllegalStateException("the generated ISO 20022 classes do not load", broken);
            }
        }
    }

    static Marshaller fragmentMarshaller(JAXBContext context) {
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
            return marshaller;
        } catch (JAXBException broken) {
            throw new IllegalStateException(broken);
        }
    }

    static Marshaller pain001Marshaller() {
        return fragmentMarshaller(Contexts.PAIN001_CONTEXT);
    }

    static Marshaller pain002Marshaller() {
        return fragmentMarshaller(Contexts.PAIN002_CONTEXT);
    }

    static Unmarshaller pain001Unmarshaller() {
        try {
            return Contexts.PAIN001_CONTEXT.createUnmarshaller();
        } catch (JAXBException broken) {
            throw new IllegalStateException(broken);
        }
    }

    static Unmarshaller pain002Unmarshaller() {
        try {
            return Contexts.PAIN002_CONTEXT.createUnmarshaller();
        } catch (JAXBException broken) {
            throw new IllegalStateException(broken);
        }
    }

    static XMLOutputFactory outputs() {
        return XMLOutputFactory.newDefaultFactory();
    }

    /** StAX without DTDs or external entities: a DOCTYPE cannot define or fetch anything. */
    static XMLInputFactory secureInputs() {
        XMLInputFactory inputs = XMLInputFactory.newDefaultFactory();
        inputs.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        inputs.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        inputs.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        inputs.setProperty(XMLInputFactory.IS_COALESCING, true);
        return inputs;
    }

    /** SAX that refuses any DOCTYPE outright (the XXE defence) and fetches nothing. */
    static XMLReader secureSaxReader() {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return reader;
        } catch (ParserConfigurationException | SAXException broken) {
            throw new IllegalStateException("the JDK's SAX parser cannot be secured", broken);
        }
    }

    /** ISODateTime in whole seconds with its offset, e.g. {@code 2026-12-01T09:30:00+07:00}. */
    static XMLGregorianCalendar dateTime(OffsetDateTime instant) {
        return DATATYPES.newXMLGregorianCalendar(instant.truncatedTo(ChronoUnit.SECONDS).format(WHOLE_SECONDS));
    }

    static XMLGregorianCalendar date(LocalDate date) {
        return DATATYPES.newXMLGregorianCalendarDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                DatatypeConstants.FIELD_UNDEFINED);
    }

    static OffsetDateTime offsetDateTime(XMLGregorianCalendar value) {
        if (value == null) {
            return null;
        }
        if (value.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            return LocalDateTime.parse(value.toXMLFormat()).atZone(BANK_ZONE).toOffsetDateTime();
        }
        return OffsetDateTime.parse(value.toXMLFormat());
    }
}

package org.mekongledger.settlement.bankfile;

import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * The official ISO 20022 schemas (unmodified copies on the class path under {@code iso20022/}, with
 * their provenance in its README), compiled once. A {@link Schema} is thread-safe; each use takes a
 * {@link #validator(Schema) validator} that fetches nothing from outside.
 */
public final class Iso20022Schemas {

    static final String PAIN001_XSD = "/iso20022/pain.001.001.09.xsd";
    static final String PAIN002_XSD = "/iso20022/pain.002.001.10.xsd";

    private Iso20022Schemas() {
    }

    private static final class Loaded {
        static final Schema PAIN001 = load(PAIN001_XSD);
        static final Schema PAIN002 = load(PAIN002_XSD);
    }

    public static Schema pain001() {
        return Loaded.PAIN001;
    }

    public static Schema pain002() {
        return Loaded.PAIN002;
    }

    /** A validator for one document at a time that resolves no external DTD or schema. */
    public static Validator validator(Schema schema) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException unsupported) {
            throw new IllegalStateException("the JDK's validator cannot be secured", unsupported);
        }
        return validator;
    }

    private static Schema load(String resource) {
        URL xsd = Iso20022Schemas.class.getResource(resource);
        if (xsd == null) {
            throw new IllegalStateException(resource + " is missing from the class path");
        }
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(xsd.toExternalForm()));
        } catch (SAXException broken) {
            throw new IllegalStateException(resource + " is not a usable schema", broken);
        }
    }
}

package org.mekongledger.settlement.bankfile;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Small moves over a {@link XMLStreamReader} for element-only ISO 20022 content. Convention: a move
 * that consumes an element leaves the reader on the event after its end tag, as a JAXB unmarshal of
 * a fragment does.
 */
final class StaxCursor {

    private StaxCursor() {
    }

    /** Advances to the next start or end tag (or the end of the document), skipping white space. */
    static int toTag(XMLStreamReader reader) throws XMLStreamException {
        int event = reader.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT
                && event != XMLStreamConstants.END_DOCUMENT) {
            event = reader.next();
        }
        return event;
    }

    /** At a start tag: moves past its matching end tag. */
    static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 0;
        do {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        } while (depth >= 0);
        reader.next();
    }

    /** At a start tag of a simple element: its text, the reader moved past its end tag. */
    static String text(XMLStreamReader reader) throws XMLStreamException {
        String text = reader.getElementText();
        reader.next();
        return text;
    }

    /** At an end tag: moves past it. */
    static void leave(XMLStreamReader reader) throws XMLStreamException {
        reader.next();
    }
}

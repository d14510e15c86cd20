package org.mekongledger.settlement.bankfile;

import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The one {@link XMLStreamWriter} a bank file is streamed through, by our own code and by JAXB
 * fragments alike. It makes the bytes deterministic and readable: the message namespace is declared
 * once, as the default namespace of the root (JAXB would redeclare it on every fragment), each
 * element starts on its own line, indented two spaces a level (whitespace between elements is
 * insignificant to the schema: all ISO 20022 content is element-only or simple). It can also
 * <em>elide</em> the next element's own tags, so JAXB marshals just the children of a header object
 * (a payment block without its transactions) in the schema's order, while the transactions are
 * streamed after them. {@link #flush()} is a no-op (JAXB flushes after each fragment); the owner
 * calls {@link #flushAll()} once at the end.
 */
final class DocumentStreamWriter implements XMLStreamWriter {

    private static final class Frame {
        final boolean elided;
        boolean hasChildElements;

        Frame(boolean elided) {
            this.elided = elided;
        }
    }

    private final XMLStreamWriter out;
    private final String namespace;
    private final Deque<Frame> open = new ArrayDeque<>();
    private int depth;
    private boolean elideNext;

    DocumentStreamWriter(XMLStreamWriter out, String namespace) {
        this.out = out;
        this.namespace = namespace;
    }

    /** The XML declaration and the root {@code Document} element with its one namespace declaration. */
    void startDocument() throws XMLStreamException {
        out.writeStartDocument("UTF-8", "1.0");
        writeStartElement("", "Document", namespace);
        out.writeDefaultNamespace(namespace);
    }

    /** Closes every open element, ends the document with a final newline and flushes. */
    void endDocument() throws XMLStreamException {
        while (!open.isEmpty()) {
            writeEndElement();
        }
        out.writeEndDocument();
        out.writeCharacters("\n");
        out.flush();
    }

    /** The next element is written without its own start and end tags: only its content. */
    void elideNextElement() {
        elideNext = true;
    }

    void flushAll() throws XMLStreamException {
        out.flush();
    }

    private void beginElement() throws XMLStreamException {
        if (elideNext) {
            elideNext = false;
            open.push(new Frame(true));
            return;
        }
        if (!open.isEmpty()) {
            open.peek().hasChildElements = true;
        }
        out.writeCharacters("\n" + "  ".repeat(depth));
        open.push(new Frame(false));
        depth++;
    }

    private boolean insideElidedStartTag() {
        return !open.isEmpty() && open.peek().elided;
    }

    @Override
    public void writeStartElement(String localName) throws XMLStreamException {
        writeStartElement("", localName, namespace);
    }

    @Override
    public void writeStartElement(String namespaceURI, String localName) throws XMLStreamException {
        writeStartElement("", localName, namespaceURI);
    }

    @Override
    public void writeStartElement(String prefix, String localName, String namespaceURI) throws XMLStreamException {
        if (!namespace.equals(namespaceURI)) {
            throw new XMLStreamException("element {" + namespaceURI + "}" + localName + " is outside " + namespace);
        }
        beginElement();
        if (!insideElidedStartTag()) {
            out.writeStartElement(localName);
        }
    }

    @Override
    public void writeEmptyElement(String localName) throws XMLStreamException {
        writeStartElement(localName);
        writeEndElement();
    }

    @Override
    public void writeEmptyElement(String namespaceURI, String localName) throws XMLStreamException {
        writeStartElement(namespaceURI, localName);
        writeEndElement();
    }

    @Override
    public void writeEmptyElement(String prefix, String localName, String namespaceURI) throws XMLStreamException {
        writeStartElement(prefix, localName, namespaceURI);
        writeEndElement();
    }

    @Override
    public void writeEndElement() throws XMLStreamException {
        Frame closing = open.pop();
        if (closing.elided) {
            return;
        }
        depth--;
        if (closing.hasChildElements) {
            out.writeCharacters("\n" + "  ".repeat(depth));
        }
        out.writeEndElement();
    }

    @Override
    public void writeEndDocument() throws XMLStreamException {
        // a fragment never ends the document; endDocument() does
    }

    @Override
    public void close() throws XMLStreamException {
        // the owner closes the underlying writer
    }

    @Override
    public void flush() {
        // JAXB flushes after every fragment; one flush at the end is enough
    }

    @Override
    public void writeAttribute(String localName, String value) throws XMLStreamException {
        if (!insideElidedStartTag()) {
            out.writeAttribute(localName, value);
        }
    }

    @Override
    public void writeAttribute(String prefix, String namespaceURI, String localName, String value)
            throws XMLStreamException {
        if (!insideElidedStartTag()) {
            out.writeAttribute(prefix, namespaceURI, localName, value);
        }
    }

    @Override
    public void writeAttribute(String namespaceURI, String localName, String value) throws XMLStreamException {
        if (!insideElidedStartTag()) {
            out.writeAttribute(namespaceURI, localName, value);
        }
    }

    @Override
    public void writeNamespace(String prefix, String namespaceURI) throws XMLStreamException {
        if (namespace.equals(namespaceURI) || insideElidedStartTag()) {
            return; // declared once on the root
        }
        out.writeNamespace(prefix, namespaceURI);
    }

    @Override
    public void writeDefaultNamespace(String namespaceURI) throws XMLStreamException {
        writeNamespace("", namespaceURI);
    }

    @Override
    public void writeComment(String data) throws XMLStreamException {
        out.writeComment(data);
    }

    @Override
    public void writeProcessingInstruction(String target) throws XMLStreamException {
        throw new XMLStreamException("no processing instructions in a bank file");
    }

    @Override
    public void writeProcessingInstruction(String target, String data) throws XMLStreamException {
        throw new XMLStreamException("no processing instructions in a bank file");
    }

    @Override
    public void writeCData(String data) throws XMLStreamException {
        out.writeCharacters(data);
    }

    @Override
    public void writeDTD(String dtd) throws XMLStreamException {
        throw new XMLStreamException("no DTD in a bank file");
    }

    @Override
    public void writeEntityRef(String name) throws XMLStreamException {
        throw new XMLStreamException("no entity references in a bank file");
    }

    @Override
    public void writeStartDocument() {
        // startDocument() writes the declaration once
    }

    @Override
    public void writeStartDocument(String version) {
        // startDocument() writes the declaration once
    }

    @Override
    public void writeStartDocument(String encoding, String version) {
        // startDocument() writes the declaration once
    }

    @Override
    public void writeCharacters(String text) throws XMLStreamException {
        out.writeCharacters(text);
    }

    @Override
    public void writeCharacters(char[] text, int start, int len) throws XMLStreamException {
        out.writeCharacters(text, start, len);
    }

    @Override
    public String getPrefix(String uri) throws XMLStreamException {
        return namespace.equals(uri) ? "" : out.getPrefix(uri);
    }

    @Override
    public void setPrefix(String prefix, String uri) throws XMLStreamException {
        if (!namespace.equals(uri)) {
            out.setPrefix(prefix, uri);
        }
    }

    @Override
    public void setDefaultNamespace(String uri) throws XMLStreamException {
        if (!namespace.equals(uri)) {
            throw new XMLStreamException("the default namespace is " + namespace);
        }
    }

    @Override
    public void setNamespaceContext(NamespaceContext context) throws XMLStreamException {
        out.setNamespaceContext(context);
    }

    @Override
    public NamespaceContext getNamespaceContext() {
        return out.getNamespaceContext();
    }

    @Override
    public Object getProperty(String name) {
        return out.getProperty(name);
    }
}

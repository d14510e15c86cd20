package org.mekongledger.settlement.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;

import org.mekongledger.settlement.bankfile.Iso20022Schemas;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The files of a run read back as a bank would: schema-validated, counted and summed. */
final class SettlementFiles {

    static final String PAIN001 = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    private SettlementFiles() {
    }

    /** One credit transfer as the file states it. */
    record Transfer(String endToEndId, BigDecimal amount, String currency) {
    }

    /** One PmtInf: its stated count and sum, and what it holds. */
    record Block(String paymentInformationId, String currency, String executionDate, long statedCount,
                 BigDecimal statedSum, List<Transfer> transfers) {
    }

    /** One pain.001 message. */
    record Message(String messageId, String createdAt, long statedCount, BigDecimal statedSum, List<Block> blocks) {
        List<Transfer> transfers() {
            return blocks.stream().flatMap(block -> block.transfers().stream()).toList();
        }
    }

    static List<Path> pain001Files(Path dir, String runDate) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("pain.001.001.09-" + runDate + "-")
                    && f.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file in the directory and its bytes' SHA-256, by name. */
    static Map<String, String> hashes(Path dir) {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                hashes.put(file.getFileName().toString(), sha256(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hashes;
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Validates against the official pain.001.001.09 schema (throws naming the first fault). */
    static void validatePain001(Path file) {
        try {
            Iso20022Schemas.pain001().newValidator().validate(new StreamSource(file.toFile()));
        } catch (Exception invalid) {
            throw new AssertionError(file + " is not a valid pain.001.001.09: " + invalid.getMessage(), invalid);
        }
    }

    static void validatePain002(Path file) {
        try {
            Iso20022Schemas.pain002().newValidator().validate(new StreamSource(file.toFile()));
        } catch (Exception invalid) {
            throw new AssertionError(file + " is not a valid pain.002.001.10: " + invalid.getMessage(), invalid);
        }
    }

    static Message readPain001(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            Element header = child(document.getDocumentElement(), "CstmrCdtTrfInitn", "GrpHdr");
            List<Block> blocks = new ArrayList<>();
            NodeList infos = document.getElementsByTagNameNS(PAIN001, "PmtInf");
            for (int i = 0; i < infos.getLength(); i++) {
                Element info = (Element) infos.item(i);
                List<Transfer> transfers = new ArrayList<>();
                NodeList txs = info.getElementsByTagNameNS(PAIN001, "CdtTrfTxInf");
                for (int t = 0; t < txs.getLength(); t++) {
                    Element tx = (Element) txs.item(t);
                    Element amount = child(tx, "Amt", "InstdAmt");
                    transfers.add(new Transfer(text(tx, "PmtId", "EndToEndId"), new BigDecimal(amount.getTextContent()),
                            amount.getAttribute("Ccy")));
                }
                List<String> currencies = transfers.stream().map(Transfer::currency).distinct().toList();
                blocks.add(new Block(text(info, "PmtInfId"), currencies.size() == 1 ? currencies.get(0) : currencies.toString(),
                        text(info, "ReqdExctnDt", "Dt"), Long.parseLong(text(info, "NbOfTxs")),
                        new BigDecimal(text(info, "CtrlSum")), transfers));
            }
            return new Message(text(header, "MsgId"), text(header, "CreDtTm"), Long.parseLong(text(header, "NbOfTxs")),
                    new BigDecimal(text(header, "CtrlSum")), blocks);
        } catch (Exception e) {
            throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(Element parent, String... path) {
        return child(parent, path).getTextContent();
    }

    private static Element child(Element parent, String... path) {
        Element at = parent;
        for (String name : path) {
            Element found = null;
            for (var node = at.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && name.equals(element.getLocalName())) {
                    found = element;
                    break;
                }
            }
            if (found == null) {
                throw new AssertionError("no " + name + " under " + at.getLocalName());
            }
            at = found;
        }
        return at;
    }

    /** The manifest's lines: file name to hex digest, in the order written. */
    static Map<String, String> manifest(Path file) {
        Map<String, String> lines = new java.util.LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int gap = line.indexOf("  ");
                if (gap != 64) {
                    throw new AssertionError("not a sha256sum line: '" + line + "'");
                }
                lines.put(line.substring(66), line.substring(0, 64));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** RFC 4180 lines of a small CSV without quoted line breaks: header first. */
    static List<List<String>> csv(Path file) {
        try {
            String text = Files.readString(file);
            if (text.startsWith("\uFEFF")) {
                throw new AssertionError(file + " starts with a BOM");
            }
            if (text.contains("\r")) {
                throw new AssertionError(file + " has CR line ends");
            }
            List<List<String>> rows = new ArrayList<>();
            for (String line : text.split("\n")) {
                rows.add(fields(line));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}

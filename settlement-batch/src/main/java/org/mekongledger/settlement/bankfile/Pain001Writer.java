package org.mekongledger.settlement.bankfile;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.mekongledger.payment.MinorUnits;
import org.mekongledger.settlement.bankfile.pain001.AccountIdentification4Choice;
import org.mekongledger.settlement.bankfile.pain001.AccountSchemeName1Choice;
import org.mekongledger.settlement.bankfile.pain001.ActiveOrHistoricCurrencyAndAmount;
import org.mekongledger.settlement.bankfile.pain001.AmountType4Choice;
import org.mekongledger.settlement.bankfile.pain001.BranchAndFinancialInstitutionIdentification6;
import org.mekongledger.settlement.bankfile.pain001.CashAccount38;
import org.mekongledger.settlement.bankfile.pain001.CategoryPurpose1Choice;
import org.mekongledger.settlement.bankfile.pain001.ChargeBearerType1Code;
import org.mekongledger.settlement.bankfile.pain001.ClearingSystemMemberIdentification2;
import org.mekongledger.settlement.bankfile.pain001.CreditTransferTransaction34;
import org.mekongledger.settlement.bankfile.pain001.DateAndDateTime2Choice;
import org.mekongledger.settlement.bankfile.pain001.FinancialInstitutionIdentification18;
import org.mekongledger.settlement.bankfile.pain001.GenericAccountIdentification1;
import org.mekongledger.settlement.bankfile.pain001.GenericFinancialIdentification1;
import org.mekongledger.settlement.bankfile.pain001.GenericOrganisationIdentification1;
import org.mekongledger.settlement.bankfile.pain001.GroupHeader85;
import org.mekongledger.settlement.bankfile.pain001.OrganisationIdentification29;
import org.mekongledger.settlement.bankfile.pain001.Party38Choice;
import org.mekongledger.settlement.bankfile.pain001.PartyIdentification135;
import org.mekongledger.settlement.bankfile.pain001.PaymentIdentification6;
import org.mekongledger.settlement.bankfile.pain001.PaymentInstruction30;
import org.mekongledger.settlement.bankfile.pain001.PaymentMethod3Code;
import org.mekongledger.settlement.bankfile.pain001.PaymentTypeInformation26;
import org.mekongledger.settlement.bankfile.pain001.PostalAddress24;
import org.mekongledger.settlement.bankfile.pain001.RemittanceInformation16;

/**
 * Writes a pain.001.001.09 customer credit transfer initiation, streaming: the group header and each
 * block's header are marshalled by JAXB from the generated classes, then each transaction is
 * marshalled as a fragment into the same {@link XMLStreamWriter} as it comes from the
 * {@link TransferSource}, so memory stays flat however many payments the file holds.
 *
 * <p>The counts and sums in the headers are the caller's, written before the transactions; the
 * writer tallies what it streamed and throws {@link ControlTotalsMismatch} when they differ (the
 * bytes already written are then wrong: the caller writes to a temporary file and drops it).
 * Transactions of a block must come in strictly ascending EndToEndId order ({@link String#compareTo},
 * i.e. a database's "C" collation), which also refuses a duplicate.
 *
 * <p>Same input, same bytes: UTF-8, the message namespace declared once as the default namespace,
 * one element a line, amounts with exactly the currency's ISO 4217 minor-unit digits.
 *
 * <p>{@code out} is flushed, never closed: the caller owns it (and forces it to disk before renaming
 * the temporary file).
 *
 * <p>Payment choices a fund's bank expects: {@code PmtMtd} TRF; {@code PmtTpInf/CtgyPurp} SSBE
 * (ISO external code "social security benefit"); {@code ChrgBr} DEBT: the fund bears the charges so a
 * benefit reaches the returnee in full (SLEV only means "as the service level says", which is a SEPA
 * notion; these are not SEPA payments).
 */
public final class Pain001Writer {

    static final String CATEGORY_PURPOSE = "SSBE";
    private static final String NS = IsoXml.PAIN001;
    private static final QName GROUP_HEADER = new QName(NS, "GrpHdr");
    private static final QName PAYMENT_INFORMATION = new QName(NS, "PmtInf");
    private static final QName TRANSACTION = new QName(NS, "CdtTrfTxInf");
    private static final int MAX_TOTAL_DIGITS = 18;

    private Pain001Writer() {
    }

    public static void write(OutputStream out, MessageHeader header, DebtorAccount debtor, List<PaymentBlock> blocks,
                             TransferSource transfers) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(debtor, "debtor");
        Objects.requireNonNull(transfers, "transfers");
        if (blocks == null || blocks.isEmpty()) {
            throw new IllegalArgumentException("a pain.001 holds at least one payment block");
        }
        GroupHeader85 groupHeader = groupHeader(header);
        PartyIdentification135 debtorParty = debtorParty(debtor);
        CashAccount38 debtorAccount = debtorAccount(debtor);
        BranchAndFinancialInstitutionIdentification6 debtorAgent = debtorAgent(debtor);

        BufferedOutputStream buffered = new BufferedOutputStream(new KeepOpen(out), 1 << 16);
        Marshaller marshaller = IsoXml.pain001Marshaller();
        XMLStreamWriter xml = null;
        try {
            xml = IsoXml.outputs().createXMLStreamWriter(buffered, "UTF-8");
            DocumentStreamWriter doc = new DocumentStreamWriter(xml, NS);
            doc.startDocument();
            doc.writeStartElement("CstmrCdtTrfInitn");
            marshaller.marshal(new JAXBElement<>(GROUP_HEADER, GroupHeader85.class, groupHeader), doc);

            Tally group = new Tally();
            Set<String> blockIds = new HashSet<>();
            for (PaymentBlock block : blocks) {
                PaymentInstruction30 blockHeader = blockHeader(block, debtorParty, debtorAccount, debtorAgent);
                if (!blockIds.add(block.paymentInformationId())) {
                    throw new IllegalArgumentException("PmtInfId " + block.paymentInformationId() + " appears twice");
                }
                doc.writeStartElement("PmtInf");
                doc.elideNextElement();
                marshaller.marshal(new JAXBElement<>(PAYMENT_INFORMATION, PaymentInstruction30.class, blockHeader), doc);
                Tally tally = streamTransactions(block, transfers, marshaller, doc);
                tally.requireEqual(block.numberOfTransactions(), block.controlSum(), "PmtInf " + block.paymentInformationId());
                group.add(tally);
                doc.writeEndElement();
            }
            group.requireEqual(header.numberOfTransactions(), header.controlSum(), "GrpHdr " + header.messageId());
            doc.endDocument();
            buffered.flush();
        } catch (XMLStreamException | JAXBException failed) {
            throw new IOException("cannot write pain.001 " + header.messageId() + ": " + failed.getMessage(), failed);
        } catch (MarshalFailure failed) {
            throw new IOException("cannot write pain.001 " + header.messageId() + ": " + failed.getCause().getMessage(),
                    failed.getCause());
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing more can be written; the caller's stream stays open for it to handle
                }
            }
        }
    }

    /**
     * Why this payment could not go into a pain.001, or empty when it can: the same checks the writer
     * makes, for a caller to ask when it freezes a run, long before the file is written. The text
     * names fields, never the payee's data.
     */
    public static Optional<String> problemWith(CreditTransfer transfer) {
        try {
            Objects.requireNonNull(transfer, "transfer");
            String endToEndId = IsoText.identifier(transfer.endToEndId(), 35, "EndToEndId");
            int digits = minorUnits(transfer.currency(), "EndToEndId " + endToEndId + " currency");
            transaction(transfer, endToEndId, amount(transfer.amount(), digits, "EndToEndId " + endToEndId));
            return Optional.empty();
        } catch (IllegalArgumentException | NullPointerException problem) {
            return Optional.of(problem.getMessage());
        }
    }

    private static Tally streamTransactions(PaymentBlock block, TransferSource transfers, Marshaller marshaller,
                                            DocumentStreamWriter doc) {
        Tally tally = new Tally();
        int digits = minorUnits(block.currency(), "PmtInf " + block.paymentInformationId() + " currency");
        String[] previous = {null};
        transfers.forEach(block, transfer -> {
            Objects.requireNonNull(transfer, "transfer");
            String endToEndId = IsoText.identifier(transfer.endToEndId(), 35, "EndToEndId");
            if (previous[0] != null && previous[0].compareTo(endToEndId) >= 0) {
                throw new IllegalArgumentException("EndToEndId " + endToEndId + " comes after " + previous[0]
                        + " in PmtInf " + block.paymentInformationId() + ": transactions must be in ascending, unique order");
            }
            previous[0] = endToEndId;
            if (!block.currency().equals(transfer.currency())) {
                throw new IllegalArgumentException("EndToEndId " + endToEndId + " is in " + transfer.currency()
                        + ", its block " + block.paymentInformationId() + " in " + block.currency());
            }
            BigDecimal amount = amount(transfer.amount(), digits, "EndToEndId " + endToEndId);
            try {
                marshaller.marshal(new JAXBElement<>(TRANSACTION, CreditTransferTransaction34.class,
                        transaction(transfer, endToEndId, amount)), doc);
            } catch (JAXBException failed) {
                throw new MarshalFailure(failed);
            }
            tally.add(amount);
        });
        return tally;
    }

    private static GroupHeader85 groupHeader(MessageHeader header) {
        GroupHeader85 groupHeader = new GroupHeader85();
        groupHeader.setMsgId(IsoText.identifier(header.messageId(), 35, "MsgId"));
        groupHeader.setCreDtTm(IsoXml.dateTime(Objects.requireNonNull(header.createdAt(), "createdAt")));
        groupHeader.setNbOfTxs(count(header.numberOfTransactions(), "GrpHdr NbOfTxs"));
        groupHeader.setCtrlSum(controlSum(header.controlSum(), "GrpHdr CtrlSum"));
        InitiatingParty initiating = Objects.requireNonNull(header.initiatingParty(), "initiatingParty");
        PartyIdentification135 party = new PartyIdentification135();
        party.setNm(IsoText.requiredText(initiating.name(), 140, "initiating party name"));
        if (initiating.id() != null && !initiating.id().isBlank()) {
            GenericOrganisationIdentification1 other = new GenericOrganisationIdentification1();
            other.setId(IsoText.identifier(initiating.id(), 35, "initiating party id"));
            OrganisationIdentification29 organisation = new OrganisationIdentification29();
            organisation.getOthr().add(other);
            Party38Choice id = new Party38Choice();
            id.setOrgId(organisation);
            party.setId(id);
        }
        groupHeader.setInitgPty(party);
        return groupHeader;
    }

    private static PaymentInstruction30 blockHeader(PaymentBlock block, PartyIdentification135 debtor,
                                                    CashAccount38 debtorAccount,
                                                    BranchAndFinancialInstitutionIdentification6 debtorAgent) {
        Objects.requireNonNull(block, "block");
        PaymentInstruction30 header = new PaymentInstruction30();
        header.setPmtInfId(IsoText.identifier(block.paymentInformationId(), 35, "PmtInfId"));
        IsoText.currency(block.currency(), "PmtInf " + block.paymentInformationId() + " currency");
        minorUnits(block.currency(), "PmtInf " + block.paymentInformationId() + " currency");
        header.setPmtMtd(PaymentMethod3Code.TRF);
        header.setNbOfTxs(count(block.numberOfTransactions(), "PmtInf " + block.paymentInformationId() + " NbOfTxs"));
        header.setCtrlSum(controlSum(block.controlSum(), "PmtInf " + block.paymentInformationId() + " CtrlSum"));
        CategoryPurpose1Choice purpose = new CategoryPurpose1Choice();
        purpose.setCd(CATEGORY_PURPOSE);
        PaymentTypeInformation26 type = new PaymentTypeInformation26();
        type.setCtgyPurp(purpose);
        header.setPmtTpInf(type);
        DateAndDateTime2Choice execution = new DateAndDateTime2Choice();
        execution.setDt(IsoXml.date(Objects.requireNonNull(block.requestedExecutionDate(), "requestedExecutionDate")));
        header.setReqdExctnDt(execution);
        header.setDbtr(debtor);
        header.setDbtrAcct(debtorAccount);
        header.setDbtrAgt(debtorAgent);
        header.setChrgBr(ChargeBearerType1Code.DEBT);
        return header;
    }

    private static PartyIdentification135 debtorParty(DebtorAccount debtor) {
        PartyIdentification135 party = new PartyIdentification135();
        party.setNm(IsoText.requiredText(debtor.name(), 140, "debtor " + debtor.id() + " name"));
        party.setPstlAdr(country(IsoText.country(debtor.country(), "debtor " + debtor.id() + " country")));
        return party;
    }

    private static CashAccount38 debtorAccount(DebtorAccount debtor) {
        if (debtor.iban() != null && !debtor.iban().isBlank()) {
            String iban = Iban.parse(debtor.iban()).orElseThrow(() ->
                    new IllegalArgumentException("debtor " + debtor.id() + " iban is not a valid IBAN"));
            return account(Optional.of(iban), null);
        }
        return account(Optional.empty(), IsoText.identifier(debtor.otherId(), 34, "debtor " + debtor.id() + " otherId"));
    }

    private static BranchAndFinancialInstitutionIdentification6 debtorAgent(DebtorAccount debtor) {
        FinancialInstitutionIdentification18 institution = new FinancialInstitutionIdentification18();
        String bic = IsoText.bic(debtor.bic(), "debtor " + debtor.id() + " bic");
        if (bic != null) {
            institution.setBICFI(bic);
        } else {
            // the usual convention when the debtor's bank is implied by the channel the file goes through
            GenericFinancialIdentification1 other = new GenericFinancialIdentification1();
            other.setId("NOTPROVIDED");
            institution.setOthr(other);
        }
        BranchAndFinancialInstitutionIdentification6 agent = new BranchAndFinancialInstitutionIdentification6();
        agent.setFinInstnId(institution);
        return agent;
    }

    private static CreditTransferTransaction34 transaction(CreditTransfer transfer, String endToEndId, BigDecimal amount) {
        String about = "EndToEndId " + endToEndId;
        CreditTransferTransaction34 tx = new CreditTransferTransaction34();
        PaymentIdentification6 id = new PaymentIdentification6();
        id.setEndToEndId(endToEndId);
        tx.setPmtId(id);
        ActiveOrHistoricCurrencyAndAmount instructed = new ActiveOrHistoricCurrencyAndAmount();
        instructed.setCcy(transfer.currency());
        instructed.setValue(amount);
        AmountType4Choice amt = new AmountType4Choice();
        amt.setInstdAmt(instructed);
        tx.setAmt(amt);
        String country = IsoText.country(transfer.creditorCountry(), about + " creditor country");
        tx.setCdtrAgt(creditorAgent(transfer, country, about));
        PartyIdentification135 creditor = new PartyIdentification135();
        creditor.setNm(IsoText.requiredText(transfer.creditorName(), 140, about + " creditor name"));
        creditor.setPstlAdr(country(country));
        tx.setCdtr(creditor);
        if (transfer.creditorAccount() == null || transfer.creditorAccount().isBlank()) {
            throw new IllegalArgumentException(about + " creditor account is missing");
        }
        Optional<String> iban = Iban.parse(transfer.creditorAccount());
        tx.setCdtrAcct(iban.isPresent() ? account(iban, null)
                : account(iban, IsoText.identifier(transfer.creditorAccount(), 34, about + " creditor account")));
        String remittance = IsoText.text(transfer.remittanceInformation(), 140, about + " remittance information");
        if (remittance != null) {
            RemittanceInformation16 information = new RemittanceInformation16();
            information.getUstrd().add(remittance);
            tx.setRmtInf(information);
        }
        return tx;
    }

    /**
     * The creditor's bank by BIC when one is given, else by its national bank code (clearing system
     * member id, with the bank's country so the code can be placed); absent when neither is known.
     */
    private static BranchAndFinancialInstitutionIdentification6 creditorAgent(CreditTransfer transfer, String country,
                                                                             String about) {
        FinancialInstitutionIdentification18 institution = new FinancialInstitutionIdentification18();
        String bic = IsoText.bic(transfer.creditorBic(), about + " creditor BIC");
        if (bic != null) {
            institution.setBICFI(bic);
        } else if (transfer.creditorBankCode() != null && !transfer.creditorBankCode().isBlank()) {
            ClearingSystemMemberIdentification2 member = new ClearingSystemMemberIdentification2();
            member.setMmbId(IsoText.identifier(transfer.creditorBankCode(), 35, about + " creditor bank code"));
            institution.setClrSysMmbId(member);
            institution.setPstlAdr(country(country));
        } else {
            return null;
        }
        BranchAndFinancialInstitutionIdentification6 agent = new BranchAndFinancialInstitutionIdentification6();
        agent.setFinInstnId(institution);
        return agent;
    }

    /** {@code Id/IBAN} for a valid IBAN, else {@code Id/Othr/Id} with scheme BBAN (ISO external code). */
    private static CashAccount38 account(Optional<String> iban, String other) {
        AccountIdentification4Choice id = new AccountIdentification4Choice();
        if (iban.isPresent()) {
            id.setIBAN(iban.get());
        } else {
            AccountSchemeName1Choice scheme = new AccountSchemeName1Choice();
            scheme.setCd("BBAN");
            GenericAccountIdentification1 generic = new GenericAccountIdentification1();
            generic.setId(other);
            generic.setSchmeNm(scheme);
            id.setOthr(generic);
        }
        CashAccount38 account = new CashAccount38();
        account.setId(id);
        return account;
    }

    private static PostalAddress24 country(String country) {
        if (country == null) {
            return null;
        }
        PostalAddress24 address = new PostalAddress24();
        address.setCtry(country);
        return address;
    }

    private static int minorUnits(String currency, String field) {
        IsoText.currency(currency, field);
        return MinorUnits.of(currency).orElseThrow(() ->
                new IllegalArgumentException(field + " " + currency + " is not in the ISO 4217 table"));
    }

    /** The amount with exactly the currency's minor-unit digits; never rounded here (conversion rounds). */
    static BigDecimal amount(BigDecimal amount, int digits, String about) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException(about + " amount must be positive");
        }
        BigDecimal scaled;
        try {
            scaled = amount.setScale(digits, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException moreDigits) {
            throw new IllegalArgumentException(about + " amount has more decimals than the currency's " + digits);
        }
        if (scaled.precision() > MAX_TOTAL_DIGITS) {
            throw new IllegalArgumentException(about + " amount has more than " + MAX_TOTAL_DIGITS + " digits");
        }
        return scaled;
    }

    private static String count(long count, String field) {
        if (count < 1 || count > 999_999_999_999_999L) {
            throw new IllegalArgumentException(field + " must be 1 to 15 digits, got " + count);
        }
        return Long.toString(count);
    }

    private static BigDecimal controlSum(BigDecimal sum, String field) {
        if (sum == null || sum.signum() <= 0) {
            throw new IllegalArgumentException(field + " must be positive");
        }
        if (sum.scale() > 17 || sum.precision() > MAX_TOTAL_DIGITS) {
            throw new IllegalArgumentException(field + " exceeds 18 digits / 17 decimals");
        }
        return sum;
    }

    /** What was actually streamed, to compare with what the headers announced. */
    private static final class Tally {
        long count;
        BigDecimal sum = BigDecimal.ZERO;

        void add(BigDecimal amount) {
            count++;
            sum = sum.add(amount);
        }

        void add(Tally other) {
            count += other.count;
            sum = sum.add(other.sum);
        }

        void requireEqual(long announcedCount, BigDecimal announcedSum, String where) {
            if (count != announcedCount || sum.compareTo(announcedSum) != 0) {
                throw new ControlTotalsMismatch(where + " announced NbOfTxs " + announcedCount + " CtrlSum "
                        + announcedSum.toPlainString() + " but holds " + count + " transactions summing "
                        + sum.toPlainString() + "; the file written is not to be used");
            }
        }
    }

    /** Carries a marshalling failure out of the transfer source's callback. */
    private static final class MarshalFailure extends RuntimeException {
        MarshalFailure(JAXBException cause) {
            super(cause);
        }
    }
}

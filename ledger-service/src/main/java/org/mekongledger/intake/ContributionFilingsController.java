package org.mekongledger.intake;

import org.mekongledger.rulelibrary.LegalBases;
import org.mekongledger.rulelibrary.RuleLibrary;

import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import java.math.BigDecimal;

import org.mekongledger.api.FileContributions;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.Violation;
import org.mekongledger.vocabulary.FeePayer;
import org.mekongledger.web.contract.model.FilingLineRequest;
import org.mekongledger.api.ReverseFiling;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.axon.LedgerCommands;
import org.mekongledger.filing.FilingReceipt;
import org.mekongledger.filing.FilingReversalReceipt;
import org.mekongledger.intake.FilingHeaders.FilingHeader;
import org.mekongledger.ledger.LedgerQueries;
import org.mekongledger.web.contract.ContributionFilingsApi;
import org.mekongledger.web.contract.model.ContributionFiling;
import org.mekongledger.web.contract.model.ContributionFilingRequest;
import org.mekongledger.web.contract.model.FilingReversal;
import org.mekongledger.web.contract.model.FilingReversalRequest;
import org.mekongledger.web.contract.model.Scheme;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ContributionFilingsController implements ContributionFilingsApi {

    private final LedgerCommands commands;
    private final FilingHeaders headers;
    private final LedgerQueries ledger;

    private final RuleLibrary rules;

    ContributionFilingsController(LedgerCommands commands, FilingHeaders headers, LedgerQueries ledger,
                                  RuleLibrary rules) {
        this.commands = commands;
        this.headers = headers;
        this.ledger = ledger;
        this.rules = rules;
    }

    @Override
    public ResponseEntity<ContributionFiling> fileContributions(ContributionFilingRequest request, String idempotencyKey) {
        String filingId = UUID.randomUUID().toString();
        FilingReceipt receipt = commands.send(new FileContributions(filingId, request.getScheme().getValue(),
                request.getEmployerAccount(), YearMonth.parse(request.getPeriod()), lines(request.getLines())));
        ContributionFiling body = filing(filingId, ContributionFiling.StatusEnum.ACCEPTED, request.getScheme().getValue(),
                request.getEmployerAccount(), request.getPeriod(), receipt.ruleSetVersion(), receipt.currency(),
                receipt.lines()).employerProvince(receipt.employerProvince()).versionReason(receipt.versionReason());
        withBasis(body);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(java.net.URI.create("/api/v1/contribution-filings/" + filingId))
                .body(body);
    }

    @Override
    public ResponseEntity<ContributionFiling> getContributionFiling(String filingId) {
        return ResponseEntity.ok(read(filingId));
    }

    /**
     * Answers from what the reversal recorded: the read models follow asynchronously and may not
     * know the filing yet. When they already do, its acceptance and the reversal's stamp come from there.
     */
    @Override
    public ResponseEntity<ContributionFiling> reverseContributionFiling(String filingId, FilingReversalRequest request,
                                                                        String idempotencyKey) {
        FilingReversalReceipt receipt = commands.send(new ReverseFiling(filingId, request.getReason()));
        ContributionFiling filing = filing(filingId, ContributionFiling.StatusEnum.REVERSED, receipt.scheme(),
                receipt.employerAccount(), receipt.period().toString(), receipt.ruleSetVersion(), receipt.currency(),
                receipt.lines());
        java.util.Optional<FilingHeader> header = headers.header(filingId);
        header.ifPresent(h -> filing.acceptedAt(h.filedAt().atOffset(ZoneOffset.UTC)).filedBy(h.filedBy())
                .employerProvince(h.employerProvince()).versionReason(h.versionReason()));
        withBasis(filing);
        if (header.isPresent() && header.get().reversedAt() != null) {
            filing.reversal(new FilingReversal().reason(header.get().reversalReason())
                    .reversedAt(header.get().reversedAt().atOffset(ZoneOffset.UTC))
                    .reversedBy(header.get().reversedBy()));
        } else {
            filing.reversal(new FilingReversal().reason(receipt.reason())
                    .reversedAt(java.time.OffsetDateTime.now(ZoneOffset.UTC))
                    .reversedBy(LedgerCommands.currentActor()));
        }
        return ResponseEntity.ok(filing);
    }

    private ContributionFiling read(String filingId) {
        FilingHeader header = headers.header(filingId)
                .orElseThrow(() -> new UnknownRecord("contribution filing", filingId));
        ContributionFiling filing = filing(filingId, ContributionFiling.StatusEnum.fromValue(header.status()),
                header.scheme(), header.employerAccount(), header.period(), header.ruleSetVersion(), header.currency(),
                ledger.filingLines(filingId))
                .acceptedAt(header.filedAt().atOffset(ZoneOffset.UTC))
                .filedBy(header.filedBy())
                .employerProvince(header.employerProvince())
                .versionReason(header.versionReason());
        withBasis(filing);
        if (header.reversedAt() != null) {
            filing.reversal(new FilingReversal().reason(header.reversalReason())
                    .reversedAt(header.reversedAt().atOffset(ZoneOffset.UTC))
                    .reversedBy(header.reversedBy()));
        }
        return filing;
    }

    /**
     * The request's lines as the published language's kinds: a line with a wage is a wage line, one
     * naming only a payer a fee line, one with neither a wage line without its wage. Whether the kind
     * fits the scheme is the intake's to say (a wage line in a welfare fund's filing lacks its payer).
     */
    /**
     * Each request line as the one kind it is. A line with both a wage and a payer is refused: taking
     * either would silently drop what the employer declared in the other.
     */
    private static List<FileContributions.Line> lines(List<FilingLineRequest> requested) {
        List<Violation> ambiguous = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (requested.get(i).getWage() != null && requested.get(i).getPayer() != null) {
                ambiguous.add(new Violation("lines[" + i + "]",
                        "a line carries a wage (contributions) or a payer (a welfare-fund fee), not both"));
            }
        }
        if (!ambiguous.isEmpty()) {
            throw new RequestRefused(ambiguous);
        }
        List<FileContributions.Line> lines = new ArrayList<>(requested.size());
        for (FilingLineRequest line : requested) {
            if (line.getPayer() != null) {
                lines.add(new FileContributions.FeeLine(line.getWorkerId(), FeePayer.valueOf(line.getPayer().getValue())));
            } else {
                lines.add(new FileContributions.WageLine(line.getWorkerId(),
                        line.getWage() == null ? null : new BigDecimal(line.getWage())));
            }
        }
        return lines;
    }

    /**
     * What the filing's version rests on, on the filing and on each of its lines: a line priced under
     * an assumed rate says so wherever it is read.
     */
    private void withBasis(ContributionFiling filing) {
        rules.basis(filing.getScheme().getValue(), filing.getRuleSetVersion()).ifPresent(basis -> {
            filing.versionStatus(LegalBases.status(basis)).versionSource(LegalBases.citation(basis.source()))
                    .versionAssumption(basis.assumption());
            filing.getLines().forEach(line -> line.ruleSetVersion(filing.getRuleSetVersion())
                    .status(LegalBases.status(basis)).source(LegalBases.citation(basis.source())));
        });
    }

    private static ContributionFiling filing(String filingId, ContributionFiling.StatusEnum status, String scheme,
                                             String employerAccount, String period, String ruleSetVersion,
                                             String currency, List<FilingReceipt.Line> lines) {
        return new ContributionFiling()
                .filingId(filingId)
                .status(status)
                .scheme(Scheme.fromValue(scheme))
                .employerAccount(employerAccount)
                .period(period)
                .ruleSetVersion(ruleSetVersion)
                .currency(currency)
                .lines(FilingResponses.lines(lines, currency))
                .totals(FilingResponses.totals(lines, currency));
    }
}

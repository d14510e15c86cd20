package org.mekongledger.registry;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.mekongledger.api.Contact;
import org.mekongledger.api.DocumentType;
import org.mekongledger.api.IdentityDocument;
import org.mekongledger.api.LinkDocument;
import org.mekongledger.api.RegisterWorker;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.Sex;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.api.Violation;
import org.mekongledger.audit.AuditTrail;
import org.mekongledger.axon.LedgerCommands;
import org.mekongledger.security.Officer;
import org.mekongledger.web.PlausibleDates;
import org.mekongledger.web.contract.WorkersApi;
import org.mekongledger.web.contract.model.DocumentLinked;
import org.mekongledger.web.contract.model.Worker;
import org.mekongledger.web.contract.model.WorkerList;
import org.mekongledger.web.contract.model.WorkerRegistered;
import org.mekongledger.web.contract.model.WorkerRegistration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class WorkersController implements WorkersApi {

    /** What a list or look-up read, as the audit trail names it (the query, a document number, is left out). */
    private static final String LIST_PATH = "/api/v1/workers";

    private final LedgerCommands commands;
    private final WorkerQueries workers;
    private final Clock clock;
    private final AuditTrail audit;

    WorkersController(LedgerCommands commands, WorkerQueries workers, Clock clock, AuditTrail audit) {
        this.commands = commands;
        this.workers = workers;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public ResponseEntity<WorkerRegistered> registerWorker(WorkerRegistration request, String idempotencyKey) {
        List<Violation> violations = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (request.getDateOfBirth().isAfter(today)) {
            violations.add(new Violation("dateOfBirth", "the date of birth is in the future"));
        } else {
            PlausibleDates.within("dateOfBirth", request.getDateOfBirth(), PlausibleDates.EARLIEST, today, violations);
        }
        for (int i = 0; i < request.getDocuments().size(); i++) {
            validUntil("documents[" + i + "].validUntil", request.getDocuments().get(i), violations);
        }
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
        String workerId = UUID.randomUUID().toString();
        commands.send(new RegisterWorker(workerId, request.getGivenName().strip(), request.getFamilyName().strip(),
                request.getDateOfBirth(), Sex.valueOf(request.getSex().getValue()), request.getNationality(),
                request.getDocuments().stream().map(WorkersController::document).toList(),
                request.getContacts() == null ? List.of() : request.getContacts().stream()
                        .map(c -> new Contact(c.getChannel().getValue(), c.getValue())).toList()));
        return ResponseEntity.created(URI.create("/api/v1/workers/" + workerId))
                .body(new WorkerRegistered().workerId(workerId));
    }

    @Override
    public ResponseEntity<Worker> getWorker(String workerId) {
        return ResponseEntity.ok(workers.worker(workerId).orElseThrow(() -> new UnknownRecord("worker", workerId)));
    }

    @Override
    public ResponseEntity<WorkerList> findWorkers(org.mekongledger.web.contract.model.DocumentType documentType,
                                                  String documentNumber, String issuingCountry, Integer page,
                                                  Integer size) {
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? 50 : size;
        boolean byDocument = documentType != null || documentNumber != null || issuingCountry != null;
        // an embassy officer's list and look-up hold its nationals only; each one returned is a recorded read
        Officer officer = Officer.current();
        if (!byDocument) {
            List<Worker> listed = workers.page(pageNumber, pageSize, officer.limitedTo());
            audit.recordReads(officer, listed.stream().map(Worker::getWorkerId).toList(), LIST_PATH);
            return ResponseEntity.ok(new WorkerList().workers(listed).page(pageNumber).size(pageSize));
        }
        List<Violation> missing = new ArrayList<>();
        if (documentType == null) {
            missing.add(new Violation("documentType", "required when searching by document"));
        }
        if (documentNumber == null || documentNumber.isBlank()) {
            missing.add(new Violation("documentNumber", "required when searching by document"));
        }
        if (issuingCountry == null) {
            missing.add(new Violation("issuingCountry", "required when searching by document"));
        }
        if (!missing.isEmpty()) {
            throw new RequestRefused(missing);
        }
        IdentityDocument wanted = new IdentityDocument(DocumentType.valueOf(documentType.getValue()), documentNumber,
                issuingCountry, null);
        List<Worker> found = workers.byDocument(wanted.key(), officer.limitedTo());
        audit.recordReads(officer, found.stream().map(Worker::getWorkerId).toList(), LIST_PATH);
        return ResponseEntity.ok(new WorkerList().workers(found).page(0).size(found.size()));
    }

    @Override
    public ResponseEntity<DocumentLinked> linkDocument(String workerId,
                                                       org.mekongledger.web.contract.model.IdentityDocument document,
                                                       String idempotencyKey) {
        List<Violation> violations = new ArrayList<>();
        validUntil("validUntil", document, violations);
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
        commands.send(new LinkDocument(workerId, document(document)));
        return ResponseEntity.status(HttpStatus.CREATED).body(new DocumentLinked().workerId(workerId).document(document));
    }

    private static void validUntil(String field, org.mekongledger.web.contract.model.IdentityDocument document,
                                   List<Violation> violations) {
        PlausibleDates.within(field, document.getValidUntil(), PlausibleDates.EARLIEST, PlausibleDates.SIMULATION_TO,
                violations);
    }

    private static IdentityDocument document(org.mekongledger.web.contract.model.IdentityDocument document) {
        return new IdentityDocument(DocumentType.valueOf(document.getType().getValue()), document.getNumber().strip(),
                document.getIssuingCountry(), document.getValidUntil());
    }
}

package org.mekongledger.console;

import java.util.Optional;

import org.mekongledger.audit.AuditTrail;
import org.mekongledger.security.Officer;
import org.mekongledger.web.contract.model.Worker;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The worker's printable statement at the embassy desk, in the worker's language with English
 * beside it. Scoped as the worker's page is: another nationality's worker is "not found", and the
 * read is recorded in the audit trail.
 */
@Controller
class ConsoleStatementController implements ConsolePage {

    private static final String READ = "console statement";

    private final VisibleWorkers workers;
    private final WorkerStatements statements;
    private final StatementPage page;
    private final AuditTrail audit;

    ConsoleStatementController(VisibleWorkers workers, WorkerStatements statements, StatementPage page, AuditTrail audit) {
        this.workers = workers;
        this.statements = statements;
        this.page = page;
        this.audit = audit;
    }

    @GetMapping("/console/workers/{id}/statement")
    @ResponseBody
    ResponseEntity<String> statement(@PathVariable("id") String workerId, @RequestParam Optional<String> lang) {
        Worker worker = workers.worker(workerId);
        // an unknown language at the desk falls back to the worker's own rather than refusing the page
        String language = StatementPage.LANGUAGES.contains(lang.orElse("")) ? lang.get()
                : StatementPage.language(Optional.empty(), worker.getNationality());
        audit.recordRead(Officer.current(), workerId, READ);
        return StatementResponses.page(workerId, page.render(statements.of(worker), language));
    }
}

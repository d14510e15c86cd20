package org.mekongledger.console;

import java.util.Optional;

import org.mekongledger.api.UnknownRecord;
import org.mekongledger.registry.WorkerQueries;
import org.mekongledger.web.contract.StatementsApi;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The worker's printable statement through the API, the very page the console prints. Embassy
 * scoping and the audit of the read come with the {@code workerId} path, as for every worker read.
 */
@RestController
@RequestMapping("/api/v1")
class StatementApiController implements StatementsApi {

    private final WorkerQueries workers;
    private final WorkerStatements statements;
    private final StatementPage page;

    StatementApiController(WorkerQueries workers, WorkerStatements statements, StatementPage page) {
        this.workers = workers;
        this.statements = statements;
        this.page = page;
    }

    @Override
    public ResponseEntity<String> getWorkerStatement(String workerId, String lang) {
        var worker = workers.worker(workerId).orElseThrow(() -> new UnknownRecord("worker", workerId));
        String language = StatementPage.language(Optional.ofNullable(lang), worker.getNationality());
        return StatementResponses.page(workerId, page.render(statements.of(worker), language));
    }
}

package org.mekongledger.console;

import org.mekongledger.api.UnknownRecord;
import org.mekongledger.registry.WorkerQueries;
import org.mekongledger.security.Officer;
import org.mekongledger.web.contract.model.Worker;
import org.springframework.stereotype.Component;

/**
 * The one place the console checks an officer against a worker: an embassy officer sees only their
 * nationals, and another nationality's worker is "not found", exactly as an unknown one (as in the API).
 */
@Component
class VisibleWorkers {

    private final WorkerQueries workers;

    VisibleWorkers(WorkerQueries workers) {
        this.workers = workers;
    }

    /** @throws UnknownRecord no such worker, or one the signed-in officer may not see */
    Worker worker(String workerId) {
        Officer officer = Officer.current();
        return workers.worker(workerId).filter(w -> officer.sees(w.getNationality()))
                .orElseThrow(() -> new UnknownRecord("worker", workerId));
    }
}

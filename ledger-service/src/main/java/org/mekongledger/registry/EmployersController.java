package org.mekongledger.registry;

import java.net.URI;

import org.mekongledger.api.RegisterEmployer;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.axon.LedgerCommands;
import org.mekongledger.web.contract.EmployersApi;
import org.mekongledger.web.contract.model.Employer;
import org.mekongledger.web.contract.model.EmployerRegistration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class EmployersController implements EmployersApi {

    private final LedgerCommands commands;
    private final EmployerDirectory directory;

    EmployersController(LedgerCommands commands, EmployerDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    @Override
    public ResponseEntity<Employer> registerEmployer(EmployerRegistration request, String idempotencyKey) {
        commands.send(new RegisterEmployer(request.getEmployerAccount(), request.getName().strip()));
        return ResponseEntity.created(URI.create("/api/v1/employers/" + request.getEmployerAccount()))
                .body(new Employer().employerAccount(request.getEmployerAccount()).name(request.getName().strip()));
    }

    @Override
    public ResponseEntity<Employer> getEmployer(String employerAccount) {
        return ResponseEntity.ok(directory.employer(employerAccount)
                .orElseThrow(() -> new UnknownRecord("employer", employerAccount)));
    }
}

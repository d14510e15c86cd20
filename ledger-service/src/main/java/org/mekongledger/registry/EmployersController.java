package org.mekongledger.registry;

import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;

import org.mekongledger.api.RelocateEmployer;
import org.mekongledger.web.contract.model.EmployerProvince;
import org.mekongledger.web.contract.model.EmployerRelocation;

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
        commands.send(new RegisterEmployer(request.getEmployerAccount(), request.getName().strip(),
                request.getProvince()));
        Employer registered = new Employer().employerAccount(request.getEmployerAccount()).name(request.getName().strip())
                .province(request.getProvince())
                .provinces(List.of(EmployerDirectory.province(EmployerDirectory.FROM_THE_START, request.getProvince())));
        return ResponseEntity.created(URI.create("/api/v1/employers/" + request.getEmployerAccount())).body(registered);
    }

    @Override
    public ResponseEntity<Employer> relocateEmployer(String employerAccount, EmployerRelocation request,
                                                     String idempotencyKey) {
        SortedMap<YearMonth, String> provinces = commands.send(new RelocateEmployer(employerAccount,
                request.getProvince(), YearMonth.parse(request.getFrom())));
        // the directory may not have caught up with the move yet: answer the provinces from the employer itself
        Employer employer = directory.employer(employerAccount).orElseGet(() -> new Employer().employerAccount(employerAccount));
        List<EmployerProvince> byMonth = EmployerDirectory.provinces(provinces);
        return ResponseEntity.ok(employer.provinces(byMonth).province(directory.provinceToday(byMonth)));
    }

    @Override
    public ResponseEntity<Employer> getEmployer(String employerAccount) {
        return ResponseEntity.ok(directory.employer(employerAccount)
                .orElseThrow(() -> new UnknownRecord("employer", employerAccount)));
    }
}

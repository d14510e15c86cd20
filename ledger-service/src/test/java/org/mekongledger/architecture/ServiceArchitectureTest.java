package org.mekongledger.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the service's capabilities apart and the domain free of infrastructure. */
class ServiceArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mekongledger");

    @Test
    void theDomainImportsNoSpringAndNothingOfTheService() {
        noClasses().that().resideInAnyPackage("org.mekongledger.api..", "org.mekongledger.account..",
                        "org.mekongledger.employer..", "org.mekongledger.filing..", "org.mekongledger.contribution..",
                        "org.mekongledger.entitlement..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.mekongledger.web..",
                        "org.mekongledger.registry..", "org.mekongledger.intake..", "org.mekongledger.ledger..",
                        "org.mekongledger.registry..", "org.mekongledger.axon..", "org.mekongledger.security..")
                .check(CLASSES);
    }

    @Test
    void capabilitiesDoNotDependOnEachOtherInCycles() {
        slices().matching("org.mekongledger.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theGeneratedContractIsUsedOnlyAtTheEdge() {
        noClasses().that().resideInAnyPackage("org.mekongledger.axon..", "org.mekongledger.security..",
                        "org.mekongledger.demo..")
                .should().dependOnClassesThat().resideInAPackage("org.mekongledger.web.contract..")
                .check(CLASSES);
    }

    @Test
    void controllersSendCommandsThroughLedgerCommandsNotTheRawGateway() {
        classes().that().haveSimpleNameEndingWith("Controller")
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("org.axonframework.commandhandling.gateway..")
                .check(CLASSES);
    }
}

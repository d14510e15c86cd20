package org.mekongledger.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The module map of the whole system, checked against the code: every package of
 * {@code org.mekongledger} (the domain jar, the service and the generated contract) is a module on
 * the map, and a module uses only the modules the map allows it. A new package fails the test until
 * it is placed on the map; a new dependency fails it until the map allows it, on purpose.
 */
class ModuleMapTest {

    /**
     * The module map: module (package under {@code org.mekongledger}; a class belongs to the longest
     * that contains it) and the modules it may use. One line per module; adjust here, nowhere else.
     */
    private static final Map<String, Set<String>> MODULE_MAP = map(
            // --- ledger-domain: the published language and the business rules; plain Java and Axon, no Spring
            module("vocabulary"),                                   // words the messages and the rules share: Party, Branch, PartyShare, FeePayer, LifeEventType
            module("api", "vocabulary"),                            // published language: commands, events, refusals; stored events depend on nothing else
            module("contribution", "vocabulary"),                   // contribution rule sets and each party's share of a wage
            module("entitlement", "vocabulary", "contribution"),    // entitlement rule sets, the case of a worker and the engine that answers it
            module("ruleset", "api", "vocabulary", "contribution", "entitlement"), // the catalogue of rule sets (their kinds and versions) and its amendments
            module("claim", "api", "payment"),                      // benefit-claim policies: the claim life cycle, payee checks, payee name match, payment instructions
            module("payment"),                                      // paying abroad: ISO 4217 minor units, conversion at a fund's rate
            module("account", "api", "vocabulary", "contribution", "claim"), // aggregate: a worker's account (identity, documents, insured months, claims)
            module("employer", "api", "vocabulary"),                // aggregate: an employer
            module("filing", "api", "vocabulary", "account", "employer", "contribution", "entitlement", "ruleset"), // aggregate: a contribution filing, priced line by line
            // --- the generated REST contract (api-specs): interfaces and models from ledger-api.yaml
            module("web.contract"),                                 // generated: only the edge (controllers) may use it
            // --- ledger-service: infrastructure
            module("", "database"),                                 // LedgerServiceApplication: the Spring Boot entry point
            module("database"),                                     // the first minute: an embedded PostgreSQL when no database is configured
            module("axon"),                                         // event store, processors, LedgerCommands (retries), clock
            module("web", "api", "axon"),                           // HTTP edge shared by the capabilities: problem+json, limits, idempotency
            module("security", "web"),                              // users, sign-in, login throttle
            module("monitoring", "api", "axon"),                    // projection health and metrics
            // --- ledger-service: capabilities (one REST resource family each, no cycles between them)
            module("audit", "api", "axon", "web", "web.contract", "security"),      // the audit trail: every event, and embassy officers' reads of workers; REST for auditors
            module("registry", "api", "vocabulary", "account", "employer", "axon", "web", "web.contract", "security",
                    "audit"),                                                           // workers and employers: registration, documents, directory queries
            module("access", "api", "vocabulary", "web", "security", "registry", "audit"), // embassy scoping: the guard on every path naming a worker, the mandate
            module("ledger", "api", "vocabulary", "filing", "contribution", "axon", "web", "web.contract", "monitoring",
                    "registry"),                                                        // the journal of filing lines (wages, fees) and benefits, its queries, reconciliation and run summaries; reads back receipts
            module("rulelibrary", "api", "vocabulary", "contribution", "entitlement", "ruleset", "axon", "web", "web.contract"), // rule sets in force: shipped and amended, REST
            module("intake", "api", "vocabulary", "filing", "account", "employer", "contribution", "entitlement", "ruleset",
                    "axon", "web", "web.contract", "ledger", "rulelibrary"),            // filings REST and the period register
            module("assessment", "api", "vocabulary", "contribution", "entitlement", "ruleset", "axon", "web", "web.contract",
                    "registry", "ledger", "rulelibrary", "security", "access"),                              // entitlements: a worker's history and the engine's answers
            module("claims", "api", "vocabulary", "entitlement", "axon", "web", "web.contract", "security", "registry",
                    "assessment", "access", "audit", "rulelibrary"),                                                      // benefit claims: filing (assessed by the engine), decisions, read model
            module("fx", "api", "payment", "axon", "web", "web.contract", "security"),     // exchange rates the fund pays at, set by the fund administrator
            module("settlement", "api", "account", "payment", "axon", "web", "web.contract", "security", "claims", "fx"), // what the settlement batch reads and reports: payable claims, instructions, bank outcomes
            module("demo", "api", "vocabulary", "filing", "axon"),                  // the demo profile's seeded population
            module("console", "api", "vocabulary", "entitlement", "registry", "assessment", "rulelibrary", "audit",
                    "security", "web", "web.contract", "claims", "ledger", "axon", "claim"));  // the embassy officers' console: server-rendered pages, the worker's printable statement

    private static final Set<String> DOMAIN = Set.of(
            "vocabulary", "api", "contribution", "entitlement", "ruleset", "claim", "payment", "account", "employer", "filing");

    private static final Set<String> CAPABILITIES = Set.of("registry", "ledger", "rulelibrary", "intake", "assessment", "claims", "fx",
            "settlement");

    private static final String ROOT = "org.mekongledger";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    // --- the map against the code -------------------------------------------------------------------

    @Test
    void everyClassIsInAModuleOnTheMap() {
        classes().that().resideInAPackage(ROOT + "..")
                .should(new ArchCondition<JavaClass>("reside in a module of the module map") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        if (moduleOf(item).isEmpty()) {
                            events.add(SimpleConditionEvent.violated(item, "package " + item.getPackageName()
                                    + " is on no module of the map: add it to MODULE_MAP in ModuleMapTest ("
                                    + item.getName() + ")"));
                        }
                    }
                })
                .check(CLASSES);
    }

    @Test
    void everyModuleUsesOnlyTheModulesTheMapAllows() {
        classes().that().resideInAPackage(ROOT + "..")
                .should(new ArchCondition<JavaClass>("use only the modules the module map allows") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        Optional<String> from = moduleOf(item);
                        if (from.isEmpty()) {
                            return; // reported by everyClassIsInAModuleOnTheMap
                        }
                        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                            Optional<String> to = moduleOf(dependency.getTargetClass());
                            if (to.isEmpty() || to.equals(from) || MODULE_MAP.get(from.get()).contains(to.get())) {
                                continue;
                            }
                            events.add(SimpleConditionEvent.violated(dependency, "module " + display(from.get())
                                    + " may not use module " + display(to.get()) + ": " + dependency.getDescription()));
                        }
                    }
                })
                .check(CLASSES);
    }

    @Test
    void everyModuleOnTheMapExists() {
        Set<String> present = new HashSet<>();
        CLASSES.stream().map(ModuleMapTest::moduleOf).flatMap(Optional::stream).forEach(present::add);
        assertThat(MODULE_MAP.keySet()).as("modules on the map without a class: remove or rename them")
                .allSatisfy(module -> assertThat(present).as(display(module)).contains(module));
    }

    // --- the map itself -----------------------------------------------------------------------------

    @Test
    void theMapAllowsOnlyModulesOnTheMap() {
        MODULE_MAP.forEach((module, allowed) -> assertThat(MODULE_MAP.keySet())
                .as("modules " + display(module) + " may use").containsAll(allowed));
    }

    @Test
    void theDomainMayUseNothingOfTheServiceAndThePublishedLanguageOnlyVocabulary() {
        DOMAIN.forEach(module -> assertThat(DOMAIN).as("modules the domain module " + module + " may use")
                .containsAll(MODULE_MAP.get(module)));
        assertThat(MODULE_MAP.get("vocabulary")).isEmpty();
        assertThat(MODULE_MAP.get("api")).containsExactly("vocabulary");
        assertThat(MODULE_MAP.get("web.contract")).isEmpty();
    }

    @Test
    void theMapHasNoCycles() {
        List<String> cycles = new ArrayList<>();
        for (String start : MODULE_MAP.keySet()) {
            if (reaches(start, start, new HashSet<>())) {
                cycles.add(display(start));
            }
        }
        assertThat(cycles).as("modules that may reach themselves through the map").isEmpty();
        assertThat(CAPABILITIES).allSatisfy(module -> assertThat(MODULE_MAP).containsKey(module));
    }

    // --- rules kept from before the map ---------------------------------------------------------------

    @Test
    void theDomainImportsNoSpringAndNothingOfTheService() {
        noClasses().that().resideInAnyPackage(packages(DOMAIN))
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .orShould().dependOnClassesThat().resideInAnyPackage(packages(serviceModules()))
                .check(CLASSES);
    }

    @Test
    void capabilitiesDoNotDependOnEachOtherInCycles() {
        slices().matching("org.mekongledger.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theGeneratedContractIsUsedOnlyAtTheEdge() {
        noClasses().that().resideInAnyPackage("org.mekongledger.axon..", "org.mekongledger.security..",
                        "org.mekongledger.demo..", "org.mekongledger.monitoring..")
                .or().resideInAnyPackage(packages(DOMAIN))
                .should().dependOnClassesThat().resideInAPackage("org.mekongledger.web.contract..")
                .check(CLASSES);
    }

    @Test
    void controllersSendCommandsThroughLedgerCommandsNotTheRawGateway() {
        classes().that().haveSimpleNameEndingWith("Controller")
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("org.axonframework.commandhandling.gateway..")
                .check(CLASSES);
    }

    // -------------------------------------------------------------------------------------------------

    /** The module of a class: the longest module on the map whose package contains the class's. */
    private static Optional<String> moduleOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.equals(ROOT) && !name.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        String relative = name.equals(ROOT) ? "" : name.substring(ROOT.length() + 1);
        return MODULE_MAP.keySet().stream()
                .filter(module -> module.equals(relative) || (!module.isEmpty() && relative.startsWith(module + ".")))
                .max(Comparator.comparingInt(String::length));
    }

    private static boolean reaches(String from, String target, Set<String> seen) {
        for (String next : MODULE_MAP.getOrDefault(from, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(next, target, seen))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> serviceModules() {
        Set<String> service = new TreeSet<>(MODULE_MAP.keySet());
        service.removeAll(DOMAIN);
        service.remove(""); // the root package would match everything
        return service;
    }

    private static String[] packages(Set<String> modules) {
        return modules.stream().map(module -> ROOT + "." + module + "..").toArray(String[]::new);
    }

    private static String display(String module) {
        return module.isEmpty() ? "(root) " + ROOT : module;
    }

    private static Map.Entry<String, Set<String>> module(String name, String... mayUse) {
        return Map.entry(name, Set.of(mayUse));
    }

    @SafeVarargs
    private static Map<String, Set<String>> map(Map.Entry<String, Set<String>>... modules) {
        Map<String, Set<String>> map = new TreeMap<>();
        for (Map.Entry<String, Set<String>> module : modules) {
            if (map.put(module.getKey(), module.getValue()) != null) {
                throw new IllegalStateException("module " + module.getKey() + " is on the map twice");
            }
        }
        return Map.copyOf(map);
    }
}

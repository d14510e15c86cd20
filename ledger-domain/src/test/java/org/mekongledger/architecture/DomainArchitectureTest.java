package org.mekongledger.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The promises of the domain module a compiler cannot check. The service module is not on this
 * module's classpath, so importing {@code org.mekongledger} here imports exactly the domain.
 */
class DomainArchitectureTest {

    private static final String API = "org.mekongledger.api..";

    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mekongledger");

    @Test
    void theImportIsTheWholeDomainAndNothingElse() {
        assertThat(DOMAIN.stream().map(JavaClass::getPackageName).distinct()).containsExactlyInAnyOrder(
                "org.mekongledger.account", "org.mekongledger.api", "org.mekongledger.claim", "org.mekongledger.contribution",
                "org.mekongledger.employer", "org.mekongledger.entitlement", "org.mekongledger.filing", "org.mekongledger.payment",
                "org.mekongledger.ruleset", "org.mekongledger.vocabulary");
        assertThat(DOMAIN.contain("org.mekongledger.filing.FilingIntake")).isTrue();
    }

    @Test
    void theDomainKnowsNoSpringAndNoDatabase() {
        noClasses().that().resideInAPackage("org.mekongledger..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "java.sql..", "javax.sql..")
                .because("storage and wiring belong to the service module; the domain runs on Axon alone")
                .check(DOMAIN);
    }

    @Test
    void moneyIsNeverTurnedIntoADouble() {
        noClasses().that().resideInAPackage("org.mekongledger..")
                .should().callConstructor(java.math.BigDecimal.class, double.class)
                .orShould().callMethod(java.math.BigDecimal.class, "valueOf", double.class)
                .orShould().callMethod(java.math.BigDecimal.class, "doubleValue")
                .because("the brief says BigDecimal only, never double")
                .check(DOMAIN);
    }

    @Test
    void commandsAndEventsDependOnNoAggregate() {
        noClasses().that().resideInAPackage(API)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.mekongledger.account..", "org.mekongledger.filing..", "org.mekongledger.employer..")
                .because("commands and events are the published language; aggregates use them, not the reverse")
                .check(DOMAIN);
    }

    @Test
    void everyMessageTypeInTheApiIsARecord() {
        classes().that().resideInAPackage(API)
                .and().areNotEnums()
                .and().areNotAssignableTo(Throwable.class)
                .and().areNotInterfaces()
                .and(new com.tngtech.archunit.base.DescribedPredicate<JavaClass>("are not families of records") {
                    @Override
                    public boolean test(JavaClass type) {
                        return !isFamilyOfRecords(type.reflect());
                    }
                })
                .should().beRecords()
                .because("commands and events are immutable values compared by content")
                .check(DOMAIN);
    }

    /**
     * A holder grouping one family of messages (ClaimCommands, ClaimEvents): final, never made, no state
     * but constants, and every class in it a record. It is a namespace, not a message.
     */
    private static boolean isFamilyOfRecords(Class<?> type) {
        int modifiers = type.getModifiers();
        boolean neverMade = java.util.Arrays.stream(type.getDeclaredConstructors())
                .allMatch(constructor -> java.lang.reflect.Modifier.isPrivate(constructor.getModifiers()));
        boolean onlyConstants = java.util.Arrays.stream(type.getDeclaredFields())
                .allMatch(field -> java.lang.reflect.Modifier.isStatic(field.getModifiers())
                        && java.lang.reflect.Modifier.isFinal(field.getModifiers()));
        return type.getDeclaringClass() == null && java.lang.reflect.Modifier.isFinal(modifiers) && neverMade
                && onlyConstants && type.getDeclaredClasses().length > 0
                && java.util.Arrays.stream(type.getDeclaredClasses()).allMatch(Class::isRecord);
    }

    /** A family of message parts (a filing's kinds of line) is closed, and each member is a record. */
    @Test
    void everyInterfaceInTheApiIsASealedFamilyOfRecords() {
        classes().that().resideInAPackage(API).and().areInterfaces()
                .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>(
                        "be sealed, permitting records only") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaClass type,
                                      com.tngtech.archunit.lang.ConditionEvents events) {
                        Class<?> reflected = type.reflect();
                        boolean sealedRecords = reflected.isSealed()
                                && java.util.Arrays.stream(reflected.getPermittedSubclasses()).allMatch(Class::isRecord);
                        if (!sealedRecords) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(type,
                                    type.getName() + " is not a sealed family of records"));
                        }
                    }
                })
                .because("commands and events are immutable values compared by content")
                .check(DOMAIN);
    }

    @Test
    void everyCommandHandledIsARecordFromTheApi() {
        codeUnits().that().areAnnotatedWith(CommandHandler.class)
                .should(takeAsFirstParameter("a command", "a record in " + API))
                .check(DOMAIN);
    }

    @Test
    void everyEventAnAggregateIsSourcedFromIsARecordFromTheApi() {
        codeUnits().that().areAnnotatedWith(EventSourcingHandler.class)
                .should(takeAsFirstParameter("an event", "a record in " + API))
                .check(DOMAIN);
    }

    private static ArchCondition<JavaCodeUnit> takeAsFirstParameter(String what, String expected) {
        return new ArchCondition<>("take " + what + " that is " + expected + " as first parameter") {
            @Override
            public void check(JavaCodeUnit handler, ConditionEvents events) {
                List<JavaClass> parameters = handler.getRawParameterTypes();
                boolean satisfied = !parameters.isEmpty()
                        && parameters.get(0).isRecord()
                        && parameters.get(0).getPackageName().equals("org.mekongledger.api");
                String found = parameters.isEmpty() ? "no parameter" : parameters.get(0).getName();
                events.add(new SimpleConditionEvent(handler, satisfied,
                        handler.getFullName() + " takes " + found + ", expected " + expected));
            }
        };
    }
}

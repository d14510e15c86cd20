package org.mekongledger.contribution;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Guards the promises of this package that a compiler cannot check. */
class ContributionArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mekongledger.contribution");

    @Test
    void isPureJavaWithoutSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("the domain module must stay framework free")
                .check(MAIN);
    }

    @Test
    void neverTurnsMoneyIntoDouble() {
        noClasses().should().callConstructor(BigDecimal.class, double.class)
                .orShould().callMethod(BigDecimal.class, "valueOf", double.class)
                .orShould().callMethod(BigDecimal.class, "doubleValue")
                .because("the brief says BigDecimal only, never double")
                .check(MAIN);
    }

    @Test
    void takesItsDatesOnlyFromRuleSetData() {
        DescribedPredicate<JavaMethodCall> yearMonthFactory = DescribedPredicate.describe("a YearMonth factory",
                call -> call.getTargetOwner().isEquivalentTo(YearMonth.class)
                        && Set.of("of", "parse", "now").contains(call.getName()));

        noClasses().that().doNotHaveSimpleName("RuleSetVersionReader")
                .should().callMethodWhere(yearMonthFactory)
                .because("a change of law must be a data file, never a date written into code")
                .check(MAIN);
    }
}

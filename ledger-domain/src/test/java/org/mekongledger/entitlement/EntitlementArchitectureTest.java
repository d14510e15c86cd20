package org.mekongledger.entitlement;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Guards the promises of this package that a compiler cannot check. */
class EntitlementArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mekongledger.entitlement");

    @Test
    void readsNoFilesOnlyClasspathResources() {
        // Spring, SQL and money-as-double are ruled out for the whole domain in DomainArchitectureTest
        noClasses().should().dependOnClassesThat().resideInAPackage("java.nio.file..")
                .because("the engine is a pure function of its case and rule book; the only I/O is reading"
                        + " classpath resources at load time")
                .check(MAIN);
    }

    @Test
    void takesItsDatesOnlyFromRuleSetDataAndCases() {
        DescribedPredicate<JavaMethodCall> dateFactory = DescribedPredicate.describe("a date factory",
                call -> (call.getTargetOwner().isEquivalentTo(YearMonth.class)
                        || call.getTargetOwner().isEquivalentTo(LocalDate.class))
                        && Set.of("of", "parse", "now").contains(call.getName()));

        // the one place that parses dates out of rule-set files is org.mekongledger.ruleset
        noClasses().should().callMethodWhere(dateFactory)
                .because("a change of law must be a data file, never a date written into code")
                .check(MAIN);
    }

    @Test
    void keepsFormattingAndRegularExpressionsOutOfTheHotPath() {
        DescribedPredicate<JavaMethodCall> slowText = DescribedPredicate.describe("String.format or a regex",
                call -> (call.getTargetOwner().isEquivalentTo(String.class)
                        && Set.of("format", "formatted", "matches", "replaceAll", "split").contains(call.getName()))
                        || call.getTargetOwner().getPackageName().equals("java.util.regex"));

        // rule-set files are parsed in org.mekongledger.ruleset, at load time
        noClasses().should().callMethodWhere(slowText)
                .because("the engine must compute tens of thousands of cases a second; only loading may parse text")
                .check(MAIN);
    }
}

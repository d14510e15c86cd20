package org.mekongledger.contribution;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Guards this package's own promise; the domain-wide ones are in DomainArchitectureTest. */
class ContributionArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mekongledger.contribution");

    @Test
    void takesItsDatesOnlyFromRuleSetData() {
        DescribedPredicate<JavaMethodCall> yearMonthFactory = DescribedPredicate.describe("a YearMonth factory",
                call -> call.getTargetOwner().isEquivalentTo(YearMonth.class)
                        && Set.of("of", "parse", "now").contains(call.getName()));

        // the one place that parses dates out of rule-set files is org.mekongledger.ruleset
        noClasses().should().callMethodWhere(yearMonthFactory)
                .because("a change of law must be a data file, never a date written into code")
                .check(MAIN);
    }
}

package org.mekongledger.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.mekongledger.contribution.ContributionRuleSetVersion;

/**
 * docs/rules.md is the rule book as generated from the shipped files: a version added, changed or
 * removed without regenerating the page fails here. {@code -Drules.page.write=true} rewrites it.
 */
class RulesPageTest {

    private static final Path PAGE = Path.of("..", "docs", "rules.md");

    @Test
    void theCommittedRulesPageIsTheOneTheRuleSetFilesGive() throws IOException {
        String generated = RulesPage.markdown(RuleSetCatalogue.shipped());
        if (Boolean.getBoolean("rules.page.write")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        assertThat(PAGE).as("docs/rules.md: regenerate with -Drules.page.write=true").exists();
        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
                .as("docs/rules.md is out of date: regenerate with -Drules.page.write=true").isEqualTo(generated);
    }

    @Test
    void everyContributionVersionHasItsRowWithStatusAndSource() {
        String page = RulesPage.markdown(RuleSetCatalogue.shipped());
        for (ContributionRuleSetVersion v : RuleSetCatalogue.shipped().contributions().ruleSet("TH_SSF_S33")
                .orElseThrow().versions()) {
            assertThat(page).contains("| " + v.version() + " | " + v.effectiveFrom() + "..");
        }
        assertThat(page).contains("| 2020-09 | 2020-09..2020-11 | every employer | 2 (1.5 / 0.45 / 0.05)")
                .contains("**ASSUMED**").contains("**REPORTED**")
                .contains("| 2024-10-FLOOD | 2024-10..2025-03 | 55 provinces: ")
                .contains("| 2023-01 | 2023-01..2025-12 | every employer |");
    }
}

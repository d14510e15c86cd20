package org.mekongledger.ruleset;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.mekongledger.contribution.ContributionRuleSet;
import org.mekongledger.contribution.ContributionRuleSetVersion;
import org.mekongledger.entitlement.EntitlementRuleSet;
import org.mekongledger.entitlement.EntitlementRuleSetVersion;
import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.Citation;
import org.mekongledger.vocabulary.LegalBasis;
import org.mekongledger.vocabulary.Party;
import org.mekongledger.vocabulary.ThaiProvinces;

/**
 * The rule book as a page people read ({@code docs/rules.md}): every version of every rule set in a
 * table with its dates, rates, source and status. Written from the catalogue, never by hand, so the
 * page cannot say one thing while the files say another.
 */
public final class RulesPage {

    private RulesPage() {
    }

    public static String markdown(RuleSetCatalogue catalogue) {
        StringBuilder page = new StringBuilder();
        page.append("# The rule book\n\n")
                .append("Generated from the rule-set files in `ledger-domain/src/main/resources/rulesets` by ")
                .append("`RulesPageTest`; do not edit by hand (run `./mvnw -pl ledger-domain test -Dtest=RulesPageTest ")
                .append("-Drules.page.write=true` after changing a file).\n\n")
                .append("**Status**: VERIFIED = checked against the law itself; REPORTED = a secondary source ")
                .append("(law firm, accounting firm, news, US SSA) only; ASSUMED = not found, the assumption in words. ")
                .append("No version is VERIFIED yet: nobody on the team has read the gazette texts themselves.\n\n");
        for (String id : catalogue.contributions().schemes()) {
            contributions(page, catalogue.contributions().ruleSet(id).orElseThrow());
        }
        for (EntitlementRuleSet ruleSet : catalogue.entitlements().ruleSets()) {
            entitlements(page, ruleSet);
        }
        return page.toString();
    }

    private static void contributions(StringBuilder page, ContributionRuleSet ruleSet) {
        page.append("## ").append(ruleSet.id()).append(": contributions\n\n")
                .append("Rates in percent of the insurable wage, per branch: sickness, maternity, invalidity and death / ")
                .append("child allowance and old age / unemployment. The lump sum is built from the employee's and ")
                .append("the employer's child-allowance-and-old-age shares month by month.\n\n")
                .append("| Version | Months | Applies to | Employee | Employer | Government | Wage base | Status | Source | Assumption |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        List<ContributionRuleSetVersion> versions = ruleSet.versions();
        for (int i = 0; i < versions.size(); i++) {
            ContributionRuleSetVersion v = versions.get(i);
            String until = v.scoped() ? v.until().toString() : nextNational(versions, i);
            page.append("| ").append(v.version())
                    .append(" | ").append(v.effectiveFrom()).append("..").append(until)
                    .append(" | ").append(v.scoped() ? areas(v) : "every employer")
                    .append(" | ").append(rates(v, Party.EMPLOYEE))
                    .append(" | ").append(rates(v, Party.EMPLOYER))
                    .append(" | ").append(rates(v, Party.GOVERNMENT))
                    .append(" | ").append(plain(v.wageFloor())).append("-").append(plain(v.wageCeiling())).append(' ')
                    .append(v.currency().getCurrencyCode())
                    .append(" | ").append(basisCells(v.basis()))
                    .append(" |\n");
        }
        page.append('\n');
    }

    private static void entitlements(StringBuilder page, EntitlementRuleSet ruleSet) {
        page.append("## ").append(ruleSet.id()).append(": ").append(ruleSet.kind().name().toLowerCase().replace('_', ' '))
                .append(ruleSet.status().name().equals("MODEL") ? " (MODEL: not law)" : "").append("\n\n")
                .append("| Version | From | Parameters | Status | Source | Assumption |\n")
                .append("|---|---|---|---|---|---|\n");
        for (EntitlementRuleSetVersion v : ruleSet.versions()) {
            page.append("| ").append(v.version())
                    .append(" | ").append(v.effectiveFrom())
                    .append(" | ").append(cell(parameters(v.parameters())))
                    .append(" | ").append(basisCells(v.basis()))
                    .append(" |\n");
        }
        page.append('\n');
    }

    private static String nextNational(List<ContributionRuleSetVersion> versions, int index) {
        for (int j = index + 1; j < versions.size(); j++) {
            if (!versions.get(j).scoped()) {
                return versions.get(j).effectiveFrom().minusMonths(1).toString();
            }
        }
        return "";
    }

    private static String areas(ContributionRuleSetVersion v) {
        return v.areas().size() + " provinces: " + v.areas().stream().map(ThaiProvinces::label)
                .collect(Collectors.joining(", "));
    }

    private static String rates(ContributionRuleSetVersion v, Party party) {
        Map<Branch, BigDecimal> branches = v.ratesPercent().get(party);
        return plain(v.ratePercent(party)) + " (" + plain(branches.get(Branch.SICKNESS_MATERNITY_INVALIDITY_DEATH)) + " / "
                + plain(branches.get(Branch.CHILD_ALLOWANCE_OLD_AGE)) + " / " + plain(branches.get(Branch.UNEMPLOYMENT)) + ")";
    }

    private static String basisCells(LegalBasis basis) {
        StringBuilder sources = new StringBuilder(citation(basis.source()));
        for (Citation further : basis.furtherSources()) {
            sources.append("; also ").append(citation(further));
        }
        return "**" + basis.status() + "** | " + cell(sources.toString()) + " | "
                + cell(basis.assumption() == null ? "" : basis.assumption());
    }

    private static String citation(Citation c) {
        String title = c.title() + " (" + c.issuer() + ", " + c.date() + ")";
        return c.reference().startsWith("http") ? "[" + title + "](" + c.reference() + ")" : title + ", " + c.reference();
    }

    private static String parameters(Map<String, Object> parameters) {
        return parameters.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /** Text safe inside a table cell: no line breaks, no bare pipes. */
    private static String cell(String text) {
        return text.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}

package org.mekongledger.ruleset;

import org.mekongledger.contribution.ContributionRuleBook;
import org.mekongledger.contribution.ContributionRuleSet;
import org.mekongledger.contribution.ContributionRuleSetVersion;

import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.Party;
import org.mekongledger.vocabulary.PartyShare;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ContributionRuleSetFilesTest {

    private static final String S33 = "TH_SSF_S33";

    /** What the shipped data says; the engine itself is tested on fixtures elsewhere. */
    @Nested
    class ShippedData {

        private final ContributionRuleSet s33 = RuleSetFiles.shippedContributions().ruleSet(S33).orElseThrow();

        @Test
        void shipsSection33WithAllItsVersionsInOrder() {
            ContributionRuleBook book = RuleSetFiles.shippedContributions();

            assertThat(book.schemes()).contains(S33);
            assertThat(book.ruleSet("NO_SUCH_SCHEME")).isEmpty();
            assertThat(s33.versions()).extracting(ContributionRuleSetVersion::version)
                    .startsWith("1991-01", "1995-01", "1999-01", "2003-01", "2004-01", "2009-07", "2010-01")
                    .endsWith("2026-01", "2026-01-SOUTH", "2029-01", "2032-01");
            assertThat(s33.versions()).allSatisfy(v -> assertThat(v.basis().source().reference()).isNotBlank());
        }

        @Test
        void raisesTheCeilingIn2026ThroughDataAlone() {
            assertThat(ceiling("2025-12")).isEqualTo("15000.00");
            assertThat(ceiling("2026-01")).isEqualTo("17500.00");
            assertThat(ceiling("2028-12")).isEqualTo("17500.00");
            assertThat(ceiling("2029-01")).isEqualTo("20000.00");
            assertThat(ceiling("2031-12")).isEqualTo("20000.00");
            assertThat(ceiling("2032-01")).isEqualTo("23000.00");
        }

        @Test
        void appliesTheTemporaryCutFromSeptemberToNovember2020() {
            assertThat(version("2020-08")).isEqualTo("2020-06");
            assertThat(version("2020-09")).isEqualTo("2020-09");
            assertThat(version("2020-11")).isEqualTo("2020-09");
            assertThat(version("2020-12")).isEqualTo("2020-12");

            ContributionRuleSetVersion cut = s33.inForce(YearMonth.of(2020, 10)).orElseThrow();
            assertThat(cut.ratePercent(Party.EMPLOYEE)).isEqualByComparingTo("2");
            assertThat(cut.ratePercent(Party.EMPLOYER)).isEqualByComparingTo("2");
            assertThat(cut.ratePercent(Party.GOVERNMENT)).isEqualByComparingTo("2.75");
            assertThat(cut.basis().status()).isEqualTo(org.mekongledger.vocabulary.SourceStatus.ASSUMED);
            assertThat(cut.basis().assumption()).contains("split of this cut was not found");
            PartyShare employee = cut.contributionFor(YearMonth.of(2020, 10), new BigDecimal("15000.00"))
                    .share(Party.EMPLOYEE);
            assertThat(employee.total()).isEqualTo(new BigDecimal("300.00"));
            assertThat(employee.branches().get(Branch.CHILD_ALLOWANCE_OLD_AGE)).isEqualTo(new BigDecimal("67.50"));

            ContributionRuleSetVersion after = s33.inForce(YearMonth.of(2020, 12)).orElseThrow();
            assertThat(after.ratePercent(Party.EMPLOYEE)).isEqualByComparingTo("5");
        }

        @Test
        void hasNoVersionBeforeTheFirst() {
            assertThat(s33.inForce(YearMonth.of(1990, 12))).isEmpty();
        }

        private String ceiling(String period) {
            return s33.inForce(YearMonth.parse(period)).orElseThrow().wageCeiling().toPlainString();
        }

        private String version(String period) {
            return s33.inForce(YearMonth.parse(period)).orElseThrow().version();
        }
    }

    /** Deliberately broken rule books, written to a temporary directory and loaded through their own class loader. */
    @Nested
    class BrokenFiles {

        private static final String FIRST = "rulesets/TH_SSF_S33/1991-01.json";
        private static final String SECOND = "rulesets/TH_SSF_S33/2026-01.json";
        private final ObjectMapper json = new ObjectMapper();

        @TempDir
        Path root;

        @Test
        void aValidCopyLoads() throws IOException {
            writeValid();

            ContributionRuleBook book = load();

            assertThat(book.schemes()).containsExactly(S33);
            assertThat(book.ruleSet(S33).orElseThrow().versions()).hasSize(2);
        }

        @Test
        void acceptsRatesWrittenAsJsonNumbers() throws IOException {
            writeValid();
            edit(FIRST, v -> ((ObjectNode) v.path("ratesPercent").path("EMPLOYEE"))
                    .put("UNEMPLOYMENT", new BigDecimal("0.5")));

            // 1991: 1.5 for sickness etc. and nothing yet for old age; the unemployment rate written as a number
            assertThat(load().ruleSet(S33).orElseThrow().versions().get(0).ratePercent(Party.EMPLOYEE))
                    .isEqualByComparingTo("2.0");
        }

        @Test
        void rejectsAMissingTopLevelField() throws IOException {
            writeValid();
            edit(FIRST, v -> v.remove("wageCeiling"));

            assertRejected(FIRST, "wageCeiling is missing");
        }

        @Test
        void rejectsAMissingRate() throws IOException {
            writeValid();
            edit(FIRST, v -> ((ObjectNode) v.path("ratesPercent").path("GOVERNMENT")).remove("UNEMPLOYMENT"));

            assertRejected(FIRST, "ratesPercent.GOVERNMENT.UNEMPLOYMENT is missing");
        }

        @Test
        void rejectsAMissingRoundingField() throws IOException {
            writeValid();
            edit(SECOND, v -> ((ObjectNode) v.path("rounding")).remove("remainderBranch"));

            assertRejected(SECOND, "rounding.remainderBranch is missing");
        }

        @Test
        void rejectsANegativeRate() throws IOException {
            writeValid();
            edit(SECOND, v -> ((ObjectNode) v.path("ratesPercent").path("EMPLOYER")).put("UNEMPLOYMENT", "-0.5"));

            assertRejected(SECOND, "ratesPercent.EMPLOYER.UNEMPLOYMENT must not be negative");
        }

        @Test
        void rejectsAMisspeltField() throws IOException {
            writeValid();
            edit(FIRST, v -> v.set("wageCieling", v.remove("wageCeiling")));

            assertRejected(FIRST, "wageCieling is not a known field");
        }

        @Test
        void rejectsAnUnknownRoundingMode() throws IOException {
            writeValid();
            edit(FIRST, v -> ((ObjectNode) v.path("rounding")).put("shareMode", "HALF_AWAY"));

            assertRejected(FIRST, "rounding.shareMode must be one of");
        }

        @Test
        void rejectsAnAmountThatIsNotANumber() throws IOException {
            writeValid();
            edit(FIRST, v -> v.put("wageFloor", "1,650"));

            assertRejected(FIRST, "wageFloor must be a decimal number");
        }

        @Test
        void rejectsInvalidJson() throws IOException {
            writeValid();
            write(FIRST, "{ \"ruleSetId\": ");

            assertRejected(FIRST, "not valid JSON");
        }

        @Test
        void rejectsAFileStoredUnderTheWrongVersion() throws IOException {
            writeValid();
            edit(SECOND, v -> v.put("version", "2029-01"));

            assertRejected(SECOND, "must be stored as rulesets/TH_SSF_S33/2029-01.json");
        }

        @Test
        void rejectsTwoVersionsEffectiveTheSameMonth() throws IOException {
            writeValid();
            edit(SECOND, v -> v.put("effectiveFrom", "1991-01"));

            assertRejected(SECOND, "not after the latest version 1991-01");
        }

        @Test
        void rejectsAnIndexEntryWithoutAFile() throws IOException {
            writeValid();
            Files.delete(root.resolve(SECOND));

            assertRejected(RuleSetFiles.CONTRIBUTION_INDEX, "lists " + SECOND + ", which is not on the classpath");
        }

        @Test
        void rejectsAMissingIndex() {
            assertRejected(RuleSetFiles.CONTRIBUTION_INDEX, "is not on the classpath");
        }

        private void writeValid() throws IOException {
            writeShippedCopy(FIRST);
            writeShippedCopy(SECOND);
            ArrayNode index = json.createArrayNode().add(FIRST).add(SECOND);
            write(RuleSetFiles.CONTRIBUTION_INDEX, json.writeValueAsString(index));
        }

        private void writeShippedCopy(String resource) throws IOException {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                assertThat(in).as("shipped resource %s", resource).isNotNull();
                write(resource, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }

        private void edit(String resource, Consumer<ObjectNode> change) throws IOException {
            ObjectNode version = (ObjectNode) json.readTree(root.resolve(resource).toFile());
            change.accept(version);
            write(resource, json.writeValueAsString(version));
        }

        private void write(String resource, String content) throws IOException {
            Path file = root.resolve(resource);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        }

        private ContributionRuleBook load() throws IOException {
            // no parent: only the temporary directory is visible, never the shipped resources
            try (URLClassLoader loader = new URLClassLoader(new URL[]{root.toUri().toURL()}, null)) {
                return RuleSetFiles.contributions(loader);
            }
        }

        private void assertRejected(String resource, String problem) {
            RuleSetFormatException e = catchThrowableOfType(RuleSetFormatException.class, this::load);

            assertThat(e).as("loading should fail").isNotNull();
            assertThat(e.resource()).isEqualTo(resource);
            assertThat(e).hasMessageStartingWith(resource + ": ").hasMessageContaining(problem);
        }
    }

    @Test
    void aRuleSetFormatExceptionIsAnIllegalArgumentException() {
        assertThatThrownBy(() -> {
            throw new RuleSetFormatException("f.json", "x is missing");
        }).isInstanceOf(IllegalArgumentException.class).hasMessage("f.json: x is missing");
    }
}

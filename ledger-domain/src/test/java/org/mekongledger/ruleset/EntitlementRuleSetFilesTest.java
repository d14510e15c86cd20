package org.mekongledger.ruleset;

import org.mekongledger.entitlement.AgreementOption;
import org.mekongledger.entitlement.AgreementRuleSetVersion;
import org.mekongledger.entitlement.EntitlementRuleBook;
import org.mekongledger.entitlement.EntitlementRuleSet;
import org.mekongledger.entitlement.EntitlementRuleSetVersion;
import org.mekongledger.entitlement.FundBenefit;
import org.mekongledger.entitlement.OldAgeRuleSetVersion;
import org.mekongledger.entitlement.RuleSetStatus;
import org.mekongledger.entitlement.WelfareFundRuleSetVersion;

import org.mekongledger.vocabulary.FeePayer;
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
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The entitlement rule-set files: what the shipped ones say, and how broken ones are refused. */
class EntitlementRuleSetFilesTest {

    private static final String OLD_AGE = "TH_SSF_S33_OLD_AGE";

    /** What the shipped data says. */
    @Nested
    class ShippedData {

        private final EntitlementRuleBook book = RuleSetFiles.shippedEntitlements();

        @Test
        void shipsTheOldAgeRulesFourModelAgreementsAndFourFunds() {
            Map<String, String> statusById = new LinkedHashMap<>();
            book.ruleSets().forEach(r -> statusById.put(r.id(), r.kind() + " " + r.status()));

            assertThat(statusById).containsExactly(
                    Map.entry("KH_OWF", "WELFARE_FUND MODEL"),
                    Map.entry("LA_OWF", "WELFARE_FUND MODEL"),
                    Map.entry("MM_OWF", "WELFARE_FUND MODEL"),
                    Map.entry("TH-KH", "AGREEMENT MODEL"),
                    Map.entry("TH-LA", "AGREEMENT MODEL"),
                    Map.entry("TH-MM", "AGREEMENT MODEL"),
                    Map.entry("TH-VN", "AGREEMENT MODEL"),
                    Map.entry(OLD_AGE, "BENEFITS IN_FORCE"),
                    Map.entry("VN_OESF", "WELFARE_FUND IN_FORCE"));
            assertThat(book.ruleSets()).flatExtracting(EntitlementRuleSet::versions)
                    .allSatisfy(v -> assertThat(v.basis().source().title()).isNotBlank());
        }

        @Test
        void theOldAgeParametersAreTheBriefs() {
            OldAgeRuleSetVersion v = (OldAgeRuleSetVersion) book.inForce(OLD_AGE, LocalDate.parse("2026-01-01"))
                    .orElseThrow();

            assertThat(v.scheme()).isEqualTo("TH_SSF_S33");
            assertThat(v.pensionableAgeYears()).isEqualTo(55);
            assertThat(v.lumpSumThresholdMonths()).isEqualTo(12);
            assertThat(v.pensionThresholdMonths()).isEqualTo(180);
            assertThat(v.baseRatePercent()).isEqualByComparingTo("20");
            assertThat(v.incrementPercent()).isEqualByComparingTo("1.5");
            assertThat(v.averagingWindowMonths()).isEqualTo(60);
            assertThat(v.declaredReturnsPercent()).isEmpty();
            assertThat(v.survivorsLumpSumMultiple()).isEqualByComparingTo("10");
            assertThat(v.invalidityPaysLumpSum()).isTrue();
            assertThat(v.survivorsPayMonthsRemaining()).isTrue();
            assertThat(v.claimDeadlineMonths()).isEqualTo(12);
            assertThat(v.basis().status()).isEqualTo(org.mekongledger.vocabulary.SourceStatus.ASSUMED);
            assertThat(v.basis().assumption()).contains("date of effect", "not found");
        }

        @Test
        void everyModelAgreementHasEveryOptionAndCountsItsPartnersScheme() {
            Map<String, String> partnerScheme = Map.of("TH-MM", "MMR MM_SSB", "TH-KH", "KHM KH_NSSF_PENSION",
                    "TH-LA", "LAO LA_LSSO", "TH-VN", "VNM VN_VSS");
            partnerScheme.forEach((id, expected) -> {
                AgreementRuleSetVersion a = (AgreementRuleSetVersion) book.inForce(id, LocalDate.parse("2026-01-01"))
                        .orElseThrow();
                assertThat(a.partnerNationality() + " " + String.join(",", a.partnerSchemes())).isEqualTo(expected);
                assertThat(a.options()).isEqualTo(EnumSet.allOf(AgreementOption.class));
                assertThat(a.status()).isEqualTo(RuleSetStatus.MODEL);
                assertThat(a.basis().status()).isEqualTo(org.mekongledger.vocabulary.SourceStatus.ASSUMED);
                assertThat(a.basis().assumption()).startsWith("MODEL");
            });
        }

        @Test
        void vietNamsFundCitesItsDecision() {
            WelfareFundRuleSetVersion v = (WelfareFundRuleSetVersion) book
                    .inForce("VN_OESF", LocalDate.parse("2024-01-01")).orElseThrow();

            assertThat(v.basis().source().title()).contains("Decision 40/2021/QD-TTg");
            assertThat(v.feesPerContract()).containsEntry(FeePayer.WORKER, new BigDecimal("100000"))
                    .containsEntry(FeePayer.RECRUITMENT_AGENCY, new BigDecimal("150000"));
            assertThat(v.benefits()).extracting(FundBenefit::benefit, FundBenefit::amount)
                    .contains(org.assertj.core.groups.Tuple.tuple("DEATH_BENEFIT", new BigDecimal("40000000")));
            assertThat(book.inForce("VN_OESF", LocalDate.parse("2022-02-20"))).isEmpty();
            assertThat(book.inForce("VN_OESF", LocalDate.parse("2022-02-21"))).isPresent();
        }

        @Test
        void parametersCanBeShownAndReadBackAsTheSameVersion() throws IOException {
            ObjectMapper json = new ObjectMapper();
            for (EntitlementRuleSet ruleSet : book.ruleSets()) {
                for (EntitlementRuleSetVersion v : ruleSet.versions()) {
                    Map<String, Object> file = new LinkedHashMap<>();
                    file.put("ruleSetId", v.ruleSetId());
                    file.put("kind", v.kind().name());
                    file.put("status", v.status().name());
                    file.put("version", v.version());
                    file.put("effectiveFrom", v.effectiveFrom().toString());
                    file.put("parameters", v.parameters());
                    file.put("basis", v.basis());

                    assertThat(RuleSetFiles.readEntitlementVersion("round trip", json.writeValueAsString(file)))
                            .as(v.ruleSetId()).isEqualTo(v);
                }
            }
        }
    }

    /** Deliberately broken copies, written to a temporary directory and loaded through their own class loader. */
    @Nested
    class BrokenFiles {

        private static final String OLD_AGE_FILE = "rulesets/entitlement/TH_SSF_S33_OLD_AGE/1999-01.json";
        private static final String FUND_FILE = "rulesets/entitlement/VN_OESF/2022-02.json";
        private static final String AGREEMENT_FILE = "rulesets/entitlement/TH-MM/1999-01.json";
        private final ObjectMapper json = new ObjectMapper();

        @TempDir
        Path root;

        @Test
        void aValidCopyLoads() throws IOException {
            writeValid();

            assertThat(load().ruleSets()).extracting(EntitlementRuleSet::id)
                    .containsExactly("TH-MM", OLD_AGE, "VN_OESF");
        }

        @Test
        void anUnknownFieldIsAnErrorNamingIt() throws IOException {
            writeValid();
            edit(OLD_AGE_FILE, v -> ((ObjectNode) v.path("parameters")).put("pensionAge", 55));

            assertProblem(OLD_AGE_FILE, "parameters.pensionAge is not a known field");
        }

        @Test
        void aMissingParameterIsAnErrorNamingIt() throws IOException {
            writeValid();
            edit(OLD_AGE_FILE, v -> ((ObjectNode) v.path("parameters")).remove("averagingWindowMonths"));

            assertProblem(OLD_AGE_FILE, "parameters.averagingWindowMonths is missing");
        }

        @Test
        void aForgottenAgreementOptionIsAnErrorNotOff() throws IOException {
            writeValid();
            edit(AGREEMENT_FILE, v -> ((ObjectNode) v.path("parameters").path("options")).remove("proRata"));

            assertProblem(AGREEMENT_FILE, "parameters.options.proRata is missing");
        }

        @Test
        void aDeclaredReturnMustBeKeyedByYear() throws IOException {
            writeValid();
            edit(OLD_AGE_FILE, v -> ((ObjectNode) v.path("parameters").path("declaredReturnsPercent")).put("2024a", "3"));

            assertProblem(OLD_AGE_FILE, "declaredReturnsPercent.2024a");
        }

        @Test
        void anAmountFinerThanTheCurrencyIsRefused() throws IOException {
            writeValid();
            edit(FUND_FILE, v -> ((ObjectNode) v.path("parameters").path("feesPerContract")).put("WORKER", "100000.5"));

            assertProblem(FUND_FILE, "feesPerContract.WORKER");
        }

        @Test
        void aFileStoredUnderAnotherNameIsRefused() throws IOException {
            writeValid();
            edit(FUND_FILE, v -> ((ObjectNode) v).put("version", "2022-03"));

            assertProblem(FUND_FILE, "must be stored as rulesets/entitlement/VN_OESF/2022-03.json");
        }

        @Test
        void aFileMissingFromTheClasspathIsNamed() throws IOException {
            writeValid();
            Files.delete(root.resolve(FUND_FILE));

            assertProblem(RuleSetFiles.ENTITLEMENT_INDEX, "lists " + FUND_FILE);
        }

        private void assertProblem(String resource, String message) {
            RuleSetFormatException e = catchThrowableOfType(RuleSetFormatException.class, this::load);
            assertThat(e).isNotNull();
            assertThat(e.resource()).isEqualTo(resource);
            assertThat(e).hasMessageContaining(message);
        }

        private void writeValid() throws IOException {
            ArrayNode index = json.createArrayNode();
            for (String file : List.of(OLD_AGE_FILE, AGREEMENT_FILE, FUND_FILE)) {
                index.add(file);
                Path target = root.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
                    Files.write(target, in.readAllBytes());
                }
            }
            Files.writeString(root.resolve(RuleSetFiles.ENTITLEMENT_INDEX), index.toString());
        }

        private void edit(String file, Consumer<com.fasterxml.jackson.databind.JsonNode> change) throws IOException {
            Path path = root.resolve(file);
            com.fasterxml.jackson.databind.JsonNode tree = json.readTree(path.toFile());
            change.accept(tree);
            Files.writeString(path, tree.toString());
        }

        private EntitlementRuleBook load() {
            try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
                return RuleSetFiles.entitlements(loader);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

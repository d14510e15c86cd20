package org.mekongledger.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mekongledger.api.FileContributions;
import org.mekongledger.api.IdentityDocument;
import org.mekongledger.api.RegisterEmployer;
import org.mekongledger.api.RegisterWorker;
import org.mekongledger.api.ReverseFiling;

class DemoPopulationTest {

    private static DemoPopulation population;
    private static List<Object> commands;

    @BeforeAll
    static void generate() {
        population = DemoPopulation.generateDefault();
        commands = population.commands();
        System.out.printf("Demo population: %d employers, %d workers, %d filings, %d lines, %d reversals%n",
                population.employers().size(), population.workers().size(), population.filingCount(),
                population.lineCount(), population.reversalCount());
    }

    @Test
    void isDeterministicForTheSameSeed() {
        DemoPopulation again = DemoPopulation.generateDefault();
        assertThat(again.commands()).isEqualTo(commands);
        DemoPopulation other = DemoPopulation.generate(DemoPopulation.DEFAULT_SEED + 1,
                DemoPopulation.DEFAULT_WORKERS, DemoPopulation.DEFAULT_EMPLOYERS, DemoPopulation.DEFAULT_REVERSALS);
        assertThat(other.commands()).isNotEqualTo(commands);
    }

    /** The README sends a newcomer to the console to find this worker: the card must stay hers. */
    @Test
    void holdsTheReadmesPinkCard() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        assertThat(readme).contains("find the pink card `0078347749483` (Naw Moe,");
        assertThat(population.workers()).filteredOn(w -> w.documents().stream()
                        .anyMatch(d -> d.type().name().equals("PINK_CARD") && d.number().equals("0078347749483")))
                .singleElement().satisfies(w -> {
                    assertThat(w.nationality()).isEqualTo("MMR");
                    assertThat(w.givenName() + " " + w.familyName()).isEqualTo("Naw Moe ");
                });
    }

    @Test
    void hasTheRequestedSizes() {
        assertThat(population.workers()).hasSize(3000);
        assertThat(population.employers()).hasSize(60);
        assertThat(population.reversalCount()).isEqualTo(10);
        assertThat(population.filingCount()).isGreaterThan(2500);
        assertThat(population.lineCount()).isGreaterThan(50_000);
    }

    @Test
    void mixesNationalitiesNearTheTargets() {
        Map<String, Long> counts = population.workers().stream()
                .collect(Collectors.groupingBy(RegisterWorker::nationality, Collectors.counting()));
        assertThat(counts.keySet()).containsExactlyInAnyOrder("MMR", "KHM", "LAO", "VNM");
        double total = population.workers().size();
        assertThat(counts.get("MMR") / total).isBetween(0.57, 0.63);
        assertThat(counts.get("KHM") / total).isBetween(0.22, 0.28);
        assertThat(counts.get("LAO") / total).isBetween(0.07, 0.13);
        assertThat(counts.get("VNM") / total).isBetween(0.03, 0.07);
    }

    @Test
    void workersArePlausible() {
        assertThat(population.workers()).allSatisfy(worker -> {
            assertThat(worker.givenName()).isNotBlank();
            assertThat(worker.dateOfBirth()).isBetween(LocalDate.of(1965, 1, 1), LocalDate.of(2004, 12, 31));
            assertThat(worker.documents()).isNotEmpty();
            assertThat(worker.contacts()).hasSizeBetween(1, 2);
            if (worker.nationality().equals("MMR")) {
                assertThat(worker.familyName()).isEmpty();
            } else {
                assertThat(worker.familyName()).isNotBlank();
                assertThat(worker.documents()).extracting(d -> d.type().name())
                        .containsExactly("PASSPORT", "WORK_PERMIT");
            }
        });
        assertThat(population.workers()).extracting(w -> w.sex().name()).containsOnly("F", "M");
        Set<String> mmrFirstDocuments = population.workers().stream().filter(w -> w.nationality().equals("MMR"))
                .flatMap(w -> w.documents().stream()).map(d -> d.type().name()).collect(Collectors.toSet());
        assertThat(mmrFirstDocuments).contains("PINK_CARD", "CERTIFICATE_OF_IDENTITY", "PASSPORT", "WORK_PERMIT");
        assertThat(population.workers()).extracting(RegisterWorker::workerId).doesNotHaveDuplicates();
    }

    @Test
    void reusesNoDocumentNumber() {
        List<IdentityDocument> documents = population.workers().stream()
                .flatMap(worker -> worker.documents().stream()).toList();
        assertThat(documents).extracting(IdentityDocument::key).doesNotHaveDuplicates();
        assertThat(documents).extracting(IdentityDocument::number).doesNotHaveDuplicates();
    }

    @Test
    void employersHaveTenDigitAccountsAndDistinctNames() {
        assertThat(population.employers()).allSatisfy(employer -> {
            assertThat(employer.employerAccount()).matches("\\d{10}");
            assertThat(employer.name()).matches(".*(Co\\., Ltd\\.|Ltd\\., Part\\.)");
        });
        assertThat(population.employers()).extracting(RegisterEmployer::employerAccount).doesNotHaveDuplicates();
        assertThat(population.employers()).extracting(RegisterEmployer::name).doesNotHaveDuplicates();
    }

    @Test
    void putsNoWorkerTwiceInOneFilingNorInTwoFilingsSentTogether() {
        for (FileContributions filing : filings()) {
            assertThat(filing.lines()).extracting(FileContributions.Line::workerId).doesNotHaveDuplicates();
        }
        for (DemoPopulation.Month month : population.months()) {
            assertThat(month.filings()).extracting(FileContributions::employerAccount).doesNotHaveDuplicates();
            assertThat(month.filings().stream().flatMap(f -> f.lines().stream()).map(FileContributions.Line::workerId))
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void filesOnlyForRegisteredWorkersAndEmployersWithValidWages() {
        Set<String> workers = population.workers().stream().map(RegisterWorker::workerId).collect(Collectors.toSet());
        Set<String> employers = population.employers().stream().map(RegisterEmployer::employerAccount)
                .collect(Collectors.toSet());
        Set<String> filingIds = new HashSet<>();
        for (FileContributions filing : filings()) {
            assertThat(filingIds.add(filing.filingId())).as("filing id unique").isTrue();
            assertThat(filing.scheme()).isEqualTo("TH_SSF_S33");
            assertThat(employers).contains(filing.employerAccount());
            assertThat(filing.lines()).isNotEmpty().allSatisfy(line -> {
                assertThat(workers).contains(line.workerId());
                assertThat(line).isInstanceOf(FileContributions.WageLine.class);
                assertThat(((FileContributions.WageLine) line).wage().scale()).isEqualTo(2);
                assertThat(((FileContributions.WageLine) line).wage().signum()).isPositive();
            });
        }
        // wages are 9,000-25,000 except the wrong wage of a reversed filing
        Set<String> reversed = reversals().stream().map(ReverseFiling::filingId).collect(Collectors.toSet());
        assertThat(filings().stream().filter(f -> !reversed.contains(f.filingId()))
                .flatMap(f -> f.lines().stream()).map(line -> ((FileContributions.WageLine) line).wage()))
                .allSatisfy(wage -> assertThat(wage).isBetween(new BigDecimal("9000.00"), new BigDecimal("25000.00")));
        // every worker works somewhere in the demo years
        Set<String> employed = filings().stream().flatMap(f -> f.lines().stream())
                .map(FileContributions.Line::workerId).collect(Collectors.toSet());
        assertThat(employed).isEqualTo(workers);
    }

    @Test
    void coversEveryPeriodFrom2022_01To2026_10WithOneStandingFilingPerEmployerAndPeriod() {
        Set<YearMonth> expected = new TreeSet<>();
        for (YearMonth p = YearMonth.of(2022, 1); !p.isAfter(YearMonth.of(2026, 10)); p = p.plusMonths(1)) {
            expected.add(p);
        }
        assertThat(filings()).extracting(FileContributions::period).containsOnlyElementsOf(expected);
        assertThat(new TreeSet<>(filings().stream().map(FileContributions::period).toList())).isEqualTo(expected);
        assertThat(population.months()).extracting(DemoPopulation.Month::period).containsExactlyElementsOf(expected);

        // replay the sending order: a period is taken by a filing until that filing is reversed
        Map<String, String> standing = new HashMap<>();
        Map<String, String> periodOfFiling = new HashMap<>();
        for (Object command : commands) {
            if (command instanceof FileContributions filing) {
                String key = filing.employerAccount() + "/" + filing.scheme() + "/" + filing.period();
                assertThat(standing.putIfAbsent(key, filing.filingId())).as("second filing for %s", key).isNull();
                periodOfFiling.put(filing.filingId(), key);
            } else if (command instanceof ReverseFiling reversal) {
                assertThat(standing.remove(periodOfFiling.get(reversal.filingId()))).isEqualTo(reversal.filingId());
            }
        }
    }

    @Test
    void reversesExistingFilingsAndFilesThemAgainCorrected() {
        Map<String, FileContributions> sentSoFar = new HashMap<>();
        List<ReverseFiling> reversals = reversals();
        assertThat(reversals).hasSize(10).extracting(ReverseFiling::reason).containsOnly("wrong wage declared");
        assertThat(reversals).extracting(ReverseFiling::filingId).doesNotHaveDuplicates();
        for (int i = 0; i < commands.size(); i++) {
            Object command = commands.get(i);
            if (command instanceof FileContributions filing) {
                sentSoFar.put(filing.filingId(), filing);
            } else if (command instanceof ReverseFiling reversal) {
                FileContributions original = sentSoFar.get(reversal.filingId());
                assertThat(original).as("reversal of a filing sent before").isNotNull();
                assertThat(commands.get(i + 1)).isInstanceOf(FileContributions.class);
                FileContributions corrected = (FileContributions) commands.get(i + 1);
                assertThat(corrected.filingId()).isNotEqualTo(original.filingId());
                assertThat(corrected.employerAccount()).isEqualTo(original.employerAccount());
                assertThat(corrected.period()).isEqualTo(original.period());
                assertThat(corrected.lines()).extracting(FileContributions.Line::workerId)
                        .containsExactlyElementsOf(original.lines().stream().map(FileContributions.Line::workerId).toList());
                // exactly one wage was wrong
                List<Integer> differing = new ArrayList<>();
                for (int k = 0; k < original.lines().size(); k++) {
                    if (((FileContributions.WageLine) original.lines().get(k)).wage()
                            .compareTo(((FileContributions.WageLine) corrected.lines().get(k)).wage()) != 0) {
                        differing.add(k);
                    }
                }
                assertThat(differing).hasSize(1);
            }
        }
    }

    @Test
    void smallPopulationsWork() {
        DemoPopulation small = DemoPopulation.generate(7, 50, 5, 2);
        assertThat(small.workers()).hasSize(50);
        assertThat(small.employers()).hasSize(5);
        assertThat(small.reversalCount()).isEqualTo(2);
        assertThat(small.commands()).isEqualTo(DemoPopulation.generate(7, 50, 5, 2).commands());
    }

    private static List<FileContributions> filings() {
        return commands.stream().filter(FileContributions.class::isInstance).map(FileContributions.class::cast).toList();
    }

    private static List<ReverseFiling> reversals() {
        return commands.stream().filter(ReverseFiling.class::isInstance).map(ReverseFiling.class::cast).toList();
    }
}

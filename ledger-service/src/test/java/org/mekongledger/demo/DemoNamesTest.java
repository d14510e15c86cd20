package org.mekongledger.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * The name tables moved from Java into {@code demo/names.json}: every list must still be there,
 * whole and in its order, since the population of a seed is drawn from them by index.
 */
class DemoNamesTest {

    private final DemoNames names = DemoNames.builtIn();

    @Test
    void everyTableHasTheSizeTheJavaTablesHad() {
        assertThat(names.provinces()).hasSize(17);
        assertThat(names.provinces()).allSatisfy(province -> assertThat(province.industries()).hasSizeBetween(3, 5));
        assertThat(names.provinces().stream().mapToInt(p -> p.industries().size()).sum()).isEqualTo(72);
        assertThat(names.brands()).hasSize(26);
        assertThat(names.brandSuffixes()).hasSize(7);
        assertThat(names.people().keySet()).containsExactlyInAnyOrder(DemoPopulation.NATIONALITIES);

        DemoNames.PeopleNames mmr = names.of("MMR");
        assertThat(mmr.male()).hasSize(34);
        assertThat(mmr.female()).hasSize(32);
        assertThat(mmr.family()).isEmpty();
        assertThat(mmr.malePrefixes()).containsExactly("Sai", "Saw", "Nai");
        assertThat(mmr.femalePrefixes()).containsExactly("Nang", "Naw", "Mi");

        DemoNames.PeopleNames khm = names.of("KHM");
        assertThat(khm.family()).hasSize(30);
        assertThat(khm.male()).hasSize(24);
        assertThat(khm.female()).hasSize(22);

        DemoNames.PeopleNames lao = names.of("LAO");
        assertThat(lao.family()).hasSize(20);
        assertThat(lao.male()).hasSize(17);
        assertThat(lao.female()).hasSize(16);

        DemoNames.PeopleNames vnm = names.of("VNM");
        assertThat(vnm.family()).hasSize(16).startsWith("Nguyen", "Tran", "Le");
        assertThat(vnm.familyWeights()).hasSize(16).startsWith(38, 11, 9);
        assertThat(vnm.familyWeights().stream().mapToInt(Integer::intValue).sum()).isEqualTo(97);
        assertThat(vnm.maleMiddle()).hasSize(10);
        assertThat(vnm.femaleMiddle()).hasSize(7);
        assertThat(vnm.male()).hasSize(18);
        assertThat(vnm.female()).hasSize(18);
    }

    /**
     * Employers' and workers' names (and the contact handles made from them) for the default seed,
     * as the tables in Java gave them before they moved to the resource file.
     */
    @Test
    void theDefaultSeedNamesTheSamePeopleAsBefore() throws NoSuchAlgorithmException {
        DemoPopulation population = DemoPopulation.generateDefault();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        population.employers().forEach(employer -> digest.update(
                (employer.employerAccount() + "|" + employer.name() + "\n").getBytes(StandardCharsets.UTF_8)));
        population.workers().forEach(worker -> digest.update((worker.workerId() + "|" + worker.givenName() + "|"
                + worker.familyName() + "|" + worker.nationality() + "|" + worker.contacts() + "\n")
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(HexFormat.of().formatHex(digest.digest()))
                .isEqualTo("1fc15c56acde9d40301dc51360995b6d227b7cc07b68d0a90c243791766463fb");
    }
}

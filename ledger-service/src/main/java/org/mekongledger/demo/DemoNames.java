package org.mekongledger.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo's name tables, romanised, read once from {@code demo/names.json} (UTF-8): provinces with
 * their industries and the words of company names for employers; per nationality, the given names
 * (and Burmese syllables), family names and their weights, middle names and honorific prefixes for
 * workers. No real person or company is intended. The order of every list is part of the demo:
 * {@link DemoPopulation} draws by index, so reordering a list changes the population of a seed.
 */
record DemoNames(List<Province> provinces, List<String> brands, List<String> brandSuffixes,
                 Map<String, PeopleNames> people) {

    static final String RESOURCE = "/demo/names.json";

    /** The tables shipped with the service, read on first use. */
    static DemoNames builtIn() {
        return BuiltIn.NAMES;
    }

    DemoNames {
        provinces = List.copyOf(provinces);
        brands = List.copyOf(brands);
        brandSuffixes = List.copyOf(brandSuffixes);
        people = Map.copyOf(people);
        if (provinces.isEmpty() || brands.isEmpty() || brandSuffixes.isEmpty()) {
            throw new IllegalArgumentException("the demo names need provinces, brands and brand suffixes");
        }
    }

    /** The names of one nationality's people; every nationality of the demo has them. */
    PeopleNames of(String nationality) {
        PeopleNames names = people.get(nationality);
        if (names == null) {
            throw new IllegalStateException("no demo names for nationality " + nationality + " in " + RESOURCE);
        }
        return names;
    }

    record Province(String code, String name, List<String> industries) {
        Province {
            industries = List.copyOf(industries);
        }
    }

    /**
     * One nationality's names. Lists a nationality does not use are empty: Burmese names have no
     * family name, only Burmese ones take a Shan, Karen or Mon prefix, only Vietnamese ones a middle name.
     */
    record PeopleNames(List<String> family, List<Integer> familyWeights, List<String> maleMiddle,
                       List<String> femaleMiddle, List<String> male, List<String> female,
                       List<String> malePrefixes, List<String> femalePrefixes) {
        PeopleNames {
            family = orEmpty(family);
            familyWeights = orEmpty(familyWeights);
            maleMiddle = orEmpty(maleMiddle);
            femaleMiddle = orEmpty(femaleMiddle);
            male = orEmpty(male);
            female = orEmpty(female);
            malePrefixes = orEmpty(malePrefixes);
            femalePrefixes = orEmpty(femalePrefixes);
            if (male.isEmpty() || female.isEmpty()) {
                throw new IllegalArgumentException("every nationality needs male and female given names");
            }
            if (!familyWeights.isEmpty() && familyWeights.size() != family.size()) {
                throw new IllegalArgumentException("one weight per family name");
            }
        }

        private static <T> List<T> orEmpty(List<T> values) {
            return values == null ? List.of() : List.copyOf(values);
        }
    }

    static DemoNames read(String resource) {
        try (InputStream in = DemoNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo name tables " + resource + " are missing from the classpath");
            }
            return new ObjectMapper().readValue(in, DemoNames.class);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the demo name tables " + resource, unreadable);
        }
    }

    /** Holder: the file is read once, when the demo first needs it, not when the service starts. */
    private static final class BuiltIn {
        static final DemoNames NAMES = read(RESOURCE);
    }
}

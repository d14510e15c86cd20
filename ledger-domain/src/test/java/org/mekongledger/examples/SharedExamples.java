package org.mekongledger.examples;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finds the shared worked examples, which live beside the repository (../shared/examples) and
 * are owned outside it: surefire passes the path, and a clone elsewhere falls back to the
 * workplace's copy.
 */
public final class SharedExamples {

    private SharedExamples() {
    }

    /** Each case of a shared file, named by its "name", with the file's scheme as second argument. */
    public static Stream<Arguments> cases(String name) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file(name));
        String scheme = root.required("scheme").asText();
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode example : root.required("cases")) {
            cases.add(Arguments.of(Named.of(example.required("name").asText(), example), scheme));
        }
        return cases.stream();
    }

    public static File file(String name) {
        for (String candidate : new String[] {System.getProperty("shared.examples.dir"), "../shared/examples",
                "../../shared/examples", "/work/shared/examples"}) {
            if (candidate != null && new File(candidate, name).isFile()) {
                return new File(candidate, name);
            }
        }
        throw new IllegalStateException("shared/examples/" + name + " not found; set -Dshared.examples.dir");
    }
}

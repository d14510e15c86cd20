package org.mekongledger.examples;

import java.io.File;

/**
 * Finds the shared worked examples, which live beside the repository (../shared/examples) and
 * are owned outside it: surefire passes the path, and a clone elsewhere falls back to the
 * workplace's copy.
 */
public final class SharedExamples {

    private SharedExamples() {
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

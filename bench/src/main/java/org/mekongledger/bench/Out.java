package org.mekongledger.bench;

import java.util.Locale;

/** Console output of the benchmarks: Locale.ROOT so figures read the same on every host. */
final class Out {

    private Out() {
    }

    static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    /** A response body on one line, cut at 600 characters. */
    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 600 ? one : one.substring(0, 600) + "...";
    }
}

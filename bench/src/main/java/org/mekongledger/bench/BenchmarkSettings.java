package org.mekongledger.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Key/value settings of a benchmark: each key from a {@code --key=value} argument, else from the system property
 * {@code bench.key}, else its default. Unknown keys are refused.
 */
final class BenchmarkSettings {

    private final Map<String, String> values;

    private BenchmarkSettings(Map<String, String> values) {
        this.values = values;
    }

    static BenchmarkSettings parse(Map<String, String> defaults, String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> d : defaults.entrySet()) {
            values.put(d.getKey(), System.getProperty("bench." + d.getKey(), d.getValue()));
        }
        for (String arg : args) {
            String a = arg.startsWith("--") ? arg.substring(2) : arg;
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected --key=value, got: " + arg);
            }
            String key = a.substring(0, eq);
            if (!defaults.containsKey(key)) {
                throw new IllegalArgumentException("unknown option: " + key + " (known: " + defaults.keySet() + ")");
            }
            values.put(key, a.substring(eq + 1));
        }
        return new BenchmarkSettings(values);
    }

    static String usage(Map<String, String> defaults) {
        StringBuilder sb = new StringBuilder("Options (--key=value or -Dbench.key=value), defaults:\n");
        defaults.forEach((k, d) -> sb.append("  --").append(k).append('=').append(d).append('\n'));
        return sb.toString();
    }

    String string(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("no setting " + key);
        }
        return v;
    }

    int intValue(String key) {
        return Integer.parseInt(string(key).replace("_", ""));
    }

    int positiveInt(String key) {
        int n = intValue(key);
        if (n <= 0) {
            throw new IllegalArgumentException(key + " must be positive: " + n);
        }
        return n;
    }

    long longValue(String key) {
        return Long.parseLong(string(key).replace("_", ""));
    }

    double doubleValue(String key) {
        return Double.parseDouble(string(key));
    }

    double positiveDouble(String key) {
        double d = doubleValue(key);
        if (!(d > 0)) {
            throw new IllegalArgumentException(key + " must be positive: " + string(key));
        }
        return d;
    }

    double nonNegativeDouble(String key) {
        double d = doubleValue(key);
        if (!(d >= 0)) {
            throw new IllegalArgumentException(key + " must not be negative: " + string(key));
        }
        return d;
    }

    boolean bool(String key) {
        return Boolean.parseBoolean(string(key));
    }
}

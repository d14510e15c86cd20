package org.mekongledger.bench;

import java.time.DateTimeException;
import java.util.Arrays;
import java.util.Map;

/** The {@code main} of every benchmark: --help, option errors and the exit status. */
final class BenchmarkMain {

    /** Builds the benchmark from its settings (throwing IllegalArgumentException on a bad one) and runs it. */
    interface Benchmark {
        int run(BenchmarkSettings settings) throws Exception;
    }

    private BenchmarkMain() {
    }

    static void run(String[] args, Map<String, String> defaults, Benchmark benchmark) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(BenchmarkSettings.usage(defaults));
            return;
        }
        int code;
        try {
            code = benchmark.run(BenchmarkSettings.parse(defaults, args));
        } catch (IllegalArgumentException | DateTimeException e) {
            System.err.println("bad option: " + e.getMessage());
            System.err.print(BenchmarkSettings.usage(defaults));
            code = 2;
        } catch (Exception e) {
            e.printStackTrace();
            code = 2;
        }
        System.out.flush();
        System.exit(code);
    }
}

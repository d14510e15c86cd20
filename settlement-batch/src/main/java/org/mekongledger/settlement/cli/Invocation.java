package org.mekongledger.settlement.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command line: the command, its own options ({@code --run-date=...}), and configuration
 * overrides ({@code --ledger.url=...}, {@code --spring.datasource.url=...}: any option whose name
 * has a dot), which go to Spring as they are.
 */
public record Invocation(String command, Map<String, String> options, List<String> configuration) {

    public static final String USAGE = """
            usage: java -jar settlement-batch.jar <command> [--options] [--config.key=value ...]
              settle        --run-date=YYYY-MM-DD --out=DIR
                            freeze the claims payable up to the run date, instruct them, write the bank files
              import-status --file=PAIN002.xml
                            apply a bank's pain.002 status report (all or nothing)
              reconcile     --run-date=YYYY-MM-DD [--out=DIR]
                            compare the run with the ledger (and the files with the manifest)
              simulate-bank --pain001=FILE --out=FILE [--reject-every=N] [--reject-code=AC04] [--pending-every=M]
                            [--msg-id=ID]  write a bank's pain.002 on a pain.001 (demos, tests, bench)
            configuration: --ledger.url= --ledger.username= --ledger.password= --spring.datasource.url= ...
              (or the environment: LEDGER_URL, SPRING_DATASOURCE_URL, ...)
            exit codes: 0 done, 1 refused or failed, 2 usage error""";

    private static final Map<String, Set<String>> REQUIRED = Map.of(
            "settle", Set.of("run-date", "out"),
            "import-status", Set.of("file"),
            "reconcile", Set.of("run-date"),
            "simulate-bank", Set.of("pain001", "out"));
    private static final Map<String, Set<String>> OPTIONAL = Map.of(
            "settle", Set.of(),
            "import-status", Set.of(),
            "reconcile", Set.of("out"),
            "simulate-bank", Set.of("reject-every", "reject-code", "pending-every", "msg-id"));

    public static Invocation parse(String... arguments) {
        if (arguments.length == 0) {
            throw new UsageError("no command given");
        }
        String command = arguments[0];
        if (!REQUIRED.containsKey(command)) {
            throw new UsageError("unknown command: " + command);
        }
        Map<String, String> options = new LinkedHashMap<>();
        List<String> configuration = new ArrayList<>();
        for (int i = 1; i < arguments.length; i++) {
            String argument = arguments[i];
            int equals = argument.indexOf('=');
            if (!argument.startsWith("--") || equals < 3) {
                throw new UsageError("expected --name=value, not: " + argument);
            }
            String name = argument.substring(2, equals);
            String value = argument.substring(equals + 1);
            if (name.contains(".")) {
                configuration.add(argument);
                continue;
            }
            if (!REQUIRED.get(command).contains(name) && !OPTIONAL.get(command).contains(name)) {
                throw new UsageError(command + " has no option --" + name);
            }
            if (value.isBlank()) {
                throw new UsageError("--" + name + " needs a value");
            }
            if (options.put(name, value) != null) {
                throw new UsageError("--" + name + " given twice");
            }
        }
        for (String required : REQUIRED.get(command)) {
            if (!options.containsKey(required)) {
                throw new UsageError(command + " needs --" + required);
            }
        }
        Invocation invocation = new Invocation(command, options, configuration);
        if (options.containsKey("run-date")) {
            invocation.date("run-date");
        }
        for (String number : List.of("reject-every", "pending-every")) {
            if (options.containsKey(number)) {
                invocation.positive(number);
            }
        }
        if (options.containsKey("reject-code") && !options.get("reject-code").matches("[A-Z0-9]{1,4}")) {
            throw new UsageError("--reject-code must be an ISO 20022 reason code (1 to 4 of A-Z, 0-9), e.g. AC04");
        }
        if (options.containsKey("msg-id") && !options.get("msg-id").matches("[A-Za-z0-9-]{1,35}")) {
            throw new UsageError("--msg-id must be 1 to 35 of [A-Za-z0-9-]");
        }
        return invocation;
    }

    public LocalDate date(String name) {
        try {
            return LocalDate.parse(options.get(name));
        } catch (DateTimeParseException notADate) {
            throw new UsageError("--" + name + " must be a date YYYY-MM-DD, not " + options.get(name));
        }
    }

    public Path path(String name) {
        return options.containsKey(name) ? Path.of(options.get(name)) : null;
    }

    public int positive(String name) {
        if (!options.containsKey(name)) {
            return 0;
        }
        try {
            int value = Integer.parseInt(options.get(name));
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException notPositive) {
            throw new UsageError("--" + name + " must be a whole number above zero, not " + options.get(name));
        }
    }

    public String option(String name, String otherwise) {
        return options.getOrDefault(name, otherwise);
    }
}

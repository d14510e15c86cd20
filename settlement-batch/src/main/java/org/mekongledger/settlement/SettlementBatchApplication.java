package org.mekongledger.settlement;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

import org.mekongledger.settlement.bank.BankSimulator;
import org.mekongledger.settlement.cli.Invocation;
import org.mekongledger.settlement.cli.UsageError;
import org.mekongledger.settlement.reconcile.Reconciliation;
import org.mekongledger.settlement.run.SettleCommand;
import org.mekongledger.settlement.status.StatusImport;

/**
 * The settlement batch's command line: {@code settle}, {@code import-status}, {@code reconcile},
 * {@code simulate-bank}. Exit codes: 0 done, 1 refused (a business reason, or a failure), 2 usage.
 * Messages go to stderr, plain; the commands' results to stdout. Never a payee detail.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {BatchAutoConfiguration.class, BatchJobLauncherAutoConfiguration.class})
@ComponentScan(basePackages = "org.mekongledger.settlement.config")
public class SettlementBatchApplication {

    public static void main(String[] arguments) {
        System.exit(run(arguments, System.out, System.err));
    }

    public static int run(String[] arguments, PrintStream out, PrintStream err) {
        Invocation invocation;
        try {
            invocation = Invocation.parse(arguments);
        } catch (UsageError wrong) {
            err.println(wrong.getMessage());
            err.println(Invocation.USAGE);
            return 2;
        }
        try {
            if (invocation.command().equals("simulate-bank")) {
                String id = BankSimulator.simulate(invocation.path("pain001"), invocation.path("out"),
                        invocation.positive("reject-every"), invocation.option("reject-code", "AC04"),
                        invocation.positive("pending-every"), invocation.options().get("msg-id"));
                out.println("status report " + id + " written to " + invocation.path("out"));
                return 0;
            }
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SettlementBatchApplication.class)
                    .web(WebApplicationType.NONE).logStartupInfo(false)
                    .run(invocation.configuration().toArray(String[]::new))) {
                return execute(invocation, context, out, err);
            }
        } catch (UsageError wrong) {
            err.println(wrong.getMessage());
            err.println(Invocation.USAGE);
            return 2;
        } catch (Refusal refused) {
            err.println(refused.getMessage());
            return 1;
        } catch (Exception failed) {
            err.println(invocation.command() + " failed: " + rootMessage(failed));
            return 1;
        }
    }

    private static int execute(Invocation invocation, ConfigurableApplicationContext context, PrintStream out,
                               PrintStream err) throws Exception {
        switch (invocation.command()) {
            case "settle" -> context.getBean(SettleCommand.class).settle(invocation.date("run-date"),
                    invocation.path("out"), out);
            case "import-status" -> context.getBean(StatusImport.class).importReport(invocation.path("file"), out);
            case "reconcile" -> {
                Path files = invocation.path("out");
                List<String> differences = context.getBean(Reconciliation.class).reconcile(invocation.date("run-date"),
                        files, out);
                if (!differences.isEmpty()) {
                    err.println("reconciliation of " + invocation.date("run-date") + " found " + differences.size()
                            + " differences:");
                    differences.forEach(difference -> err.println("  " + difference));
                    return 1;
                }
                out.println("reconciled: clean");
            }
            default -> throw new UsageError("unknown command: " + invocation.command());
        }
        return 0;
    }

    private static String rootMessage(Throwable failed) {
        StringBuilder message = new StringBuilder(String.valueOf(failed.getMessage()));
        Throwable cause = failed.getCause();
        for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
            if (cause instanceof Refusal) {
                return cause.getMessage();
            }
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
        }
        return message.toString();
    }
}

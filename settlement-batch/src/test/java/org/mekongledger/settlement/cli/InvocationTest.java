package org.mekongledger.settlement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.mekongledger.settlement.SettlementBatchApplication;

class InvocationTest {

    @Test
    void commandOptionsAndConfigurationOverridesAreToldApart() {
        Invocation invocation = Invocation.parse("settle", "--run-date=2026-12-01", "--out=/tmp/x",
                "--ledger.url=http://ledger:8080", "--spring.datasource.url=jdbc:postgresql://db/x");
        assertThat(invocation.date("run-date")).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(invocation.path("out")).hasToString("/tmp/x");
        assertThat(invocation.configuration()).containsExactly("--ledger.url=http://ledger:8080",
                "--spring.datasource.url=jdbc:postgresql://db/x");
    }

    @Test
    void wrongCommandLinesAreUsageErrors() {
        assertThatThrownBy(() -> Invocation.parse()).isInstanceOf(UsageError.class);
        assertThatThrownBy(() -> Invocation.parse("pay")).hasMessageContaining("unknown command");
        assertThatThrownBy(() -> Invocation.parse("settle", "--run-date=2026-12-01")).hasMessageContaining("--out");
        assertThatThrownBy(() -> Invocation.parse("settle", "--run-date=01/12/2026", "--out=x"))
                .hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> Invocation.parse("settle", "--run-date=2026-12-01", "--out=x", "--force=yes"))
                .hasMessageContaining("no option --force");
        assertThatThrownBy(() -> Invocation.parse("settle", "--run-date=2026-12-01", "--run-date=2026-12-02", "--out=x"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> Invocation.parse("settle", "2026-12-01")).hasMessageContaining("--name=value");
        assertThatThrownBy(() -> Invocation.parse("import-status", "--file=")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Invocation.parse("simulate-bank", "--pain001=a", "--out=b", "--reject-every=0"))
                .hasMessageContaining("above zero");
        assertThatThrownBy(() -> Invocation.parse("simulate-bank", "--pain001=a", "--out=b", "--reject-code=<x>"))
                .hasMessageContaining("reason code");
    }

    @Test
    void aUsageErrorExitsTwoWithTheUsageOnStderrAndStartsNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SettlementBatchApplication.run(new String[] {"reconcile"}, new PrintStream(out),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("reconcile needs --run-date").contains("usage:");
    }

    @Test
    void simulateBankOnAMissingFileIsARefusal() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SettlementBatchApplication.run(new String[] {"simulate-bank", "--pain001=/nonexistent.xml",
                "--out=/tmp/never.xml"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no pain.001 file");
    }
}

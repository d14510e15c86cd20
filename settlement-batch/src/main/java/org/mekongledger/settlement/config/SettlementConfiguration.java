package org.mekongledger.settlement.config;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.mekongledger.settlement.ledger.Ledger;
import org.mekongledger.settlement.ledger.RestLedger;
import org.mekongledger.settlement.reconcile.Reconciliation;
import org.mekongledger.settlement.run.Payments;
import org.mekongledger.settlement.run.RunFiles;
import org.mekongledger.settlement.run.RunSelection;
import org.mekongledger.settlement.run.SettleCommand;
import org.mekongledger.settlement.run.SettleJob;
import org.mekongledger.settlement.status.StatusImport;

/** The batch's parts, wired once; tests replace {@link Ledger} and {@link Clock} with their own (as @Primary). */
@Configuration(proxyBeanMethods = false)
public class SettlementConfiguration {

    @Bean
    Ledger restLedger(LedgerProperties properties) {
        return new RestLedger(properties);
    }

    @Bean
    Clock systemClock() {
        return Clock.systemUTC();
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    @Bean
    Payments payments(JdbcTemplate jdbc) {
        return new Payments(jdbc);
    }

    @Bean
    RunSelection runSelection(Ledger ledger, Payments payments, TransactionTemplate transaction,
                              SettlementProperties configuration, Clock clock,
                              @Value("${settlement.page-size:5000}") int pageSize) {
        configuration.check();
        return new RunSelection(ledger, payments, transaction, configuration, clock, pageSize);
    }

    @Bean
    RunFiles runFiles(JdbcTemplate jdbc, TransactionTemplate transaction, Payments payments,
                      SettlementProperties configuration) {
        return new RunFiles(jdbc, transaction, payments, configuration);
    }

    @Bean
    SettleJob settleJob(JobRepository repository, PlatformTransactionManager transactionManager, RunSelection selection,
                        Payments payments, Ledger ledger, RunFiles files,
                        @Value("${settlement.chunk-size:1000}") int chunkSize,
                        @Value("${settlement.requests-in-flight:2}") int requestsInFlight) {
        return new SettleJob(repository, transactionManager, selection, payments, ledger, files, chunkSize,
                requestsInFlight);
    }

    @Bean
    SettleCommand settleCommand(DataSource dataSource, JobOperator jobOperator, SettleJob settleJob, JdbcTemplate jdbc) {
        return new SettleCommand(dataSource, jobOperator, settleJob, jdbc);
    }

    @Bean
    StatusImport statusImport(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transaction, Ledger ledger) {
        return new StatusImport(dataSource, jdbc, transaction, ledger);
    }

    @Bean
    Reconciliation reconciliation(JdbcTemplate jdbc, Ledger ledger,
                                  @Value("${settlement.reconcile.journal-wait:30s}") Duration journalWait) {
        return new Reconciliation(jdbc, ledger, journalWait);
    }
}

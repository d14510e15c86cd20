package org.mekongledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.mekongledger.support.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migration V16 moves every welfare-fee entry into the one journal, with its entry id, event id,
 * amounts and booking time, and leaves the wage entries as they were: nothing is lost, nothing doubled.
 */
class OneJournalMigrationTest {

    private static final String SCHEMA = "ledger";

    @Test
    void movesEveryFeeEntryIntoTheOneJournalKeepingItsIdsAndAmounts() {
        TestDatabases.Database database = TestDatabases.fresh(OneJournalMigrationTest.class);
        migrate(database, "15");
        SingleConnectionDataSource owner = new SingleConnectionDataSource(database.url(), database.ownerUsername(),
                database.ownerPassword(), true);
        JdbcTemplate jdbc = new JdbcTemplate(owner);
        jdbc.execute("set search_path to " + SCHEMA);
        jdbc.update("""
                insert into ledger_entry (event_id, kind, worker_id, scheme, filing_id, employer_account, period,
                    rule_set_version, currency, wage, insurable_wage, employee_smid, employee_caoa, employee_unemp,
                    employer_smid, employer_caoa, employer_unemp, government_smid, government_caoa, government_unemp,
                    booked_at)
                values ('e-wage-1', 'CONTRIBUTION', 'W-1', 'TH_SSF_S33', 'F-1', '1000000017', '2026-03', '2020-12', 'THB',
                        20000.00, 15000.00, 225.00, 450.00, 75.00, 225.00, 450.00, 75.00, 0.00, 150.00, 37.50,
                        '2026-03-31T10:00:00Z')""");
        jdbc.update("""
                insert into welfare_fee_entry (event_id, kind, worker_id, scheme, filing_id, employer_account, period,
                    rule_set_version, payer, currency, amount, booked_at)
                values ('e-fee-1', 'CONTRIBUTION', 'W-2', 'VN_OESF', 'F-2', '1000000017', '2026-03', '2024-01', 'WORKER',
                        'VND', 100000, '2026-03-31T10:01:00Z'),
                       ('e-fee-2', 'CONTRIBUTION', 'W-2', 'VN_OESF', 'F-2', '1000000017', '2026-03', '2024-01',
                        'RECRUITMENT_AGENCY', 'VND', 150000, '2026-03-31T10:02:00Z'),
                       ('e-fee-3', 'REVERSAL', 'W-2', 'VN_OESF', 'F-2', '1000000017', '2026-03', null, 'WORKER',
                        'VND', 100000, '2026-04-01T08:00:00Z')""");
        jdbc.update("""
                insert into ledger_entry (event_id, kind, worker_id, scheme, filing_id, employer_account, period,
                    rule_set_version, currency, wage, insurable_wage, employee_smid, employee_caoa, employee_unemp,
                    employer_smid, employer_caoa, employer_unemp, government_smid, government_caoa, government_unemp,
                    booked_at)
                values ('e-wage-2', 'REVERSAL', 'W-1', 'TH_SSF_S33', 'F-1', '1000000017', '2026-03', null, 'THB',
                        20000.00, 15000.00, 225.00, 450.00, 75.00, 225.00, 450.00, 75.00, 0.00, 150.00, 37.50,
                        '2026-04-01T09:00:00Z')""");
        List<Map<String, Object>> fees = jdbc.queryForList("""
                select entry_id, event_id, kind, worker_id, scheme, filing_id, employer_account, period, rule_set_version,
                       payer, currency, amount as fee, booked_at
                from welfare_fee_entry order by entry_id""");
        List<Map<String, Object>> wages = jdbc.queryForList("select * from ledger_entry order by entry_id");

        migrate(database, "16");

        assertThat(jdbc.queryForObject("select to_regclass('welfare_fee_entry') is null", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from ledger_entry", Long.class)).isEqualTo(5);
        assertThat(jdbc.queryForList("""
                select entry_id, event_id, kind, worker_id, scheme, filing_id, employer_account, period, rule_set_version,
                       payer, currency, fee, booked_at
                from ledger_entry where line_kind = 'FEE' order by entry_id""")).isEqualTo(fees);
        List<Map<String, Object>> wagesAfter = jdbc.queryForList("""
                select * from ledger_entry where line_kind = 'WAGE' order by entry_id""");
        wagesAfter.forEach(row -> {
            assertThat(row.remove("line_kind")).isEqualTo("WAGE");
            assertThat(row.remove("payer")).isNull();
            assertThat(row.remove("fee")).isNull();
        });
        assertThat(wagesAfter).isEqualTo(wages);
        // entry ids stay unique across the kinds, and the next one follows them all
        assertThat(jdbc.queryForObject("select count(distinct entry_id) from ledger_entry", Long.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select nextval('ledger_entry_entry_id_seq') > max(entry_id) from ledger_entry",
                Boolean.class)).isTrue();
        // the service's role may still book, read and replay the journal
        for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE")) {
            assertThat(jdbc.queryForObject("select has_table_privilege(?, 'ledger_entry', ?)", Boolean.class,
                    TestDatabases.RUNTIME_USER, privilege)).as(privilege).isTrue();
        }
        // and the journal's reads find the moved entries where they were
        LedgerQueries queries = new LedgerQueries(org.springframework.jdbc.core.simple.JdbcClient.create(owner));
        assertThat(queries.entries("W-2", 0, 10)).extracting(LedgerQueries.Entry::entryId)
                .containsExactlyElementsOf(fees.stream().map(fee -> ((Number) fee.get("entry_id")).longValue())
                        .sorted(java.util.Comparator.reverseOrder()).toList());
        assertThat(queries.entryCount("W-2")).isEqualTo(3);
        assertThat(queries.balances("W-2")).singleElement().satisfies(fund -> {
            assertThat(fund.scheme()).isEqualTo("VN_OESF");
            assertThat(fund.months()).as("its filing is reversed").isZero();
            assertThat(fund.balances()).extracting(LedgerQueries.Balance::payer)
                    .containsExactly("RECRUITMENT_AGENCY", "WORKER");
            assertThat(fund.balances()).extracting(LedgerQueries.Balance::amount)
                    .usingElementComparator(java.math.BigDecimal::compareTo)
                    .containsExactly(new java.math.BigDecimal("150000"), java.math.BigDecimal.ZERO);
        });
        assertThat(queries.balances("W-1")).singleElement().satisfies(scheme -> {
            assertThat(scheme.months()).isZero();
            assertThat(scheme.balances()).hasSize(9)
                    .allSatisfy(balance -> assertThat(balance.amount()).isEqualByComparingTo("0"));
        });
        assertThat(queries.standingFees("W-2")).as("its filing is reversed").isEmpty();
        assertThat(queries.standingMonths("W-1", "TH_SSF_S33")).isEmpty();
        owner.destroy();
    }

    private static void migrate(TestDatabases.Database database, String target) {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(database.url(), database.ownerUsername(), database.ownerPassword())
                .locations("classpath:db/migration")
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .placeholders(Map.of("runtime-user", database.username(), "runtime-password", database.password()))
                .target(target);
        configuration.load().migrate();
    }
}

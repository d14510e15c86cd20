package org.mekongledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.mekongledger.support.TestDatabases;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migration V21 lets benefit entries into the one journal and keeps each kind of line to its own
 * columns: a filing line still needs its filing, employer and period and takes no benefit column; a
 * benefit entry takes no filing column, and its kind of entry decides which settlement columns it
 * must and must not have. Entries booked before are untouched; with claims already filed, the ledger
 * projection's tokens are removed so it reads the store again and books their events.
 */
class BenefitJournalMigrationTest {

    private static final String SCHEMA = "ledger";
    private static final String WAGE = """
            insert into ledger_entry (event_id, kind, line_kind, worker_id, scheme, filing_id, employer_account, period,
                rule_set_version, currency, wage, insurable_wage, employee_smid, employee_caoa, employee_unemp,
                employer_smid, employer_caoa, employer_unemp, government_smid, government_caoa, government_unemp,
                booked_at)
            values (?, 'CONTRIBUTION', 'WAGE', 'W-1', 'TH_SSF_S33', ?, '1000000017', '2026-03', '2020-12', 'THB',
                    20000.00, 15000.00, 225.00, 450.00, 75.00, 225.00, 450.00, 75.00, 0.00, 150.00, 37.50,
                    '2026-03-31T10:00:00Z')""";
    private static final String FEE = """
            insert into ledger_entry (event_id, kind, line_kind, worker_id, scheme, filing_id, employer_account, period,
                rule_set_version, currency, payer, fee, booked_at)
            values (?, ?, 'FEE', 'W-2', 'VN_OESF', 'F-2', '1000000017', '2026-03', '2024-01', 'THB', 'WORKER', 100.00,
                    '2026-03-31T10:01:00Z')""";
    /** A benefit entry: every settlement column given, to be nulled per case. */
    private static final String BENEFIT = """
            insert into ledger_entry (event_id, kind, line_kind, worker_id, scheme, filing_id, currency, claim_id,
                benefit, amount, settlement_run, end_to_end_id, debtor_account, paid_amount, paid_currency, fx_rate,
                fx_rate_date, fx_source, bank_reference, status_report, reason_code, booked_at)
            values (?, ?, 'BENEFIT', 'W-3', 'TH_SSF_S33', ?, 'THB', 'C-1', 'OLD_AGE_LUMP_SUM', ?, ?, ?,
                    case when ? then 'FUNDKHR01' end, ?, case when ? then 'KHR' end, ?,
                    case when ? then date '2026-12-01' end, case when ? then 'BOT' end, ?, ?, ?,
                    '2026-12-02T10:00:00Z')""";

    @Test
    void benefitEntriesJoinTheJournalAndEveryKindKeepsToItsColumns() {
        TestDatabases.Database database = TestDatabases.fresh(BenefitJournalMigrationTest.class);
        migrate(database, "18");
        SingleConnectionDataSource owner = new SingleConnectionDataSource(database.url(), database.ownerUsername(),
                database.ownerPassword(), true);
        JdbcTemplate jdbc = new JdbcTemplate(owner);
        jdbc.execute("set search_path to " + SCHEMA);
        jdbc.update(WAGE, "e-wage-1", "F-1");
        jdbc.update(FEE, "e-fee-1", "CONTRIBUTION");
        jdbc.update("""
                insert into claim_view (claim_id, worker_id, worker_name, nationality, scheme, benefit, as_of, status,
                    amount, currency, payee, payee_name_matches, filed_assessment, filed_by, filed_at)
                values ('C-0', 'W-3', 'Thida Sok', 'KHM', 'TH_SSF_S33', 'OLD_AGE_LUMP_SUM', '2026-01-01', 'APPROVED',
                        1080.00, 'THB', '{}', true, '{}', 'claims-officer', '2026-01-02T10:00:00Z')""");
        for (String processor : List.of("ledger", "audit")) {
            jdbc.update("insert into token_entry (processor_name, segment, token, token_type) values (?, 0, null, null)",
                    processor);
        }
        List<Map<String, Object>> before = jdbc.queryForList("select * from ledger_entry order by entry_id");

        migrate(database, null);

        List<Map<String, Object>> after = jdbc.queryForList("select * from ledger_entry order by entry_id");
        after.forEach(row -> {
            for (String column : List.of("claim_id", "benefit", "amount", "settlement_run", "end_to_end_id",
                    "debtor_account", "paid_amount", "paid_currency", "fx_rate", "fx_rate_date", "fx_source",
                    "bank_reference", "status_report", "reason_code")) {
                assertThat(row.remove(column)).as(column).isNull();
            }
        });
        assertThat(after).isEqualTo(before);
        assertThat(jdbc.queryForList("select processor_name from token_entry", String.class)).containsExactly("audit");
        for (String table : List.of("ledger_claim", "run_instruction")) {
            for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "TRUNCATE")) {
                assertThat(jdbc.queryForObject("select has_table_privilege(?, ?, ?)", Boolean.class,
                        TestDatabases.RUNTIME_USER, table, privilege)).as(table + " " + privilege).isTrue();
            }
        }

        // each kind as the projection books it
        jdbc.update(BENEFIT, benefit("e-approval", "BENEFIT_APPROVAL", null, 1080, null, null, null, null, null, null,
                null));
        jdbc.update(BENEFIT, benefit("e-paid", "BENEFIT_PAYMENT", null, 1080, "SR-2026-12-01", "c1-1", 39420, 36.5,
                "ABA-1", "P2-1", null));
        jdbc.update(BENEFIT, benefit("e-failed", "BENEFIT_REVERSAL", null, 1080, "SR-2026-12-01", "c1-1", 39420, 36.5,
                null, "P2-2", "AC04"));
        jdbc.update(BENEFIT, benefit("e-failed-no-code", "BENEFIT_REVERSAL", null, 1080, "SR-2026-12-01", "c1-1", 39420,
                36.5, null, "P2-2", null));
        jdbc.update(WAGE, "e-wage-2", "F-3");
        jdbc.update(FEE, "e-fee-2", "REVERSAL");

        // and every mix refused
        refusedBenefit(jdbc, "a benefit with a filing", "BENEFIT_APPROVAL", "F-1", 1080, null, null, null, null, null,
                null, null);
        refusedBenefit(jdbc, "an approval with an instruction", "BENEFIT_APPROVAL", null, 1080, "SR-2026-12-01",
                "c1-1", 39420, 36.5, null, null, null);
        refusedBenefit(jdbc, "a payment without its paid amount", "BENEFIT_PAYMENT", null, 1080, "SR-2026-12-01",
                "c1-1", null, 36.5, "ABA-1", "P2-1", null);
        refusedBenefit(jdbc, "a payment without its status report", "BENEFIT_PAYMENT", null, 1080, "SR-2026-12-01",
                "c1-1", 39420, 36.5, "ABA-1", null, null);
        refusedBenefit(jdbc, "a payment with a reason code", "BENEFIT_PAYMENT", null, 1080, "SR-2026-12-01",
                "c1-1", 39420, 36.5, "ABA-1", "P2-1", "AC04");
        refusedBenefit(jdbc, "a reversal with a bank reference", "BENEFIT_REVERSAL", null, 1080, "SR-2026-12-01",
                "c1-1", 39420, 36.5, "ABA-1", "P2-1", "AC04");
        refusedBenefit(jdbc, "a benefit booked as a contribution", "CONTRIBUTION", null, 1080, null, null, null, null,
                null, null, null);
        refusedBenefit(jdbc, "a negative benefit", "BENEFIT_APPROVAL", null, -1, null, null, null, null, null, null,
                null);
        refusedBenefit(jdbc, "a rate of zero", "BENEFIT_PAYMENT", null, 1080, "SR-2026-12-01", "c1-1", 39420, 0,
                "ABA-1", "P2-1", null);
        refusedBenefit(jdbc, "a benefit without its amount", "BENEFIT_APPROVAL", null, null, null, null, null, null,
                null, null, null);
        refused(jdbc, FEE, "a fee booked as a benefit payment", "BENEFIT_PAYMENT");
        refused(jdbc, WAGE.replace("?, '1000000017'", "?, null"), "a wage line without its employer", "F-4");
        refused(jdbc, WAGE.replace("booked_at)", "claim_id, booked_at)").replace("'2026-03-31T10:00:00Z')",
                "'2026-03-31T10:00:00Z', 'C-1')"), "a wage line naming a claim", "F-5");
        owner.destroy();
    }

    /**
     * A benefit entry's arguments: event id, kind, filing, amount, run, end-to-end id, paid amount,
     * rate, bank reference, status report, reason code; the instruction's debtor account, paid
     * currency, rate day and source go with its run.
     */
    private static Object[] benefit(Object... given) {
        boolean instructed = given[4] != null;
        return new Object[] {given[0], given[1], given[2], given[3], given[4], given[5], instructed, given[6],
                instructed, given[7], instructed, instructed, given[8], given[9], given[10]};
    }

    private static void refusedBenefit(JdbcTemplate jdbc, String what, Object... arguments) {
        Object[] withEventId = new Object[arguments.length + 1];
        withEventId[0] = "e-" + what.replace(' ', '-');
        System.arraycopy(arguments, 0, withEventId, 1, arguments.length);
        assertThatThrownBy(() -> jdbc.update(BENEFIT, benefit(withEventId))).as(what)
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static void refused(JdbcTemplate jdbc, String insert, String what, Object... arguments) {
        Object[] withEventId = new Object[arguments.length + 1];
        withEventId[0] = "e-" + what.replace(' ', '-');
        System.arraycopy(arguments, 0, withEventId, 1, arguments.length);
        assertThatThrownBy(() -> jdbc.update(insert, withEventId)).as(what)
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static void migrate(TestDatabases.Database database, String target) {
        var configuration = Flyway.configure()
                .dataSource(database.url(), database.ownerUsername(), database.ownerPassword())
                .locations("classpath:db/migration")
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .placeholders(Map.of("runtime-user", database.username(), "runtime-password", database.password()));
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }
}

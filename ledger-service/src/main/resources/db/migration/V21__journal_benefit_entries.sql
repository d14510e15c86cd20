-- Benefit payments join the one journal (V16) as a third kind of line, BENEFIT, booked in THB, the
-- fund's book currency:
--   BENEFIT_APPROVAL  (ClaimApproved) Dr <scheme>/BENEFIT_EXPENSE/<benefit>, Cr <scheme>/BENEFIT_LIABILITY
--   BENEFIT_PAYMENT   (ClaimPaid)     Dr <scheme>/BENEFIT_LIABILITY,         Cr <scheme>/BANK_CLEARING/<paid currency>
--   BENEFIT_REVERSAL  (ClaimFailed)   the approval undone: Dr BENEFIT_LIABILITY, Cr BENEFIT_EXPENSE/<benefit>
-- A benefit entry belongs to a claim, not to a filing: it has no filing, employer or period. What it
-- keeps instead: the claim and its benefit, the THB amount, and for a payment or a failure the
-- instruction the bank was given (run, end-to-end id, debtor account, the amount paid in the payee's
-- currency, the rate, its day and source) and the bank's status report.
--
-- Every new column is nullable without a default, and dropping NOT NULL is a catalogue change: the
-- journal is not rewritten, however long.
alter table ledger_entry
    add column claim_id       varchar(64),
    add column benefit        varchar(64),
    add column amount         numeric(17,2),
    add column settlement_run varchar(64),
    add column end_to_end_id  varchar(35),
    add column debtor_account varchar(35),
    -- as instructed, at the paid currency's ISO 4217 minor units (unconstrained numeric keeps that scale)
    add column paid_amount    numeric,
    add column paid_currency  char(3),
    add column fx_rate        numeric,
    add column fx_rate_date   date,
    add column fx_source      varchar(200),
    add column bank_reference varchar(64),
    add column status_report  varchar(35),
    add column reason_code    varchar(32);
alter table ledger_entry
    alter column filing_id drop not null,
    alter column employer_account drop not null,
    alter column period drop not null;

-- Each kind keeps its own columns and only those; a filing line still always has its filing,
-- employer and period, and a benefit line's kind of entry says which settlement columns it has.
-- Added NOT VALID and validated apart: the check of the existing journal then takes no lock that
-- stops the projection's writes.
alter table ledger_entry drop constraint ledger_entry_line_columns;
alter table ledger_entry add constraint ledger_entry_line_columns check (
    (line_kind in ('WAGE', 'FEE')
        and kind in ('CONTRIBUTION', 'REVERSAL')
        and num_nulls(filing_id, employer_account, period) = 0
        and num_nonnulls(claim_id, benefit, amount, settlement_run, end_to_end_id, debtor_account, paid_amount,
                         paid_currency, fx_rate, fx_rate_date, fx_source, bank_reference, status_report,
                         reason_code) = 0
        and ((line_kind = 'WAGE' and payer is null and fee is null
                and num_nulls(wage, insurable_wage, employee_smid, employee_caoa, employee_unemp, employer_smid,
                              employer_caoa, employer_unemp, government_smid, government_caoa, government_unemp) = 0)
            or (line_kind = 'FEE' and payer is not null and fee is not null
                and num_nonnulls(wage, insurable_wage, employee_smid, employee_caoa, employee_unemp, employer_smid,
                                 employer_caoa, employer_unemp, government_smid, government_caoa,
                                 government_unemp) = 0)))
    or (line_kind = 'BENEFIT'
        and num_nonnulls(filing_id, employer_account, period, rule_set_version, payer, fee, wage, insurable_wage,
                         employee_smid, employee_caoa, employee_unemp, employer_smid, employer_caoa, employer_unemp,
                         government_smid, government_caoa, government_unemp) = 0
        and num_nulls(claim_id, benefit, amount) = 0 and amount >= 0
        and ((kind = 'BENEFIT_APPROVAL'
                and num_nonnulls(settlement_run, end_to_end_id, debtor_account, paid_amount, paid_currency, fx_rate,
                                 fx_rate_date, fx_source, bank_reference, status_report, reason_code) = 0)
            or (kind = 'BENEFIT_PAYMENT' and reason_code is null
                and num_nulls(settlement_run, end_to_end_id, debtor_account, paid_amount, paid_currency, fx_rate,
                              fx_rate_date, fx_source, status_report) = 0)
            or (kind = 'BENEFIT_REVERSAL' and bank_reference is null
                and num_nulls(settlement_run, end_to_end_id, debtor_account, paid_amount, paid_currency, fx_rate,
                              fx_rate_date, fx_source, status_report) = 0)))) not valid;
alter table ledger_entry validate constraint ledger_entry_line_columns;
alter table ledger_entry add constraint ledger_entry_paid_amounts check (paid_amount >= 0 and fx_rate > 0);

-- A settlement run's payments and failures, for its summary (GET /settlement/runs/{run}); partial,
-- so the filing lines, the bulk of the journal, are not in it.
create index ledger_entry_settlement_run on ledger_entry (settlement_run) where settlement_run is not null;

-- The claims the journal books benefits for: ClaimApproved, ClaimPaid and ClaimFailed name the claim
-- but not its scheme and benefit, which its ClaimFiled carries. The ledger projection keeps them
-- from ClaimFiled itself (rebuilt with the journal on a replay), so an entry is booked from the
-- event store alone.
create table ledger_claim (
    claim_id  varchar(64) not null primary key,
    worker_id varchar(64) not null,
    scheme    varchar(32) not null,
    benefit   varchar(64) not null
);

-- What each settlement run instructed, one row per instruction (its EndToEndId), and what became of
-- it as the ledger has seen it: SCHEDULED until the bank's outcome, then PAID or FAILED. Kept by the
-- ledger projection with the journal (so a run's claims and its postings agree once the projection
-- has caught up), and per instruction rather than per claim: a claim that failed and was approved
-- again and paid in a later run still counts as failed in the first run and as paid in the second.
create table run_instruction (
    end_to_end_id  varchar(35)  not null primary key,
    settlement_run varchar(64)  not null,
    claim_id       varchar(64)  not null,
    worker_id      varchar(64)  not null,
    amount         numeric(17,2) not null,
    currency       char(3)      not null,
    paid_amount    numeric      not null,
    paid_currency  char(3)      not null,
    status         varchar(16)  not null check (status in ('SCHEDULED', 'PAID', 'FAILED'))
);
create index run_instruction_run on run_instruction (settlement_run, paid_currency, status);

-- Claim events stored before this migration were passed over by the ledger projection (it had no
-- handler for them). If there are any, its tokens are removed so that it reads the store once more
-- on start: every entry booked before is skipped (one entry per event, V15; the filing register is
-- written "on conflict do nothing"), the claims are learnt and their approvals, payments and
-- failures booked. Until it has caught up, its lag (health, reconciliation) says so. Stop replicas
-- of the previous version before migrating: one of them re-reading the store would pass the claim
-- events over again (the reconciliation would then list them; removing the ledger's tokens again
-- with every replica on this version books them).
delete from token_entry where processor_name = 'ledger' and exists (select 1 from claim_view);

-- One journal for every kind of filing line. Wage lines (Section 33 person-months) and welfare-fund
-- fee lines were booked into two tables, so every read and the reconciliation were written twice
-- and a third kind (benefit payments) would have added a third table. Now ledger_entry holds them
-- all: line_kind says which, and each kind fills its own columns (wage and the nine party x branch
-- amounts; or payer and fee), which the check below keeps apart.
--
-- The constant default makes the new column a catalogue change only, however long the journal;
-- wage rows, the bulk of it, are 'WAGE'.
alter table ledger_entry add column line_kind varchar(16) not null default 'WAGE';
alter table ledger_entry add column payer varchar(32);
alter table ledger_entry add column fee numeric(17,2);
alter table ledger_entry
    alter column wage drop not null,
    alter column insurable_wage drop not null,
    alter column employee_smid drop not null,
    alter column employee_caoa drop not null,
    alter column employee_unemp drop not null,
    alter column employer_smid drop not null,
    alter column employer_caoa drop not null,
    alter column employer_unemp drop not null,
    alter column government_smid drop not null,
    alter column government_caoa drop not null,
    alter column government_unemp drop not null;

-- Every fee entry moves with its own entry id (both tables drew from ledger_entry's sequence since
-- V9, so ids stay unique and a worker's entries keep their order), event id and booking time. The
-- unique event_id index (V15) now covers both kinds.
insert into ledger_entry (entry_id, event_id, kind, line_kind, worker_id, scheme, filing_id, employer_account,
                          period, rule_set_version, currency, payer, fee, booked_at)
select entry_id, event_id, kind, 'FEE', worker_id, scheme, filing_id, employer_account,
       period, rule_set_version, currency, payer, amount, booked_at
from welfare_fee_entry;

do $$
begin
    if (select count(*) from ledger_entry where line_kind = 'FEE') <> (select count(*) from welfare_fee_entry) then
        raise exception 'not every welfare fee entry moved into ledger_entry';
    end if;
end $$;

drop table welfare_fee_entry;

alter table ledger_entry add constraint ledger_entry_line_columns check (
    (line_kind = 'WAGE' and payer is null and fee is null
        and num_nulls(wage, insurable_wage, employee_smid, employee_caoa, employee_unemp, employer_smid,
                      employer_caoa, employer_unemp, government_smid, government_caoa, government_unemp) = 0)
    or (line_kind = 'FEE' and payer is not null and fee is not null
        and num_nonnulls(wage, insurable_wage, employee_smid, employee_caoa, employee_unemp, employer_smid,
                         employer_caoa, employer_unemp, government_smid, government_caoa, government_unemp) = 0));
-- ledger_app keeps its rights: it had them on ledger_entry (V13), and the dropped table's go with it.

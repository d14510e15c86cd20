-- Running debit and credit totals per ledger account and currency, kept by the ledger projection
-- in the same transaction as the entries, so the trial balance never scans the whole journal.
create table ledger_account_total (
    account  varchar(120)  not null,
    currency char(3)       not null,
    debit    numeric(19,2) not null,
    credit   numeric(19,2) not null,
    primary key (account, currency)
);


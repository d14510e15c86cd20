-- Welfare-fund fees (flat per contract) with who paid them, and their reversals. Amounts positive;
-- a fee debits the payer's receivable and credits the fund, a reversal the opposite.
create table welfare_fee_entry (
    entry_id         bigserial     not null primary key,
    event_id         varchar(255)  not null,
    kind             varchar(16)   not null,
    worker_id        varchar(64)   not null,
    scheme           varchar(32)   not null,
    filing_id        varchar(64)   not null,
    employer_account char(10)      not null,
    period           char(7)       not null,
    rule_set_version varchar(32),
    payer            varchar(32)   not null,
    currency         char(3)       not null,
    amount           numeric(17,2) not null,
    booked_at        timestamptz   not null
);
create index welfare_fee_entry_worker on welfare_fee_entry (worker_id, entry_id);
create index welfare_fee_entry_filing on welfare_fee_entry (filing_id, entry_id);

-- The batch's own record of its runs. The ledger service keeps the claims' truth (events); these
-- tables keep what the batch froze and sent, so a run resumed after a crash, or written again
-- another day, sends and writes exactly the same things.

-- One run per run date; created_at is the files' CreDtTm, fixed at selection so a re-run writes the same bytes.
create table run (
    run_date        date primary key,
    settlement_run  varchar(64)  not null unique,
    created_at      timestamptz  not null,
    state           varchar(16)  not null check (state in ('FROZEN', 'SCHEDULED', 'WRITTEN'))
);

-- A run's payments, frozen in one transaction with the run: conversion and payee as they were then.
create table payment (
    end_to_end_id    varchar(35)  primary key,
    run_date         date         not null references run (run_date),
    claim_id         uuid         not null,
    instruction      integer      not null check (instruction >= 1),
    worker_id        uuid         not null,
    scheme           varchar(16)  not null,
    benefit          varchar(64)  not null,
    channel          varchar(16)  not null check (channel in ('BANK_ACCOUNT', 'MOBILE_WALLET', 'CASH_PICKUP')),
    debtor_account   varchar(35)  not null,
    amount           numeric      not null check (amount > 0),
    currency         char(3)      not null,
    paid_amount      numeric      not null check (paid_amount > 0),
    paid_currency    char(3)      not null,
    rate             varchar(24)  not null,
    rate_source      varchar(200) not null,
    payee_name       varchar(140) not null,
    payee_country    char(3)      not null,
    bank_bic         varchar(11),
    bank_code        varchar(35),
    account_number   varchar(34),
    wallet_provider  varchar(70),
    msisdn           varchar(16),
    pickup_point     varchar(140),
    scheduled        boolean      not null default false,
    outcome          varchar(8)   check (outcome in ('PAID', 'FAILED')),
    reason_code      varchar(32),
    bank_reference   varchar(64),
    status_report    varchar(35),
    -- a claim's instruction is frozen once, in one run: never instructed twice across runs
    unique (claim_id, instruction)
);
create index payment_by_message on payment (run_date, debtor_account, paid_currency, end_to_end_id);
create index payment_unscheduled on payment (run_date, end_to_end_id) where not scheduled;

-- Payments of a frozen run the ledger would not let be instructed (the claim was cancelled, or
-- instructed otherwise, between freezing and scheduling): taken out of the run, kept here with why,
-- never frozen again.
create table withdrawn_payment (
    end_to_end_id  varchar(35)  primary key,
    run_date       date         not null references run (run_date),
    claim_id       uuid         not null,
    instruction    integer      not null,
    amount         numeric      not null,
    paid_amount    numeric      not null,
    paid_currency  char(3)      not null,
    reason         varchar(1000) not null,
    withdrawn_at   timestamptz  not null
);

-- Bank status reports (pain.002) imported: one per message id; the same id with other bytes is refused.
create table status_report (
    msg_id               varchar(35) primary key,
    sha256               char(64)    not null,
    original_msg_id      varchar(35) not null,
    imported_at          timestamptz not null,
    state                varchar(16) not null check (state in ('APPLYING', 'APPLIED')),
    paid                 integer     not null default 0,
    failed               integer     not null default 0,
    pending              integer     not null default 0
);

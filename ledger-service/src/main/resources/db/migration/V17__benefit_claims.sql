-- Benefit claims as the claims desk reads them: one row per claim (its state now), and its history,
-- one row per step. Written by the "claims" subscribing processor in the command's own transaction,
-- so a claim is found the moment its filing returns and its id routes later commands to the worker.
-- The worker's name and nationality are copied from the directory at filing: the nationality
-- filter and an embassy officer's scope need no join, and a claim shows the name it was filed under.
-- The runtime role (ledger_app) gets its grants from V13's default privileges.

create table claim_view (
    claim_id             varchar(64)    not null primary key,
    worker_id            varchar(64)    not null,
    worker_name          varchar(201)   not null,
    nationality          char(3)        not null,
    scheme               varchar(32)    not null,
    benefit              varchar(64)    not null,
    as_of                date           not null,
    ground               jsonb,
    status               varchar(16)    not null,
    -- what is to be paid: the filed assessment's amount until approved, then the approval's
    amount               numeric(17, 2) not null,
    currency             char(3)        not null,
    payee                jsonb          not null,
    payee_name_matches   boolean        not null,
    filed_assessment     jsonb          not null,
    approval_assessment  jsonb,
    filed_by             varchar(200)   not null,
    filed_at             timestamptz    not null,
    decided_by           varchar(200),
    decided_at           timestamptz,
    reason               varchar(500),
    settlement_run       varchar(64),
    bank_reference       varchar(64),
    failure_code         varchar(32),
    -- the order claims were filed in, newest first on lists, whatever the clocks of the replicas
    filing_order         bigint         generated always as identity
);
create index claim_view_newest on claim_view (filing_order desc);
create index claim_view_worker on claim_view (worker_id, filing_order desc);
create index claim_view_status on claim_view (status, filing_order desc);
create index claim_view_nationality on claim_view (nationality, status, filing_order desc);

create table claim_history (
    step_order  bigint       generated always as identity primary key,
    claim_id    varchar(64)  not null references claim_view (claim_id),
    status      varchar(16)  not null,
    actor       varchar(200) not null,
    at          timestamptz  not null,
    reason      varchar(500)
);
create index claim_history_claim on claim_history (claim_id, step_order);

-- Set-wide rules checked inside the command's transaction (one document, one worker; one standing
-- filing per employer, scheme and period). Written in the same transaction as the events.

create table document_register (
    document_type   varchar(32) not null,
    issuing_country char(3)     not null,
    number_key      varchar(40) not null,
    worker_id       varchar(64) not null,
    primary key (document_type, issuing_country, number_key)
);
create index document_register_worker on document_register (worker_id);

create table filing_period_register (
    scheme           varchar(32) not null,
    employer_account char(10)    not null,
    period           char(7)     not null,
    filing_id        varchar(64) not null,
    primary key (scheme, employer_account, period)
);

-- Responses to POSTs sent with an Idempotency-Key, per caller, so a retry gets the first answer.
create table idempotency_record (
    principal    varchar(100) not null,
    idem_key     varchar(200) not null,
    request_hash char(64)     not null,
    status       integer,
    content_type varchar(100),
    body         bytea,
    created_at   timestamptz  not null default now(),
    primary key (principal, idem_key)
);

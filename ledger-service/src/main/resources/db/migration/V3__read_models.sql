-- Read models fed by Axon streaming processors; they can be dropped and rebuilt from the events.

create table worker_view (
    worker_id     varchar(64)  not null primary key,
    given_name    varchar(100) not null,
    family_name   varchar(100) not null,
    date_of_birth date         not null,
    sex           char(1)      not null,
    nationality   char(3)      not null,
    documents     jsonb        not null,
    contacts      jsonb        not null,
    registered_at timestamptz  not null
);
create index worker_view_nationality on worker_view (nationality, worker_id);

create table employer_view (
    employer_account char(10)     not null primary key,
    name             varchar(200) not null,
    registered_at    timestamptz  not null
);

create table contribution_filing_view (
    filing_id        varchar(64) not null primary key,
    scheme           varchar(32) not null,
    employer_account char(10)    not null,
    period           char(7)     not null,
    rule_set_version varchar(32) not null,
    currency         char(3)     not null,
    status           varchar(16) not null,
    filed_at         timestamptz not null,
    filed_by         varchar(100),
    reversal_reason  varchar(500),
    reversed_at      timestamptz,
    reversed_by      varchar(100)
);
create index contribution_filing_view_employer on contribution_filing_view (employer_account, period);

-- One journal entry per person-month contribution or its reversal. The postings of an entry follow
-- from the chart of accounts: a contribution debits each party's receivable and credits the
-- member fund per party and branch; a reversal does the opposite. Amounts are stored positive.
create table ledger_entry (
    entry_id         bigserial     not null primary key,
    event_id         varchar(255)  not null,
    kind             varchar(16)   not null,
    worker_id        varchar(64)   not null,
    scheme           varchar(32)   not null,
    filing_id        varchar(64)   not null,
    employer_account char(10)      not null,
    period           char(7)       not null,
    rule_set_version varchar(32),
    currency         char(3)       not null,
    wage             numeric(17,2) not null,
    insurable_wage   numeric(17,2) not null,
    employee_smid    numeric(15,2) not null,
    employee_caoa    numeric(15,2) not null,
    employee_unemp   numeric(15,2) not null,
    employer_smid    numeric(15,2) not null,
    employer_caoa    numeric(15,2) not null,
    employer_unemp   numeric(15,2) not null,
    government_smid  numeric(15,2) not null,
    government_caoa  numeric(15,2) not null,
    government_unemp numeric(15,2) not null,
    booked_at        timestamptz   not null
);
create index ledger_entry_worker on ledger_entry (worker_id, entry_id desc);
create index ledger_entry_filing on ledger_entry (filing_id, entry_id);

-- Rule-set versions added by administrators (shipped versions are resources in the code base).
-- Written in the transaction that records RuleSetVersionAdded; read at start-up. Never updated.
create table rule_set_version (
    rule_set_id    varchar(64)  not null,
    version        varchar(32)  not null,
    effective_from date         not null,
    parameters     text         not null,
    source         varchar(500),
    added_at       timestamptz  not null,
    added_by       varchar(100),
    primary key (rule_set_id, version)
);

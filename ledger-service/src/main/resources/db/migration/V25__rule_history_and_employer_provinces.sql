-- Rule history: an added version keeps its basis (source, status, assumption) as JSON beside its
-- parameters; versions added before have only the free-text source and read as ASSUMED.
alter table rule_set_version add column basis text;

-- An employer's province (ISO 3166-2:TH) month by month: the registration's from the start, each
-- relocation from its month. A version limited to some provinces prices filings by it.
create table employer_province (
    employer_account char(10)    not null,
    from_period      char(7)     not null,
    province         varchar(6),
    recorded_at      timestamptz not null,
    primary key (employer_account, from_period)
);

-- A filing keeps the province it was priced for and why its version applied.
alter table contribution_filing_view add column employer_province varchar(6);
alter table contribution_filing_view add column version_reason text;

-- The rates the fund pays benefits abroad at: units of a currency for one THB, one per day and
-- currency, set by the fund administrator. A rate set again with other figures replaces the day's
-- rate; the replaced one is kept in fx_rate_history (who set it, when), so every rate ever in force
-- can be shown. A settlement run copies the rate onto each payment instruction, so a replaced rate
-- never changes what was instructed. The runtime role gets its grants from V13's default privileges.

create table fx_rate (
    rate_date  date           not null,
    currency   char(3)        not null,
    rate       numeric(22, 10) not null check (rate > 0),
    source     varchar(200)   not null,
    set_by     varchar(200)   not null,
    set_at     timestamptz    not null,
    primary key (rate_date, currency)
);

create table fx_rate_history (
    entry_id      bigint          generated always as identity primary key,
    rate_date     date            not null,
    currency      char(3)         not null,
    rate          numeric(22, 10) not null,
    source        varchar(200)    not null,
    set_by        varchar(200)    not null,
    set_at        timestamptz     not null,
    replaced_by   varchar(200)    not null,
    replaced_at   timestamptz     not null
);
create index fx_rate_history_day on fx_rate_history (rate_date, currency, entry_id);

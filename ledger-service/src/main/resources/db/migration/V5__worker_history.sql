-- Life events and partner-credited insurance periods per worker, read by the entitlement engine.
create table worker_life_event (
    event_id    varchar(255) not null primary key,
    worker_id   varchar(64)  not null,
    type        varchar(32)  not null,
    event_date  date         not null,
    country     char(3),
    recorded_at timestamptz  not null,
    recorded_by varchar(100)
);
create index worker_life_event_worker on worker_life_event (worker_id, event_date);

create table worker_insurance_period (
    event_id    varchar(255) not null primary key,
    worker_id   varchar(64)  not null,
    scheme      varchar(32)  not null,
    from_period char(7)      not null,
    to_period   char(7)      not null,
    source      varchar(200) not null,
    recorded_at timestamptz  not null
);
create index worker_insurance_period_worker on worker_insurance_period (worker_id);

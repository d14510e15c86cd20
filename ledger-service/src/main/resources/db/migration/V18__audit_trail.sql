-- The audit trail: one row per stored event (who did what to which worker and record, and when),
-- written by the "audit" tracking processor from the events themselves, and one row per worker
-- whose personal data an embassy officer read, written by the request that read it.
-- Never payment details: only ids, the event type and the acting user are kept.
create table audit_entry (
    entry_id    bigint generated always as identity primary key,
    kind        varchar(8)   not null check (kind in ('EVENT', 'READ')),
    -- the stored event; unique so a redelivered event is recorded once
    event_id    varchar(64)  unique,
    occurred_at timestamptz  not null,
    actor       text,
    action      varchar(200) not null,
    worker_id   text,
    subject_id  text,
    path        text,
    check ((kind = 'EVENT') = (event_id is not null))
);
create index audit_entry_newest on audit_entry (occurred_at desc, entry_id desc);
create index audit_entry_worker on audit_entry (worker_id, occurred_at desc, entry_id desc) where worker_id is not null;
create index audit_entry_actor on audit_entry (actor, occurred_at desc, entry_id desc);

-- An audit trail the service can append to and read, never edit: V13's default privileges gave it
-- everything on new tables; take back what would let it rewrite history.
revoke update, delete, truncate on audit_entry from "${runtime-user}";

-- An embassy officer pages through its nationals in registration order.
create index worker_view_nationality_registered on worker_view (nationality, registered_at, worker_id);

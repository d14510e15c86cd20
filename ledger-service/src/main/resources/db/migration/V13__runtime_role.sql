-- The service connects as a role of its own (spring.datasource.username, default ledger_app) that
-- may append to the event store and read it, but never change, delete or truncate an event. Flyway
-- runs as the owner of the schema (spring.flyway.user), which alone may change tables.
--
-- Roles belong to the whole PostgreSQL server, so the role is created only if absent (with the
-- configured password, if any); an existing role is left as it is (rotate its password with
-- ALTER ROLE). Grants belong to each database: they are made here, in every database migrated.

do $runtime$
begin
    if '${runtime-user}' = current_user then
        raise exception 'spring.datasource.username (%) must not be the user Flyway runs as (spring.flyway.user): '
            'the service must not own its tables', current_user;
    end if;
    if not exists (select from pg_roles where rolname = '${runtime-user}') then
        begin
            if $pw$${runtime-password}$pw$ = '' then
                execute format('create role %I login', '${runtime-user}');
            else
                execute format('create role %I login password %L', '${runtime-user}', $pw$${runtime-password}$pw$);
            end if;
        exception when duplicate_object or unique_violation then
            null; -- created this very moment by the migration of another database on the same server
        end;
    end if;
    if exists (select from pg_roles where rolname = '${runtime-user}' and (rolsuper or rolbypassrls)) then
        raise exception 'the runtime database user % is a superuser: it could change events', '${runtime-user}';
    end if;
end
$runtime$;

grant usage on schema "${flyway:defaultSchema}" to "${runtime-user}";

-- The event store: append and read, nothing else. (Axon would need DELETE on the snapshot table
-- only if snapshots were configured; they are not.)
grant select, insert on domain_event_entry, snapshot_event_entry to "${runtime-user}";
-- Added rule-set versions are never edited either: a new version is a new row.
grant select, insert on rule_set_version to "${runtime-user}";
-- Axon's token store claims, updates and releases tokens.
grant select, insert, update, delete on token_entry to "${runtime-user}";

-- Every other table is derived or working state the service maintains: the registers (a reversal
-- releases its period), idempotency records, and the read models, which the projections update
-- and truncate on a replay; also the tables migrations before this one added.
do $others$
declare
    t record;
begin
    for t in select tablename from pg_tables
             where schemaname = current_schema()
               and tablename not in ('domain_event_entry', 'snapshot_event_entry', 'rule_set_version', 'token_entry',
                                     '${flyway:table}')
    loop
        execute format('grant select, insert, update, delete, truncate on %I to %I', t.tablename, '${runtime-user}');
    end loop;
end
$others$;

-- Identity columns and the journal's entry ids.
grant usage, select on all sequences in schema "${flyway:defaultSchema}" to "${runtime-user}";

-- Tables and sequences later migrations create (as the owner running them) are the service's
-- working state like the above; a later table that must be append-only revokes what it must.
alter default privileges in schema "${flyway:defaultSchema}"
    grant select, insert, update, delete, truncate on tables to "${runtime-user}";
alter default privileges in schema "${flyway:defaultSchema}"
    grant usage, select on sequences to "${runtime-user}";

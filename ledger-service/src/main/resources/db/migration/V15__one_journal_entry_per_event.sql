-- A journal books each event once. The ledger projection is at-least-once (an event is delivered
-- again when the token update that follows its entries is lost, or when another replica takes over
-- a segment in the middle of a batch); with one entry per event_id the second delivery is skipped
-- instead of doubling a worker's contributions or fees. The indexes also serve the projection's
-- "booked before?" look-up of each batch.
do $$
begin
    if exists (select 1 from ledger_entry group by event_id having count(*) > 1)
       or exists (select 1 from welfare_fee_entry group by event_id having count(*) > 1) then
        -- never resolved silently: which entry is right, and the account totals, need a person
        raise exception 'the journal books some events more than once (GET /api/v1/ledger/reconciliation lists them); correct the entries and the account totals, then migrate again';
    end if;
end $$;

create unique index ledger_entry_one_per_event on ledger_entry (event_id);
create unique index welfare_fee_entry_one_per_event on welfare_fee_entry (event_id);

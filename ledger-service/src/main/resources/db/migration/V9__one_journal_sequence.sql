-- Fee entries draw their ids from the journal's sequence, so a worker's entries of both kinds
-- page together newest first.
alter table welfare_fee_entry alter column entry_id set default nextval('ledger_entry_entry_id_seq');

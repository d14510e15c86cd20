-- Worker accounts are snapshotted when a claim is approved (a settlement run loads them next). A
-- snapshot is a cache of what the events say, never the record: storing a newer one deletes the
-- older ones, so the service may delete snapshots. It still may not change one in place, nor touch
-- an event.
grant delete on snapshot_event_entry to "${runtime-user}";

-- The idempotency record now commits in the same transaction as the change it guards, so a
-- committed record always has its answer. Claims left by the former scheme (claimed, never
-- answered: a crash or a request still running at the upgrade) can never be completed; removing
-- them lets a retry run the request (its change, if any, was not recorded with the claim's answer,
-- exactly as the former scheme's takeover did).
delete from idempotency_record where status is null;

-- the purge deletes by age (database clock)
create index idempotency_record_created_at on idempotency_record (created_at);

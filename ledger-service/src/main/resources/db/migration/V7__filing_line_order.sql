-- The ledger projection books entries in parallel segments (by worker), so entry ids no longer
-- follow a filing's line order; the filing header keeps that order.
alter table contribution_filing_view add column worker_ids text[];

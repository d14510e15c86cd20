-- Rewrites the claims already held the way V23 stores them (and compacts the table). VACUUM cannot
-- run in a transaction, so this migration is one statement of its own; it locks the claims for as
-- long as it takes (about 5 s for 100,000 claims here).
vacuum full claim_view;

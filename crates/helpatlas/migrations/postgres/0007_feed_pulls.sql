-- Incremental pulls of HSDS API feeds: when the last successful full pull started (a full pull is
-- what sees records that disappeared), and when the last successful pull that read records started
-- (the next incremental pull asks for what changed since then). Unix seconds.
ALTER TABLE feeds ADD COLUMN full_pulled_at BIGINT;
ALTER TABLE feeds ADD COLUMN read_at BIGINT;

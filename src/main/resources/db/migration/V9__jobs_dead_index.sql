-- The admin's dead list. Dead jobs do not churn; every other row is inserted, updated and deleted within seconds,
-- and each index costs every one of those writes, so the admin's counts walk the primary key's account prefix.
-- (Replaces V5's jobs_account_status_idx; a new migration, because V5 is applied on existing databases.)
DROP INDEX jobs_account_status_idx;
CREATE INDEX jobs_dead_idx ON jobs (account_id, updated_at) WHERE status = 'dead';

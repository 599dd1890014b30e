-- Background jobs that must run once for all instances (docs/ARCHITECTURE.md, "Background
-- work"): the instance that claims a job's row runs it; the row says what it last finished.
CREATE TABLE job_runs (
    name         TEXT PRIMARY KEY,
    -- The last day (YYYY-MM-DD) a daily job finished.
    done_for     TEXT,
    -- Epoch milliseconds until which an instance holds the job; NULL when free.
    locked_until BIGINT
);
INSERT INTO job_runs (name) VALUES ('rent-schedule');

-- What the public sends (reports about a service, suggestions of a service) and what the link and
-- phone checker finds. No client address or other trace of the sender is kept: only what they typed.
-- Times are Unix seconds.
CREATE TABLE submissions (
    id TEXT PRIMARY KEY,
    -- 'report' or 'suggestion'
    type TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- 'open', 'accepted', 'dismissed', 'spam', 'duplicate'
    status TEXT NOT NULL DEFAULT 'open',
    -- ISO code of the country it concerns ('' when none), and the kind of help ('' when not known).
    country TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    -- Reports: the service and the reason ('' for suggestions).
    service_id TEXT,
    reason TEXT NOT NULL DEFAULT '',
    -- 1 when a crisis line is reported as not answering or closed: it heads the queue.
    urgent BIGINT NOT NULL DEFAULT 0,
    -- What the person typed, as JSON.
    doc TEXT NOT NULL,
    duplicate_of TEXT,
    resolved_at BIGINT,
    resolved_by TEXT,
    resolution TEXT NOT NULL DEFAULT ''
);
CREATE INDEX submissions_queue ON submissions(status, urgent, created_at);
CREATE INDEX submissions_service ON submissions(service_id);

-- The latest check of every URL the directory holds, and how many checks in a row failed.
CREATE TABLE link_checks (
    url TEXT PRIMARY KEY,
    checked_at BIGINT NOT NULL,
    -- 'ok', 'broken', 'unreachable', 'blocked' (robots.txt) or 'skipped'
    outcome TEXT NOT NULL,
    status BIGINT,
    final_url TEXT,
    redirects TEXT NOT NULL DEFAULT '[]',
    detail TEXT NOT NULL DEFAULT '',
    failures_in_a_row BIGINT NOT NULL DEFAULT 0,
    last_ok_at BIGINT
);

-- Which record uses which URL or phone number, as of the last run of the checker.
CREATE TABLE link_uses (
    url TEXT NOT NULL,
    record_table TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field TEXT NOT NULL
);
CREATE INDEX link_uses_url ON link_uses(url);

CREATE TABLE phone_checks (
    record_id TEXT NOT NULL,
    field TEXT NOT NULL,
    number TEXT NOT NULL,
    country TEXT NOT NULL DEFAULT '',
    problem TEXT NOT NULL,
    checked_at BIGINT NOT NULL
);

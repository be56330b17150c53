-- The editors' area: accounts, sessions, sign-in throttling and the audit log; every record's
-- revisions (with a version per record for optimistic concurrency); and the columns the
-- verification dashboard filters on. Times of the new tables are Unix seconds.
ALTER TABLE organizations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE locations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE services ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
-- Derived from the document on write (the home country of the service's areas, '' when it has none)
-- and filled for existing rows at the first start of this version.
ALTER TABLE services ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE services ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;
CREATE INDEX services_verification ON services(retired, verified_on);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    -- NULL until the person chose a password through their one-time setup link.
    password_hash TEXT,
    setup_token_hash TEXT UNIQUE,
    setup_expires_at INTEGER,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    last_sign_in_at INTEGER
);

-- A session is found by the SHA-256 of its cookie token: a copy of the database holds no live token.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Failed sign-ins, by account (`account:EMAIL`) and by client (`client:KEYED-HASH`); kept for the
-- throttling window only.
CREATE TABLE sign_in_failures (
    key TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_key ON sign_in_failures(key, at);

CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor_id TEXT,
    actor TEXT NOT NULL,
    event TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_event ON audit_log(event, seq);

-- Every version of every record, as the whole document: the history pages diff neighbours, revert
-- writes an old document again, HSDS exports turn them into `metadata`.
CREATE TABLE revisions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    record_table TEXT NOT NULL,
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    change_seq INTEGER NOT NULL REFERENCES changes(seq),
    at INTEGER NOT NULL,
    author_kind TEXT NOT NULL,
    author_id TEXT,
    author TEXT NOT NULL,
    action TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    doc TEXT NOT NULL,
    UNIQUE (record_table, record_id, version)
);
CREATE INDEX revisions_change ON revisions(change_seq);

-- Records written before history was kept start theirs with what they are now, by whoever wrote them.
INSERT INTO revisions (record_table, record_id, version, change_seq, at, author_kind, author, action, note, doc)
SELECT 'organizations', r.id, 1, r.change_seq, CAST(strftime('%s', c.at) AS INTEGER),
       CASE c.origin WHEN 'bundled' THEN 'bundled' WHEN 'import' THEN 'import' ELSE 'system' END,
       c.origin, 'create', 'as stored before history was kept', r.doc
FROM organizations r JOIN changes c ON c.seq = r.change_seq;
INSERT INTO revisions (record_table, record_id, version, change_seq, at, author_kind, author, action, note, doc)
SELECT 'locations', r.id, 1, r.change_seq, CAST(strftime('%s', c.at) AS INTEGER),
       CASE c.origin WHEN 'bundled' THEN 'bundled' WHEN 'import' THEN 'import' ELSE 'system' END,
       c.origin, 'create', 'as stored before history was kept', r.doc
FROM locations r JOIN changes c ON c.seq = r.change_seq;
INSERT INTO revisions (record_table, record_id, version, change_seq, at, author_kind, author, action, note, doc)
SELECT 'services', r.id, 1, r.change_seq, CAST(strftime('%s', c.at) AS INTEGER),
       CASE c.origin WHEN 'bundled' THEN 'bundled' WHEN 'import' THEN 'import' ELSE 'system' END,
       c.origin, 'create', 'as stored before history was kept', r.doc
FROM services r JOIN changes c ON c.seq = r.change_seq;

-- Followed HSDS feeds (other directories' publications) and where each record they brought came
-- from. Times are Unix seconds.
CREATE TABLE feeds (
    name TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    -- Hours between pulls.
    every_hours BIGINT NOT NULL,
    -- Comma-separated ISO country codes and kinds of help to take ('' for all).
    countries TEXT NOT NULL DEFAULT '',
    kinds TEXT NOT NULL DEFAULT '',
    -- The publisher's licence, as the operator gave it ('' when not given).
    licence TEXT NOT NULL DEFAULT '',
    -- 'api', 'file' once the first pull found out; '' before.
    form TEXT NOT NULL DEFAULT '',
    -- JSON: the ETag and Last-Modified of each URL of the last successful pull.
    validators TEXT NOT NULL DEFAULT '{}',
    created_at BIGINT NOT NULL,
    -- When a pull last started (claimed, so that replicas do not pull the same feed at once).
    attempted_at BIGINT,
    succeeded_at BIGINT,
    -- 'changed', 'unchanged' or 'failed' ('' before the first pull), and the pull's message.
    outcome TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT ''
);

-- Every record a feed brought: the local record, the publisher's id, when it was first and last seen,
-- in how many successful pulls in a row it was missing, the fields a local editor changed (pinned:
-- pulls leave them) and those of them whose value at the publisher differs (comma-separated names).
CREATE TABLE feed_records (
    feed TEXT NOT NULL REFERENCES feeds(name) ON DELETE CASCADE,
    record_table TEXT NOT NULL,
    record_id TEXT NOT NULL,
    publisher_id TEXT NOT NULL,
    first_seen BIGINT NOT NULL,
    last_seen BIGINT NOT NULL,
    missed BIGINT NOT NULL DEFAULT 0,
    pinned TEXT NOT NULL DEFAULT '',
    differs TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (feed, record_table, record_id)
);
CREATE INDEX feed_records_record ON feed_records(record_id);

-- Listings that describe the same service, as pulls find them (same phone number, same website host
-- and a similar name, or the same place and a similar name): `record_id` came from a feed, `other_id`
-- is the bundled data's, an editor's or another feed's. 'suggested' until an editor confirms (the
-- feed's copy is retired and the other listing names the feed among its sources) or splits them
-- (never suggested again).
CREATE TABLE listing_links (
    record_id TEXT NOT NULL,
    other_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'suggested',
    PRIMARY KEY (record_id, other_id)
);
CREATE INDEX listing_links_other ON listing_links(other_id, status);

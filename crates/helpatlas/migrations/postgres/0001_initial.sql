-- Records are stored as JSON documents of the domain model (see docs/design.md), with the columns that
-- queries filter or sort on pulled out beside them.
CREATE TABLE changes (
    seq BIGSERIAL PRIMARY KEY,
    at TEXT NOT NULL,
    origin TEXT NOT NULL
);

CREATE TABLE organizations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    doc TEXT NOT NULL,
    last_modified TEXT NOT NULL,
    change_seq BIGINT NOT NULL REFERENCES changes(seq)
);

CREATE TABLE locations (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    doc TEXT NOT NULL,
    last_modified TEXT NOT NULL,
    change_seq BIGINT NOT NULL REFERENCES changes(seq)
);

CREATE TABLE services (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    verified_on TEXT NOT NULL,
    doc TEXT NOT NULL,
    last_modified TEXT NOT NULL,
    change_seq BIGINT NOT NULL REFERENCES changes(seq)
);

CREATE INDEX services_organization ON services(organization_id);
CREATE INDEX services_last_modified ON services(last_modified);
CREATE INDEX locations_organization ON locations(organization_id);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

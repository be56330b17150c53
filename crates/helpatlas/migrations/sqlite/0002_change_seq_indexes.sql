-- Servers bring their search index up to date by reading the records written since the change they
-- last saw (`Store::changes_since`); these indexes make that read proportional to the change.
CREATE INDEX organizations_change_seq ON organizations(change_seq);
CREATE INDEX locations_change_seq ON locations(change_seq);
CREATE INDEX services_change_seq ON services(change_seq);

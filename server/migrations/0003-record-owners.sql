-- Whose records a row is (a personal activity's attendees, an exam result's person; '{}' for everything else),
-- so that when a person changes section her records can be numbered again and reach her new section head.
-- Rows stored before this migration are NULL here and filled at start by the service (server/src/owners.ts),
-- with the scope rule's own code rather than a copy of it in SQL.
ALTER TABLE records ADD COLUMN owners text[];
CREATE INDEX records_owners ON records USING gin (owners);

-- Units, their records (one row per record id, the winner under the merge rule), devices and invitations.
-- Every row carries its unit: nothing is ever read across units except by the county figures.

CREATE TABLE units (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  -- The unit's change counter: each stored record version takes the next value, under this row's lock.
  seq         bigint NOT NULL DEFAULT 0,
  changed_at  timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE records (
  unit_id     text NOT NULL REFERENCES units(id),
  tbl         text NOT NULL,
  id          text NOT NULL,
  updated_at  text NOT NULL,
  deleted     boolean NOT NULL,
  seq         bigint NOT NULL,
  -- The record exactly as JSON.stringify wrote it (text, not jsonb: no reordering, no NUL surprises).
  body        text NOT NULL,
  -- The year of an activity's date or an exam (null for other tables): the county figures read one year.
  yr          integer,
  PRIMARY KEY (unit_id, tbl, id)
);
CREATE UNIQUE INDEX records_unit_seq ON records (unit_id, seq);
CREATE INDEX records_unit_tbl_yr ON records (unit_id, tbl, yr);

CREATE TABLE devices (
  id               text PRIMARY KEY,
  token_hash       text NOT NULL UNIQUE,
  unit_id          text REFERENCES units(id),
  role             text NOT NULL CHECK (role IN ('keeper', 'sectionHead', 'official', 'county')),
  person_id        text,
  section_ids      text NOT NULL DEFAULT '[]',
  label            text NOT NULL DEFAULT '',
  created_at       timestamptz NOT NULL DEFAULT now(),
  last_seen_at     timestamptz,
  revoked_at       timestamptz,
  CHECK ((role = 'county') = (unit_id IS NULL))
);
CREATE INDEX devices_unit ON devices (unit_id);

CREATE TABLE invitations (
  id           text PRIMARY KEY,
  code_hash    text NOT NULL UNIQUE,
  unit_id      text NOT NULL REFERENCES units(id),
  role         text NOT NULL CHECK (role IN ('keeper', 'sectionHead', 'official')),
  person_id    text NOT NULL,
  section_ids  text NOT NULL DEFAULT '[]',
  created_by   text NOT NULL REFERENCES devices(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz,
  used_by      text REFERENCES devices(id),
  cancelled_at timestamptz
);
CREATE INDEX invitations_unit ON invitations (unit_id);

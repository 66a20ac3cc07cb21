-- The county table's figures per unit, year and as-of date, valid while the unit's seq is unchanged.
CREATE TABLE county_figures (
  unit_id   text NOT NULL REFERENCES units(id),
  year      integer NOT NULL,
  as_of     text NOT NULL,
  seq       bigint NOT NULL,
  figures   text NOT NULL,
  PRIMARY KEY (unit_id, year, as_of)
);


-- Classifications brought over from SKR's KLASSA tool (issue 18).
--
-- A classification's origin says how it was made: 'beredd' (Beredd's own questions and form),
-- 'klassa' (imported from a KLASSA export) or 'manual' (a decision recorded as it was made
-- elsewhere). Every earlier classification was made in Beredd. `source_date` is the day the
-- classification was made where it came from (KLASSA's date), kept apart from `classified_at`,
-- the moment it was stored here, so that the order of versions stays the order they were stored.
ALTER TABLE classifications ADD COLUMN origin TEXT NOT NULL DEFAULT 'beredd';
ALTER TABLE classifications ADD COLUMN source_date TEXT;

-- The asset's process code in the municipality's klassificeringsstruktur (as KLASSA has it).
ALTER TABLE assets ADD COLUMN process_code TEXT;

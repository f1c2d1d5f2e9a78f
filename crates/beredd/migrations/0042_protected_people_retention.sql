-- Beredd's own personal data (issue 23).
--
-- Protected personal data (skyddade personuppgifter: sekretessmarkering, skyddad folkbokföring,
-- fingerade personuppgifter): a person so marked is left out of binders, kits, the lists handed
-- out and the API, and shown only to administrators, coordinators and the managers of their own
-- unit. Set only by an administrator or coordinator, on its own form, so that an edit or an
-- import of the person never changes it.
ALTER TABLE people ADD COLUMN protected BIGINT NOT NULL DEFAULT 0;

-- Thinning (gallring) of closed incidents: after how many months, and the decision it follows
-- (its reference is written into every thinned entry). The passphrase of the offline kits: when a
-- coordinator last confirmed it was changed.
ALTER TABLE organisations ADD COLUMN retention_months BIGINT NOT NULL DEFAULT 24;
ALTER TABLE organisations ADD COLUMN retention_decision TEXT;
ALTER TABLE organisations ADD COLUMN kit_passphrase_changed_at TEXT;
ALTER TABLE organisations ADD COLUMN kit_passphrase_changed_by TEXT;

-- A thinned log entry: its text is replaced by a marker and its grounds emptied, while `hash`
-- keeps the original entry's hash, so the chain and the signatures hold; `thinned_hash` covers the
-- marker and the fields kept, so a changed marker is found.
ALTER TABLE incident_log ADD COLUMN thinned_at TEXT;
ALTER TABLE incident_log ADD COLUMN thinned_hash TEXT;
ALTER TABLE incidents ADD COLUMN thinned_at TEXT;

-- Who received a kit file (names, one a line), for the impact assessment of the offline kit.
ALTER TABLE kit_exports ADD COLUMN recipients TEXT;

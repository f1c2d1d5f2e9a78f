-- A second counter per organisation beside the register version (migration 48): it moves with
-- every write of anything of the organisation (after each request that may write, and with the
-- register version), so that what a server keeps of the rest of its data (the start page's
-- facts, sorted lists) is rebuilt after any change, while the name maps and the dependency
-- graph, which only the registers feed, stay until those change (issue 25).
ALTER TABLE register_versions ADD COLUMN data_version BIGINT NOT NULL DEFAULT 0;

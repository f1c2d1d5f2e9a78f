-- Times a person types are read as Swedish time (Europe/Stockholm) and stored as UTC. Before,
-- they were stored as typed, as if they were UTC; those times are kept as they are (an incident
-- log entry's time is inside its hash), and marked so that they are shown with a note.
--
-- The log: the version of each entry's canonical form. Entries written before are version 1
-- ("beredd-log-v1"); Beredd now writes version 2 ("beredd-log-v2", the same fields, times UTC).
ALTER TABLE incident_log ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- An incident's discovered time: 0 when it was typed before this change (its zone uncertain),
-- 1 when it is known to be UTC. Incidents started from now on set it to 1.
ALTER TABLE incidents ADD COLUMN times_zone_known BIGINT NOT NULL DEFAULT 0;

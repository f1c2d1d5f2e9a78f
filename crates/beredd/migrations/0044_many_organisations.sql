-- Many organisations in one installation (issue 22, hosted mode).
--
-- Each organisation has a short name for its address (/o/<slug>, the login page's ?org=<slug>)
-- and may have a host name of its own; the login page finds the organisation from either. A
-- suspended organisation keeps its data but nobody of it can log in or use a token.
-- The short names of existing organisations are made from their names after this file
-- (migrate.rs, `after`), and log-in names become unique per organisation there: that needs a
-- table rebuild on SQLite and a dropped constraint on PostgreSQL.
ALTER TABLE organisations ADD COLUMN slug TEXT;
ALTER TABLE organisations ADD COLUMN host TEXT;
ALTER TABLE organisations ADD COLUMN suspended_at TEXT;
CREATE UNIQUE INDEX organisations_slug ON organisations (slug);
CREATE UNIQUE INDEX organisations_host ON organisations (host);

-- The calendar address's secret is kept as its SHA-256 only, like a session's token (security
-- review F15): a copy of the database no longer holds working feed addresses. When it was made,
-- and why the last one stopped working (the password was changed or reset), for the yearly-cycle
-- page. The tokens stored in clear until now are hashed into the new column and cleared from the
-- old one by the step that follows this file in `platform/db/migrate.rs` (SQLite has no SHA-256
-- of its own), so the addresses people already subscribe to keep working.
ALTER TABLE users ADD COLUMN calendar_token_hash TEXT;
ALTER TABLE users ADD COLUMN calendar_made_at TEXT;
ALTER TABLE users ADD COLUMN calendar_ended TEXT;
CREATE UNIQUE INDEX users_calendar_token_hash ON users (calendar_token_hash);

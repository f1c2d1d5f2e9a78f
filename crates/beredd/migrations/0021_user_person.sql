-- Which person in the register a user is, so "mine" (the start page, the calendar feed) means the
-- tasks that person owns. No foreign key: a person may be removed, and the link then means none.
ALTER TABLE users ADD COLUMN person_id BIGINT;

-- The installation's shared library (issue 22, sharing between municipalities): a plan template,
-- a lesson learned or a local requirement an organisation's coordinator chose to publish, as a
-- copy made at the moment of publishing (JSON in `content`). The table is the platform's, not an
-- organisation's: every organisation reads it, and nothing in it points back to the publisher's
-- own rows, so adopting a copy or the publisher changing the original touches only its own.
-- `show_publisher` (0/1) says whether others see the publishing organisation's name; a withdrawn
-- item (`withdrawn_at`) is gone from the library, and copies already taken in stay where they are.
CREATE TABLE shared_items (
    id {{id}},
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    content TEXT NOT NULL,
    publisher_org_id BIGINT NOT NULL REFERENCES organisations(id),
    show_publisher BIGINT NOT NULL,
    published_by TEXT NOT NULL,
    published_at TEXT NOT NULL,
    withdrawn_at TEXT
);
CREATE INDEX shared_items_kind ON shared_items (kind, published_at);
CREATE INDEX shared_items_publisher ON shared_items (publisher_org_id);

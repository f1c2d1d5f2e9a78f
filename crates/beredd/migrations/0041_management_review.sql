-- The management review (ledningens genomgång, issue 23): one per organisation and year, with the
-- day the management met, who took part, and the management's decisions per section of the review
-- (one line each). A decision can become an action in the action plan; the action points back to
-- the review (origin 'review', origin_ref 'review:<year>:<section>') and the decision to the action.
CREATE TABLE management_reviews (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    year BIGINT NOT NULL,
    held_on TEXT NOT NULL,
    participants TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, year)
);
CREATE TABLE management_review_decisions (
    id {{id}},
    review_id BIGINT NOT NULL REFERENCES management_reviews(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    position BIGINT NOT NULL,
    text TEXT NOT NULL,
    action_id BIGINT REFERENCES actions(id) ON DELETE SET NULL
);
CREATE INDEX management_review_decisions_review ON management_review_decisions (review_id);

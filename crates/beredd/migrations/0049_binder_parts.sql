-- The printed binder's plan sections, each typeset once and kept (issue 25): the whole
-- organisation's binder of a large municipality joins 300 of them, and typesetting them all again
-- for every print took most of its time. A part is found by `part_key`, a SHA-256 of everything
-- that decides its bytes: the template and typst revision and the JSON the part is typeset from
-- (the approved version's content as printed, the unit names, the call list as the registers
-- give it today, the facts from the BIA, the language's labels). The binder's title, the print
-- date, the markings and the page numbers are not in a part: the binder draws them on top. A
-- part is kept per organisation, never shared with another, and dropped when no print has used
-- it for 30 days. Not carried by exports and backups: it is made again when missing.
CREATE TABLE binder_parts (
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    part_key TEXT NOT NULL,
    plan_id BIGINT NOT NULL,
    version BIGINT NOT NULL,
    pages BIGINT NOT NULL,
    headings TEXT NOT NULL,
    pdf {{blob}} NOT NULL,
    made_at TEXT NOT NULL,
    used_at TEXT NOT NULL,
    PRIMARY KEY (org_id, part_key)
);

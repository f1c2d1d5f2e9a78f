-- Every incident log entry is signed where it is written (security review F4): the signature of
-- its hash by the organisation's key on that instance, whose private half lives in a key file,
-- never here. `organisations.uid` names the organisation's key file (filled in when first
-- needed). `signing_keys` holds the public halves this database knows: this instance's own keys
-- and those that signed a bundle imported here, with who added them and when. Entries written
-- before this migration have no signature and are checked by their chain alone.
ALTER TABLE organisations ADD COLUMN uid TEXT;
-- Where the key folder, the backup passphrase and the break-glass accounts are kept (never the
-- secrets themselves): printed on the binder's page of keys.
ALTER TABLE organisations ADD COLUMN keys_kept TEXT;
ALTER TABLE organisations ADD COLUMN backup_kept TEXT;
ALTER TABLE organisations ADD COLUMN break_glass_kept TEXT;
ALTER TABLE incident_log ADD COLUMN signature TEXT;
ALTER TABLE incident_log ADD COLUMN key_id TEXT;

CREATE TABLE signing_keys (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    key_id TEXT NOT NULL,
    public_key TEXT NOT NULL,
    origin TEXT NOT NULL,
    label TEXT NOT NULL,
    made_at TEXT NOT NULL,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL,
    UNIQUE (org_id, key_id)
);

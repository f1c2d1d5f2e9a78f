-- The offline kit's fingerprints (security review F6.1): the SHA-256 of the whole file as it was
-- downloaded, and the SHA-256 of its sealed part (the header, the check block and the encrypted
-- content, which the kit shows on its first screen; a file cannot show its own hash). The kit
-- page lists both, and `beredd kit verify FILE` looks a copy up by either. Kits made before this
-- migration have neither.
ALTER TABLE kit_exports ADD COLUMN fingerprint TEXT;
ALTER TABLE kit_exports ADD COLUMN file_sha256 TEXT;
CREATE INDEX kit_exports_fingerprint ON kit_exports (fingerprint);
CREATE INDEX kit_exports_file_sha256 ON kit_exports (file_sha256);

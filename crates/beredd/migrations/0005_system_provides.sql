-- A system may be what provides a shared resource (the network, log-in, e-mail, the mobile
-- network…), so that scenarios about that resource include it.
ALTER TABLE systems ADD COLUMN provides TEXT;

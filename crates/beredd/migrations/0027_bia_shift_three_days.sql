-- Two more BIA checkpoints: after 4 hours (one shift) and after 72 hours (three days), between
-- the hour, the day, the week and the month of 0003. Existing analyses keep their values; the
-- new checkpoints start empty, and an empty level counts as the one before it.
ALTER TABLE bia ADD COLUMN level_4h BIGINT;
ALTER TABLE bia ADD COLUMN text_4h TEXT;
ALTER TABLE bia ADD COLUMN level_3d BIGINT;
ALTER TABLE bia ADD COLUMN text_3d TEXT;

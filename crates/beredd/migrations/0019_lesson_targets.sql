-- What a lesson changes: a continuity plan ("plan:ID") or a classified information asset
-- ("asset:ID"); risks follow when the risk register exists.
ALTER TABLE lessons ADD COLUMN target TEXT;

-- Samhällsviktig verksamhet is MSB's defined term (its loss could cause a serious crisis in
-- society, or it is needed to manage one), not a step above "kritisk" (issue 18, domain review
-- 4.3). It becomes a flag of its own, and the criticality steps say how soon the activity must
-- work again: akut (within hours), kritisk (a day), viktig (a week), ovrig (can wait). An activity
-- that was "samhallsviktig" keeps both meanings: flagged, and akut.
ALTER TABLE activities ADD COLUMN society_critical BIGINT NOT NULL DEFAULT 0;
UPDATE activities SET society_critical = 1, criticality = 'akut' WHERE criticality = 'samhallsviktig';

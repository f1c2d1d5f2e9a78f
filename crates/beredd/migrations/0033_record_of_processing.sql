-- The record of processing activities (GDPR art. 30.1) is kept with the information assets: for
-- an asset holding personal data, the purpose, the legal basis (art. 6.1 a–f, stored as "6.1e"),
-- the exception for special categories (art. 9.2 a–j), the categories of data subjects and of
-- personal data, the recipients, transfers to a third country ("none", "adequacy", "safeguards",
-- "derogation") and to where, and how long it is kept. The security measures are the
-- requirements its classification yields. The organisation is the controller; its data
-- protection officer is a person in the register.
ALTER TABLE assets ADD COLUMN gdpr_purpose TEXT;
ALTER TABLE assets ADD COLUMN gdpr_legal_basis TEXT;
ALTER TABLE assets ADD COLUMN gdpr_special_basis TEXT;
ALTER TABLE assets ADD COLUMN gdpr_subjects TEXT;
ALTER TABLE assets ADD COLUMN gdpr_data_categories TEXT;
ALTER TABLE assets ADD COLUMN gdpr_recipients TEXT;
ALTER TABLE assets ADD COLUMN gdpr_transfers TEXT;
ALTER TABLE assets ADD COLUMN gdpr_transfer_details TEXT;
ALTER TABLE assets ADD COLUMN gdpr_retention TEXT;
ALTER TABLE organisations ADD COLUMN dpo_person_id BIGINT REFERENCES people(id) ON DELETE SET NULL;

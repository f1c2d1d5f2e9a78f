-- A message for the public can be saved as a draft before anyone has approved it. Only an
-- approved message (approved = 1, with its approver) is published, and only approved messages
-- for the public channels go on the incident's public web page (`beredd publish`). Messages
-- recorded before this migration all named their approver, so they stay approved.
ALTER TABLE incident_messages ADD COLUMN approved BIGINT NOT NULL DEFAULT 1;

-- A second factor for the platform administrator (issue 22, hosted mode): a one-time code from
-- an authenticator app (TOTP), set up on /platform/second-factor and asked for at the platform's
-- login after the password. The secret being set up, the one in use, and the last time step a
-- code was taken at (a code is taken once). `beredd platform-admin reset-second-factor` clears
-- them.
ALTER TABLE platform_admins ADD COLUMN totp_pending TEXT;
ALTER TABLE platform_admins ADD COLUMN totp_secret TEXT;
ALTER TABLE platform_admins ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;

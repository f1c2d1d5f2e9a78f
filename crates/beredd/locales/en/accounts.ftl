### Beredd – English texts: login, account, users, the organisation and the audit trail

## Buttons
action-login = Log in
action-change-password = Change password
action-reset-password = Set new password
action-create-admin = Create administrator

## Login
login-title = Log in to Beredd
login-intro = Log in with your user name and password.
login-failed = Wrong user name or password.
login-throttled = Too many failed attempts. Wait fifteen minutes and try again.
login-address-throttled = Too many login attempts from your computer or network. Wait a minute and try again.
login-busy = Many people are logging in right now. Wait a moment and try again.
setup-title = Create the first administrator
setup-intro = Beredd has no users yet. Create the administrator, who then adds the other users. The link works only once.

## Fields
field-username = User name
field-display-name = Display name
field-password = Password
field-current-password = Current password
field-new-password = New password
field-repeat-password = Repeat the new password
field-role = Role
field-granted-units = Units this user is responsible for
field-active = The account is active
field-language = Language

## Hints
hint-username = Lower-case letters, digits, dots and hyphens, for example anna.berg.
hint-password = At least ten characters. A long phrase is easier to remember and harder to guess.
hint-granted-units = For the unit manager role: the user may change these units and everything below them.

## Account
account-title = My account
account-username = Logged in as { $name }.
account-language = Language
account-password = Change password
field-me = You in the people register
hint-me = Then the start page and your calendar show what you own.

## Users
users-title = Users
users-new = New user
users-edit = User { $name }
users-reset-password = New password for this user

## Organisation
organisation-title = The organisation

## Audit trail
audit-title = Audit trail
audit-intro = Every change is kept with who, when, what and how it looked before and after. The trail cannot be changed.
audit-count = { $n ->
    [one] 1 event
   *[other] { $n } events
}
audit-user = User
audit-entity = Type
audit-from = From
audit-to = To
audit-at = Time (Swedish time)
audit-action = Event
audit-what = What
audit-show-change = Show the change
audit-before = Before
audit-after = After

## Audit trail: what was changed
entity-unit = Unit
entity-activity = Activity
entity-person = Person
entity-system = System
entity-supplier = Supplier
entity-user = User
entity-organisation = Organisation
entity-session = Login
entity-resource = Resource
entity-dependency = Dependency
entity-bia = Business impact analysis
entity-scenario = Scenario
entity-asset = Information asset
entity-action = Action
entity-evidence = Evidence
entity-requirement = Requirement
entity-plan = Continuity plan
entity-binder = Binder
entity-kit = Crisis kit
entity-incident = Incident
entity-cycle = Yearly cycle
entity-calendar-address = Calendar address
entity-self-assessment = Self-assessment
entity-risk = Risk
entity-risk-analysis = Risk analysis
entity-risk-scales = Likelihood and consequence scales
entity-framework = Framework
entity-framework-assessment = Framework assessment
entity-framework-answer = Answer in a framework assessment
entity-framework-evidence = Evidence in a framework assessment

## Audit trail: what was done
audit-action-create = Created
audit-action-update = Changed
audit-action-delete = Deleted
audit-action-login = Logged in
audit-action-logout = Logged out
audit-action-password = Changed password
audit-action-password-reset = Set a new password
audit-action-import = Imported
audit-action-sign-off = Approved
audit-action-run = Ran
audit-action-classify = Classified
audit-action-assess = Assessed
audit-action-upload = Uploaded
audit-action-disable = Turned off
audit-action-enable = Turned on
audit-action-approve = Approved
audit-action-print = Printed
audit-action-export = Exported
audit-action-close = Closed
audit-action-unlink = Removed the link
audit-action-replace = Replaced
audit-action-backup = Backed up
field-keys-kept = Where the key folder is kept
field-keys-kept-hint = The folder of keys that sign the crisis log (beredd-keys) and where its copy is, for example "The safe in the IT unit's server room, USB stick marked Beredd". Never write the key here. The place is printed in the binder.
field-backup-kept = Where what opens the backups is kept
field-backup-kept-hint = Where the passphrase or the key file (from beredd backup --new-key) is and who holds it, never the passphrase or the key itself. Printed in the binder.
field-break-glass-kept = Where the break-glass accounts' passwords are kept
field-break-glass-kept-hint = Accounts that work when the municipality's login is down: where their passwords are kept sealed and who may break the seal. Printed in the binder.

## Backups and the export of the whole organisation
backups-title = Backups and export
backups-intro = A backup is the whole organisation's content in one encrypted file. It is read back into an empty database, SQLite or PostgreSQL, also by a later version of Beredd.
backups-last = Latest backup
backups-when = Taken
backups-file = File
backups-size = Size
backups-kb = { $n } kB
backups-checksum = Checksum (SHA-256)
backups-stale = The latest backup is more than two days old. Ask IT to check that the scheduled backups work.
backups-none = No backup has been taken yet. Ask IT to start scheduled backups, or take one with the command beredd backup.
backups-schedule = Scheduled backups
backups-schedule-on = Beredd writes an encrypted backup every { $hours } hours to { $dir } and keeps the latest { $keep }. The server holds only the public key; the key that opens the backups is kept elsewhere.
backups-schedule-off = The server takes no scheduled backups. IT makes a key pair and starts Beredd with a folder and the public key:
backups-restore = Restoring
backups-restore-text = A backup is read into an empty database with the command beredd restore and the key file (or the passphrase). A wrong key and a changed file are told apart, and then nothing is written. The same command moves Beredd from SQLite to PostgreSQL.
backups-export = Export the whole organisation
backups-export-text = The whole organisation as a zip file: one JSON file per table, uploaded files and a table of contents with checksums. It can be read without Beredd and read into another Beredd.
backups-export-warning = The file is not encrypted. It holds every phone number, weakness and crisis log: handle it as the database itself.
backups-export-button = Download the whole organisation (zip)

## The API and its tokens
api-title = API
api-intro = Other systems reach Beredd through an API: the registers, the action plan and the incidents can be read, and entries written to an incident's log. Each system gets an API key of its own for its purpose, reaching only the areas you choose.
api-new-token = The new API key
api-new-token-once = Copy the key now and put it in the system that will use it. It is shown only this once; Beredd keeps only a fingerprint of it.
api-tokens = API keys
api-no-tokens = No API keys have been made.
api-token-name = Purpose
api-token-name-hint = What the key is for, for example "Nightly sync from the HR system". The name stands in the audit trail at every change.
api-rights = Access
api-made = Made
api-last-used = Last used
api-never-used = Never
api-revoke = Revoke
api-revoke-named = Revoke { $name }
api-revoked-at = Revoked { $at }
api-read = Read
api-write = Read and write
api-read-only = Read only
api-read-write = Read and write
api-areas = Areas
api-area-organisation = Organisation
api-area-classification = Classification and requirements
api-area-continuity = Continuity
api-area-actions = Action plan
api-area-crisis = Crisis
api-make = Make an API key
api-make-button = Make the key
api-routes = What the API does
api-routes-text = Calls send the key in the Authorization: Bearer header and get JSON back. Errors come as JSON with the same messages as the forms.
api-openapi = Download the OpenAPI document
api-method = Method
api-path = Address
api-what = What
api-error-token = The API key is missing, wrong or revoked.
api-error-area = The API key does not reach this area.
api-error-read-only = The API key may only read.
api-error-not-found = There is no such thing here.
api-error-invalid = The data is not accepted; see the fields.
api-error-closed = The incident is closed; its log takes no more entries.
api-error-internal = Something went wrong in Beredd. Try again in a while.
api-error-json = The content is not the JSON expected: { $why }
audit-action-revoke = Revoked
entity-api-token = API key
# Logging in with the municipality's account (OpenID Connect), and break-glass accounts
login-sso-intro = Log in with the same account you use for the municipality's other systems.
login-sso-button = Log in with the municipality's account
login-break-glass-heading = Break-glass account
login-break-glass-intro = Only for designated break-glass accounts, when the municipality's login does not work. Every login is logged and shown to the administrators.
login-sso-only = The municipality logs in with its own accounts. Local passwords work only for designated break-glass accounts. Use the button "Log in with the municipality's account".
sso-done-title = You are logged in
sso-done-continue = Continue to Beredd
sso-not-configured = Logging in with the municipality's account is not set up.
sso-unreachable = The municipality's login does not answer right now. Try again shortly, or use a break-glass account if you have one.
sso-bad-state = The login could not be completed: it was too old, already used or started in another browser. Try again.
sso-token = The municipality's login sent an answer that could not be trusted. The login was stopped.
sso-denied = The municipality's login did not let you in.
sso-not-mapped = Your municipal account gives no access to Beredd. Ask the administrator to add your group.
sso-inactive = Your account in Beredd is turned off. Contact the administrator.
login-settings-title = Logging in with the municipality's account
login-settings-none = No login with the municipality's account is set up: everyone logs in with local accounts.
login-settings-on = Logging in with the municipality's account is on. Local passwords work only for break-glass accounts with the roles chosen below, and for administrators who are break-glass accounts.
field-sso-issuer = Issuer
field-sso-issuer-hint = The address the provider's discovery document is under (…/.well-known/openid-configuration), for example https://login.microsoftonline.com/DIRECTORY-ID/v2.0 for Entra ID.
field-sso-client_id = Client id (application id)
field-sso-client_secret = Client secret
field-sso-client_secret-hint = The secret from the provider. It is stored and never shown again.
field-sso-client_secret-set = A secret is stored and not shown. Leave empty to keep it, or type a new one.
field-sso-public_url = Beredd's address
field-sso-public_url-hint = The address users reach Beredd at. Register the redirect URI { $uri } with the provider.
field-sso-groups_claim = Claim with the groups
field-sso-groups_claim-hint = The name of the ID token claim that carries the user's groups, usually groups (Entra ID: groups or roles).
field-sso-group_roles = Groups and roles
field-sso-group_roles-hint = One group a line: group = role, and for unit managers group = unit_manager: unit id, unit id. Roles: admin, coordinator, unit_manager, crisis_staff, reader. Someone in no group is not let in. Units: { $units }
field-sso-break_glass_roles = Roles that may have break-glass accounts
field-sso-break_glass_roles-hint = Break-glass accounts with these roles can log in with a password when the municipality's login is down. Administrators who are break-glass accounts always can.
field-sso-off = Turn off logging in with the municipality's account
field-sso-off-hint = Every local account works again as before.
field-login = Login
field-break-glass = Break-glass account
hint-break-glass = The account can log in with its password even when the municipality's login is used, if its role is chosen under Logging in. Every login is shown to the administrators.
user-login-break-glass = Break-glass
user-login-sso = Municipal account
user-login-local = Local
audit-action-break-glass-login = Logged in with a break-glass account
audit-action-deactivate = Turned off
entity-sso-provider = Logging in with the municipality's account

# Second factor (one-time codes from an authenticator app, TOTP)
second-factor-title = Two-step verification
second-factor-link = Turn on or see two-step verification
second-factor-intro = Add the secret to an authenticator app (for example Microsoft Authenticator, Google Authenticator or FreeOTP), by typing it or with the address below, then type the code the app shows. From then on the login asks for a code after the password.
second-factor-secret = Secret
second-factor-uri = Address for the app
second-factor-on = Codes from the authenticator app are on for your account. If you lose your phone you can log in with a recovery code or a passkey, and an administrator can reset two-step verification.
second-factor-turned-on = Two-step verification is on.
second-factor-recovery-title = Recovery codes
second-factor-recovery-intro = Each code works once instead of your passkey or the app's code. Print them or keep them sealed: they are shown only now.
second-factor-wrong-code = The code does not match. Type the six digits the app shows right now.
second-factor-back = Back to your account
field-second-factor-code = Code from the app (or a recovery code)
action-second-factor-on = Turn on two-step verification
login-code-title = Confirm it is you
login-code-intro = Your account has two-step verification. Type the code the authenticator app shows, or a recovery code.
users-second-factor = Two-step verification
users-second-factor-intro = If the user lost their phone: reset it, and they log in with their password alone and turn two-step verification on again. The reset is logged.
action-second-factor-reset = Reset two-step verification
audit-action-second-factor-reset = Reset two-step verification
entity-second-factor = Two-step verification
field-second-factor-required = Require two-step verification
field-second-factor-required-hint = Whoever logs in with a password and has no two-step verification must turn it on before anything else. Break-glass accounts are used when the municipality's login is down, often during an intrusion, and need it most. Accounts that log in with the municipality's account are not affected.
second-factor-required = The organisation requires two-step verification for your account. Turn it on to go on.
second-factor-choices = After the password you confirm the login with something only you have: a passkey or security key, or a code from an authenticator app. You may have several, and the first gives you recovery codes.
second-factor-app-title = Code from an authenticator app
passkeys-title = Passkeys and security keys
passkeys-intro = A passkey lives in your phone or computer and is unlocked with a fingerprint, face or PIN. A security key is a small device you plug into the computer or hold to the phone. Both work only at Beredd's own address, so a fake page cannot trick them out of you.
passkeys-none-yet = You have no passkey or security key yet.
passkeys-added = Added
passkeys-last-used = Last used
field-passkey-name = Name of the key
field-passkey-name-hint = So that you recognise it, for example “My phone” or “Yellow security key”.
action-passkey-add = Add a passkey or security key
action-passkey-remove = Remove
action-passkey-login = Use a passkey or security key
passkey-waiting = Follow what the browser or the key asks …
passkey-unsupported = This browser cannot use passkeys. Use a code instead, or a newer browser.
passkey-cancelled = No key was used: the request was cancelled or took too long. Try again.
passkey-needs-script = Passkeys need JavaScript turned on in the browser.
passkey-no-host-name = Passkeys work only when Beredd is reached by a name (for example https://beredd.kommun.se), not an IP address. Ask whoever runs Beredd for its address.
passkey-expired = The request to the key expired (five minutes). Try again.
passkey-not-verified = The key could not be confirmed. Use a key that belongs to your account, or a code.
passkey-name-required = Name of the key: type a name (at most 60 characters) so that you recognise the key later.
passkey-none = The account has no passkey. Use a code.
passkey-added = The key was added.
passkey-removed = The key was removed.
login-passkey-intro = Your account has two-step verification. Confirm with your passkey or security key.
login-code-other = Or with a code
login-recovery-intro = If you do not have the key with you, use one of your recovery codes.
field-recovery-code = Recovery code
audit-action-passkey-add = Added a passkey
audit-action-passkey-remove = Removed a passkey
second-factor-rule-nobody = No, each user chooses
second-factor-rule-break-glass = For break-glass accounts
second-factor-rule-all-local = For all local accounts
audit-action-acknowledge = Confirmed reading
audit-action-protect = Marked protected personal data
audit-action-unprotect = Removed the protected personal data mark
audit-action-thin = Thinned
entity-document = Steering document
entity-document-version = Steering document version
entity-document-link = Personal reading link
entity-training-course = Training
entity-training-completion = Completed training
entity-management-review = Management review

## Long work in the background ("My jobs")
jobs-title = My jobs
jobs-intro = Long work, such as printing the whole organisation's binder or exporting the organisation, is done in the background. Here are your latest jobs; a finished file can be downloaded for a day.
jobs-none = You have no jobs yet.
jobs-col-what = What
jobs-col-started = Started
jobs-col-state = State
jobs-link = My jobs: binders and exports made in the background
jobs-scope-organisation = The whole organisation
job-what = { $kind }: { $scope }
job-started = Started { $at }.
job-kind-binder = Binder
job-kind-export = Export of the organisation
job-kind-kit = Crisis kit
job-kind-import = Register file import
job-state-queued = Waiting
job-state-running = Running
job-state-done = Done
job-state-failed = Failed
job-step-waiting = Waiting to start
job-step-gather = Gathering the plans and registers
job-step-typeset = Typesetting the binder (this can take a while)
job-step-record = Recording the print
job-step-tables = Reading the tables
job-step-pack = Packing the file
job-step-seal = Encrypting the crisis kit
job-step-rows = Saving the rows
job-step-finished = Done
job-progress-count = { $step } ({ $done } of { $total } done)
job-done = Done.
job-failed = The job failed.
job-failed-error = An error in Beredd stopped the job. Try again; if it happens again, ask IT to look in Beredd's log.
job-failed-busy = The server was typesetting too many documents at once. Try again in a while.
job-stalled = The job stopped answering before it was done (Beredd was probably restarted while it ran). Start it again.
job-download = Download { $file } ({ $kb } kB)
job-show-result = Show the result
job-result-gone = The file is kept for a day only and has been removed. Run the job again to get a new one.
job-refresh = Refresh
job-leave = You can leave this page: the job goes on, and you will find it under My jobs.

### Beredd – English texts: navigation, buttons, generic words, form errors and texts that several areas use

## Page frame and navigation
skip-to-content = Skip to content
nav-label = Main menu
nav-menu = Menu
nav-home = Home
nav-units = Units
nav-activities = Activities
nav-people = People and contacts
nav-systems = Systems and services
nav-suppliers = Suppliers
nav-audit = Audit trail
nav-users = Users
nav-organisation = Organisation
nav-backups = Backups
nav-api = API
nav-login-settings = Logging in
footer-text = Beredd – information security and continuity for the municipality.
nav-resources = Resources
nav-dependencies = Dependencies
nav-outage = Outage analysis
nav-scenarios = Scenarios
nav-requirements = Requirements
nav-assets = Information
nav-actions = Action plan
nav-overview = Overview
nav-plan-templates = Plan templates
nav-plans = Continuity plans
nav-kit = Digital crisis kit
nav-incidents = Crisis mode
nav-cycle = Yearly cycle
nav-risks = Risks
nav-frameworks = Frameworks

## General
yes = Yes
no = No
filter-all = All
choice-none = (none)
choice-none-top = (none – top level)
choice-pick = Choose …
field-required = required
error-prefix = Error:
lesson-action-link = action
recovery-table = The figures as a table

## Buttons
action-save = Save
action-cancel = Cancel
action-edit = Edit
action-delete = Delete
action-back = Back
action-add = Add
action-filter = Show
action-logout = Log out

## Messages after a change
flash-created = Saved. The record was created.
flash-saved = Your changes are saved.
flash-deleted = The record was deleted.
flash-password = The password was changed.
flash-classified = The classification was saved as version { $n }.
flash-appear = { $n ->
    [one] 1 requirement appeared
   *[other] { $n } requirements appeared
}
flash-disappear = { $n ->
    [one] and 1 disappeared.
   *[other] and { $n } disappeared.
}
flash-uploaded = The file was uploaded.

## Lists and forms
list-search = Search
list-count = { $n ->
    [one] 1 record
   *[other] { $n } records
}
list-showing = Showing { $from }–{ $to } of { $total }
list-prev = Previous page
list-next = Next page
list-empty = Nothing to show.
form-errors = Something needs correcting before it can be saved
delete-title = Delete { $name }
delete-confirm = Do you want to delete “{ $name }”? This cannot be undone, but the deletion is kept in the audit trail.
delete-refused = “{ $name }” cannot be deleted because other records point to it. Change or delete these first:
list-export = Download the list as an Excel file

## What prevents a deletion
ref-unit = Unit
ref-activity = Activity
ref-person = Person
ref-system = System
ref-dependency = Dependency
ref-user = User responsible for the unit
ref-asset = Information asset
ref-action = Action in the action plan
ref-plan = Continuity plan
ref-cycle-item = Recurring work in the yearly cycle
ref-risk = Risk
ref-risk-analysis = Risk analysis
ref-recovery = Recovery after an incident
ref-incident = Incident
ref-self-assessment = Self-assessment with assessed requirements
ref-evidence-file = Evidence file in the self-assessment

## Field errors
err-required = Fill in this field.
err-too-long = The text is too long. At most { $n } characters.
err-too-short = Too short. At least { $n } characters.
err-control-chars = The text contains control characters that are not allowed.
err-phone = Enter a phone number in digits, for example 070-174 06 05.
err-email = Enter an e-mail address, for example name@kommun.se.
err-org-number = Enter an organisation number of ten digits, for example 212000-2171. Otherwise the check digit does not match.
err-number = Enter a whole number from { $min } to { $n }.
err-choice = Choose one of the options.
err-username = The user name may only contain letters, digits, dots, hyphens and underscores (2–64 characters).
err-slug = The short name may only contain a–z, digits and single hyphens inside (2–40 characters), and may not be one of Beredd's own addresses.
err-host = Write a host name such as beredd.kommun.se: the letters a–z, digits, hyphens and dots, without https:// and without a port.
err-duplicate = That name already exists. Choose another.
err-cycle = A unit cannot sit under itself or under one of its own sub-units.
err-missing = The chosen item no longer exists. Choose again.
err-password-mismatch = The passwords differ.
err-wrong-password = Wrong password.
err-self-edge = Nothing can depend on itself.
err-rto-mtpd = The recovery time objective must be shorter than the maximum tolerable outage.
err-nothing-chosen = Choose at least one thing that stops working.
err-duplicate-dependency = That dependency already exists. Edit the existing one instead.
err-override-reason = You chose another level than the questions proposed. Say why.
err-level-justification = A level of 2 or higher must be justified. Say why the information has this level.
err-date = Write a date as YYYY-MM-DD, for example 2027-03-31.
err-future-date = The date cannot be later than today.
err-date-time = Write the date and time in Swedish time as YYYY-MM-DD HH:MM, for example 2026-11-23 07:10.
err-time-skipped = That time did not exist: the clocks went forward from 02:00 to 03:00 that night. Write a time before 02:00 or from 03:00.
err-time-repeated = { $time } happened twice that night, because the clocks went back from 03:00 to 02:00. Write "{ $time } sommartid" (summer time) for the first or "{ $time } vintertid" (winter time) for the second.
err-time-zone-mismatch = Summer time or winter time does not match that date. Write the time without it: it is needed only on the night the clocks go back.
err-url = Write a web address starting with https://.
err-file-too-large = The file is too large. It may be at most { $n } MB.
err-file-type = That kind of file is not accepted. Choose a PDF, an image, a text file or an Office document.
err-file-empty = The file is empty.
err-columns = Too many columns; separate the columns with |.
err-on-line = Line { $n }:
err-too-many-lines = Too many lines (at most { $n }).
err-step-in-use = Registered risks use step { $n }; the scale cannot be shorter than that.
err-too-few-lines = Too few lines (at least { $n }).
err-not-in-catalogue = At least one of the requirements is not in the requirement catalogue. Check the ids, for example STY-01.
err-passphrase-short = Write at least four different words separated by spaces or hyphens (at least two letters each) or at least 16 characters. The suggestion below meets the rule.
err-passphrase-repetitive = The passphrase repeats one character, word or pattern and is easy to guess. Choose words that do not belong together, or take the suggestion.
err-passphrase-guessable = The passphrase is built from what is guessed first: the organisation's name, a common password, a season, a year or digits, a row of the keyboard or the alphabet. Choose other words, or take the suggestion.

## Error pages
error-not-found-title = Page not found
error-not-found = What you are looking for does not exist, or it has been deleted.
error-forbidden-title = Not allowed
error-forbidden = Your role does not allow this. Ask an administrator if you need it.
error-login-title = Log in
error-login = You need to log in.
error-csrf-title = The form has expired
error-csrf = The form could not be verified. Go back, reload the page and try again.
error-bad-request-title = Bad request
error-bad-request = The request could not be read.
error-throttled-title = Too many attempts
error-throttled = Wait a while and try again.
error-busy-title = Busy right now
error-busy-streams = Too many open live updates. Close a tab with the status board or try again in a while.
error-busy-pdf = Many documents are being printed right now. Try again in a while.
error-busy-hashing = Many people are logging in or changing passwords right now. Wait a moment and try again.
error-internal-title = Something went wrong
error-internal = An error occurred and nothing was saved. Try again. If it persists, give the reference below to whoever runs Beredd.
error-reference = Reference:
error-back = To the start page

## Fields used in several areas
field-name = Name
field-description = Description
field-unit = Unit
field-criticality = How critical is the activity in an outage?
field-notes = Notes
field-org-number = Organisation number
hint-org-number = Ten digits, for example 212000-2171.
field-fallback = Fallback routine
field-responsible = Responsible
field-due-date = Due by
hint-date = Pick it in the calendar or type the date, for example 2027-03-31.
field-create-action = Add an action to the action plan if the requirement is not fully met
hint-one-per-line = One per line.
incident-field-participants = Participants

## Vocabularies
criticality-akut = Urgent – within hours
criticality-kritisk = Critical – within a day
criticality-viktig = Important – within a week
criticality-ovrig = Can wait
role-admin = Administrator
role-coordinator = Information-security coordinator
role-unit_manager = Unit manager
role-crisis_staff = Crisis staff
role-reader = Reader
node-kind-activity = Activity
node-kind-system = System
node-kind-supplier = Supplier
node-kind-resource = Resource
action-status-planned = Planned
action-status-ongoing = Ongoing
action-status-done = Done
action-status-cancelled = Cancelled

## Business impact analysis
field-mtpd = Maximum tolerable period of disruption, MTPD (hours)
field-rto = Recovery time objective, RTO (hours)
field-rpo = Maximum tolerable data loss, RPO (hours)
field-level-1h = Consequence after one hour
field-level-4h = Consequence after four hours (one shift)
field-level-1d = Consequence after one day
field-level-3d = Consequence after three days (72 hours)
field-level-1w = Consequence after one week
field-level-1m = Consequence after one month
field-peak-periods = Sensitive periods
field-min-staffing = Minimum staffing
level-none = – not assessed
level-0 = 0 – None or negligible
level-1 = 1 – Moderate
level-2 = 2 – Significant
level-3 = 3 – Serious
level-4 = 4 – Exceptionally serious

## Classification and requirements
requirements-level-4 = Level 4 is outside ordinary handling: the information needs its own security analysis beyond the requirements here.
asset-show-requirements = Show the requirements the classification yields
evidence-none = No files have been uploaded for this requirement.
evidence-delete = Delete { $name }

## Printouts
pdf-page = Page
pdf-of = of
pdf-contents = Contents
pdf-stamp = Printed { $date }
time-in-sweden = { $time } Swedish time
pdf-printed-by = Printed by { $name }
pdf-marking-internal = Contains information on where the municipality is vulnerable. Handle under the municipality's rules for protected information.
binder-marking = Internal: contains personal data. Keep locked away.

## Continuity plans and forms
plan-hotline-hours = Hours
plan-hotline-answered-by = Who answers
plan-col-status = Status
plan-overdue = overdue
plan-col-phone = Phone
plan-hotline-number = Phone number
form-f-date = Date
form-f-time = Time
form-f-unit = Unit
form-f-area = Area
form-f-comment = Comment
form-f-what = What
form-f-who = Who
form-f-when = Due

## Navigation groups (web::page::GROUPS)
nav-group-start = Start
nav-group-crisis = Crisis
nav-group-organisation = Organisation
nav-group-classification = Classification and requirements
nav-group-continuity = Continuity
nav-group-risk = Risks and frameworks
nav-group-follow-up = Follow-up
nav-group-administration = Administration
swedish-time = Swedish time

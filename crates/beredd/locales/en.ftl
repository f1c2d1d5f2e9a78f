# Beredd – English texts

## General
skip-to-content = Skip to content
nav-label = Main menu
nav-home = Home
nav-units = Units
nav-activities = Activities
nav-people = People and contacts
nav-systems = Systems and services
nav-suppliers = Suppliers
nav-audit = Audit trail
nav-users = Users
nav-organisation = Organisation
footer-text = Beredd – information security and continuity for the municipality.
yes = Yes
no = No
filter-all = All
choice-none = (none)
choice-none-top = (none – top level)
choice-pick = Choose …
field-required = required

## Buttons
action-save = Save
action-cancel = Cancel
action-edit = Edit
action-delete = Delete
action-back = Back
action-add = Add
action-filter = Show
action-login = Log in
action-logout = Log out
action-change-password = Change password
action-reset-password = Set new password
action-create-admin = Create administrator

## Messages after a change
flash-created = Saved. The record was created.
flash-saved = Your changes are saved.
flash-deleted = The record was deleted.
flash-password = The password was changed.

## Lists and forms
list-search = Search
list-count = { $n ->
    [one] 1 record
   *[other] { $n } records
}
list-empty = Nothing to show.
form-errors = Something needs correcting before it can be saved
delete-title = Delete { $name }
delete-confirm = Do you want to delete “{ $name }”? This cannot be undone, but the deletion is kept in the audit trail.
delete-refused = “{ $name }” cannot be deleted because other records point to it. Change or delete these first:
ref-unit = Unit
ref-activity = Activity
ref-person = Person
ref-system = System

## Field errors
err-required = Fill in this field.
err-too-long = The text is too long. At most { $n } characters.
err-too-short = Too short. At least { $n } characters.
err-control-chars = The text contains control characters that are not allowed.
err-phone = Enter a phone number in digits, for example 070-174 06 05.
err-email = Enter an e-mail address, for example name@kommun.se.
err-org-number = Enter an organisation number of ten digits, for example 212000-2171. Otherwise the check digit does not match.
err-number = Enter a whole number between 0 and { $n }.
err-choice = Choose one of the options.
err-username = The user name may only contain letters, digits, dots, hyphens and underscores (2–64 characters).
err-duplicate = That name already exists. Choose another.
err-cycle = A unit cannot sit under itself or under one of its own sub-units.
err-missing = The chosen item no longer exists. Choose again.
err-password-mismatch = The passwords differ.
err-wrong-password = Wrong password.

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
error-internal-title = Something went wrong
error-internal = An error occurred and nothing was saved. Try again. If it persists, give the reference below to whoever runs Beredd.
error-reference = Reference:
error-back = To the start page

## Login
login-title = Log in to Beredd
login-intro = Log in with your user name and password.
login-failed = Wrong user name or password.
login-throttled = Too many failed attempts. Wait fifteen minutes and try again.
setup-title = Create the first administrator
setup-intro = Beredd has no users yet. Create the administrator, who then adds the other users. The link works only once.

## Home
home-title = Home
home-greeting = Welcome, { $name }.
home-your-units = Your units:
home-attention = Needs attention
home-nothing = Nothing needs attention right now.
home-read-only = You can read everything in the registers. If something needs changing, contact the information-security coordinator or your manager.
home-registers = Registers
attention-empty = The register { $register } is empty.
attention-unit-no-manager = Units without a manager:
attention-unit-no-activities = Units with no activities described:
attention-staff-no-phone = Staff without a phone number:
attention-system-no-owner = Systems without a system owner:
attention-system-no-units = Systems no unit is linked to:
attention-cloud-no-supplier = Systems hosted by a supplier with no supplier given:

## Fields
field-name = Name
field-unit-kind = Level
field-parent = Part of
field-manager = Manager
field-address = Address
field-staff-count = Number of staff
field-around-the-clock = Around the clock
field-description = Description
field-unit = Unit
field-criticality = Criticality
field-recipients = For whom
field-title = Position or role
field-affiliation = Unit or organisation
field-contact-kind = Type
field-organisation = Organisation
field-supplier = Supplier
field-work-phone = Phone (work)
field-private-phone = Phone (private)
field-phone = Phone
field-email = E-mail
field-off-hours = Reachable outside working hours
field-off-hours-short = Reachable evenings/weekends
field-notes = Notes
field-org-number = Organisation number
field-contract-ref = Contract reference
field-purpose = Purpose
field-system-kind = Kind
field-hosting = Where it runs
field-owner = System owner
field-used-by = Used by units
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
hint-around-the-clock = Tick if the unit works around the clock, such as a residential care home or a night patrol.
hint-criticality = Vital to society: must not stop at all. Critical: tolerates only short outages. Important: tolerates a few days. Other: can wait.
hint-recipients = For example “residents of the care home” or “households applying for financial assistance”.
hint-person-unit = The unit where the person works. Leave empty for outside contacts.
hint-person-organisation = For outside contacts: for example the region, the police or SOS Alarm.
hint-phone = Write the number as you would dial it, for example 070-174 06 05.
hint-org-number = Ten digits, for example 212000-2171.
hint-hosting = Decides what keeps working if the municipal network is knocked out: what runs inside goes down, what runs at a supplier or nationally may go on.
hint-owner = The person in the organisation responsible for the system.
hint-username = Lower-case letters, digits, dots and hyphens, for example anna.berg.
hint-password = At least ten characters. A long phrase is easier to remember and harder to guess.
hint-granted-units = For the unit manager role: the user may change these units and everything below them.

## Registers
units-title = Units
units-intro = The organisation as a tree: administration, area of operations and unit. Each unit has a manager and may work around the clock.
units-new = New unit
units-edit = Edit unit
units-children = Sub-units
activities-title = Activities
activities-intro = What each unit does and for whom, and how critical an interruption is.
activities-new = New activity
activities-edit = Edit activity
people-title = People and contacts
people-intro = Staff with phone numbers, and outside contacts: suppliers, the region, the police, SOS Alarm.
people-new = New person
people-edit = Edit person
systems-title = Systems and services
systems-intro = IT systems, services and welfare technology, who owns them and where they run.
systems-new = New system
systems-edit = Edit system
suppliers-title = Suppliers
suppliers-intro = Suppliers of systems and services, with contracts and how to reach them.
suppliers-new = New supplier
suppliers-edit = Edit supplier
suppliers-contacts = Contacts

## Vocabularies
unit-kind-forvaltning = Administration
unit-kind-verksamhetsomrade = Area of operations
unit-kind-enhet = Unit
criticality-samhallsviktig = Vital to society
criticality-kritisk = Critical
criticality-viktig = Important
criticality-ovrig = Other
hosting-internal = Inside the municipal network
hosting-supplier_cloud = At a supplier (cloud)
hosting-national = National service
system-kind-it_system = IT system
system-kind-service = Service
system-kind-welfare_tech = Welfare technology
system-kind-infrastructure = Infrastructure
contact-kind-staff = Staff
contact-kind-external = Outside contact
role-admin = Administrator
role-coordinator = Information-security coordinator
role-unit_manager = Unit manager
role-crisis_staff = Crisis staff
role-reader = Reader

## Account
account-title = My account
account-username = Logged in as { $name }.
account-language = Language
account-password = Change password

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
audit-at = Time (UTC)
audit-action = Event
audit-what = What
audit-show-change = Show the change
audit-before = Before
audit-after = After
entity-unit = Unit
entity-activity = Activity
entity-person = Person
entity-system = System
entity-supplier = Supplier
entity-user = User
entity-organisation = Organisation
entity-session = Login

## Dependencies
nav-resources = Resources
nav-dependencies = Dependencies
resources-title = Resources
resources-intro = What activities and systems need beyond the registered systems: the municipal network, log-in, power, premises, staff and more.
resources-new = New resource
resources-edit = Edit resource
dependencies-title = Dependencies
dependencies-intro = What depends on what, how hard, and which fallback routine takes over if it fails.
dependencies-new = New dependency
dependencies-edit = Edit dependency
field-resource-kind = Kind of resource
field-dependent = What depends
field-depends-on = Depends on
field-need = Without it
field-fallback = Fallback routine
hint-need = Stops: the activity or system does not work at all without it, unless there is a fallback routine. Degraded: it goes on, but less well.
hint-fallback = How the work goes on without it, for example “paper list of clients and manual payments with the bank token”.
err-self-edge = Nothing can depend on itself.
ref-dependency = Dependency
entity-resource = Resource
entity-dependency = Dependency
need-stops = Stops
need-degraded = Degraded
node-kind-activity = Activity
node-kind-system = System
node-kind-supplier = Supplier
node-kind-resource = Resource
resource-kind-network = Municipal network
resource-kind-identity = Log-in and identity
resource-kind-email = E-mail
resource-kind-internet = Internet connection
resource-kind-data_centre = Data centre
resource-kind-electricity = Electricity
resource-kind-water = Water
resource-kind-heating = Heating
resource-kind-mobile_network = Mobile network
resource-kind-telephony = Telephony
resource-kind-premises = Premises
resource-kind-transport = Transport
resource-kind-staff = Staff
resource-kind-other = Other

## Outage analysis
nav-outage = If it goes down
outage-title = If it goes down – outage analysis
outage-intro = Choose what stops working and for how long. Beredd shows which activities stop, which can go on by hand with a fallback routine, and what keeps working.
outage-what-fails = What stops working?
outage-category-inside_network = Everything inside the municipal network (as in a cyber attack)
outage-duration = For how long?
duration-hour = One hour
duration-day = One day
duration-week = One week
duration-month = One month
outage-run = Show the consequences
outage-result = Consequences
outage-summary = Activities that stop / go on degraded or by hand / work: { $counts }.
outage-cycles = { $n ->
    [one] The dependencies contain a cycle; it does not affect the analysis but should be reviewed.
   *[other] The dependencies contain { $n } cycles; they do not affect the analysis but should be reviewed.
}
outage-activities = Activities affected
outage-systems = Systems affected
outage-keeps-working = Keeps working
outage-none-affected = Nothing is affected.
outage-nothing-works = Nothing.
outage-state = State
outage-chain = Why
outage-down = Stops
outage-degraded = Degraded
outage-fallback = By hand (fallback routine)
outage-working = Works

## Business impact analysis
bia-title = Business impact analysis: { $name }
bia-section = Business impact analysis
bia-missing = No business impact analysis has been made yet.
bia-edit = Edit the business impact analysis
bia-sign-off = Approve the analysis
bia-signed = Approved by { $who }.
bia-not-signed = Not approved.
field-mtpd = Maximum tolerable outage (hours)
field-rto = Recovery time objective (hours)
field-rpo = Maximum tolerable data loss (hours)
hint-mtpd = How long the activity can at most be without what it needs before the harm becomes unacceptable. 24 = one day, 168 = one week.
hint-rto = How quickly it must be running again. Must be shorter than the maximum tolerable outage.
hint-rpo = How much information, counted in time backwards, may be lost.
field-level-1h = Consequence after one hour
field-level-1d = Consequence after one day
field-level-1w = Consequence after one week
field-level-1m = Consequence after one month
field-text-1h = What happens after one hour?
field-text-1d = What happens after one day?
field-text-1w = What happens after one week?
field-text-1m = What happens after one month?
field-peak-periods = Sensitive periods
hint-peak-periods = When an outage hurts most, for example the payment week or the weeks around Christmas.
field-min-staffing = Minimum staffing
level-none = – not assessed
level-0 = 0 – None or negligible
level-1 = 1 – Moderate
level-2 = 2 – Significant
level-3 = 3 – Serious
level-4 = 4 – Exceptionally serious
err-rto-mtpd = The recovery time objective must be shorter than the maximum tolerable outage.
entity-bia = Business impact analysis
hours = { $n ->
    [one] 1 hour
   *[other] { $n } hours
}
days = { $n ->
    [one] 1 day
   *[other] { $n } days
}
outage-mtpd = Maximum tolerable outage
outage-consequence = Consequence at this length
outage-gap = Exceeds the maximum tolerable outage
outage-presets = Ready-made scenarios
outage-own = Your own scenario
preset-attack = Cyber attack: everything inside the municipal network for a month
preset-power = Power cut: { $name }
preset-mobile = The mobile network stops working
preset-email-identity = E-mail and log-in stop working
preset-supplier = The supplier is lost: { $name }

## Saved scenarios
nav-scenarios = Scenarios
scenarios-title = Saved scenarios
scenarios-intro = Outage scenarios saved to be run again when the data changes. Every run is kept, so you can see what changed since last time.
scenarios-new = New scenario
scenarios-edit = Edit scenario
scenario-last-run = Last run
scenario-previous-run = Run before that
scenario-categories = Whole areas
scenario-run-title = Running
scenario-run-help = Run the scenario on today's data. The result is kept and compared with the previous run.
scenario-has-result = There is a saved result.
scenario-show-result = Show the latest result
scenario-run = Run the scenario now
scenario-showing = Scenario: { $name }.
scenario-run-at = Run { $when }.
scenario-changes = Changed since the previous run
scenario-no-previous = The scenario has not been run twice yet, so there is nothing to compare with.
scenario-no-changes = No activity has changed state.
scenario-not-there = (did not exist)
scenario-removed-activity = (deleted activity)
scenario-save-title = Save as a scenario
scenario-save = Save the scenario
err-nothing-chosen = Choose at least one thing that stops working.
entity-scenario = Scenario
graph-title = The dependency graph
graph-desc = Activities, systems, suppliers and resources with lines to what they depend on. ✕ means it has failed or stops, ! that it works degraded or by hand, ✓ that it works. The tables above and below say the same in text.
graph-failed = Fails in the scenario
field-provides = Provides
hint-provides = If this system is what gives the municipality a shared resource, such as the network, log-in, e-mail or the mobile network. Scenarios about that resource then include it.
err-duplicate-dependency = That dependency already exists. Edit the existing one instead.
ref-user = User responsible for the unit
error-prefix = Error:
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

## Requirement catalogue
nav-requirements = Requirements
requirements-intro = Beredd's own requirement catalogue, version { $version }. Choose levels and laws below to see which requirements a classification yields.
requirements-count = { $n ->
    [one] 1 requirement
   *[other] { $n } requirements
}
requirements-derived = apply to the chosen classification.
requirements-area = Area
requirements-id = Id
requirements-applies = Applies
requirements-is = Requirement on operations ("is")
requirements-shall = Requirement in procurement ("shall")
requirements-guidance = Guidance
requirements-derive = Which requirements does a classification yield?
requirements-derive-hint = Give a level per aspect and tick the laws that apply to the information.
requirements-level-4 = Level 4 is outside ordinary handling: the information needs its own security analysis beyond the requirements here.
applies-baseline = All systems
applies-level = From { $what }
aspect-K = Confidentiality
aspect-R = Integrity
aspect-T = Availability
aspect-S = Traceability
flag-personal_data = Personal data
flag-sensitive_personal_data = Sensitive personal data (GDPR art. 9)
flag-children = Data about children
flag-secrecy_osl = Secrecy under OSL
flag-patient_data = Patient data (PDL)
flag-social_services_documentation = Social-services documentation
ref-cyber = Cybersecurity act ch. 2 § 3, measure
ref-gdpr = GDPR, article
ref-pdl = Patient data act
ref-hslf = HSLF-FS 2016:40
ref-iso = ISO/IEC 27001:2022 Annex A

## Information and classification
nav-assets = Information
assets-title = Information and classification
assets-intro = The information assets: what they contain, who owns them, which systems hold them and which laws apply. The classification decides which requirements the systems must meet.
assets-new = New information asset
assets-edit = Edit information asset
field-information-owner = Information owner
field-osl = Secrecy under OSL (chapter and section)
hint-osl = For example “26 kap. 1 §” for social-services secrecy.
asset-flags = Laws that apply to the information
hint-asset-flags = Every law ticked adds its own requirements.
asset-systems = Systems that hold the information
asset-units = Units that use the information
asset-classification = Classification
asset-not-classified = The information is not classified yet.
asset-version = Current classification: version { $what }.
asset-version-short = Version
asset-history = All versions
asset-classify = Classify the information
asset-show-requirements = Show the requirements the classification yields
classify-title = Classify: { $name }
field-why = Justification, { $aspect }
field-reason = Why is the information classified now?
hint-reason = Required when a classification changes: what has changed since last time?
hint-aspect-K = What happens if the information is shown to the wrong person?
hint-aspect-R = What happens if the information is wrong or changed by mistake?
hint-aspect-T = What happens if the information cannot be reached for a day, a week?
hint-aspect-S = How important is it to see who has read or changed the information?
flash-classified = The classification was saved as version { $n }.
flash-appear = { $n ->
    [one] 1 requirement appeared
   *[other] { $n } requirements appeared
}
flash-disappear = { $n ->
    [one] and 1 disappeared.
   *[other] and { $n } disappeared.
}
system-information = Information and requirements
system-no-classified = No classified information is linked to the system.
system-required-level = Required level: { $levels } (the highest among the information the system holds).
ref-asset = Information asset
entity-asset = Information asset
audit-action-classify = Classified

## Questions that lead to a level
classify-help = Answer the questions and choose “Propose levels”, or choose the levels directly. If you choose another level than proposed, you need to say why.
classify-propose = Propose levels
classify-proposal = Proposal from the answers: { $levels }. Check the levels, write justifications and save.
err-override-reason = You chose another level than the questions proposed. Say why.
q-K = What happens to the individual (client, resident, patient) if the information is shown to the wrong person?
q-K-a0 = Nothing that matters
q-K-a1 = Discomfort or minor harm
q-K-a2 = Significant harm, for example a serious intrusion on privacy
q-K-a3 = Serious harm to life, health, safety or rights, for example a protected address revealed
q-K-a4 = Harm to Sweden's security
q-R = What happens if the information is wrong or changed by mistake?
q-R-a0 = Nothing that matters
q-R-a1 = Extra work or minor harm
q-R-a2 = Significant harm, for example a wrong decision or a wrong payment
q-R-a3 = Serious harm, for example the wrong medicine or dose for a patient
q-R-a4 = Harm to Sweden's security
q-T-day = What happens if the information cannot be reached for a day?
q-T-day-a0 = Nothing that matters
q-T-day-a1 = Extra work, but the work can wait
q-T-day-a2 = Significant harm, for example delayed payments or decisions
q-T-day-a3 = Serious harm: the organisation cannot give care or support someone needs that day
q-T-day-a4 = Harm to Sweden's security
q-T-week = What happens if the information cannot be reached for a week?
q-T-week-a0 = Nothing that matters
q-T-week-a1 = Extra work, but it can be caught up
q-T-week-a2 = Significant harm to individuals or the municipality
q-T-week-a3 = Serious harm: the municipality cannot carry out its most important tasks
q-T-week-a4 = Harm to Sweden's security
q-S = Do you need to see afterwards who has read or changed the information?
q-S-a0 = No
q-S-a1 = It would be good, but it is not required
q-S-a2 = Yes, to follow up and investigate suspected improper access
q-S-a3 = Yes, the law requires logging and systematic follow-up (for example patient records)
q-S-a4 = Yes, for Sweden's security

## Self-assessment and action plan
nav-actions = Action plan
actions-title = Action plan
actions-intro = Everything to be done to close gaps: who, by when and how it is going. Gaps from the self-assessment end up here.
actions-new = New action
actions-edit = Edit action
field-action = Action
field-responsible = Responsible
field-due-date = Due by
field-status = Status
field-priority = Priority
field-progress = Notes on progress
field-origin = Comes from
hint-date = Write the date as YYYY-MM-DD, for example 2027-03-31.
action-overdue = overdue
action-origin-requirement = Self-assessment of requirement { $req }
action-origin-manual = Added by hand
action-from-requirement = Meet requirement { $what }
action-status-planned = Planned
action-status-ongoing = Ongoing
action-status-done = Done
action-status-cancelled = Cancelled
priority-high = High
priority-medium = Medium
priority-low = Low
fulfilment-fulfilled = Fulfilled
fulfilment-partly = Partly fulfilled
fulfilment-not_fulfilled = Not fulfilled
fulfilment-not_applicable = Not applicable
field-fulfilment = Is the requirement met?
field-how-met = How is it met here?
hint-how-met = Describe briefly how it is done, or what is missing.
field-na-reason = Why does the requirement not apply?
hint-na-reason = Required when the requirement is not applicable.
field-evidence = Link to evidence
hint-evidence = A web address starting with https://, for example a routine on the intranet.
field-create-action = Add an action to the action plan if the requirement is not fully met
hint-create-action = A gap gets one action; if an open action for the gap exists, no new one is added.
assessment-title = Self-assessment: { $name }
assessment-intro = The requirements the system's information yields (required level { $levels }). Assess each one; gaps become actions in the action plan.
assessment-summary = Fulfilled / partly / not fulfilled / not applicable / not assessed: { $counts }.
assessment-not-assessed = Not assessed
assessment-by = Assessed by
assessment-open = Self-assessment of the requirements
err-date = Write a date as YYYY-MM-DD, for example 2027-03-31.
err-url = Write a web address starting with https://.
ref-action = Action in the action plan
entity-action = Action
audit-action-assess = Assessed

## Evidence for the self-assessment
evidence-title = Evidence
evidence-none = No files have been uploaded for this requirement.
evidence-file = File to upload
evidence-hint = PDF, image (PNG, JPEG), text (TXT, CSV) or Office document (DOCX, XLSX, PPTX, ODT, ODS), at most 10 MB.
evidence-upload = Upload
evidence-delete = Delete { $name }
flash-uploaded = The file was uploaded.
err-file-too-large = The file is too large. It may be at most { $n } MB.
err-file-type = That kind of file is not accepted. Choose a PDF, an image, a text file or an Office document.
err-file-empty = The file is empty.
entity-evidence = Evidence
audit-action-upload = Uploaded

## Printouts: procurement specification and classification report
pdf-page = Page
pdf-of = of
pdf-contents = Contents
pdf-stamp = Printed { $date }
pdf-catalogue = Requirement catalogue
pdf-printed-by = Printed by { $name }
pdf-marking-internal = Contains information on where the municipality is vulnerable. Handle under the municipality's rules for protected information.
procurement-title = Requirement specification for procurement
procurement-file = requirement-specification
procurement-intro = The requirements below follow from the classification of the information the system is to hold. Each is a "shall" requirement ready to paste into the tender documents. Numbering follows the area and order of Beredd's requirement catalogue; the id shows which catalogue requirement it comes from.
procurement-download = Requirement specification for procurement
proc-sheet = Requirements
proc-background = Basis
proc-system = System
proc-levels = Required level
proc-flags = Legal flags
proc-number = No.
proc-area = Area
proc-requirement = Requirement
proc-id = Id
proc-references = References
report-title = Classification report
report-file = classification-report
report-sheet = Information
report-intro = The report shows the information used in the area, how it is classified on confidentiality (K), integrity (R), availability (T) and traceability (S) at levels 0–4, and the level each system holding the information must meet.
report-summary = Summary
report-assets = Information and classification
report-asset = Information
report-owner-systems = Owner and systems
report-systems = Systems and required level
report-reasons = Justifications
report-version-col = Version
report-version = Version {v}, classified by {who} {when}
report-not-classified = Not classified yet
report-fulfilment = {met} of {all} requirements met
report-fulfilment-col = Self-assessment
report-count-assets = Information assets
report-count-classified = Classified
report-count-unclassified = Not classified
report-count-systems = Systems holding the information

## Own requirements and requirements turned off
local-new = New requirement of our own
local-edit = Edit requirement { $id }
local-delete = Delete requirement { $id }
local-mark = our own
local-intro = A requirement the municipality has added to the catalogue itself.
local-heading = The municipality's changes to the catalogue
local-disabled = Turned off for the municipality:
local-disabled-list = Requirements the municipality has turned off
local-disable = Turn the requirement off for the municipality
local-disable-reason = Why does the requirement not apply to you?
local-disable-hint = A requirement turned off is derived for no system. The reason is kept and shown in the catalogue.
local-enable = Turn the requirement on again
hint-local-id = An id of your own in capital letters, digits and dashes, e.g. EGEN-01. It must not already be in the catalogue.
hint-local-refs = For example a guideline of your own or a section of a law.
ref-local = Own references
entity-requirement = Requirement
audit-action-disable = Turned off
audit-action-enable = Turned on

## Overview of classification and self-assessment
nav-overview = Overview
overview-title = Overview: classification and requirements
overview-intro = The systems ordered by the highest level they must meet, how far their self-assessment has come, which requirements are most often unmet, and which actions are overdue.
overview-print = Print the classification report
overview-report-for = Report for
overview-whole-org = The whole organisation
overview-chart = Requirement fulfilment per system
overview-chart-desc = Each bar is a system, split by how many of its requirements are met, partly met, not met, not applicable and not assessed. The same figures are in the table below the chart.
overview-table = Fulfilment per system in figures
overview-assets = Information assets
overview-share = Share met
overview-no-systems = No system holds classified information yet. Add information and say which systems hold it.
overview-gaps = Requirements most often unmet
overview-no-gaps = No gaps are recorded.
overview-not-met = Systems where it is not met
overview-partly = Systems where it is partly met
overview-overdue = Overdue actions
overview-no-overdue = No actions are overdue.
overview-all-overdue = All overdue actions in the action plan

## Continuity plan templates
nav-plan-templates = Plan templates
plan-templates-title = Continuity plan templates
plan-templates-intro = The templates show how a unit can work when the systems are down: fallback routines step by step, what must be in place beforehand, contacts, the citizens' hotline, communication and checklists. A unit's continuity plan starts from a template and is adapted to its own activities. The templates are in Swedish.
plan-template-title = Plan template: { $name }
plan-template-version = Version
plan-template-routines = { $n ->
    [one] one fallback routine
   *[other] { $n } fallback routines
}
plan-routines = Fallback routines
plan-trigger = When do we switch to the fallback routine?
plan-switch-back = When do we switch back?
plan-steps = Step by step
plan-resources = What must be in place beforehand
plan-reentry = What must be entered in the systems afterwards
plan-externals = External contacts
plan-hotline = Hotline for the public
plan-hotline-hours = Hours
plan-hotline-answered-by = Who answers
plan-hotline-script = What the person answering says
plan-communication = Communication
plan-comm-web = Text for a temporary web page
plan-comm-hotline = Recorded message
plan-comm-media = To the media
plan-comm-spokesperson = Spokesperson
plan-checklists = Checklists
attention-overdue-actions = Actions in the action plan that are overdue:
attention-unclassified = Information not classified yet:
list-export = Download the list as an Excel file
action-origin-requirements = Self-assessment of requirements

# Continuity plans and the binder
nav-plans = Continuity plans
plans-title = Continuity plans
plans-intro = A continuity plan says how a unit keeps working when the systems are down: fallback routines step by step, who leads and who calls whom, outside contacts, the public hotline and communication. A plan starts as a draft, is approved and is reviewed every year. Every version is kept.
plans-none = There are no continuity plans yet. Start by reading the templates and create a plan for a unit.
plans-new = New continuity plan
plans-create = Create draft
plans-edit = Edit draft: { $name }
field-plan-name = Plan name
hint-plan-name = For example "Continuity plan Björkbacken".
field-plan-template = Template
hint-plan-template = The draft is filled in from the template and from the units' critical activities, staff and suppliers. Everything can be changed before the plan is approved.
field-plan-units = Units the plan covers
hint-plan-units = A plan can cover one unit or be shared by several.
field-review-due = Next review
hint-review-due = Date as YYYY-MM-DD. Set to a year ahead when the plan is approved.
field-change-note = What changed
hint-change-note = One sentence on what this version changes, for example "New call list after the summer".
plan-col-status = Status
plan-col-binder = Printed binder
plan-review-due = Next review
plan-overdue = overdue
plan-status-approved = Version { $n } approved
plan-status-draft = Draft, not approved
plan-status-draft-open = new draft in progress
plan-binder-never = Never printed
plan-binder-stale = The binder holds version { $n }; print the new one
plan-binder-current = Current, printed { $date }
plan-shown-version = Version shown
plan-version-draft = Draft, version { $number }
plan-version-approved = Version { $number }, approved
plan-warn-review = The plan should have been reviewed by { $date }. Go through it with the unit and approve a new version.
plan-warn-not-approved = The plan is not approved yet. Only approved versions go into the binder.
plan-old-version = You are looking at an older version.
plan-show-newest = Show the newest.
plan-edit-draft = Edit the draft
plan-new-draft = Start a new draft
plan-edit-new-draft = The approved version does not change. Saving creates a new draft, version { $n }.
plan-approve-heading = Approve the plan
plan-approve-intro = The draft is complete. When you approve it, it becomes the version in force and the next review is set a year ahead.
plan-approve = Approve the draft
plan-gaps-intro = This is missing before the draft can be approved:
plan-approve-stale = The draft has been changed or already approved by someone else. Read the newest version and try again.
plan-gap-lead = It does not say who leads the unit's work during an outage.
plan-gap-routines = The plan has no fallback routine.
plan-gap-routine = The fallback routine for "{ $activity }" lacks when to switch over, steps, or when to switch back.
plan-gap-call-list = The call list is empty.
plan-gap-hotline = It does not say who answers the public hotline.
plan-gap-spokesperson = It does not say who the spokesperson is.
flash-plan-approved = The plan is approved.
plan-draft = Draft
plan-approved = Approved
plan-versions = Versions
plan-col-created = Created
plan-col-compare = Compare
plan-compare-with = Compare with version { $n }
plan-delete = Delete the plan
plan-delete-hint = Deletes the plan with all its versions. This cannot be undone, but the deletion stays in the audit trail.
plan-back = Back to the plan
plan-lead = Leadership during an outage
hint-plan-lead = Who leads, who stands in, and how to reach them.
plan-call-list = Call list
plan-col-name = Name
plan-col-role = Role
plan-col-phone = Phone
plan-col-calls = Calls in turn
plan-col-purpose = Why to call
plan-contacts = Call list and contacts
hint-call-list = One person per line: Name | Role | Phone | Whom this person calls in turn. Name and phone are required.
hint-externals = One contact per line: Name | Phone | Why to call.
plan-refresh-call-list = Fill the call list again from the staff register
hint-refresh-call-list = The call list is replaced by the units' managers and staff from the register, arranged as a phone tree. You see the result before anything is saved.
plan-call-list-refreshed = The call list is filled in from the staff register. Check it and save the draft.
plan-hotline-number = Phone number
plan-routine-for = Fallback routine: { $activity }
plan-new-routine = New fallback routine
hint-routines = Leave the empty routine at the bottom empty if you do not want to add one. Save to get a new empty routine.
field-routine-activity = Activity
hint-trigger = What happens, and who decides to switch over.
hint-steps = One step per line, preferably "Role: what is done".
hint-one-per-line = One per line.
field-remove-routine = Remove this routine
plan-new-checklist = New checklist
field-checklist-title = Title
field-checklist-items = Items
field-remove-checklist = Remove this checklist
plan-save-draft = Save the draft
plan-diff-title = Compare versions: { $name }
plan-diff-from = From version
plan-diff-to = To version
plan-diff-show = Compare
plan-diff-added = { $n ->
    [one] One line added.
   *[other] { $n } lines added.
}
plan-diff-removed = { $n ->
    [one] One line removed.
   *[other] { $n } lines removed.
}
plan-diff-added-label = Added:
plan-diff-removed-label = Removed:
plan-line-lead = Leadership
plan-line-routine = Fallback routine
plan-line-trigger = Switch over
plan-line-step = Step
plan-line-resource = Resource
plan-line-switch-back = Switch back
plan-line-reentry = Re-entry
plan-line-call-list = Call list
plan-line-external = Outside contact
plan-line-hotline-number = Hotline
plan-line-hotline-hours = Hours
plan-line-hotline-answered-by = Answered by
plan-line-hotline-script = Hotline script
plan-line-comm-web = Web text
plan-line-comm-hotline = Recorded message
plan-line-comm-media = Media
plan-line-comm-spokesperson = Spokesperson
plan-line-checklist = Checklist
plan-line-checklist-item = Item
ref-plan = Continuity plan
err-columns = Too many columns; separate the columns with |.
err-on-line = Line { $n }:
binder-heading = The binder
binder-intro = Print the binder for a unit (with the units below it) or for the whole organisation. It holds the approved plans, call lists, checklists and blank forms. Every print is recorded, so you see when a binder is older than its plan.
binder-scope = Binder for
binder-whole-org = The whole organisation
binder-print = Print binder (PDF)
binder-print-plan = Print the plan (PDF)
binder-recent = Latest prints
binder-title = Continuity binder
binder-doc-title = Continuity binder: { $scope }
binder-no-plans = There is no approved continuity plan for this selection yet.
binder-plan = Plan
binder-version = Version
binder-version-n = version { $n }
binder-approved = Approved
binder-units = Units
binder-printed = printed { $date }
binder-printed-by = Printed by { $name }
binder-how-to-use = How to use the binder: keep it locked away but within reach at the unit, with a copy at the manager's. In an outage, whoever leads decides to switch to the fallback routine and notes the time. Tick the steps as they are done. Document on the forms at the back and hand them to whoever leads at the end of the shift. Everything written on paper is entered in the systems when they work again. Replace the binder when a new version of the plan is approved.
binder-marking = Internal: contains personal data. Keep locked away.
binder-reached = Reached
binder-time = at
binder-fact-mtpd = Tolerates at most { $n ->
    [one] one hour
   *[other] { $n } hours
} of outage
binder-fact-rto = must be running within { $n ->
    [one] one hour
   *[other] { $n } hours
}
binder-fact-systems = Depends on: { $systems }
binder-forms = Forms
binder-forms-intro = Copy the forms in advance and keep the copies in the binder. Write clearly, with date and time, and sign. What is written here is entered in the systems afterwards.
form-visit = Documentation of a visit
form-visit-note = One box per visit. Write what departs from the plan and what must go into the record afterwards.
form-meeting = Minutes of a crisis staff meeting
form-meeting-note = Go through every area: is it done? Write decisions and new tasks with who is responsible.
form-decisions = Decision log
form-decisions-note = Every decision with the time, who decided, and on what grounds or mandate.
form-calls = Calls to the public hotline
form-calls-note = One call per line. Mark whether the caller needs a call back.
form-f-client = Client
form-f-date = Date
form-f-time = Time
form-f-by = Done by
form-f-title = Position
form-f-unit = Unit
form-f-done = What was done
form-f-observed = Observations and deviations
form-f-medication = Medication given
form-f-deviation = Deviation
form-f-nurse = Nurse contacted
form-f-signature = Signature
form-f-entered = Entered in the system (date, signature)
form-f-place = Place
form-f-present = Present
form-f-status = Status per area
form-f-area = Area
form-f-state = Done / under way / problem
form-f-comment = Comment
form-f-decisions = Decisions
form-f-tasks = New tasks
form-f-what = What
form-f-who = Who
form-f-when = Due
form-f-next-meeting = Next meeting
form-f-keeper = Minutes taken by
form-f-decision = Decision
form-f-decided-by = Decided by
form-f-grounds = Grounds/mandate
form-f-caller = Caller (name, phone)
form-f-errand = Errand
form-f-answer = Answer or action
form-f-callback = Call back
form-f-answered-by = Answered by
attention-plan-review = Continuity plans overdue for review:
attention-binder-stale = Binders older than the approved plan, or never printed:
attention-plan-unapproved = Continuity plans not yet approved:
plan-template-use = Create a plan from this template
attention-unit-no-plan = Units with critical activities but no continuity plan:
plan-default-name = Continuity plan { $unit }
entity-plan = Continuity plan
entity-binder = Binder
audit-action-approve = Approved
audit-action-print = Printed

# The crisis kit (offline)
nav-kit = Crisis kit
entity-kit = Crisis kit
audit-action-export = Exported
kit-page-title = The crisis kit: the plans on a phone, with no network
kit-page-intro = The crisis kit is one HTML file with the approved continuity plans, call lists, contacts, prepared texts, forms and what still works when the municipal network is down. It opens in the browser of a phone or a computer, from a USB stick, the phone's files or an e-mail attachment, with no server and no network. Its content is encrypted with the passphrase you choose here.
kit-handout-heading = How to hand out the kit
kit-handout-1 = Send or copy the file to those who need it, in advance. The file cannot be read without the passphrase.
kit-handout-2 = Give the passphrase another way than the file: in person, on paper in the binder or by text message, never in the same e-mail. Beredd does not store the passphrase and cannot recover it.
kit-handout-3 = Make a new kit when a plan is approved in a new version; the table below shows which plans' kits are out of date.
kit-field-units = Units
kit-hint-units = Choose none for the whole organisation. The units below a chosen unit are included.
kit-field-passphrase = Passphrase
kit-hint-passphrase = At least { $n } characters. Several words are good, for example "blue tractor sings in the snow".
kit-field-passphrase2 = The passphrase again
kit-field-max-age = Warn when the kit is older than (days)
kit-hint-max-age = The kit shows a warning when it is older than this. 1–365 days.
kit-make = Make and download the kit
kit-plans-heading = The plans' kits
kit-col-state = Crisis kit
kit-state-none = No kit with the approved version
kit-state-stale = The kit holds version { $n }; make a new one
kit-state-current = Current, made { $date }
kit-recent = Latest kits made
kit-title = Crisis kit: { $scope }
kit-stamp = Exported { $date }
kit-intro = Enter the passphrase to open the crisis kit. It works without a network; nothing is sent anywhere.
kit-pass-label = Passphrase
kit-open = Open
kit-noscript = The crisis kit needs JavaScript to open. Turn JavaScript on in the browser.
kit-need-pass = Enter the passphrase.
kit-opening = Opening …
kit-wrong-pass = Wrong passphrase. Try again, and check upper and lower case.
kit-altered = The file has been altered or damaged and cannot be opened. Use another copy of the kit.
kit-no-crypto = This browser cannot decrypt the kit. Use a current browser.
kit-version = version
kit-approved = approved
kit-versions = Plan versions
kit-done-at = done
kit-too-old = The kit is %n days old. The plans may have changed since; ask for a new kit when you can.
kit-nav-label = Parts of the kit
kit-nav-plans = Plans and routines
kit-nav-calls = Call lists
kit-nav-contacts = Contacts
kit-nav-comm = Texts
kit-nav-works = What works?
kit-nav-forms = Forms
kit-nav-log = Log
kit-nav-search = Search
kit-calls-intro = Tick whoever has been reached. The ticks are kept in this browser.
kit-works-intro = How the activities are affected when everything inside the municipal network is down, from the dependencies in Beredd when the kit was made.
kit-works-down = Stops
kit-works-degraded = Works with a fallback routine or worse
kit-works-working = Works
kit-works-because = Because: { $chain }.
kit-works-fallback = Fallback routine: { $fallback }
kit-print = Print
kit-log-intro = Write down events and decisions as they happen. The log is kept only in this browser; export it as a file and give the file to the crisis staff, who enter it in Beredd.
kit-log-kind = Kind
kit-log-text = What happened or was decided
kit-log-author = Your name
kit-log-decided-by = Decided by (for a decision)
kit-log-grounds = Grounds and mandate (for a decision)
kit-log-add = Save in the log
kit-log-saved = Saved in the log.
kit-log-need-text = Write what happened.
kit-log-need-author = Write your name.
kit-log-not-saved = The browser could not save it. Write on paper instead.
kit-log-entries = The log
kit-log-export = Export the log as a file
kit-log-count = %n entries in the log.
kit-kind-event = Event
kit-kind-decision = Decision
kit-kind-information = Information
kit-kind-task = Task
kit-search-label = Search the kit
kit-search-count = %n hits.

### Beredd – English texts: outage analysis, business impact analysis, scenarios, continuity plans, the binder and the crisis kit

## Outage analysis
outage-title = Outage analysis – if something stops working
outage-intro = Choose what stops working and for how long. Beredd shows which activities stop, which can go on by hand with a fallback routine, and what keeps working.
outage-what-fails = What stops working?
outage-category-inside_network = Everything inside the municipal network (as in a cyber attack)
outage-duration = For how long?
duration-hour = One hour
duration-shift = Four hours (one shift)
duration-day = One day
duration-three-days = Three days
duration-week = One week
duration-month = One month
outage-run = Show the consequences
outage-result = Consequences
outage-count-down = stop
outage-count-degraded = go on degraded or by hand
outage-count-working = work as usual
outage-routine-long = The fallback routine must hold for the whole outage, { $hours }, but the activity can only do without its systems for { $mtpd }. Check that the routine lasts that long.
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
hint-mtpd = How long the activity can at most be without what it needs before the harm becomes unacceptable. 24 = one day, 168 = one week.
hint-rto = How quickly it must be running again. Must be shorter than the maximum tolerable outage.
hint-rpo = How much information, counted in time backwards, may be lost.
field-text-1h = What happens after one hour?
field-text-4h = What happens after four hours, when a shift has passed?
field-text-1d = What happens after one day?
field-text-3d = What happens after three days?
hint-bia-level-same = Leave empty if the consequence is the same as at the point before.
field-text-1w = What happens after one week?
field-text-1m = What happens after one month?
hint-peak-periods = When an outage hurts most, for example the payment week or the weeks around Christmas.
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
outage-asked = What stops working: { $what }. For how long: { $hours }.
outage-print = Print the answer
outage-export-xlsx = Download as Excel
outage-file = outage-analysis
outage-xlsx-activity = Activity
outage-xlsx-system = System
outage-xlsx-state = State
outage-xlsx-criticality = How critical
outage-xlsx-warning = Watch out for
outage-xlsx-instead = Do this instead
outage-presets-suppliers = { $n ->
    [one] The supplier is lost (1 supplier)
   *[other] The supplier is lost ({ $n } suppliers)
}
outage-presets-suppliers-hint = Choose the supplier: everything it delivers or runs goes down for a week.
preset-attack = Cyber attack: everything inside the municipal network for a month
preset-power = Power cut: { $name }
preset-mobile = The mobile network stops working
preset-email-identity = E-mail and log-in stop working
preset-supplier = The supplier is lost: { $name }

## Saved scenarios
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
graph-title = The dependency graph
graph-desc = Activities, systems, suppliers and resources with lines to what they depend on. ✕ means it has failed or stops, ! that it works degraded or by hand, ✓ that it works. The tables above and below say the same in text.
graph-failed = Fails in the scenario

## Continuity plan templates
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
plan-hotline-script = What the person answering says
plan-communication = Communication
plan-comm-web = Text for a temporary web page
plan-comm-hotline = Recorded message
plan-comm-media = To the media
plan-comm-spokesperson = Spokesperson
plan-checklists = Checklists

## Continuity plans and the binder
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
plan-col-binder = Printed binder
plan-review-due = Next review
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
plan-warn-overlap = { $units } { $n ->
    [one] is
   *[other] are
} also covered by { $plan }. In the binder, the crisis kit and the incident board each fallback routine is taken only once.
plan-overlap-heading = The unit already has a continuity plan
plan-overlap-unit = { $units } { $n ->
    [one] is
   *[other] are
} already covered by { $plan }.
plan-overlap-explain = It is usually better to change the plan there is. If you make a new plan anyway, the unit's fallback routines are in both plans. In the binder, the crisis kit and the incident board each routine is taken only once: from the plan that covers the fewest units, otherwise from the one approved most recently.
plan-overlap-open = Open { $plan }
plan-overlap-create = Create the new plan anyway
plan-unit-has-plan = { $unit } – covered by { $plans }
binder-routine-elsewhere = The fallback routine for { $activity } is under { $plan }.
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
plan-approve-title = Approve { $plan }, version { $number }
plan-approve-next-review = The next review will be
plan-approve-means = When you approve, this version becomes the plan in force. It goes into the binder, the crisis kit and the board during an incident. Then print the new binder, so that the paper matches what is approved.
plan-approver = Who approves the plan?
plan-approver-hint = The manager who decides on the plan. The manager of the plan's unit is chosen to begin with. The name is printed in the binder.
plan-approver-choose = Choose a person
plan-approver-no-unit = No unit
plan-approver-missing = Choose the manager who approves the plan, from the people register.
plan-approver-none-in-register = The people register has no member of staff who can approve the plan. Add the manager to the people register first.
plan-approver-add-person = Add a person
plan-approve-confirm = Approve version { $n }
plan-approve-cancel = Cancel
plan-approve-nothing = There is no draft to approve: the newest version is already approved.
plan-approved-by = Approved by
plan-approval-recorded-by = recorded by { $name }
plan-gap-lead = It does not say who leads the unit's work during an outage.
plan-gap-routines = The plan has no fallback routine.
plan-gap-routine = The fallback routine for "{ $activity }" lacks when to switch over, steps, or when to switch back.
plan-gap-call-list = The call list is empty.
plan-gap-hotline = It does not say who answers the public hotline.
plan-gap-hotline-number = The public hotline has no phone number.
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
plan-col-calls = Calls in turn
plan-col-purpose = Why to call
plan-contacts = Call list and contacts
hint-call-list = In the order you call. Name and phone are required. Choose a person from the staff register to fill in name, role and phone, or type in someone who is not there.
hint-externals = Suppliers, the region, the police and others the unit may need to call. The phone number can be filled in later.
plan-refresh-call-list = Take the whole call list from the staff register
hint-refresh-call-list = The call list is replaced by the units' manager and the staff with a phone number in the register, arranged as a phone tree. You see the result before anything is saved.
plan-fill-none = The staff register has no one with a phone number in the plan's units, so the call list is unchanged. Add the staff under People and contacts, or type them in here.
plan-fill-same = The call list already is what the staff register gives: { $n ->
    [one] one person
   *[other] { $n } people
}. Nothing changed.
plan-fill-replaced = The call list is replaced by { $n ->
    [one] one person
   *[other] { $n } people
} from the staff register, arranged as a phone tree. Check the list and save the draft; nothing is saved yet.
plan-fill-fewer = The units have { $staff } staff according to the unit register, but only { $n } of them are in the staff register with a phone number. Add the others under People and contacts, or type them in here.
plan-fill-without-phone = { $n ->
    [one] One person
   *[other] { $n } people
} in the staff register have no phone number and were left out.
plan-routine-for = Fallback routine: { $activity }
plan-new-routine = New fallback routine
hint-routines = Open a routine to change it. The last one, "Add a fallback routine", becomes a new routine when you fill it in and save.
field-routine-activity = Activity
hint-trigger = What happens, and who decides to switch over.
hint-steps = In the order they are done: who does it (a role, for example Unit manager) and what is done. Change the order with Up and Down.
plan-sections = Parts of the plan
plan-section-head = About the plan
plan-add-routine = Add a fallback routine
plan-add-checklist = Add a checklist
plan-step-count = { $n ->
    [one] 1 step
   *[other] { $n } steps
}
plan-step-role = Who
plan-step-text = What is done
plan-row-step = step { $n }
plan-row-call = person { $n }
plan-row-external = contact { $n }
plan-add-step = Add a step
plan-add-call = Add a person
plan-add-external = Add a contact
plan-move-up = Up
plan-move-down = Down
plan-remove-row = Remove
plan-no-steps = No steps yet.
plan-calls-empty = The call list is empty.
plan-externals-empty = No external contacts yet.
plan-pick-call = Add from the staff register
plan-pick-call-hint = Name, role and phone are filled in from the register. Only staff with a phone number are listed.
plan-pick-external = Add from the external contacts of the people register
plan-pick-external-hint = Name, phone and role are filled in from the register.
plan-pick-externals-group = External contacts
plan-pick-none = Choose from the list
plan-pick-add = Add
field-remove-routine = Remove this routine
plan-new-checklist = New checklist
field-checklist-title = Title
field-checklist-items = Items
field-remove-checklist = Remove this checklist
plan-too-many-routines = The form says the plan has { $n } fallback routines, but the editor takes at most { $max }. Nothing was saved. Split the plan into several plans, or reload the page if the form has been changed.
plan-too-many-steps = The form says a fallback routine has { $n } steps, but the editor takes at most { $max }. Nothing was saved. Reload the page if the form has been changed.
plan-too-many-calls = The form says the call list has { $n } people, but the editor takes at most { $max }. Nothing was saved. Split the plan into several plans, or reload the page if the form has been changed.
plan-too-many-externals = The form says the plan has { $n } external contacts, but the editor takes at most { $max }. Nothing was saved. Reload the page if the form has been changed.
plan-too-many-checklists = The form says the plan has { $n } checklists, but the editor takes at most { $max }. Nothing was saved. Split the plan into several plans, or reload the page if the form has been changed.
plan-form-outdated = The page comes from an older version of Beredd and cannot be saved. Nothing was saved. Reload the page and make the changes again.
plan-edit-stale = Someone else has saved the plan since you opened it, and nothing of yours was saved. What you wrote is still below. Open the plan in a new tab to see their changes; save here again to replace them with yours.
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
form-f-by = Done by
form-f-title = Position
form-f-done = What was done
form-f-observed = Observations and deviations
form-f-deviation = Deviation
form-f-nurse = Nurse contacted
form-f-signature = Signature
form-f-entered = Entered in the system (date, signature)
form-f-place = Place
form-f-present = Present
form-f-status = Status per area
form-f-state = Done / under way / problem
form-f-decisions = Decisions
form-f-tasks = New tasks
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

## The forms a plan's template brings (services/continuity/forms.rs, beredd-render/typst/forms.typ)
form-protected = Protected personal data: a person with a protected identity is written only with the code the unit uses, never with name or address.
form-marking = Filled in: personal data, confidential under OSL. Keep locked away.
form-f-person = Name or code
form-f-pnr = Personal identity number
form-f-sheet = Sheet no.
form-journal = Record sheet – documentation on paper
form-journal-note = Used when the patient record or the social documentation cannot be reached. Write each entry with date and time, and end it with name, professional title and signature. The sheet is entered in the system afterwards with the original date and author.
form-f-datetime = Date and time
form-f-entry = Entry
form-f-author = Name, professional title and signature
form-signing = Medication signing sheet
form-signing-note = One sheet per person and month. The nurse writes medicine, strength, dose and time from the prescription. Whoever gives the dose signs with their initials in the day's box right afterwards. If a dose is not given: write E in the box and the reason on the record sheet. Medicines given are documented here only.
form-f-month = Month and year
form-f-nurse-responsible = Nurse responsible
form-f-drug = Medicine, strength and dose
form-f-at = Time
form-f-legend = Signatures
form-f-name = Name
form-f-initials = Initials
form-phone-order = Telephone order
form-phone-order-note = The nurse writes while the doctor gives the order by phone, reads it back and has it confirmed. The doctor documents and signs the order afterwards.
form-f-doctor = Prescribing doctor (name and phone)
form-f-drug-form = Medicine, strength and form
form-f-dose = Dose, times and for how long
form-f-reason = Reason and assessment
form-f-read-back = The order was read back to the doctor and confirmed
form-f-received-nurse = Received by nurse (name and signature)
form-f-confirmed = Doctor's confirmation afterwards (date and signature)
form-rounds = Supervision rounds sheet
form-rounds-note = For rounds at night or when digital supervision does not work. One row per person. Write the time and sign at each visit, and what you saw if anything was unusual.
form-f-shift = Shift (from–to)
form-f-staff = Staff on duty
form-f-room = Room or code
form-f-planned = Planned times
form-f-round = round (time, sign.)
form-keys = Key receipt list
form-keys-note = Whoever takes a key signs for it, and whoever receives it back signs too. Write the key's number, never the client's name or address.
form-f-key = Key no.
form-f-key-out = Handed out (date, time)
form-f-key-taken = Signed for by (name and signature)
form-f-key-back = Returned (date, time)
form-f-key-received = Received by (signature)
form-concern = Register of reports of concern
form-concern-note = Every report of concern about a child is written in on the day it arrives, and the protection assessment is made the same day. The decision whether to open an investigation is due within 14 days: write the last day so the deadline shows.
form-f-no = No.
form-f-concern-received = Received (date, time)
form-f-child = Child's name or code
form-f-reporter = Reported by (profession or authority) and how
form-f-safety = Protection assessment (date, time, sign.)
form-f-deadline = Last day for the decision
form-f-outcome = Investigation opened / not opened (date)
form-f-officer = Case officer
form-decision = Decision on assistance
form-decision-note = Used when decisions are made without the case system. Whoever holds the delegation decides. The person is told of the decision in writing, with how to appeal when it is refused in whole or in part. Entered in the system afterwards with the original date of the decision.
form-f-applied = Application received (date)
form-f-applies = The application concerns
form-f-law = Act and provision the decision is made under
form-f-decision-outcome = Decision:
form-f-granted = Granted
form-f-partly = Partly granted
form-f-refused = Refused
form-f-scope = Service or assistance and its extent
form-f-period = Valid from – to
form-f-reasons = Reasons
form-f-decider = Decided by (name, title, under delegation)
form-f-notified = The person was told (date and how)
form-f-appeal = Information on how to appeal is enclosed
form-norm = Manual calculation – financial assistance
form-norm-note = Calculate with this year's national norm and the municipality's guidelines in the binder, and compare with the last calculation in the file. A colleague checks the calculation before anything is paid.
form-f-applicant = Applicant (name or code)
form-f-co-applicant = Co-applicant (name or code)
form-f-children = Children in the household (age)
form-f-norm-month = For the month of
form-f-last-calculation = Last calculation in the file (month and amount)
form-f-item = Item
form-f-amount = Amount, SEK
form-f-needs = Needs
form-norm-need-rows = National norm, personal costs: applicant | Co-applicant | Child 1 | Child 2 | Child 3 | Child 4 | National norm, household costs | Housing (rent or fee) | Household electricity | Travel to work | Home insurance | Union and unemployment fund fees | Other (write what)
form-f-needs-sum = Total needs
form-f-incomes = Income
form-norm-income-rows = Salary | Unemployment or social insurance benefit | Housing allowance | Child allowance | Maintenance support | Other income (write what)
form-f-incomes-sum = Total income
form-f-norm-result = Assistance to pay (needs minus income)
form-f-calculated-by = Calculated by (name and signature)
form-f-checked-by = Checked by (name and signature)
form-payments = Payment basis – manual payment
form-payments-note = One row per payment. Whoever decided or calculated the amount writes the row. Two people pay with the bank's security token and sign. Reconcile against this sheet afterwards so that nobody is paid twice.
form-f-payday = Payment date
form-f-payee = Payee (name or code)
form-f-account = Bank, clearing and account number
form-f-regarding = For (decision or period)
form-f-prepared = Prepared by (sign.)
form-f-paid = Paid (date, two signatures)
form-f-reconciled = Reconciled
form-f-sum = Total
form-f-approved-by = Approved by (name and signature)
plan-template-use = Create a plan from this template
plan-default-name = Continuity plan { $unit }

## The crisis kit (offline)
kit-page-title = The crisis kit: the plans on a phone, with no network
kit-page-intro = The crisis kit is one HTML file with the approved continuity plans, call lists, contacts, prepared texts, forms and what still works when the municipal network is down. It opens in the browser of a phone or a computer, from a USB stick, the phone's files or an e-mail attachment, with no server and no network. Its content is encrypted with the passphrase you choose here.
kit-handout-heading = How to hand out the kit
kit-handout-1 = Send or copy the file to those who need it, in advance. The file cannot be read without the passphrase.
kit-handout-2 = Give the passphrase another way than the file: in person, on paper in the binder or by text message, never in the same e-mail. Beredd does not store the passphrase and cannot recover it.
kit-handout-3 = Make a new kit when a plan is approved in a new version; the table below shows which plans' kits are out of date.
kit-handout-4 = Print the list of kits at the bottom with their fingerprints and put it in the binder. Whoever opens a kit compares the fingerprint on its first screen with the list before typing the passphrase.
kit-handout-5 = The digital crisis kit holds personal data, private phone numbers among them, and ends up on private phones and memory sticks. Give it only to those who need it in a crisis, enter who receives it in the field below, and make a new one with a new passphrase when someone who has it leaves. Its purpose and the processing are stated in the record of processing and the impact assessment for the digital crisis kit under Follow-up.
kit-field-units = Units
kit-hint-units = Choose none for the whole organisation. The units below a chosen unit are included.
kit-field-passphrase = Passphrase
kit-hint-passphrase = At least four different words separated by spaces or hyphens, or at least 16 characters. Not the organisation's name, a common password, a season, a year or a row of the keyboard. Beredd does not keep the passphrase.
kit-field-passphrase2 = The passphrase again
kit-strength-refused = Not accepted: { $why }
kit-strength-acceptable = Accepted. More words make it stronger: five words that do not belong together are a good aim.
kit-strength-strong = Strong. Accepted.
kit-suggestion-intro = Suggested by Beredd: five Swedish words the server chose at random, about { $n } bits to guess. Type the suggestion in both fields and hand it out some other way than the file.
kit-suggestion-new = Show a new suggestion
kit-field-max-age = Warn when the kit is older than (days)
kit-hint-max-age = The kit shows a warning when it is older than this. 1–365 days.
kit-field-recipients = Who receives the file
kit-hint-recipients = One name a line. Recorded with the kit and shown in the kit's impact assessment (Follow-up), so that you know who needs a new file when the passphrase is changed.
kit-make = Make the kit
kit-plans-heading = The plans' kits
kit-col-state = Crisis kit
kit-state-none = No kit with the approved version
kit-state-stale = The kit holds version { $n }; make a new one
kit-state-current = Current, made { $date }
kit-recent = Latest kits made
kit-fingerprints-intro = The fingerprint is the SHA-256 of the kit's sealed part: its header and its encrypted content. The kit shows it on its first screen. Whoever opens a copy compares it with this list, or a printout of it, before typing the passphrase. A file someone has replaced completely can show any fingerprint at all, so a copy must come from a known place. The whole file's SHA-256 covers the script and the page text too.
kit-made-line = { $scope }, made on { $at } by { $by }
kit-col-fingerprint = Fingerprint (shown in the kit)
kit-no-fingerprint = None: made before fingerprints were kept
kit-fingerprint-full = The full values
kit-fingerprint-sealed = Fingerprint (SHA-256 of the sealed part)
kit-fingerprint-file = The whole file's SHA-256
kit-verify-hint = On the server, the command beredd kit verify FILE checks a copy: whether it is a kit Beredd made, and whether its script and texts are exactly those this version of Beredd writes.
kit-title = Crisis kit: { $scope }
kit-stamp = Exported { $date }
kit-fingerprint-label = Fingerprint:
kit-fingerprint-note = Compare the fingerprint with the list on the Crisis kit page in Beredd, or a printout of it, before you type the passphrase. If it differs, do not type the passphrase here; use a copy from a known place. A file someone has replaced completely can show anything at all on this page.
kit-intro = Enter the passphrase to open the crisis kit. It works without a network; nothing is sent anywhere.
kit-pass-label = Passphrase
kit-open = Open
kit-noscript = The crisis kit needs JavaScript to open. Turn JavaScript on in the browser.
kit-need-pass = Enter the passphrase.
kit-opening = Opening …
kit-wrong-pass = Wrong passphrase. Try again, and check upper and lower case.
kit-altered = The file has been altered or damaged and cannot be opened. Use another copy of the kit.
kit-no-crypto = This browser cannot decrypt the kit. Use a current browser.
kit-device-heading = This device
kit-device-text = The kit keeps its log and ticks encrypted in this browser; the same passphrase opens them. Clear the device when you leave a borrowed computer or phone, and export the log first if it is to go into Beredd.
kit-clear = Clear this device
kit-clear-confirm = Everything Beredd's kits have kept in this browser is removed: logs and ticks, other kits' too. This cannot be undone. Clear the device?
kit-clear-yes = Yes, clear this device
kit-clear-no = Cancel
kit-cleared = What the kits had kept in this browser has been removed.
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
kit-calls-intro = Tick whoever has been reached. The ticks are kept encrypted in this browser.
kit-works-intro = How the activities are affected when everything inside the municipal network is down, from the dependencies in Beredd when the kit was made.
kit-works-down = Stops
kit-works-degraded = Works with a fallback routine or worse
kit-works-working = Works
kit-works-because = Because: { $chain }.
kit-works-fallback = Fallback routine: { $fallback }
kit-print = Print
kit-log-intro = Write down events and decisions as they happen. The log is kept encrypted in this browser and opens with the kit's passphrase; export it as a file and give the file to the crisis staff, who enter it in Beredd.
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
kit-log-count = %n entries in the log. Times are Swedish time.
kit-log-count-one = %n entry in the log. Times are Swedish time.
kit-log-merged = %n entries from an earlier kit on this device have been brought into the log.
kit-log-merged-one = %n entry from an earlier kit on this device has been brought into the log.
kit-log-foreign = %n crisis logs from other kits are on this device but do not open with this passphrase. Open them in their own kits and export them from there.
kit-log-foreign-one = %n crisis log from another kit is on this device but does not open with this passphrase. Open it in its own kit and export it from there.
kit-store-failed = Could not save in the browser. Write on paper instead.
kit-kind-event = Event
kit-kind-decision = Decision
kit-kind-information = Information
kit-kind-task = Task
kit-search-label = Search the kit
kit-search-count = %n hits.
kit-search-count-one = %n hit.

## beredd kit verify
kit-verify-fingerprint = Fingerprint: { $short }
kit-verify-sealed = SHA-256 of the sealed part: { $sha }
kit-verify-file = The whole file's SHA-256: { $sha }
kit-verify-exact = The file is exactly the kit Beredd made on { $at } for { $scope } (by { $by }).
kit-verify-older = It was made by an earlier version of Beredd, so the page around the content differs from the one this version writes.
kit-verify-same-content = The sealed part is the kit Beredd made on { $at } for { $scope } (by { $by }), and the page around it is exactly the one this version of Beredd writes.
kit-verify-changed = The sealed part is the kit Beredd made on { $at } for { $scope } (by { $by }), but the page around it has been changed. Do not type the passphrase into this copy.
kit-verify-unknown = Neither the file nor its sealed part matches a kit this server has made.
kit-verify-same-id = The header names kit { $id }, made on { $at } for { $scope } (by { $by }), but the content does not match it; or it was made before fingerprints were kept.
kit-verify-plans = Plans: { $plans }
kit-verify-page-same = The script and the page text are exactly those this version of Beredd writes.
kit-verify-page-header = The header is not one this version of Beredd writes.
kit-verify-page-script = The script differs from the one this version of Beredd writes.
kit-verify-page-text = The script is the same, but the page's text, style or security rules differ from those this version of Beredd writes.
kit-verify-failed-changed = the kit has been changed: do not rely on the fingerprint alone, use a copy from a known place
kit-verify-failed-unknown = the kit is not one this server has made
kit-verify-not-a-kit = the file is not a Beredd kit
outage-instead = Do this instead:
outage-change = Change what goes down and for how long
outage-show-graph = Show the dependencies as a graph
binder-keys-title = Keys and where the secrets are kept
binder-keys-intro = Every entry of the crisis log is signed with a key kept outside the database. With the public key below anyone can check that a log has not been changed, with no secret. This page says where the secrets are, never the secrets themselves. Replace the keys and passphrases once a year (the yearly cycle).
binder-keys-public = The organisation's public key
binder-keys-id = The key's short name
binder-keys-id-value = { $key }, made { $made }
binder-keys-not-given = Not given. Fill it in under Organisation.
binder-keys-verify = Check an incident's log: beredd incident verify --public-key "{ $key }" INCIDENT-NUMBER

### Beredd – English texts: the home page

## Home
home-title = Home
home-greeting = Welcome, { $name }.
home-your-units = Your units:
home-attention = Needs attention
home-nothing = Nothing needs attention right now.
home-read-only = You can read everything in the registers. If something needs changing, contact the information-security coordinator or your manager.
home-registers = Registers
home-my-actions = { $n ->
    [one] My actions: one open
   *[other] My actions: { $n } open
}

## Needs attention
attention-empty = The register { $register } is empty.
attention-unit-no-manager = Units without a manager:
attention-unit-no-activities = Units with no activities described:
attention-staff-no-phone = Staff without a phone number:
attention-system-no-owner = Systems without a system owner:
attention-system-no-units = Systems no unit is linked to:
attention-cloud-no-supplier = Systems hosted by a supplier with no supplier given:
attention-overdue-actions = Actions in the action plan that are overdue:
attention-unclassified = Information not classified yet:
attention-plan-review = Continuity plans overdue for review:
attention-binder-stale = Binders older than the approved plan, or never printed:
attention-plan-unapproved = Continuity plans not yet approved:
attention-unit-no-plan = Units with critical activities but no continuity plan:
attention-cycle-overdue = Overdue tasks in the yearly cycle:
attention-top-risks = The largest risks after existing measures:
attention-assessments = Gap analyses against frameworks
attention-gaps-no-action = Gaps in a gap analysis with no action yet

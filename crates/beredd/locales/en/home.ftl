### Beredd – English texts: the home page

## Home
home-title = Home
home-greeting = Welcome, { $name }.
home-your-units = Your units:
home-attention = Needs attention
attention-severity-urgent = Urgent
attention-severity-important = Important
attention-severity-todo = To do
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
attention-backup-stale = The latest backup is more than two days old (taken):
attention-break-glass-used = Break-glass accounts were used to log in past the municipality's login in the last two weeks:
attention-backup-none = The scheduled backups have not yet written any backup to the folder:
attention-unclassified = Information not classified yet:
attention-plan-review = Continuity plans overdue for review:
attention-binder-stale = Binders older than the approved plan, or never printed:
attention-plan-unapproved = Continuity plans not yet approved:
attention-unit-no-plan = Units with critical activities but no continuity plan:
attention-cycle-overdue = Overdue tasks in the yearly cycle:
attention-document-review = Steering documents due for review soon or already overdue:
attention-training-due = Training to be done:
attention-document-unread = Steering documents you have not yet confirmed reading:
attention-top-risks = The largest risks after existing measures:
attention-assessments = Gap analyses against frameworks:
attention-gaps-no-action = Gaps in a gap analysis with no action yet:
a11y-link = Accessibility statement
a11y-title = Accessibility statement for Beredd
a11y-intro = { $org } uses Beredd for information security and continuity and wants everyone who works with it to be able to use it. This page says how Beredd meets the Swedish act (2018:1937) on accessibility to digital public services, which shortcomings we know of, and how to tell us when something does not work for you.
a11y-status-heading = How accessible is Beredd?
a11y-status = Beredd partly meets the accessibility standard (EN 301 549, based on WCAG 2.1 level AA). The web pages work with a keyboard, a screen reader, magnification and on a mobile phone. The shortcomings below mean that Beredd does not yet meet every requirement.
a11y-gaps-heading = Known shortcomings
a11y-gap-pdf = The PDF printouts (the binder, reports and minutes) are not tagged for screen readers. The same content is on the web pages.
a11y-gap-tables = Wide tables scroll sideways inside the table on a narrow screen instead of wrapping.
a11y-gap-dates = Dates have a date picker that also takes typing, but points in time (date and time in Swedish time) are typed as text, YYYY-MM-DD HH:MM, because the hour repeated in October must be markable as summer or winter time.
a11y-gap-live = When the status board updates live, each change is not announced to screen readers.
a11y-contact-heading = If you cannot use a part of Beredd
a11y-contact = Tell the information security coordinator of { $org } or your manager, and you will get the content another way and we can fix the shortcoming. You can also report shortcomings you find there.
a11y-supervision-heading = Supervision
a11y-supervision = The Agency for Digital Government (DIGG) supervises the act on accessibility to digital public services. If you are not satisfied with how your feedback was handled, you can contact DIGG.
a11y-testing-heading = How we have tested Beredd
a11y-testing = Every page is tested automatically with the axe tool in the Chromium browser, at 1280 and 360 pixels wide, and with a keyboard. The pages' HTML is checked with the W3C Nu HTML Checker. The tests run at every change of the program.
a11y-updated = The statement was last updated on 6 December 2026.
home-attention-more = Show { $n } more

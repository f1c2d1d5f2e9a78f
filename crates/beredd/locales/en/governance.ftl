## Follow-up: the record of processing activities (GDPR art. 30)

nav-processing = Record of processing
nav-retention = Thinning
nav-kit-dpia = The kit's impact assessment
gdpr-title = Record of processing activities
gdpr-intro = The record under article 30.1 of the General Data Protection Regulation, compiled from the information assets that hold personal data. The municipality is the controller. The security measures are the requirements the information's classification yields, and how many of them the systems holding it meet. What is missing is filled in by the information owner on the information asset.
gdpr-controller = Controller
gdpr-dpo = Data protection officer
gdpr-dpo-hint = The person in the register who is the municipality's data protection officer. Shown in the record of processing, and a user linked to the person may download the record.
gdpr-no-dpo = No data protection officer is chosen.
gdpr-choose-dpo = Choose on the Organisation page
gdpr-export-xlsx = Download as Excel
gdpr-export-pdf = Download as PDF
gdpr-mine = For you to complete
gdpr-entries = Processing activities
gdpr-count = { $all } entries, { $complete } of them complete.
gdpr-entry = Processing
gdpr-owner = Information owner
gdpr-purpose = Purpose of the processing
gdpr-legal-basis = Legal basis (art. 6.1)
gdpr-special-basis = Exception for special categories (art. 9.2)
gdpr-subjects = Categories of data subjects
gdpr-data-categories = Categories of personal data
gdpr-recipients = Recipients
gdpr-transfers = Transfer to a country outside the EU/EEA
gdpr-transfer-details = Where and to whom the data is transferred
gdpr-retention = Retention and erasure
gdpr-measures = Security measures
gdpr-measures-text = Classification { $levels }: { $met } of { $all } requirements met in every system holding the information
gdpr-systems = Systems
gdpr-missing = Missing
gdpr-missing-owner = Information owner
gdpr-missing-classification = Classification
gdpr-not-filled = Not filled in
gdpr-not-given = (not given)
gdpr-hint = Filled in for information with personal data: it becomes an entry in the record of processing (Follow-up).
gdpr-file = Record of processing
gdpr-sheet = Processing
gdpr-code-6-1a = Consent (art. 6.1 a)
gdpr-code-6-1b = Contract with the data subject (art. 6.1 b)
gdpr-code-6-1c = Legal obligation (art. 6.1 c)
gdpr-code-6-1d = Vital interests of a person (art. 6.1 d)
gdpr-code-6-1e = Task in the public interest or official authority (art. 6.1 e)
gdpr-code-6-1f = Legitimate interests (art. 6.1 f; not for an authority's own tasks)
gdpr-code-9-2a = Explicit consent (art. 9.2 a)
gdpr-code-9-2b = Employment, social security and social protection (art. 9.2 b)
gdpr-code-9-2c = Vital interests when consent cannot be given (art. 9.2 c)
gdpr-code-9-2d = Activities of a not-for-profit body (art. 9.2 d)
gdpr-code-9-2e = Data made public by the data subject (art. 9.2 e)
gdpr-code-9-2f = Legal claims (art. 9.2 f)
gdpr-code-9-2g = Substantial public interest laid down in law (art. 9.2 g)
gdpr-code-9-2h = Health care and social care (art. 9.2 h)
gdpr-code-9-2i = Public health (art. 9.2 i)
gdpr-code-9-2j = Archiving, research and statistics (art. 9.2 j)
gdpr-code-none = No transfer outside the EU/EEA
gdpr-code-adequacy = To a country with an adequate level of protection (art. 45)
gdpr-code-safeguards = With appropriate safeguards, such as standard contractual clauses (art. 46)
gdpr-code-derogation = Derogations for specific situations (art. 49)
ref-dpo = Data protection officer of the organisation

## Follow-up: steering documents and read acknowledgements

nav-documents = Steering documents
document-list-title = Steering documents
document-list-intro = Policies, guidelines, routines and staff instructions. Everyone a document applies to confirms that they have read its latest version, with their account or through a personal link on their phone.
document-none = There are no steering documents yet.
document-new = New steering document
document-new-title = New steering document
document-edit = Change details
document-edit-title = Change { $title }
document-back = Back to the document
document-kind-policy = Policy
document-kind-guideline = Guideline
document-kind-routine = Routine
document-kind-instruction = Instruction
document-whole-org = The whole organisation
document-coverage = { $read } of { $all } have read it
document-no-version = No version yet
document-no-version-intro = The document has no text yet. Add a version as text or upload a file.
document-mine-read = You have read it
document-mine-unread = To read
document-review-due = due for review
document-col-version = Version
document-col-reading = Read
document-col-when = Created
document-col-compare = Compare
document-col-link = New link
document-col-person = Name
document-col-read = Read
document-col-address = Personal link
document-field-title = Title
document-field-kind = Kind
document-field-owner = Owner
document-field-decided_by = Decided by
document-hint-decided_by = For example the municipal council, the executive board or the head of the administration.
document-field-decided_on = Date of decision
document-field-decision_ref = Case number or paragraph
document-field-review_on = To be reviewed by
document-hint-review_on = YYYY-MM-DD. Shown on the start page a month before, and in the yearly cycle.
document-field-units = Applies to units
document-hint-units = Also applies to the units below those chosen. Choose none if it applies to the whole organisation.
document-field-roles = Applies to roles
document-hint-roles = For example All staff, Managers or System administrators.
document-field-body = Text
document-hint-body = Plain text. A line starting with # becomes a heading, lines starting with - a bulleted list. May be left empty if the document is to be uploaded as a file.
document-field-note = What has changed
document-hint-note = A short line shown in the version history.
document-field-file = File
document-hint-file = PDF, Word, Excel, OpenDocument, an image or text, at most 10 MB.
document-decision = Decision
document-current = Current version: { $n }
document-version-by = Created { $when } by { $by }
document-version-n = Version { $n }
document-version-title = { $title }, version { $n }
document-versions = Versions
document-compare = with version { $n }
document-download = Download { $name }
document-diff-title = Changes in { $title }
document-version-new = New version
document-version-new-title = New version of { $title }
document-version-new-intro = The new version gets number { $n }. Everyone the document applies to is asked again to confirm that they have read it.
document-version-as-text = As text
document-version-as-file = As a file
document-version-save = Save new version
document-upload = Upload as a new version
document-ack-heading = Have you read the document?
document-ack-intro = The document applies to you. Read version { $n } and confirm that you have read and understood it.
document-ack-button = I have read and understood it
document-ack-done = You confirmed on { $at } that you have read this version.
document-ack-no-person = The document applies to all staff. To confirm that you have read it, your account must be linked to you in the register of people, under
document-flash-read = Thank you! Your confirmation is saved.
document-reading-heading = Who has read it
document-reading-intro = The staff of the units you are responsible for that the document applies to. Tick those who should get a personal link (those who have not read it are ticked) and print the list or send the links. A new link replaces the person's earlier link to the document.
document-unit-summary = { $read } of { $all } have read version { $version }.
document-not-read = Not read
document-link-for = New personal link for { $name }
document-link-valid = Has a link valid until { $until }
document-links-make = Make personal links
document-links-title = Personal links to { $title }
document-links-intro = The links are shown only now. Print the page or send each link to its person. They are valid until { $until }.
document-links-about = Whoever opens a link sees only the latest version of { $title } and can confirm having read it, without logging in. Make a new link if someone has lost theirs.
document-read-version = Version { $n }
document-read-thanks = Thank you! Your confirmation is saved.
document-read-gone-title = The link has expired
document-read-gone = This link no longer works. Ask your manager for a new link to the document.
document-cycle-heading = Steering documents to be reviewed in { $year }

# Thinning of closed incidents
retention-title = Thinning
retention-intro = When an incident or exercise has been closed for a certain time, what Beredd knows about people in it is thinned. What would be thinned is shown first; nothing changes until an administrator presses the button.
retention-rule-heading = The rule
retention-rule = Closed incidents and exercises are thinned { $months } months after they were closed, under decision: { $decision }.
retention-no-decision = no decision given
retention-what-1 = Each log entry's text is replaced by "Thinned <date> under decision <decision>" and its grounds removed. The entry keeps its place and its checksum in the chain, so the log can still be checked; a changed marker shows.
retention-what-2 = The crisis staff's phone numbers, which staff were reached, the media's contact details and an exercise's participants are removed.
retention-what-3 = The title, the description, who made the decisions, the meeting protocols, the reports and the lessons stay: they show what the municipality did.
retention-what-4 = Exercises are thinned under the same rule as incidents, since they name the same staff. An incident going on is never thinned.
retention-field-months = Thin after (months)
retention-hint-months = Counted from the day the incident was closed. 1–120 months; 24 unless you decided otherwise.
retention-field-decision = Decision on thinning
retention-hint-decision = Reference number or item of the records management plan, for example "KS 2026/123". It is written into every thinned entry, and without it nothing is thinned.
retention-save = Save the rule
retention-due-heading = What would be thinned now
retention-cutoff = Incidents closed before { $date } are thinned.
retention-total = { $n ->
    [one] One incident or exercise
   *[other] { $n } incidents and exercises
}
retention-none-due = Nothing to thin just now.
retention-col-incident = Incident
retention-col-kind = Kind
retention-col-closed = Closed
retention-col-holds = What is thinned
retention-kind-incident = Incident
retention-kind-exercise = Exercise
retention-holds-entries = { $n ->
    [one] one log entry
   *[other] { $n } log entries
}
retention-holds-phones = { $n ->
    [one] one phone number in the roster
   *[other] { $n } phone numbers in the roster
}
retention-holds-reached = { $n ->
    [one] one mark of staff reached
   *[other] { $n } marks of staff reached
}
retention-holds-contacts = { $n ->
    [one] one media contact
   *[other] { $n } media contacts
}
retention-holds-participants = the exercise's participants
retention-apply = Thin now
retention-apply-hint = Thinning cannot be undone. It is recorded in the audit trail with who, when and how many entries.
retention-admin-only = Only an administrator can thin.
retention-needs-decision = Say which decision the thinning follows before thinning.
retention-cli = From the command line: beredd gallra shows the same list, and beredd gallra --apply thins.
retention-marker = Thinned { $date } under decision { $decision }
retention-done-flash = { $n ->
    [one] One log entry was thinned. The logs can still be checked.
   *[other] { $n } log entries were thinned. The logs can still be checked.
}
retention-cli-rule = Rule: thin { $months } months after closing (closed before { $cutoff }), decision: { $decision }.
retention-cli-due = { $n } incidents to thin, { $entries } log entries.
retention-done = Thinned: { $n } incidents, { $entries } log entries.

# The offline kit's impact assessment
kit-note-title = The kit's impact assessment
kit-note-intro = Material for the impact assessment (article 35 of the GDPR) of the crisis kit: the file staff keep on their phones to read the plans and call lists when everything else is down. Read it with Beredd's entry in the record of processing.
kit-note-assessment = The assessment
kit-note-purpose = Purpose
kit-note-purpose-text = That managers and the crisis staff can reach their staff and follow the fallback routines when the municipality's network and systems are down, as in Kalix in 2021 when only the mobile phones worked.
kit-note-data = Data in the kit
kit-note-data-text = Call lists with names, titles and phone numbers, in some cases private numbers of staff who are to be reached outside working hours; contact details of suppliers and authorities; fallback routines. No data about clients. People with protected personal data are not in it.
kit-note-where = Where the file is
kit-note-where-text = As an encrypted file on the recipients' phones, often private phones the municipality does not manage. The municipality cannot delete a file once handed out; it can only make it unreadable by the passphrase being unknown to whoever has the file.
kit-note-risks = Risks
kit-note-risks-text = That a phone is lost or changes owner, that someone who has left still has the file and the passphrase, that the passphrase spreads, and that old files with outdated numbers are used.
kit-note-measures = Safeguards
kit-note-measures-text = The file is encrypted with AES-256-GCM under a passphrase Beredd never stores; each file has a fingerprint so that a copy can be recognised; the file warns when it is older than the number of days chosen; who received each file is recorded here; the passphrase is changed when someone who received a file leaves, and new files are made.
kit-note-protected = Protected personal data
kit-note-protected-text = A person marked with protected personal data is never in the kit. The call list says "Protected person – contact through" the unit's manager instead.
kit-note-checklist = When someone leaves
kit-note-check-1 = Remove the person from the register of people when they leave; it shows below.
kit-note-check-2 = If they received a kit: choose a new passphrase and make new kits for those who are to have one.
kit-note-check-3 = Ask the recipients to delete the old files, and give the new passphrase by word of mouth or in a sealed envelope, never with the file.
kit-note-check-4 = Say below on which day the passphrase was changed. Kits made before then are marked to be replaced.
kit-note-changed = The passphrase was last changed on { $date } (confirmed by { $by }).
kit-note-never-changed = No one has yet confirmed that the passphrase was changed.
kit-note-field-changed = The passphrase was changed on
kit-note-hint-changed = The day the new kits were made with the new passphrase. Not a date in the future.
kit-note-confirm = Confirm the change
kit-note-alert = { $name } received a kit and was removed from the register of people on { $date }. Change the passphrase and make new kits.
kit-note-departures = Removed from the register of people since the passphrase was changed
kit-note-no-departures = No one has been removed since then.
kit-note-kits = Kits made
kit-note-no-kits = No kits have been made yet.
kit-note-no-recipients = not recorded
kit-note-col-made = Made
kit-note-col-by = By
kit-note-col-scope = Units
kit-note-col-recipients = Recipients
kit-note-col-state = State
kit-note-replace = To be replaced
kit-note-current = Current
kit-note-see-register = Beredd's entry in the record of processing
kit-note-make-kit = Make a new kit

## Follow-up: training

nav-training = Training
training-title = Training
training-intro = The training staff must take, who has taken it and when it is due again. The cybersecurity act (2025:1506) counts basic cyber hygiene and cybersecurity training among the organisation's security measures (chapter 2, section 3, point 7) and requires those in the management to be trained in the security measures (chapter 2, section 4). Anyone who took part in an exercise in Beredd counts as trained in the crisis staff's exercise on that day.
training-new = New training
training-new-title = New training
training-edit = Edit the training
training-edit-title = Edit { $name }
training-form-intro = Describe the training, how often it is to be taken and who must take it. Only staff count, not external contacts.
training-none = There is no training yet.
training-mine = Your training
training-courses = Training to be taken
training-coverage = Done per unit
training-coverage-intro = How many of those who must take the training have taken it and are still within its period. Each member of staff counts in their own unit.
training-due = Training to be done
training-due-none = Everyone has taken the training they must take.
training-export-xlsx = Download the list as Excel
training-file = Training to be done
training-sheet = To be done
training-kind-cyber_hygiene = Cyber hygiene for staff
training-kind-fallback_routines = The unit's fallback routines
training-kind-crisis_exercise = The crisis staff's exercise
training-kind-management = Management training (cybersecurity act ch. 2 s. 4)
training-kind-other = Other training
training-audience-all = All staff
training-audience-units = The staff of chosen units
training-audience-people = Chosen people, such as the management or the crisis staff
training-audience-people-n = { $n ->
    [one] One chosen person
   *[other] { $n } chosen people
  }
training-every = { $n ->
    [1] Every month
    [12] Every year
    [24] Every other year
    [36] Every third year
   *[other] Every { $n } months
  }
training-once = Once is enough
training-missing = Not taken
training-expired = Ran out { $date }
training-due-soon = Runs out { $date }
training-valid-until = Valid until { $date }
training-done = Done
training-no-unit = No unit
training-count = { $done } of { $all }
training-field-name = Name
training-field-kind = Kind
training-hint-kind = Management training is what the cybersecurity act ch. 2 s. 4 requires. Everyone who took part in an exercise in Beredd also counts for the crisis staff's exercise.
training-field-description = Description
training-hint-description = What the training covers and how it is given. A line starting with # becomes a heading and lines starting with - a list.
training-field-every_months = To be taken again after (months)
training-hint-every_months = At most { $n } months. Leave empty if taking it once is enough.
training-field-audience = Who must take it
training-field-units = Units
training-hint-units = When the training applies to chosen units: the staff of those units and of the units below them.
training-field-people = People
training-hint-people = When the training applies to chosen people, such as the municipality's management or the crisis staff.
training-col-every = How often
training-col-applies = Applies to
training-col-coverage = Taken
training-col-person = Person
training-col-course = Training
training-col-standing = Standing
training-col-last = Last taken
training-col-done = Taken
training-col-percent = Share
training-col-source = Recorded by
training-col-remove = Remove
training-status = Who has taken the training
training-status-none = Nobody you see must take the training.
training-record = Record completed training
training-record-intro = Tick those who took the training and give the day.
training-record-button = Record
training-field-completed_on = Date
training-field-note = Note
training-hint-note = For example who gave the training or where it was held.
training-field-participants = Participants
training-hint-participants = Those who must take the training and whom you may record for.
training-completions = Completed
training-completions-none = Nobody has been recorded as having taken it yet.
training-from-exercise-short = exercise
training-from-exercise = Exercise
training-exercise-link = Exercise: { $title }
training-remove = Remove
training-flash-recorded = The training is recorded.
training-law-cyber_hygiene = Under the cybersecurity act (2025:1506) chapter 2, section 3, point 7, basic cyber hygiene and cybersecurity training are among the security measures the organisation must take. This applies to all staff, temporary staff too.
training-law-management = Under the cybersecurity act (2025:1506) chapter 2, section 4, those in the organisation's management must be trained in the security measures. Name who counts as the management by choosing them as people. The municipal council is not covered.
training-law-crisis_exercise = Anyone who took part in an exercise in Beredd, as a participant or on the crisis staff, counts as trained on the day of the exercise. The name must be written as in the register of people.
training-unit-title = Training at { $unit }
training-unit-due = { $n ->
    [0] Nobody at the unit has training to do.
    [one] One training is to be done at the unit.
   *[other] { $n } trainings are to be done at the unit.
  }
training-unit-status = The staff's training
training-unit-none = Nobody at the unit must take any training.
training-cycle-heading = Training to be done in { $year }
training-cycle-never = { $n ->
    [one] one person has not taken it
   *[other] { $n } people have not taken it
  }
training-cycle-people = { $n ->
    [one] one person
   *[other] { $n } people
  }

## Management review
nav-review = Management review
review-title = Management review
review-title-year = Management review { $year }
review-intro = The management review follows up the year's work on information security and continuity. The figures come from the registers; under each section, write the management's decisions, one a line. A decision can become an action in the action plan.
review-show = Show the year
review-field-year = Year
review-pdf = Download as PDF
review-saved-years = Saved reviews
review-contents = Contents
review-meeting = The meeting
review-field-held-on = Date of the meeting
review-field-participants = Participants
review-hint-participants = One person a line, with their role, for example Eva Ek, chief executive.
review-figures-of = Figures: { $section }
review-col-figure = Figure
review-col-change = Change
review-not-counted = cannot be counted
review-decisions = The management's decisions
review-no-decisions = No decisions are saved.
review-decision-action = action { $id }
review-save = Save the review
review-not-held = The review of the year has not been saved yet.
review-saved = Saved { $date } by { $name }.
review-as-of = The figures are as of { $date } and are compared with the end of { $previous } where that can be counted.
review-file = Management review
review-flash-actions = { $n ->
    [0] No new actions were added to the action plan.
    [one] One new action was added to the action plan.
   *[other] { $n } new actions were added to the action plan.
}
review-field-decisions = The management's decisions – { $section }
review-hint-decisions = One decision a line, at most 200 characters each. At least one decision in some section is needed to save the review.
review-field-actions = Make the section's new decisions actions in the action plan
review-action-notes = Decided in the management review { $year } ({ $section }).
review-audit-summary = Management review { $year }
review-note-today = The figures show the state today: the registers do not keep how it stood at the end of { $year }.
review-change-same = as many as last year
review-change-more = { $n ->
    [one] one more than last year
   *[other] { $n } more than last year
}
review-change-fewer = { $n ->
    [one] one fewer than last year
   *[other] { $n } fewer than last year
}

review-section-classification = Information classification
review-section-assessment = Self-assessment and frameworks
review-section-plans = Continuity plans
review-section-exercises = Exercises and incidents
review-section-risks = The largest risks
review-section-actions = The action plan
review-section-training = Training
review-section-reading = Steering documents and read acknowledgements
review-section-reporting = Reporting duties

review-fig-assets = Information assets
review-fig-classified = Classified
review-fig-unclassified = Not classified
review-fig-level-0 = Highest level 0 (none or negligible)
review-fig-level-1 = Highest level 1 (moderate)
review-fig-level-2 = Highest level 2 (significant)
review-fig-level-3 = Highest level 3 (serious)
review-fig-level-4 = Highest level 4 (exceptionally serious)
review-fig-systems = Systems holding classified information
review-fig-requirements = Requirements to meet
review-fig-met = Met or not applicable
review-fig-partly = Partly met
review-fig-not-met = Not met
review-fig-unanswered = Not answered
review-fig-framework-assessments = Framework assessments
review-fig-plans = Continuity plans
review-fig-plans-approved = Approved
review-fig-plans-unapproved = Not approved
review-fig-plans-overdue = Review date passed
review-fig-binders-stale = Binder not printed since the latest approval
review-fig-incidents = Incidents
review-fig-exercises = Exercises
review-fig-lessons = Lessons
review-fig-lesson-actions = Lessons that became actions
review-fig-duties = Reporting duties
review-fig-duties-on-time = Met in time
review-fig-duties-late = Reported late
review-fig-duties-missed = Not reported, time has run out
review-fig-duties-open = Time still running
review-fig-risks = Risks
review-fig-risks-critical = Critical residual risk
review-fig-risks-high = High residual risk
review-fig-risks-medium = Medium residual risk
review-fig-risks-low = Low residual risk
review-fig-actions = Actions
review-fig-actions-done = Done
review-fig-actions-open = Planned or ongoing
review-fig-actions-overdue = Overdue
review-fig-documents = Steering documents with a version in force
review-fig-documents-review = Due for review within a month or overdue
review-fig-read = Read acknowledgements
review-fig-read-expected = Staff who should read, counted per document

review-sum-classification = { $unclassified } of { $all } information assets are not classified
review-sum-classification-none = There are no information assets in the register
review-sum-classification-serious = { $n } have level 3 or 4 on some aspect
review-sum-assessment = { $met } of { $all } requirements are met or not applicable in { $systems } systems
review-sum-plans = { $approved } of { $all } continuity plans are approved
review-sum-plans-none = There are no continuity plans
review-sum-plans-due = { $overdue } have passed their review date and { $stale } lack an up-to-date print in the binder
review-sum-exercises = { $incidents ->
    [one] One incident
   *[other] { $incidents } incidents
} and { $exercises ->
    [one] one exercise
   *[other] { $exercises } exercises
} in { $year }
review-sum-exercises-before = Last year: { $incidents ->
    [one] one incident
   *[other] { $incidents } incidents
} and { $exercises ->
    [one] one exercise
   *[other] { $exercises } exercises
}
review-sum-lessons = { $lessons ->
    [one] One lesson is written down
   *[other] { $lessons } lessons are written down
}, of which { $actions } became actions
review-sum-reporting = { $on_time } of { $all } reporting duties were met in time
review-sum-reporting-none = No incident in { $year } needed reporting
review-sum-risks = { $serious } of { $all } risks have a high or critical residual risk
review-sum-actions = { $done } of { $all } actions are done and { $overdue } are overdue
review-sum-reading = { $read } of { $all } read acknowledgements are made ({ $percent } %)
review-sum-reading-none = { $documents } steering documents are in force, but no staff are registered to read them

review-item-framework = { $title }: { $all } requirements, of which { $yes } met, { $partly } partly met and { $no } not met
review-item-plan-overdue = { $name }: the review date has passed
review-item-binder-stale = { $name }: the binder has not been printed since the latest approval
review-item-exercise = Exercise { $date }: { $title }
review-item-incident = Incident { $date }: { $title }
review-item-lesson-action = became an action
review-item-duty-late = { $incident }: { $duty } was sent late
review-item-duty-missed = { $incident }: { $duty } has not been sent and the time has run out
review-item-risk = { $threat } ({ $analysis }): residual risk { $level }
review-item-action-overdue = { $title }, due { $due }
review-item-document = { $title }: { $read } of { $all } have read it

review-note-classification = The comparison with { $year } is counted from today's register with the dates the assets were added and classified. Assets removed since are not included.
review-note-plans = For { $year } the plans and approvals are counted from the versions' dates. Review dates and prints are kept only as they are now and are not compared.
review-why-assessment = The self-assessment keeps only the latest answer to each requirement, so last year's state cannot be counted.
review-why-risks = A risk is kept only with its latest assessment, so last year's risks cannot be counted.
review-why-actions = The action plan does not keep when an action was done, so last year's state cannot be counted.
review-why-reading = Read acknowledgements count for the version in force now, so last year's state cannot be counted.

review-fig-courses = Courses in the register
review-fig-training-required = Training required, counted per person and course
review-fig-training-done = Done and valid
review-sum-training = { $done } of { $all } required trainings are done and valid ({ $percent } %)
review-sum-training-none = { $courses } courses are in the register, but no staff are registered to take them
review-item-training = { $course }: { $done } of { $all } have taken it
review-note-training = Last year's figures count the completions registered by the end of the year, but with today's staff and today's rules on who must take each course. The management's own training under the Cybersecurity Act (chapter 2, section 4) shows as a course of its own in the list when it is registered.

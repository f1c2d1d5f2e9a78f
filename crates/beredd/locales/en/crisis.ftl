### Beredd – English texts: crisis mode with incidents, reporting, meetings, exercises and recovery

## Crisis mode
incidents-title = Crisis mode: incidents
incidents-intro = An incident gathers the crisis staff's work: the board where every area and every step of the fallback routines is checked ("is it done?"), the log of events and decisions, which staff have been reached and who is on the crisis staff. The log cannot be changed afterwards; a correction is a new entry pointing to the one it corrects.
incidents-none = There are no incidents.
incident-new = Start an incident
incident-start = Start the incident
incident-active = Ongoing
incident-closed = Closed
incident-closed-at = Closed { $date }
incident-started = Started
incident-field-title = What happened (title)
incident-hint-title = Short, for example "The municipality's IT systems are down".
incident-field-what = Description
incident-field-discovered = The municipality became aware of the incident (date and time, Swedish time)
incident-hint-discovered = Swedish time, YYYY-MM-DD HH:MM, filled in with now. The deadlines of the Cybersecurity Act ch. 2 s. 5–6 and GDPR art. 33 count from awareness.
incident-field-aware-by = Who judged that the municipality was aware
incident-hint-aware-by = The decision is written to the log. It can be changed later on the Reporting page.
incident-field-first-signs = First signs of a disruption (if earlier)
incident-hint-first-signs = Leave empty if at the same time. YYYY-MM-DD HH:MM, Swedish time. Written as an event in the log; the deadlines do not count from it.
incident-log-first-signs = First signs of a disruption.
incident-aware-grounds = Recorded when the incident was started in Beredd.
incident-time-zone-uncertain = time zone uncertain
incident-field-raised-by = Who raised the alarm
incident-field-units = Affected units
incident-hint-units = The units below a chosen unit are included. Their approved continuity plans become the board's checklists.
flash-incident-started = The incident has started. The board holds the fallback routines of the affected units' plans.
incident-tabs = Parts of the incident
incident-tab-board = Board
incident-tab-log = Log
incident-tab-staff = Staff reached
incident-tab-roster = Crisis staff
incident-board-intro = Go through area by area: is it done? Changes show at once for everyone with the page open.
incident-board-empty = The board is empty: the affected units have no approved continuity plan.
incident-live = The board updates live.
incident-live-lost = Lost contact with the server; reload the page.
incident-live-restarting = The server is restarting. The board reconnects by itself when it is back.
incident-done-of = Done: { $counts }.
incident-problems = { $n ->
    [one] One problem.
   *[other] { $n } problems.
}
incident-by-at = { $who }
incident-close = Close the incident
board-state-not_started = Not started
board-state-under_way = Under way
board-state-done = Done
board-state-problem = Problem
log-kind-event = Event
log-kind-decision = Decision
log-kind-information = Information
log-kind-task = Task
log-kind-status = Status change
log-kind-correction = Correction
log-kind-system = Beredd
incident-log-title = Log: { $title }
incident-log-add = Write in the log
incident-log-save = Save in the log
incident-field-kind = Kind
incident-field-text = What happened, what was decided or what is to be done
incident-field-decided-by = Decided by
incident-hint-decided-by = Required for a decision.
incident-field-grounds = Grounds and mandate
incident-hint-grounds = On what grounds and with what mandate the decision was made.
incident-field-occurred = When it happened
incident-hint-occurred = Swedish time, YYYY-MM-DD HH:MM. Filled in with now; change it if it happened earlier. Left empty, the time it is saved is used.
incident-field-corrects = Corrects entry
incident-hint-corrects = Required for a correction. The corrected entry stays and shows that it was corrected.
incident-entry-n = Entry { $n }
incident-corrects = Corrects
incident-corrected-by = Corrected in
incident-recorded-by = entered by { $who }
incident-chain-intact = { $n ->
    [one] The log is intact: one entry, checked just now.
   *[other] The log is intact: { $n } entries, checked just now.
}
incident-chain-thinned = { $n ->
    [one] One of them is thinned: it is checked against its marker and keeps its place in the chain.
   *[other] { $n } of them are thinned: they are checked against their markers and keep their places in the chain.
}
incident-chain-changed = The log is broken: entry { $n } was changed after it was written.
incident-chain-link = The log is broken at entry { $n }: the entry before it was changed, removed or inserted.
incident-chain-gap = The log is broken: entry { $n } is missing.
incident-chain-truncated = The log is broken: entries after { $n } were removed.
incident-log-started = The incident started: { $title }.
incident-log-units = Affected units: { $units }.
incident-log-board = Board: { $item }
incident-log-reached = Reached: { $name }
incident-log-not-reached = Not reached: { $name }
incident-log-roster = Crisis staff: { $who }
incident-log-closed = The incident was closed.
incident-staff-title = Staff reached: { $title }
incident-staff-intro = Call every member of staff in the affected units and mark who has been reached.
incident-staff-none = The affected units have no staff in the register.
incident-reached-share = Reached: { $share }
incident-reached-total = Reached in all units: { $share }
incident-reached = Reached
incident-not-reached = Not reached
incident-mark-reached = Mark as reached
incident-mark-not-reached = Undo: not reached
incident-roster-title = Crisis staff: { $title }
incident-roster-none = Nobody on the crisis staff is registered yet.
incident-roster-add = Add to the crisis staff
incident-field-role = Role
incident-field-area = Area
incident-hint-area = For the contact person of an area.
incident-field-on-duty = On duty now
staff-role-crisis_leader = Crisis leader
staff-role-chief_of_staff = Chief of staff
staff-role-log_keeper = Log keeper
staff-role-information_officer = Information officer
staff-role-spokesperson = Spokesperson
staff-role-area_contact = Area contact
incident-log-imported = Log file from a crisis kit read: { $counts } entries were new.
incident-import-heading = Read a log from the crisis kit
incident-import-file = Log file (.json) exported from the kit
incident-import-hint = Entries already here are not read again. Authors and original times are kept.
incident-import-submit = Read in
flash-imported = The log file has been read.

## Reporting and communication during an incident
incident-tab-comms = Communication
comms-title = Communication: { $title }
comms-clocks = Reports to MCF and IMY
comms-exercise = This is an exercise. No reporting clock starts and no report is sent.
comms-significant = Significant incident under the cybersecurity act (NIS2)
comms-significant-hint = Then an early warning is due within 24 hours, an incident notification within 72 hours and a final report within a month of the notification. The clocks run from when the incident was discovered.
comms-personal-data = Personal-data breach
comms-personal-data-hint = Then the Swedish Authority for Privacy Protection (IMY) is notified within 72 hours.
comms-no-clocks = No clocks are running: nobody has decided that the incident is significant or a personal-data breach to be notified.
comms-deadline = Due
comms-draft = Draft report
comms-draft-hint = The draft has the headings the recipient asks for and is filled from the decisions and the status board, never from the log's free text. Fill in what is in brackets, and never write the names of individuals. Save what was actually sent.
comms-reference = Case number or reference at the recipient
comms-mark-sent = Mark as sent
comms-report-sent-text = What was sent
duty-nis2_early_warning = Early warning to MCF (Cybersecurity Act ch. 2 s. 5, within 24 hours)
duty-nis2_notification = Incident notification to MCF (ch. 2 s. 6, within 72 hours)
duty-nis2_interim = Interim report to MCF on request (ch. 2 s. 7)
duty-nis2_progress = Progress report to MCF (ch. 2 s. 8, incident still ongoing a month after the notification)
duty-nis2_final = Final report to MCF (ch. 2 s. 8, a month after the notification, or a month after the incident has been handled)
duty-imy_breach = Personal-data breach notification to IMY (GDPR art. 33, where feasible within 72 hours)
clock-sent = Sent { $at }
clock-sent-late = Sent late, { $at }
clock-left = { $left } left
clock-overdue = Overdue by { $by }
clock-overdue-imy = Past 72 hours ({ $by } ago): notify without delay and give the reasons for the delay in the notification
clock-waiting = Waiting for the incident to be handled
clock-requested = MCF has asked for an interim report
due-after-handled = a month after the incident has been handled
due-on-request = when MCF has asked for it
duration-dhm = { $d } d { $h } h { $m } min
duration-hm = { $hm }
comms-hotlines = Public hotlines
comms-no-hotlines = No hotline is open yet.
comms-add-hotline = Open a hotline
comms-messages = Published messages
comms-no-messages = No message is published yet.
comms-add-message = Publish a message
comms-channel = Channel
comms-text = Text
comms-approved-by = Approved by
comms-hint-approved-by = Who approved the text before it was published.
comms-publish = Record as published
channel-web = Website
channel-press = Press release
channel-social = Social media
channel-hotline = Hotline
channel-internal = Internal, to staff
comms-media = Media requests
comms-no-media = No media requests yet.
comms-add-media = Record a media request
comms-outlet = Outlet
comms-contact = Reporter and phone
comms-question = The question
comms-routed-to = To spokesperson
comms-no-spokesperson = No spokesperson is appointed – add one to the crisis staff.
comms-answered = Answered
comms-mark-answered = Mark as answered
comms-log-report = Report sent: { $what }
comms-log-hotline = Hotline opened: { $what }
comms-log-message = Message published: { $what }
comms-log-media = Media request: { $what }
comms-log-media-answered = Media request no. { $n } answered.
comms-log-draft = Draft message saved: { $what }
comms-log-approved = Message no. { $n } approved and published by { $who }.
comms-draft-marker = Draft, not approved
comms-approve = Approve and publish
comms-save-draft = Save as draft
comms-public-page = Public web page
comms-public-page-hint = A simple web page for the public with the hotlines and the approved messages for the web, press and social media – nothing else. It is a single file that can be put on a website outside the municipal network.
comms-public-page-download = Download the public page
public-title = Information from { $org }
public-heading = Current information about the disruption
public-updated = Updated
public-swedish-time = Swedish time
public-exercise = EXERCISE – this is an exercise, not a real event.
public-exercise-short = EXERCISE
public-call = Call us
public-no-hotlines = No number is open yet.
public-emergency = If life, health or property is in danger: call 112.
public-messages = Messages
public-no-messages = No message has been published yet.
public-published = Published
public-other-language = På svenska
public-messages-language = The messages on this page are written in Swedish.
public-made-with = This page was made with Beredd.
public-a11y-heading = Accessibility
public-a11y = { $org } wants everyone to be able to use this page, as the Swedish act on accessibility to digital public services (2018:1937) requires. The page is a single file without scripts, made to meet WCAG 2.1 level AA: it can be read with a screen reader, enlarged, and used with a keyboard and on a mobile phone. The page's template is tested automatically with the axe tool at 360 and 1280 pixels wide.
public-a11y-contact = If you cannot use something here, or want to report a problem, call one of the numbers above or the switchboard of { $org }, and you will get the information another way. The Agency for Digital Government (DIGG) supervises the act. If you are not satisfied with how your feedback was handled, you can contact DIGG.
report-decisions = Decisions:
report-events = Events and measures:
report-contact = Contact person

## Crisis staff meetings and the incident report
incident-tab-meeting = Meeting
meeting-title = Crisis staff meeting: { $title }
meeting-intro = Go through the board area by area: is it done? Write the status, the decisions and the new tasks. The protocol goes into the log and can be printed.
meeting-earlier = Earlier meetings
meeting-hold = New meeting
meeting-present = Present
meeting-areas = Status per area
meeting-area-comment = Status in { $area }
meeting-decisions = Decisions
meeting-hint-decisions = One decision per line. Each decision becomes its own log entry.
meeting-tasks = New tasks
meeting-hint-tasks = One task per line: What | Who | Due.
meeting-next = Next meeting
meeting-hint-next = For example "14.00 in the town hall, room B".
meeting-save = Save the protocol
meeting-log = Crisis staff meeting no. { $n }.
meeting-decided-by = Crisis staff meeting no. { $n }
meeting-pdf-title = Protocol of crisis staff meeting no. { $n }
meeting-held = Held
incident-report-pdf = Report (PDF)
incident-report-stamp = Incident report, printed { $date }, times in Swedish time
incident-report-when = Time (Swedish time)
incident-report-col = Report
incident-report-sent = Sent
incident-report-entry = Entry
log-kind-meeting = Meeting
incident-bundle-export = Incident bundle (file)
incident-bundle-import = Read an incident bundle from another Beredd
incident-bundle-file = Incident bundle (.json)
incident-bundle-hint = For example from a laptop that ran Beredd while the server was down. The bundle's log is checked first; entries already here are not read again.
incident-log-bundle = Incident bundle read: { $counts } entries were new.
incident-log-bundle-from = From: { $instance }.
incident-from-scenario = Start from a saved scenario
incident-fill-from-scenario = Fill in from the scenario
incident-on-duty = Goes on duty
incident-off-duty = Goes off duty
incident-log-on-duty = On duty: { $name }
incident-log-off-duty = Off duty: { $name }

## Exercises and evaluation
incident-field-exercise = This is an exercise
incident-hint-exercise = An exercise runs like a real incident but is clearly marked and never starts a reporting clock.
incident-hint-participants = One per line (for an exercise).
incident-log-exercise-started = The exercise started: { $title }.
incident-exercise-tag = Exercise
incident-exercise-banner = EXERCISE – not a real incident
incident-tab-injects = Exercise injects
incident-tab-lessons = Evaluation
lessons-title = Evaluation: { $title }
lessons-intro = Write down what went well, what went less well and what must change, while memory is fresh. What must change can become an action in the action plan.
lesson-well = This went well
lesson-less_well = This went less well
lesson-change = This must change
lesson-add = Add to the evaluation
lesson-field-kind = Kind
lesson-field-text = What
lesson-hint-action = For what must change: it becomes an action in the action plan pointing back here.
lesson-action-title = Lesson: { $text }
injects-title = Exercise injects: { $title }
injects-intro = The exercise leader's timeline: what happens when, in minutes from the start of the exercise. Injects whose time has come are marked.
injects-none = No injects yet.
inject-minute = Minute
inject-due = due now
inject-add = Add an inject
inject-field-minute = Minutes from the start
inject-hint-minute = 0–10 000.
inject-field-text = What happens
lesson-field-target = This changes
lesson-hint-target = The continuity plan, risk or classification the lesson concerns, if any.
lesson-target-plan = Plan: { $name }
lesson-target-asset = Classification: { $name }
lesson-target-risk = Risk: { $name }

## Recovery and catch-up
incident-tab-recovery = Recovery
recovery-title = Recovery: { $title }
recovery-intro = Each unit records what was documented on paper and must be entered in the systems: per system and kind, how much, who enters it and how urgent it is (legal deadlines first). The forecast uses the pace of the last seven days.
recovery-nothing = Nothing to enter has been recorded.
recovery-done = Everything is entered.
recovery-stalled = Nothing has been entered lately, so no end date can be given.
recovery-forecast = At the current pace everything is entered by { $date }.
recovery-burn-down = Left to enter
recovery-burn-down-alt = Chart of how much is left to enter per day. The same figures are in the table.
recovery-left = Left
recovery-per-unit = Per unit (entered / total)
recovery-per-system = Per system (entered / total)
recovery-items = To enter
recovery-entered-so-far = Entered so far
recovery-add = Add something to enter
recovery-restored = A system works again
recovery-log-added = To enter: { $what }
recovery-log-restored = The system works again: { $system }.
recovery-log-switched-back = Fallback routines ended: { $routines }
catch-up-title = How long will catching up take?
catch-up-intro = Work out how many days it takes to enter what was written on paper, with the time you can set aside for entering each day. The page only counts; nothing is stored. Compare with the forecast above, which is based on how fast it actually goes.
catch-up-field-per-day = Paper entries per day
catch-up-hint-per-day = Roughly how many notes, lists, decisions and payments are written on paper per day during the outage, in total for the units counted. Leave empty to count only what is left on the list below. 0–100,000.
catch-up-field-days = Days of outage
catch-up-hint-days = How many days the systems have been down or are expected to be down. 1–3,650.
catch-up-field-minutes = Minutes per entry
catch-up-hint-minutes = How long it takes to enter one note with its original date and author. Time ten of them and take the average. 1–240.
catch-up-field-hours = Staff hours per day for entering
catch-up-hint-hours = How many hours a day in total can be spent on entering, on top of the usual work. Two people for four hours is 8. 1–2,400.
catch-up-action = Count
catch-up-paper = { $entries } entries on paper are { $hours } hours of work. With { $per_day } hours a day, entering takes { $days ->
    [one] { $days } day
   *[other] { $days } days
  }, done on { $date } if you enter every day from today.
catch-up-left = What is left on the list, { $entries } items, is { $hours } hours of work: { $days ->
    [one] { $days } day
   *[other] { $days } days
  } at { $per_day } hours a day, done on { $date } if you enter every day from today.
catch-up-none-left = Nothing is left to enter on the list.
restore-field-system = System
restore-field-at = When it worked again
restore-field-routines = Fallback routines that ended
restore-hint-routines = Which fallback routines the units switched back from.
backlog-field-system = System
backlog-field-kind = Kind
backlog-field-description = Description
backlog-field-total = Count
backlog-hint-total = Number of notes, lists, decisions or payments to enter.
backlog-field-assignee = Who enters it
backlog-field-priority = Priority
backlog-field-deadline = Due
backlog-no-system = No system
backlog-kind-care_doc = Care documentation
backlog-kind-social_doc = Social documentation
backlog-kind-medication = Medication lists and signatures
backlog-kind-decisions = Decisions
backlog-kind-payments = Payments made by hand
backlog-kind-other = Other
backlog-priority-legal = Legal deadline
backlog-priority-high = High
backlog-priority-normal = Normal
recovery-log-progress = Entered so far: { $what }

staff-role-ciso = Information security coordinator
staff-role-it_manager = IT manager
staff-role-dpo = Data protection officer
staff-role-mas = Medically responsible nurse (MAS)
staff-role-mar = Medically responsible for rehabilitation (MAR)
staff-role-mcf_contact = Contact towards MCF

incident-tab-reporting = Reporting
reporting-title = Reporting: { $title }
reporting-nearest = Nearest deadline
reporting-recipients = Reports on significant incidents under the Cybersecurity Act (2025:1506) go to the CSIRT unit, which is the Swedish Civil Defence Agency (MCF) (Cybersecurity Ordinance 2025:1507, sections 6 and 31). Personal-data breaches are notified to the Swedish Authority for Privacy Protection (IMY). All times are Swedish time.
reporting-supervision = Supervision: the municipality's supervisory authority under the Cybersecurity Act is one of six county administrative boards (Cybersecurity Ordinance sections 10–15). In health care the Health and Social Care Inspectorate (IVO) supervises.
reporting-decisions = Decisions that set the deadlines
reporting-decisions-hint = Each judgement is a decision: who judged, when and on what grounds. It is written to the log. When the judgement changes, record a new decision; the old one stays.
reporting-mcffs = MCF may issue regulations on what the reports contain (Cybersecurity Ordinance section 38 point 6). When they exist, the drafts' headings must follow them.
reporting-other = Assessments without a deadline
reporting-other-hint = The law sets no clock for these, but they must be assessed and the decision must be shown afterwards.
report-recipient = Recipient
report-fill-in = Fill in
report-decided-by = Decided by
report-not-decided = Not assessed yet.
report-org-number = Organisation number
report-problems = problems
report-late-reason = The notification is made after 72 hours. Reasons for the delay: fill in.
report-not-late = The notification is made within 72 hours.
incident-diarienummer = The municipality's registration number
incident-hint-diarienummer = Shown on the reports to MCF and IMY and on the decisions.
incident-log-diarienummer = Registration number of the incident: { $n }

assessment-outcome = Decision
assessment-decided-by = Who judged
assessment-grounds = Grounds
assessment-hint-grounds = What the judgement rests on. Do not write the names of individual clients or patients.
assessment-reference = Registration or case number
assessment-hint-reference = Leave empty for the incident's registration number.
assessment-hint-at = Date and time in Swedish time, YYYY-MM-DD HH:MM.
assessment-quote-source = Cybersecurity Act (2025:1506) chapter 2 section 5 second paragraph
assessment-current = Decision in force
assessment-earlier = Earlier decisions
assessment-new = Record a new decision
assessment-record = Record the decision
assessment-save = Save the decision

assessment-aware = The municipality became aware of the incident
assessment-aware-basis = The deadlines of the Cybersecurity Act ch. 2 s. 5–6 and GDPR art. 33 count from awareness, not from the first signs of a disruption. Write the first signs as an event in the log.
assessment-aware-who = Who judged that the municipality was aware, for example the head of department or the information security coordinator.
assessment-aware-at = The municipality became aware (date and time, Swedish time)
assessment-aware-done = { $at }

assessment-significant = Significant incident under the Cybersecurity Act
assessment-significant-basis = Cybersecurity Act ch. 2 s. 5 second paragraph. A significant incident is reported to MCF.
assessment-significant-who = Whoever assesses incidents under the delegation rules, often the head of department with the information security coordinator.
assessment-significant-yes = Significant incident
assessment-significant-no = Not a significant incident

assessment-personal_data = Personal-data breach (GDPR art. 33)
assessment-personal_data-basis = A personal-data breach is notified to IMY without undue delay and where feasible within 72 hours of becoming aware of it, unless it is unlikely to result in a risk to the data subjects. A later notification must give the reasons for the delay. Every breach is documented (art. 33.5).
assessment-personal_data-who = The controller (the committee) or whoever has delegation, advised by the data protection officer.
assessment-personal_data-yes = Personal-data breach to be notified to IMY
assessment-personal_data-unlikely_risk = Personal-data breach unlikely to result in a risk to the data subjects: documented, not notified
assessment-personal_data-no = Not a personal-data breach

assessment-data_subjects = Inform the data subjects (GDPR art. 34)
assessment-data_subjects-basis = When the breach is likely to result in a high risk to the rights and freedoms of the data subjects, they are informed without undue delay.
assessment-data_subjects-who = The controller (the committee) or whoever has delegation, advised by the data protection officer.
assessment-data_subjects-yes = The data subjects are to be informed
assessment-data_subjects-no = The data subjects need not be informed

assessment-interim_request = MCF has asked for an interim report
assessment-interim_request-basis = Cybersecurity Act ch. 2 s. 7: at MCF's request an interim report with relevant status updates is given. Write in the grounds what MCF asked for and by when.
assessment-interim_request-who = Whoever received the request.
assessment-interim_request-at = When MCF asked for the interim report (Swedish time)
assessment-interim_request-done = Asked for { $at }

assessment-handled = The incident has been handled
assessment-handled-basis = When the incident is still ongoing a month after the notification, a progress report is due then, and the final report a month after the incident has been handled (Cybersecurity Act ch. 2 s. 8).
assessment-handled-who = The crisis leader or the head of department.
assessment-handled-at = The incident was handled (date and time, Swedish time)
assessment-handled-done = Handled { $at }

assessment-lex_maria = Lex Maria: report to IVO
assessment-lex_maria-basis = Patient Safety Act ch. 3 s. 5: an event that caused or could have caused serious harm in care is reported to IVO. In a municipality the medically responsible nurse (MAS) judges.
assessment-lex_maria-who = Medically responsible nurse (MAS).
assessment-lex_maria-yes = Reported to IVO under lex Maria
assessment-lex_maria-no = Not reported under lex Maria

assessment-lex_sarah = Lex Sarah: report to IVO
assessment-lex_sarah-basis = Social Services Act: staff report wrongs and clear risks of wrongs. Whoever has delegation from the committee judges whether the report goes to IVO.
assessment-lex_sarah-who = Whoever has the committee's delegation to report under lex Sarah.
assessment-lex_sarah-yes = Reported to IVO under lex Sarah
assessment-lex_sarah-no = Not reported under lex Sarah

assessment-police = Police report
assessment-police-basis = Unauthorised access and extortion are crimes. MCF is to urge the affected entity to report to the police (Cybersecurity Ordinance section 33).
assessment-police-who = The head of department or the security manager.
assessment-police-yes = Reported to the police
assessment-police-no = Not reported to the police

assessment-extraordinary = Extraordinary event and the crisis management committee
assessment-extraordinary-basis = Act (2006:544) on municipalities' and regions' measures before and during extraordinary events in peacetime and heightened alert: the chair of the crisis management committee decides whether the committee takes over.
assessment-extraordinary-who = The chair of the crisis management committee.
assessment-extraordinary-yes = Extraordinary event: the crisis management committee takes over
assessment-extraordinary-no = Not an extraordinary event

assessment-county = Situation report to the county administrative board
assessment-county-basis = The municipality gives the county administrative board a picture of the situation in a serious event, so that the county can coordinate.
assessment-county-who = The crisis leader or the municipality's preparedness coordinator.
assessment-county-yes = Situation report given to the county administrative board
assessment-county-no = No situation report to the county administrative board is needed

assessment-region = Contact with the region
assessment-region-basis = The region is needed when health care is affected, for example for access to the national patient summary (NPÖ) and to work together on patients.
assessment-region-who = Medically responsible nurse (MAS) or the crisis leader.
assessment-region-yes = The region has been contacted
assessment-region-no = The region need not be contacted
incident-report-state = State
reporting-decisions-all = Decisions
reporting-assessment = Assessment
incident-log-aware = The municipality became aware of the incident { $at }.
incident-aware-short = Aware since
reporting-zone-uncertain = The time of awareness was typed before Beredd counted in Swedish time, so the deadlines may be one or two hours off. Record the decision on awareness again below.
banner-label = Incident going on
banner-running = Incident going on
banner-more = and { $n } more
banner-deadline = Nearest deadline: { $duty } by { $at }
duty-short-nis2_early_warning = early warning to MCF
duty-short-nis2_notification = incident notification to MCF
duty-short-nis2_interim = interim report to MCF
duty-short-nis2_progress = progress report to MCF
duty-short-nis2_final = final report to MCF
duty-short-imy_breach = notification to IMY
incident-report-reference = Recipient's reference
board-to-reporting = To reporting: decisions, drafts and reports sent
board-filter-label = Show on the board
board-filter-all = All steps
board-filter-problems = Only problems
board-filter-mine = Mine
board-filter-mine-hint = Mine are the steps where you made the latest change.
board-filter-none-problems = No step is marked as a problem right now.
board-filter-none-mine = You have not changed any step yet.
board-totals = The whole board
board-hidden-change = Steps the filter hides have changed.
board-refresh = Show the board again
board-log-all = The whole log, with corrections
flash-logged = The entry is saved in the log.
incident-bundle-closed = The incident “{ $title }” is closed. A closed incident's log takes no more entries, so nothing was read in.
incident-log-head = entry { $seq }: { $hash }
incident-log-head-label = The log's checksum now
paper-title = Check the log against a printout
paper-hint = The incident report and the meeting protocols print the log's latest entry and its checksum. Type them from the paper: if they match, nothing in the log up to that entry has changed since it was printed, not even directly in the database.
paper-seq = The entry's number
paper-hash = Checksum (at least 16 characters, as on the paper)
paper-check = Check
paper-same = Entry { $seq } has the same checksum as on the paper: the log up to it is unchanged since the printout.
paper-differs = Entry { $seq } has another checksum than on the paper: the log up to it has been changed since the printout. Keep the paper and contact the information security coordinator.
paper-missing = The log has no entry { $seq }: entries have been removed since the printout. Keep the paper and contact the information security coordinator.
paper-unreadable = Type the entry's number and at least 16 characters of the checksum (0–9 and a–f), as they are on the paper.

## The log's signatures (keys outside the database)
incident-sig-own = { $count ->
    [one] One entry is signed
   *[other] { $count } entries are signed
} with this installation's key { $key }.
incident-sig-given = { $count ->
    [one] One entry is signed
   *[other] { $count } entries are signed
} with the key you gave, { $key }.
incident-sig-retired = { $count ->
    [one] One entry is signed
   *[other] { $count } entries are signed
} with an earlier key of this installation, { $key }.
incident-sig-database = { $count ->
    [one] One entry is signed
   *[other] { $count } entries are signed
} with the key { $key }, which only the database itself names ({ $label }). Compare it with the key in the binder before you trust it.
incident-sig-before = { $n ->
    [one] One entry was written before logs were signed and is checked by the chain alone.
   *[other] { $n } entries were written before logs were signed and are checked by the chain alone.
}
incident-sig-bad = Entry { $n }: the signature does not hold. The entry, or the log before it, was changed after it was signed.
incident-sig-unknown = Entry { $n }: it is signed with a key that neither the key folder nor the database knows.
incident-sig-missing = Entry { $n }: the signature is missing, although the entry was written after logs began to be signed.
keys-signatures-broken = The log's signatures do not hold: the log has been changed outside Beredd.
keys-public-unreadable = The public key is 64 hexadecimal digits (0–9, a–f), as printed in the binder.
incident-log-bundle-signed = The bundle's entries were signed with the key { $keys } where they were written; the signatures held.
incident-log-bundle-unsigned = The bundle's entries were not signed.
incident-source-kit = from a digital crisis kit
incident-source-bundle = from an incident bundle

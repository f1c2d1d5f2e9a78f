### Beredd – English texts: information, classification, the requirement catalogue and self-assessment

## Requirement catalogue
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
ref-cyber = Cybersecurity act ch. 2 § 3, second paragraph, point
ref-gdpr = GDPR, article
ref-pdl = Patient data act
ref-hslf = HSLF-FS 2016:40
ref-iso = ISO/IEC 27001:2022 Annex A

## Information and classification
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
classify-title = Classify: { $name }
hint-why = Required when the level is 2 or higher: why does the information have this level?
field-why = Justification, { $aspect }
field-reason = Why is the information classified now?
hint-reason = Required when a classification changes: what has changed since last time?
hint-aspect-K = What happens if the information is shown to the wrong person?
hint-aspect-R = What happens if the information is wrong or changed by mistake?
hint-aspect-T = What happens if the information cannot be reached for a day, a week?
hint-aspect-S = How important is it to see who has read or changed the information?
system-information = Information and requirements
system-no-classified = No classified information is linked to the system.
system-required-level = Required level: { $levels } ({ $short }), the highest among the information the system holds.
system-outage-link = What stops if the system is down for a week? (outage analysis)

## Questions that lead to a level
classify-help = Answer the questions and choose “Propose levels”, or choose the levels directly. If you choose another level than proposed, you need to say why.
classify-propose = Propose levels
classify-proposal = Proposal from the answers: { $levels }. Check the levels, write justifications and save.
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
action-from-requirement = Meet requirement { $what }
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
hint-create-action = A gap gets one action; if an open action for the gap exists, no new one is added.
assessment-title = Self-assessment: { $name }
assessment-intro = The requirements the system's information yields (required level { $levels }). Assess each one; gaps become actions in the action plan.
assessment-summary = Fulfilled / partly / not fulfilled / not applicable / not assessed: { $counts }.
assessment-not-assessed = Not assessed
assessment-by = Assessed by
assessment-open = Self-assessment of the requirements
assessment-remove = Remove the self-assessment
assessment-remove-hint = Removes all of the system's assessments ({ $answers }) and evidence files ({ $files }). The audit trail keeps the assessments and each file's name, size and SHA-256 fingerprint, but not the files themselves: download them first if they are to be kept. After that the system can be deleted.

## Evidence for the self-assessment
evidence-title = Evidence
evidence-file = File to upload
evidence-hint = PDF, image (PNG, JPEG), text (TXT, CSV) or Office document (DOCX, XLSX, PPTX, ODT, ODS), at most 10 MB.
evidence-upload = Upload

## Printouts: procurement specification and classification report
pdf-catalogue = Requirement catalogue
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
report-version = Version { $v }, classified by { $who } { $when }
report-not-classified = Not classified yet
report-fulfilment = { $met } of { $all } requirements met
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

## Overview of classification and self-assessment
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
classify-choose-level = Choose a level
assessment-choose-status = Choose an answer
assessment-area-progress = { $n } of { $all } answered
assessment-answer-by-area = Answer the requirements area by area
assessment-answer-by-area-hint = All the requirements of an area on one page. Evidence is uploaded on a requirement's own page: click its name.
assessment-areas = Areas
assessment-answer-area = Answer the area
assessment-requirement = Requirement
assessment-status-of = Is requirement { $req } met?
assessment-how-of = How is { $req } met here?
assessment-na-of = Why does { $req } not apply?
assessment-make-actions = Make gaps into actions in the action plan
assessment-make-actions-hint = A requirement that is not met or only partly met gets an action, owned by the system's owner. If the gap already has an action, no new one is added. Dates and owners are changed in the action plan.
assessment-area-position = Area { $n } of { $all }
assessment-area-intro = Answer the requirements you can. A requirement without an answer stays unanswered; nothing counts as met until someone has said so.
assessment-no-files = No evidence
assessment-files = { $n ->
    [one] One evidence file
   *[other] { $n } evidence files
}
assessment-add-evidence = Add evidence
assessment-save-next = Save and go to the next area
assessment-all-areas = All areas
assessment-area-links-hint = The links change area without saving.
assessment-area-saved = { $n ->
    [0] No answer changed.
    [one] One answer saved.
   *[other] { $n } answers saved.
}
assessment-area-saved-in = { $n ->
    [0] No answer changed in { $area }.
    [one] One answer saved in { $area }.
   *[other] { $n } answers saved in { $area }.
}

## Classifications from KLASSA (issue 18)
field-process-code = Process code
hint-process-code = The process's code in the municipality's classification structure, for example “3.2.1”, as KLASSA or the records management plan has it.
asset-origin-klassa = Classified in KLASSA { $date }
asset-origin-manual = Decided outside Beredd { $date }
klassa-link = Import classifications from KLASSA
klassa-title = Import classifications from KLASSA
klassa-preview-title = Preview the classifications from KLASSA
klassa-intro = If the municipality has already classified its information in SKR's KLASSA tool, you can bring that work here. Export the classifications to Excel and upload the file. Each row becomes a new version of the information asset's classification, marked “KLASSA” and dated as in the file. Earlier versions are never changed. An information asset not in the register is added.
klassa-template-text = The template has a column for each item: the information asset's name, the level 0–4 for confidentiality, integrity, availability and traceability, the date classified, who classified it, the process code and a motivation. You can also upload the export as it is and choose which column fills which field. The choice is kept for next time.
klassa-unseen = The headings were made without access to a real KLASSA export. If a column is not recognised, choose it yourself in the preview.
klassa-preview-intro = This is how the file { $file } would be added to the classifications. Nothing is stored yet.
klassa-rows-heading = Classifications to be stored
klassa-rows-hint = Each row becomes a new version with the origin KLASSA. Rows already imported (the same information asset, date and levels) are skipped.
klassa-new-asset = new information asset
klassa-field-name = Information asset
klassa-field-date = Date classified
klassa-field-by = Classified by
klassa-field-motivation = Motivation
klassa-count-rows = { $n ->
    [one] { $n } classification to store
   *[other] { $n } classifications to store
}
klassa-count-new-assets = { $n ->
    [one] { $n } new information asset
   *[other] { $n } new information assets
}
klassa-count-unchanged = { $n ->
    [one] { $n } row already imported
   *[other] { $n } rows already imported
}
klassa-count-stored = { $n ->
    [one] { $n } classification
   *[other] { $n } classifications
}
klassa-stored = The classifications are stored: { $rows }, { $new }.
klassa-crosswalk-heading = Where KLASSA's measures are found in Beredd
klassa-crosswalk-hint = The measures KLASSA proposes are requirements in the catalogue here. The table shows which requirement area holds the corresponding requirements. The areas are described in our own words; check them against the KLASSA version the municipality used.
klassa-crosswalk-klassa = Measure area in KLASSA
klassa-crosswalk-beredd = Requirement area in Beredd
klassa-template-note-1 = Template for importing classifications from KLASSA into Beredd.
klassa-template-note-2 = One row per information asset (or system). The name is matched against the register; if it is not there, the asset is added.
klassa-template-note-3 = The levels are 0–4 for confidentiality, integrity, availability and traceability. “2”, “K2” and “Nivå 2” are all read as 2.
klassa-template-note-4 = Dates are written YYYY-MM-DD and may not be after today. Classified by may be left empty; the person importing the file is then named.
klassa-template-note-5 = The headings were made without access to a real KLASSA export. If the export has other headings, choose the columns yourself in the preview.
klassa-template-note-6 = Each row becomes a new version of the classification with the origin KLASSA. Earlier versions are never changed.

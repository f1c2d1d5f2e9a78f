### Beredd – English texts: frameworks and gap analysis

## Frameworks and gap analysis
fw-title = Frameworks and gap analysis
fw-intro = A framework is a set of requirements the municipality measures itself against: a statute, a regulation, a standard's list of controls or a checklist. In an assessment you answer each requirement yes, partly, no or not applicable, give a maturity 0–5, a comment and the evidence, and link requirements of the catalogue and actions of the action plan. Every gap should have an action.
fw-frameworks = Frameworks
fw-framework = Framework
fw-version = Version
fw-source = Source
fw-count = Requirements to assess
fw-origin = Comes from
fw-origin-library = Ships with Beredd
fw-origin-imported = Imported by { $who } { $when }
fw-language-note = The requirement texts are in { $lang ->
    [en] English
    [de] German
    [fr] French
    [es] Spanish
    [it] Italian
    [nl] Dutch
    [da] Danish
    [nb] Norwegian
    [no] Norwegian
    [nn] Norwegian
    [fi] Finnish
    [pl] Polish
    [pt] Portuguese
   *[other] a language other than Swedish ({ $code })
}, as in the imported file.
fw-text-kind = The requirement texts
fw-text-statute = The statute's own words
fw-text-own-words = Written for Beredd (summaries, not the statute's text)
fw-text-imported = Imported from another source
fw-in-use = Assessments using the framework
fw-requirements = Requirements
fw-references = Corresponds to
fw-assessments = Assessments
fw-no-assessments = No assessment has been started.
fw-assessment-new = New assessment
fw-assessment-create = Start the assessment
fw-assessment-title = Title
fw-assessment-scope = Scope
fw-assessment-scope-hint = For example the whole municipality or the social services.
fw-assessment-date = Date
fw-missing-framework = The framework no longer exists
fw-answered = { $n } of { $all } answered
fw-fulfilled-share = { $p } % fulfilled
fw-answered-col = Answered
fw-progress = How far you have come
fw-chapter = Chapter
fw-total = The whole framework
fw-assessable = Requirements
fw-fulfilment = Met
fw-maturity-mean = Maturity (mean)
fw-gaps = Gaps
fw-no-gaps = No requirement is answered no or partly.
fw-gap-no-action = No action yet
fw-show = Show requirements
fw-show-all = All
fw-show-unanswered = Unanswered
fw-show-gaps = Gaps (no and partly)
fw-ref = Reference
fw-requirement = Requirement
fw-status = Is the requirement met?
fw-status-yes = Yes
fw-status-partly = Partly
fw-status-no = No
fw-status-na = Not applicable
fw-status-none = Not answered
fw-maturity = Maturity
fw-maturity-hint = 0 does not exist, 1 single efforts, 2 repeated but depends on people, 3 documented and decided, 4 followed up and measured, 5 systematically improved.
fw-maturity-0 = Does not exist
fw-maturity-1 = Single efforts
fw-maturity-2 = Repeated
fw-maturity-3 = Documented
fw-maturity-4 = Followed up
fw-maturity-5 = Improving
fw-comment = Comment
fw-comment-hint = How the requirement is met, or why it does not apply.
fw-evidence = Evidence
fw-evidence-hint = Which documents, decisions or minutes show it, and where they are.
fw-linked-suggested = Requirements of the catalogue that belong here
fw-linked-pick = Choose requirements in the catalogue ({ $picked } of { $n } chosen)
fw-linked-pick-legend = Requirements in the catalogue
fw-linked-pick-filter = Search the requirements (id or a word of the title)
fw-linked-other = Other requirements of the catalogue
fw-linked-other-hint = The requirements' ids separated by commas, for example STY-01, INC-02.
fw-linked-requirements = Linked requirements
fw-actions = Actions
fw-no-actions = No action is linked.
fw-answer = Answer
fw-answer-actions = Action in the action plan
fw-new-action = New action
fw-new-action-hint = Write a title to add a new action to the action plan, linked to the requirement.
fw-link-action = Link an existing action
fw-unlink = Remove the link
fw-save-next = Save and go to the next requirement
fw-next = Next requirement
fw-updated = Last changed by { $who } { $when }
fw-export-pdf = Statement of applicability (PDF)
fw-export-xlsx = Export to Excel
fw-soa = Statement of applicability
fw-soa-title = Statement of applicability and gap analysis
fw-soa-file = statement-of-applicability
fw-soa-intro = For each requirement of the framework: whether it applies, how it is met, maturity, evidence, linked requirements and actions. Gaps (no and partly) are listed on their own at the end.
fw-soa-applicable = Applicable
fw-soa-yes = Yes
fw-soa-no = No
fw-soa-sheet = Applicability
fw-gaps-sheet = Gaps
fw-progress-sheet = Per chapter
fw-import = Import a framework
fw-import-file = Framework file
fw-import-hint = A CISO Assistant library (a YAML file), or a framework file in Beredd's own format (TOML). The easiest way to make your own is to download an existing framework here, on the framework's page, and change it. The whole file is checked; if anything is wrong nothing is saved, and you are told on which line.
fw-requirement-heading = Requirement { $ref }
fw-title-version = { $title }, version { $version }
fw-flash-imported = The framework was imported with { $n } requirements to assess.
fw-delete = Delete the framework
fw-delete-in-use = The framework is used in an assessment and cannot be deleted.
fw-err-syntax = the file cannot be read: { $detail }
fw-err-missing = { $key } is missing.
fw-err-unknown-key = unknown key { $key }.
fw-err-bad-id = the id { $id } may only hold letters, digits and . - _ :
fw-err-bad-version = the version { $version } may only hold letters, digits and . - _
fw-err-text-kind = text must be "statute" or "own-words", not "{ $value }".
fw-err-duplicate = the requirement { $id } appears twice.
fw-err-parent = the requirement { $id } has the parent { $parent }, which is not an earlier requirement.
fw-err-nothing = no requirement can be assessed.
fw-err-too-many = { $n } requirements are more than Beredd takes in one framework.
fw-err-not-framework = the file holds no framework (objects.framework is missing).
fw-err-limit-aliases = the file has more than { $max } aliases (*name), counting those that other aliases repeat. Beredd does not read files that large.
fw-err-limit-values = the file has more than { $max } values, counting what aliases (*name) repeat. Beredd does not read files that large.
fw-err-limit-text-length = a text is longer than { $max } characters, more than Beredd takes.
fw-err-limit-text = the file has more than { $max } characters of text, counting what aliases (*name) repeat. Beredd does not read files that large.
fw-err-limit-depth = the file has lists and sections more than { $max } levels inside each other, more than Beredd reads.
fw-err-file-type = The file must end in .toml (Beredd's format) or .yaml/.yml (CISO Assistant).
fw-err-utf8 = The file is not UTF-8 text.
fw-err-exists = The framework { $id } version { $version } already exists. Change the version in the file to import a new one.
fw-download = Download the framework file
fw-download-hint = Want to change or extend the framework? Download the file, change it, give it a new version and import it. The old version and its assessments stay.
fw-answer-chapter = Answer the chapter
fw-chapter-intro = Answer every requirement of the chapter at once. Evidence, linked requirements and actions are given on each requirement's own page (the link in its heading).
fw-save-next-chapter = Save and go to the next chapter
fw-status-of = Is { $req } met?
fw-maturity-of = Maturity { $req }
fw-comment-of = Comment { $req }
fw-assessment-delete = Delete the assessment
fw-assessment-delete-hint = The assessment is removed with all its answers and evidence files. Actions its gaps made stay in the action plan. The deletion shows in the audit trail with all answers and each file's name, size and SHA-256 fingerprint, but the files themselves cannot be brought back: download them first if they are to be kept.
fw-evidence-files-title = Evidence files
fw-evidence-files = Files: { $names }

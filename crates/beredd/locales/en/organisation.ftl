### Beredd – English texts: the organisation's registers of units, activities, people, systems, suppliers, resources and dependencies

## Fields
field-unit-kind = Level
field-parent = Part of
field-manager = Manager
field-address = Address
field-staff-count = Number of staff
field-around-the-clock = Around the clock
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
field-contract-ref = Contract reference
field-purpose = Purpose
field-system-kind = Kind
field-hosting = Where it runs
field-owner = System owner
field-used-by = Used by units

## Hints
hint-around-the-clock = Tick if the unit works around the clock, such as a residential care home or a night patrol.
hint-criticality = How soon the activity must work again, on a fallback routine or as usual. Urgent and critical activities need a continuity plan.
field-society-critical = Vital to society (samhällsviktig verksamhet as MSB defines it)
field-society-critical-short = Vital to society
hint-society-critical = Tick if its loss could lead to a serious crisis in society, or if it is needed to manage one. This is separate from how soon it must work again.
hint-recipients = For example “residents of the care home” or “households applying for financial assistance”.
hint-person-unit = The unit where the person works. Leave empty for outside contacts.
hint-person-organisation = For outside contacts: for example the region, the police or SOS Alarm.
hint-phone = Write the number as you would dial it, for example 070-174 06 05.
hint-hosting = Decides what keeps working if the municipal network is knocked out: what runs inside goes down, what runs at a supplier or nationally may go on, but the municipality's way there (network, log-in, SITHS) can still fail. Record that way as a dependency.
hint-owner = The person in the organisation responsible for the system.

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
hosting-internal = Inside the municipal network
hosting-supplier_cloud = At a supplier (cloud)
hosting-national = National service
system-kind-it_system = IT system
system-kind-service = Service
system-kind-welfare_tech = Welfare technology
system-kind-infrastructure = Infrastructure
system-dependents = Activities that depend on the system
system-dependents-count = { $n ->
    [one] One activity is affected if the system goes down, directly or through something else that needs it.
   *[other] { $n } activities are affected if the system goes down, directly or through something else that needs it.
}
system-dependents-none = No activity is recorded as depending on the system. Record the dependencies under Dependencies.
system-dependent-stops = stops
system-dependent-by-hand = goes on by hand (fallback routine)
system-dependent-degraded = goes on, reduced
system-dependent-via = via { $via }
contact-kind-staff = Staff
contact-kind-external = Outside contact

## Dependencies
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
hint-need = Stops: the activity or system does not work at all without it, unless there is a fallback routine. Degraded: it goes on, but less well.
hint-fallback = How the work goes on without it, for example “paper list of clients and manual payments with the bank token”.
need-stops = Stops
need-degraded = Degraded
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
field-provides = Provides
hint-provides = If this system is what gives the municipality a shared resource, such as the network, log-in, e-mail or the mobile network. Scenarios about that resource then include it.

## Keys a municipality already has, matched on by an import
field-employee-number = Employee number
hint-employee-number = The number in the payroll or HR system. An import recognises the person by it.
field-unit-code = Unit code
hint-unit-code = The unit's code in the organisation chart or the ledger. An import recognises the unit by it.
field-system-code = System id
hint-system-code = The system's id in the IT department's list. An import recognises the system by it.

## Importing a register from a spreadsheet
import-err-file-type = The file is neither an Excel file (.xlsx) nor a CSV file (.csv). Save it as one of them and try again.
import-err-too-large = The file is too large (at most { $n } MB).
import-err-rows = The file has too many rows (at most { $n }). Split it.
import-err-columns = The file has too many columns (at most { $n }).
import-err-empty = The file has no rows below its column headings.
import-err-unreadable = The file cannot be read. Is it damaged? Save it again in Excel and try again.
import-err-unknown = "{ $value }" is not in the register.
import-err-ambiguous = Several records are called "{ $value }". Give the key (the employee number, for example) so that the right one is chosen.
import-err-repeated = "{ $value }" is already on row { $first } of the file.
import-row-error = Row { $row }, column { $column }: { $reason }
import-job-refused = Nothing was stored: the file has { $count ->
    [one] one error
   *[other] { $count } errors
}. Correct the file and read it in again. { $first }
import-nothing-stored = Nothing was stored: correct the rows in error and try again.
import-cli-stored = Stored.
import-cli-apply-hint = Nothing is stored yet. Run the same command with --apply to store it.
import-count-new = { $n } new
import-count-changed = { $n } changed
import-count-unchanged = { $n } unchanged
import-count-errors = { $n ->
    [one] { $n } row in error
   *[other] { $n } rows in error
}
import-count-missing = { $n ->
    [one] { $n } is in the register but not in the file (not removed: you decide)
   *[other] { $n } are in the register but not in the file (not removed: you decide)
}
import-row = row { $n }
import-empty-value = (empty)
import-title = Import from Excel/CSV
import-link = Import from Excel/CSV
import-preview-title = Preview of the import
import-intro = Read the register from an Excel file (.xlsx) or a CSV file, an export from the HR system for example. Before anything is stored you see what is new, what changes and which rows are in error.
import-step-template = 1. The template
import-template-text = The template has the column headings, an example row and lists to choose from. You can also read your own file: columns are recognised by their headings, and you can choose which column fills which field. The choice is kept for next time.
import-template-link = Download the template (.xlsx)
import-headings = Columns recognised:
import-step-upload = 2. Read the file
import-file = File (.xlsx or .csv)
import-file-hint = CSV with semicolons or commas, as Excel saves it. At most 10 MB and 5,000 rows. Nothing is stored until you have seen the preview.
import-preview-button = Preview
import-stored = The import is stored: { $added }, { $changed }.
import-preview-intro = This is how the file { $file } would change the register. Nothing is stored yet.
import-summary = Summary
import-errors-heading = Rows in error
import-mapping-heading = Columns and fields
import-mapping-hint = Choose the field each column of the file fills. The choice is kept when the import is stored and applies to the next file with the same headings.
import-column = Column { $heading }
import-ignore = (do not read)
import-repreview = Preview again
import-new-heading = New
import-changed-heading = Changes
import-field = Field
import-before = Before
import-after = After
import-missing-hint = These are in the register but not in the file. They are not removed: open them and decide whether to change or remove them.
import-upload-again = Read a corrected file
import-field-from-kind = Dependent (kind)
import-field-to-kind = Depends on (kind)

# Protected personal data
protected-person = Protected person
protected-contact-via = Contact through { $name }
protected-contact-switchboard = Contact through the switchboard
field-protected = Protected personal data
protected-title = Protected personal data
protected-note-off = Mark the person if they have a confidentiality marking, a protected population registration or assumed identity details. They are then left out of binders, crisis kits, Excel lists and the API, and only administrators, coordinators and the manager of their unit see their name and numbers. A call list says "Protected person – contact through" the unit's manager instead.
protected-note-on = The person has protected personal data. They are left out of binders, crisis kits, Excel lists and the API, and only administrators, coordinators and the manager of their unit see their name and numbers. Everyone else sees "Protected person".
protected-mark = Mark as protected
protected-unmark = Remove the mark

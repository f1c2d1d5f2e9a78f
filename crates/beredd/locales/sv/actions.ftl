### Beredd – svenska texter (standardspråk): handlingsplanen

## Handlingsplan
actions-title = Handlingsplan
actions-intro = Allt som ska göras för att stänga brister: vem, när och hur det går. Brister från självskattningen hamnar här.
actions-new = Ny åtgärd
actions-edit = Ändra åtgärd
field-action = Åtgärd
field-status = Status
field-priority = Prioritet
field-progress = Anteckningar om hur det går
field-origin = Kommer från
action-overdue = försenad
action-status-overdue = Försenad
action-origin-kind-requirement = Självskattning av krav
action-origin-kind-manual = Lagd för hand
action-origin-kind-lesson = Lärdomar
action-origin-kind-risk = Riskanalys
action-origin-kind-framework = Ramverk
action-origin-kind-review = Ledningens genomgång
action-origin-requirement = Självskattning av krav { $req }
action-origin-manual = Lagd för hand
priority-high = Hög
priority-medium = Medel
priority-low = Låg
action-origin-lesson = Lärdom från incident { $incident }
action-origin-risk = Riskanalys
action-origin-framework = Bedömning mot ramverk
action-origin-review = Beslut i ledningens genomgång { $year }
action-mine = Mina åtgärder

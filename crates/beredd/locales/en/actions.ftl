### Beredd – English texts: the action plan

## Action plan
actions-title = Action plan
actions-intro = Everything to be done to close gaps: who, by when and how it is going. Gaps from the self-assessment end up here.
actions-new = New action
actions-edit = Edit action
field-action = Action
field-status = Status
field-priority = Priority
field-progress = Notes on progress
field-origin = Comes from
action-overdue = overdue
action-status-overdue = Overdue
action-origin-kind-requirement = Self-assessment of requirements
action-origin-kind-manual = Added by hand
action-origin-kind-lesson = Lessons learned
action-origin-kind-risk = Risk analysis
action-origin-kind-framework = Frameworks
action-origin-kind-review = Management review
action-origin-requirement = Self-assessment of requirement { $req }
action-origin-manual = Added by hand
priority-high = High
priority-medium = Medium
priority-low = Low
action-origin-lesson = Lesson from incident { $incident }
action-origin-risk = Risk analysis
action-origin-framework = Assessment against a framework
action-origin-review = Decision of the management review { $year }
action-mine = My actions

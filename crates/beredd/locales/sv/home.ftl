### Beredd – svenska texter (standardspråk): startsidan

## Start
home-title = Start
home-greeting = Välkommen, { $name }.
home-your-units = Dina enheter:
home-attention = Att åtgärda
home-nothing = Inget behöver åtgärdas just nu.
home-read-only = Du kan läsa allt i registren. Behöver du ändra något, kontakta informationssäkerhetssamordnaren eller din chef.
home-registers = Register
home-my-actions = { $n ->
    [one] Mina åtgärder: en öppen
   *[other] Mina åtgärder: { $n } öppna
}

## Att åtgärda
attention-empty = Registret { $register } är tomt.
attention-unit-no-manager = Enheter utan chef:
attention-unit-no-activities = Enheter utan beskrivna verksamheter:
attention-staff-no-phone = Personal utan telefonnummer:
attention-system-no-owner = System utan systemägare:
attention-system-no-units = System som ingen enhet är kopplad till:
attention-cloud-no-supplier = System hos leverantör utan angiven leverantör:
attention-overdue-actions = Åtgärder i handlingsplanen som är försenade:
attention-unclassified = Information som inte är klassad ännu:
attention-plan-review = Kontinuitetsplaner som skulle ha setts över:
attention-binder-stale = Pärmar som är äldre än den godkända planen eller aldrig skrivits ut:
attention-plan-unapproved = Kontinuitetsplaner som inte är godkända:
attention-unit-no-plan = Enheter med kritiska verksamheter men utan kontinuitetsplan:
attention-cycle-overdue = Uppgifter i årshjulet som är försenade:
attention-top-risks = De största riskerna efter befintliga åtgärder:
attention-assessments = Nulägesanalyser mot ramverk
attention-gaps-no-action = Brister i en nulägesanalys som saknar åtgärd

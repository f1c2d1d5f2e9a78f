### Beredd – svenska texter (standardspråk): startsidan

## Start
home-title = Start
home-greeting = Välkommen, { $name }.
home-your-units = Dina enheter:
home-attention = Att åtgärda
attention-severity-urgent = Brådskande
attention-severity-important = Viktigt
attention-severity-todo = Att göra
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
attention-backup-stale = Den senaste säkerhetskopian är äldre än två dagar (tagen):
attention-break-glass-used = Nödkonton har använts för att logga in förbi kommunens inloggning de senaste två veckorna:
attention-backup-none = De schemalagda säkerhetskopiorna har ännu inte skrivit någon kopia till mappen:
attention-unclassified = Information som inte är klassad ännu:
attention-plan-review = Kontinuitetsplaner som skulle ha setts över:
attention-binder-stale = Pärmar som är äldre än den godkända planen eller aldrig skrivits ut:
attention-plan-unapproved = Kontinuitetsplaner som inte är godkända:
attention-unit-no-plan = Enheter med kritiska verksamheter men utan kontinuitetsplan:
attention-cycle-overdue = Uppgifter i årshjulet som är försenade:
attention-document-review = Styrdokument som ska ses över snart eller redan skulle ha setts över:
attention-training-due = Utbildningar som ska göras:
attention-document-unread = Styrdokument som du ännu inte har bekräftat att du har läst:
attention-top-risks = De största riskerna efter befintliga åtgärder:
attention-assessments = Nulägesanalyser mot ramverk:
attention-gaps-no-action = Brister i en nulägesanalys som saknar åtgärd:
a11y-link = Tillgänglighetsredogörelse
a11y-title = Tillgänglighetsredogörelse för Beredd
a11y-intro = { $org } använder Beredd för informationssäkerhet och kontinuitet och vill att alla som arbetar med det ska kunna använda det. Här står hur Beredd uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan säga till om något inte fungerar för dig.
a11y-status-heading = Hur tillgängligt är Beredd?
a11y-status = Beredd uppfyller delvis kraven i standarden för tillgänglighet (EN 301 549, som bygger på WCAG 2.1 nivå AA). Webbsidorna går att använda med tangentbord, skärmläsare och förstoring och på en mobiltelefon. Bristerna nedan gör att Beredd ännu inte uppfyller alla krav.
a11y-gaps-heading = Kända brister
a11y-gap-pdf = Utskrifterna som PDF (pärmen, rapporter och protokoll) är inte taggade för skärmläsare. Samma innehåll finns på webbsidorna.
a11y-gap-tables = Breda tabeller går att rulla i sidled inom tabellen på en smal skärm, i stället för att radbrytas.
a11y-gap-dates = Datum har en datumväljare som också tar emot skriven text, men tidpunkter (datum och klockslag i svensk tid) skrivs in som text, ÅÅÅÅ-MM-DD TT:MM, eftersom timmen som upprepas i oktober måste kunna märkas sommartid eller vintertid.
a11y-gap-live = När lägestavlan uppdateras direkt meddelas inte varje ändring för skärmläsare.
a11y-contact-heading = Om du inte kan använda någon del av Beredd
a11y-contact = Säg till { $org }s informationssäkerhetssamordnare eller din chef, så får du innehållet på annat sätt och vi kan rätta bristen. Där kan du också rapportera brister du hittar.
a11y-supervision-heading = Tillsyn
a11y-supervision = Myndigheten för digital förvaltning (DIGG) har tillsyn över lagen om tillgänglighet till digital offentlig service. Är du inte nöjd med hur dina synpunkter har tagits om hand kan du kontakta DIGG.
a11y-testing-heading = Hur vi har testat Beredd
a11y-testing = Varje sida testas automatiskt med verktyget axe i webbläsaren Chromium, i bredden 1280 och 360 bildpunkter, och med tangentbord. Sidornas HTML kontrolleras med W3C:s validerare Nu HTML Checker. Testerna körs vid varje ändring av programmet.
a11y-updated = Redogörelsen uppdaterades senast den 6 december 2026.
home-attention-more = Visa { $n } till

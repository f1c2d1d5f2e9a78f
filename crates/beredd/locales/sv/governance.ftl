## Uppföljning: registret över behandlingar (GDPR art. 30)

nav-processing = Register över behandlingar
nav-retention = Gallring
nav-kit-dpia = Den digitala krispärmens konsekvensbedömning
gdpr-title = Register över behandlingar av personuppgifter
gdpr-intro = Registret enligt dataskyddsförordningen artikel 30.1, sammanställt från informationsmängderna som innehåller personuppgifter. Kommunen är personuppgiftsansvarig. Säkerhetsåtgärderna är de krav som informationens klassning ger, och hur många av dem som är uppfyllda i de system som har informationen. Det som saknas fyller informationsägaren i på informationsmängden.
gdpr-controller = Personuppgiftsansvarig
gdpr-dpo = Dataskyddsombud
gdpr-dpo-hint = Personen i registret som är kommunens dataskyddsombud. Visas i registret över behandlingar, och en användare som är kopplad till personen kan ladda ner registret.
gdpr-no-dpo = Inget dataskyddsombud är valt.
gdpr-choose-dpo = Välj på sidan Organisation
gdpr-export-xlsx = Ladda ner som Excel
gdpr-export-pdf = Ladda ner som PDF
gdpr-mine = Att komplettera för dig
gdpr-entries = Behandlingar
gdpr-count = { $all } poster, varav { $complete } fullständiga.
gdpr-entry = Behandling
gdpr-owner = Informationsägare
gdpr-purpose = Ändamål med behandlingen
gdpr-legal-basis = Rättslig grund (art. 6.1)
gdpr-special-basis = Undantag för känsliga personuppgifter (art. 9.2)
gdpr-subjects = Kategorier av registrerade
gdpr-data-categories = Kategorier av personuppgifter
gdpr-recipients = Mottagare
gdpr-transfers = Överföring till land utanför EU/EES
gdpr-transfer-details = Vart och till vem uppgifterna förs över
gdpr-retention = Lagringstid och gallring
gdpr-measures = Säkerhetsåtgärder
gdpr-measures-text = Klassning { $levels }: { $met } av { $all } krav uppfyllda i alla system som har informationen
gdpr-systems = System
gdpr-missing = Saknas
gdpr-missing-owner = Informationsägare
gdpr-missing-classification = Klassning
gdpr-not-filled = Inte ifyllt
gdpr-not-given = (inte angivet)
gdpr-hint = Fylls i för information med personuppgifter: den blir en post i registret över behandlingar (Uppföljning).
gdpr-file = Register över behandlingar
gdpr-sheet = Behandlingar
gdpr-code-6-1a = Samtycke (art. 6.1 a)
gdpr-code-6-1b = Avtal med den registrerade (art. 6.1 b)
gdpr-code-6-1c = Rättslig förpliktelse (art. 6.1 c)
gdpr-code-6-1d = Intresse av grundläggande betydelse för någons liv (art. 6.1 d)
gdpr-code-6-1e = Uppgift av allmänt intresse eller myndighetsutövning (art. 6.1 e)
gdpr-code-6-1f = Berättigat intresse (art. 6.1 f; inte för myndighetens egna uppgifter)
gdpr-code-9-2a = Uttryckligt samtycke (art. 9.2 a)
gdpr-code-9-2b = Arbetsrätt, social trygghet och socialt skydd (art. 9.2 b)
gdpr-code-9-2c = Skydda någons liv när samtycke inte kan ges (art. 9.2 c)
gdpr-code-9-2d = Ideell organisations verksamhet (art. 9.2 d)
gdpr-code-9-2e = Uppgifter som den registrerade själv har offentliggjort (art. 9.2 e)
gdpr-code-9-2f = Rättsliga anspråk (art. 9.2 f)
gdpr-code-9-2g = Viktigt allmänt intresse med stöd i lag (art. 9.2 g)
gdpr-code-9-2h = Hälso- och sjukvård och social omsorg (art. 9.2 h)
gdpr-code-9-2i = Folkhälsa (art. 9.2 i)
gdpr-code-9-2j = Arkiv, forskning och statistik (art. 9.2 j)
gdpr-code-none = Ingen överföring utanför EU/EES
gdpr-code-adequacy = Till land med adekvat skyddsnivå (art. 45)
gdpr-code-safeguards = Med lämpliga skyddsåtgärder, till exempel standardavtalsklausuler (art. 46)
gdpr-code-derogation = Undantag i särskilda situationer (art. 49)
ref-dpo = Dataskyddsombud för organisationen

## Uppföljning: styrdokument och läsbekräftelser

nav-documents = Styrdokument
document-list-title = Styrdokument
document-list-intro = Policyer, riktlinjer, rutiner och instruktioner till medarbetarna. Den som dokumentet gäller bekräftar att den har läst den senaste versionen, med sitt konto eller med en personlig länk i telefonen.
document-none = Det finns inga styrdokument ännu.
document-new = Nytt styrdokument
document-new-title = Nytt styrdokument
document-edit = Ändra uppgifter
document-edit-title = Ändra { $title }
document-back = Tillbaka till dokumentet
document-kind-policy = Policy
document-kind-guideline = Riktlinje
document-kind-routine = Rutin
document-kind-instruction = Instruktion
document-whole-org = Hela organisationen
document-coverage = { $read } av { $all } har läst
document-no-version = Ingen version ännu
document-no-version-intro = Dokumentet har ingen text ännu. Lägg till en version som text eller ladda upp en fil.
document-mine-read = Du har läst
document-mine-unread = Att läsa
document-review-due = dags att se över
document-col-version = Version
document-col-reading = Läst
document-col-when = Skapad
document-col-compare = Jämför
document-col-link = Ny länk
document-col-person = Namn
document-col-read = Läst
document-col-address = Personlig länk
document-field-title = Titel
document-field-kind = Typ
document-field-owner = Ägare
document-field-decided_by = Beslutad av
document-hint-decided_by = Till exempel Kommunfullmäktige, Kommunstyrelsen eller förvaltningschefen.
document-field-decided_on = Beslutsdatum
document-field-decision_ref = Diarienummer eller paragraf
document-field-review_on = Ska ses över senast
document-hint-review_on = ÅÅÅÅ-MM-DD. Visas på startsidan en månad innan och i årshjulet.
document-field-units = Gäller för enheter
document-hint-units = Gäller också enheterna under de valda. Välj ingen om dokumentet gäller hela organisationen.
document-field-roles = Gäller för roller
document-hint-roles = Till exempel Alla medarbetare, Chefer eller Systemförvaltare.
document-field-body = Text
document-hint-body = Vanlig text. En rad som börjar med # blir en rubrik och rader som börjar med - blir en punktlista. Kan lämnas tom om dokumentet ska laddas upp som fil.
document-field-note = Vad har ändrats
document-hint-note = En kort rad som syns i versionshistoriken.
document-field-file = Fil
document-hint-file = PDF, Word, Excel, OpenDocument, bild eller text, högst 10 MB.
document-decision = Beslut
document-current = Gällande version: { $n }
document-version-by = Skapad { $when } av { $by }
document-version-n = Version { $n }
document-version-title = { $title }, version { $n }
document-versions = Versioner
document-compare = med version { $n }
document-download = Ladda ner { $name }
document-diff-title = Ändringar i { $title }
document-version-new = Ny version
document-version-new-title = Ny version av { $title }
document-version-new-intro = Den nya versionen får nummer { $n }. Alla som dokumentet gäller får bekräfta igen att de har läst den.
document-version-as-text = Som text
document-version-as-file = Som fil
document-version-save = Spara ny version
document-upload = Ladda upp som ny version
document-ack-heading = Har du läst dokumentet?
document-ack-intro = Dokumentet gäller dig. Läs version { $n } och bekräfta att du har läst och förstått den.
document-ack-button = Jag har läst och förstått
document-ack-done = Du bekräftade { $at } att du har läst den här versionen.
document-ack-no-person = Dokumentet gäller alla medarbetare. För att kunna bekräfta att du har läst det behöver ditt konto vara kopplat till dig i personregistret, under
document-flash-read = Tack! Din läsbekräftelse är sparad.
document-reading-heading = Vilka har läst
document-reading-intro = Medarbetarna i de enheter du ansvarar för som dokumentet gäller. Kryssa i dem som ska få en personlig länk (de som inte har läst är ikryssade) och skriv ut listan eller skicka länkarna. En ny länk ersätter personens tidigare länk till dokumentet.
document-unit-summary = { $read } av { $all } har läst version { $version }.
document-not-read = Inte läst
document-link-for = Ny personlig länk till { $name }
document-link-valid = Har en länk som gäller till { $until }
document-links-make = Skapa personliga länkar
document-links-title = Personliga länkar till { $title }
document-links-intro = Länkarna visas bara nu. Skriv ut sidan eller skicka varje länk till rätt person. De gäller till { $until }.
document-links-about = Den som öppnar en länk ser bara den senaste versionen av { $title } och kan bekräfta att den har läst den, utan att logga in. Skapa en ny länk om någon har tappat bort sin.
document-read-version = Version { $n }
document-read-thanks = Tack! Din läsbekräftelse är sparad.
document-read-gone-title = Länken har gått ut
document-read-gone = Den här länken gäller inte längre. Be din chef om en ny länk till dokumentet.
document-cycle-heading = Styrdokument som ska ses över { $year }

# Gallring av avslutade incidenter
retention-title = Gallring
retention-intro = När en incident eller övning har varit avslutad en viss tid gallras det Beredd vet om personer i den. Först visas vad som skulle gallras; ingenting ändras förrän en administratör trycker på knappen.
retention-rule-heading = Regeln
retention-rule = Avslutade incidenter och övningar gallras { $months } månader efter att de avslutades, enligt beslut: { $decision }.
retention-no-decision = inget beslut angivet
retention-what-1 = Varje loggposts text ersätts av ”Gallrad <datum> enligt beslut <beslut>” och motiveringen tas bort. Posten behåller sin plats och sin kontrollsumma i kedjan, så loggen går fortfarande att kontrollera; en ändrad markering syns.
retention-what-2 = Krisledningens telefonnummer, vilka i personalen som nåtts, mediernas kontaktuppgifter och en övnings deltagare tas bort.
retention-what-3 = Rubriken, beskrivningen, vem som fattade besluten, mötesprotokollen, rapporterna och lärdomarna finns kvar: de visar vad kommunen gjorde.
retention-what-4 = Övningar gallras efter samma regel som incidenter, eftersom de nämner samma personal. En pågående incident gallras aldrig.
retention-field-months = Gallra efter (månader)
retention-hint-months = Räknat från den dag incidenten avslutades. 1–120 månader; 24 om ni inte bestämt annat.
retention-field-decision = Beslut om gallring
retention-hint-decision = Diarienummer eller punkt i dokumenthanteringsplanen, till exempel ”KS 2026/123”. Det skrivs in i varje gallrad post, och utan det gallras ingenting.
retention-save = Spara regeln
retention-due-heading = Det här skulle gallras nu
retention-cutoff = Incidenter som avslutades före { $date } gallras.
retention-total = { $n ->
    [one] En incident eller övning
   *[other] { $n } incidenter och övningar
}
retention-none-due = Ingenting att gallra just nu.
retention-col-incident = Incident
retention-col-kind = Typ
retention-col-closed = Avslutad
retention-col-holds = Det som gallras
retention-kind-incident = Incident
retention-kind-exercise = Övning
retention-holds-entries = { $n ->
    [one] en loggpost
   *[other] { $n } loggposter
}
retention-holds-phones = { $n ->
    [one] ett telefonnummer i bemanningen
   *[other] { $n } telefonnummer i bemanningen
}
retention-holds-reached = { $n ->
    [one] en markering om nådd personal
   *[other] { $n } markeringar om nådd personal
}
retention-holds-contacts = { $n ->
    [one] en kontaktuppgift till media
   *[other] { $n } kontaktuppgifter till media
}
retention-holds-participants = övningens deltagare
retention-apply = Gallra nu
retention-apply-hint = Gallringen kan inte ångras. Den förs in i ändringsloggen med vem, när och hur många poster.
retention-admin-only = Bara en administratör kan gallra.
retention-needs-decision = Ange vilket beslut gallringen följer innan ni gallrar.
retention-cli = Från kommandoraden: beredd gallra visar samma lista, och beredd gallra --apply gallrar.
retention-marker = Gallrad { $date } enligt beslut { $decision }
retention-done-flash = { $n ->
    [one] En loggpost gallrades. Loggarna går fortfarande att kontrollera.
   *[other] { $n } loggposter gallrades. Loggarna går fortfarande att kontrollera.
}
retention-cli-rule = Regel: gallra { $months } månader efter avslut (avslutade före { $cutoff }), beslut: { $decision }.
retention-cli-due = { $n } incidenter att gallra, { $entries } loggposter.
retention-done = Gallrat: { $n } incidenter, { $entries } loggposter.

# Konsekvensbedömning för den digitala krispärmen
kit-note-title = Den digitala krispärmens konsekvensbedömning
kit-note-intro = Underlag till konsekvensbedömningen (artikel 35 i dataskyddsförordningen) för den digitala krispärmen: filen som personalen har på sina telefoner för att kunna läsa planerna och ringlistorna när allt annat ligger nere. Läs den tillsammans med Beredds post i registret över behandlingar.
kit-note-assessment = Bedömningen
kit-note-purpose = Ändamål
kit-note-purpose-text = Att chefer och krisledning ska kunna nå sin personal och följa reservrutinerna när kommunens nätverk och system inte fungerar, som i Kalix 2021 då bara mobiltelefonerna fungerade.
kit-note-data = Uppgifter i den digitala krispärmen
kit-note-data-text = Ringlistor med namn, befattning och telefonnummer, i vissa fall privata nummer till personal som ska kunna nås utanför arbetstid; kontaktuppgifter till leverantörer och myndigheter; reservrutiner. Inga uppgifter om brukare. Personer med skyddade personuppgifter finns inte med.
kit-note-where = Var filen finns
kit-note-where-text = Som en krypterad fil på mottagarnas telefoner, ofta privata telefoner som kommunen inte förvaltar. Kommunen kan inte radera en fil som har lämnats ut; den går bara att göra oläslig genom att lösenfrasen är okänd för den som har filen.
kit-note-risks = Risker
kit-note-risks-text = Att en telefon tappas bort eller byter ägare, att någon som slutat fortfarande har filen och lösenfrasen, att lösenfrasen sprids, och att gamla filer med inaktuella nummer används.
kit-note-measures = Skyddsåtgärder
kit-note-measures-text = Filen är krypterad med AES-256-GCM under en lösenfras som Beredd aldrig sparar; varje fil får ett fingeravtryck så att en kopia kan kännas igen; filen varnar när den är äldre än det antal dagar som valdes; vem som fått varje fil antecknas här; lösenfrasen byts när någon som fått en fil slutar, och då görs nya filer.
kit-note-protected = Skyddade personuppgifter
kit-note-protected-text = En person som är markerad med skyddade personuppgifter kommer aldrig med i den digitala krispärmen. På ringlistan står ”Skyddad person – kontakta via” enhetens chef i stället.
kit-note-checklist = När någon slutar
kit-note-check-1 = Ta bort personen ur personregistret när hen slutar; det syns nedan.
kit-note-check-2 = Har hen fått en digital krispärm: välj en ny lösenfras och gör nya digitala krispärmar till dem som ska ha en.
kit-note-check-3 = Be mottagarna radera de gamla filerna, och lämna den nya lösenfrasen muntligt eller i ett förseglat kuvert, aldrig tillsammans med filen.
kit-note-check-4 = Ange nedan vilken dag lösenfrasen byttes. Digitala krispärmar som gjordes före dess markeras som att de ska ersättas.
kit-note-changed = Lösenfrasen byttes senast { $date } (bekräftat av { $by }).
kit-note-never-changed = Ingen har ännu bekräftat att lösenfrasen har bytts.
kit-note-field-changed = Lösenfrasen byttes den
kit-note-hint-changed = Dagen då de nya digitala krispärmarna gjordes med den nya lösenfrasen. Inte ett datum i framtiden.
kit-note-confirm = Bekräfta bytet
kit-note-alert = { $name } fick en digital krispärm och togs bort ur personregistret { $date }. Byt lösenfras och gör nya digitala krispärmar.
kit-note-departures = Borttagna ur personregistret sedan lösenfrasen byttes
kit-note-no-departures = Ingen har tagits bort sedan dess.
kit-note-kits = Digitala krispärmar som har gjorts
kit-note-no-kits = Inga digitala krispärmar har gjorts ännu.
kit-note-no-recipients = inte antecknat
kit-note-col-made = Gjord
kit-note-col-by = Av
kit-note-col-scope = Enheter
kit-note-col-recipients = Mottagare
kit-note-col-state = Läge
kit-note-replace = Ska ersättas
kit-note-current = Aktuell
kit-note-see-register = Beredds post i registret över behandlingar
kit-note-make-kit = Gör en ny digital krispärm

## Uppföljning: utbildningar

nav-training = Utbildningar
training-title = Utbildningar
training-intro = Utbildningar som medarbetarna ska gå, vilka som har gått dem och när det är dags igen. Cybersäkerhetslagen (2025:1506) räknar grundläggande cyberhygien och utbildning i cybersäkerhet till kommunens säkerhetsåtgärder (2 kap. 3 § punkt 7) och kräver att de som ingår i ledningen utbildas om säkerhetsåtgärderna (2 kap. 4 §). Den som har varit med i en övning i Beredd räknas som utbildad i krisledningsstabens övning den dagen.
training-new = Ny utbildning
training-new-title = Ny utbildning
training-edit = Ändra utbildningen
training-edit-title = Ändra { $name }
training-form-intro = Beskriv utbildningen, hur ofta den ska gås och vilka som ska gå den. Bara medarbetare räknas, inte externa kontakter.
training-none = Det finns inga utbildningar ännu.
training-mine = Dina utbildningar
training-courses = Utbildningar som ska gås
training-coverage = Genomfört per enhet
training-coverage-intro = Hur många av dem som ska gå utbildningen som har gått den och fortfarande har en giltig utbildning. Varje medarbetare räknas på sin egen enhet.
training-due = Utbildningar som ska göras
training-due-none = Alla har gått de utbildningar de ska gå.
training-export-xlsx = Ladda ner listan som Excel
training-file = Utbildningar att göra
training-sheet = Att göra
training-kind-cyber_hygiene = Cyberhygien för medarbetare
training-kind-fallback_routines = Enhetens reservrutiner
training-kind-crisis_exercise = Krisledningsstabens övning
training-kind-management = Ledningens utbildning (cybersäkerhetslagen 2 kap. 4 §)
training-kind-other = Annan utbildning
training-audience-all = Alla medarbetare
training-audience-units = Medarbetarna på valda enheter
training-audience-people = Utvalda personer, till exempel ledningen eller krisledningsstaben
training-audience-people-n = { $n ->
    [one] En utvald person
   *[other] { $n } utvalda personer
  }
training-every = { $n ->
    [1] Varje månad
    [12] Varje år
    [24] Vartannat år
    [36] Vart tredje år
   *[other] Var { $n }:e månad
  }
training-once = En gång räcker
training-missing = Har inte gått den
training-expired = Gick ut { $date }
training-due-soon = Går ut { $date }
training-valid-until = Gäller till { $date }
training-done = Genomförd
training-no-unit = Ingen enhet
training-count = { $done } av { $all }
training-field-name = Namn
training-field-kind = Typ
training-hint-kind = Ledningens utbildning är den som cybersäkerhetslagen 2 kap. 4 § kräver. Till krisledningsstabens övning räknas också alla som har varit med i en övning i Beredd.
training-field-description = Beskrivning
training-hint-description = Vad utbildningen tar upp och hur den går till. En rad som börjar med # blir en rubrik och rader som börjar med - en punktlista.
training-field-every_months = Ska gås igen efter antal månader
training-hint-every_months = Högst { $n } månader. Lämna tomt om det räcker att gå utbildningen en gång.
training-field-audience = Vem ska gå utbildningen
training-field-units = Enheter
training-hint-units = När utbildningen gäller valda enheter: medarbetarna på enheterna och på enheterna under dem.
training-field-people = Personer
training-hint-people = När utbildningen gäller utvalda personer, till exempel kommunens ledning eller krisledningsstaben.
training-col-every = Hur ofta
training-col-applies = Gäller
training-col-coverage = Har gått
training-col-person = Person
training-col-course = Utbildning
training-col-standing = Läge
training-col-last = Senast genomförd
training-col-done = Har gått
training-col-percent = Andel
training-col-source = Registrerad av
training-col-remove = Ta bort
training-status = Vilka som har gått utbildningen
training-status-none = Ingen som du ser ska gå utbildningen.
training-record = Registrera genomförd utbildning
training-record-intro = Kryssa i dem som har gått utbildningen och skriv vilken dag.
training-record-button = Registrera
training-field-completed_on = Datum
training-field-note = Anteckning
training-hint-note = Till exempel vem som höll i utbildningen eller var den hölls.
training-field-participants = Deltagare
training-hint-participants = De som ska gå utbildningen och som du kan registrera för.
training-completions = Genomförda
training-completions-none = Ingen har registrerats som genomförd ännu.
training-from-exercise-short = övning
training-from-exercise = Övning
training-exercise-link = Övning: { $title }
training-remove = Ta bort
training-flash-recorded = Utbildningen är registrerad.
training-law-cyber_hygiene = Enligt cybersäkerhetslagen (2025:1506) 2 kap. 3 § punkt 7 hör grundläggande cyberhygien och utbildning i cybersäkerhet till de säkerhetsåtgärder som kommunen ska vidta. Det gäller all personal, även vikarier.
training-law-management = Enligt cybersäkerhetslagen (2025:1506) 2 kap. 4 § ska de som ingår i kommunens ledning gå en utbildning om säkerhetsåtgärderna. Skriv vilka som räknas till ledningen genom att välja dem som personer. Kommunfullmäktige omfattas inte.
training-law-crisis_exercise = Den som har varit med i en övning i Beredd, som deltagare eller i krisledningsstaben, räknas som utbildad den dag övningen hölls. Namnet måste stå likadant som i personregistret.
training-unit-title = Utbildningar på { $unit }
training-unit-due = { $n ->
    [0] Ingen på enheten har någon utbildning att göra.
    [one] En utbildning ska göras på enheten.
   *[other] { $n } utbildningar ska göras på enheten.
  }
training-unit-status = Medarbetarnas utbildningar
training-unit-none = Ingen på enheten ska gå någon utbildning.
training-cycle-heading = Utbildningar som ska göras { $year }
training-cycle-never = { $n ->
    [one] en person har inte gått den
   *[other] { $n } personer har inte gått den
  }
training-cycle-people = { $n ->
    [one] en person
   *[other] { $n } personer
  }

## Ledningens genomgång
nav-review = Ledningens genomgång
review-title = Ledningens genomgång
review-title-year = Ledningens genomgång { $year }
review-intro = Ledningens genomgång följer upp årets arbete med informationssäkerhet och kontinuitet. Siffrorna hämtas ur registren; under varje avsnitt skriver ni ledningens beslut, ett per rad. Ett beslut kan bli en åtgärd i handlingsplanen.
review-show = Visa året
review-field-year = År
review-pdf = Ladda ned som PDF
review-saved-years = Sparade genomgångar
review-contents = Innehåll
review-meeting = Mötet
review-field-held-on = Datum för mötet
review-field-participants = Deltagare
review-hint-participants = En person per rad, gärna med roll, till exempel Eva Ek, kommundirektör.
review-figures-of = Siffror: { $section }
review-col-figure = Uppgift
review-col-change = Förändring
review-not-counted = kan inte räknas fram
review-decisions = Ledningens beslut
review-no-decisions = Inga beslut är sparade.
review-decision-action = åtgärd { $id }
review-save = Spara genomgången
review-not-held = Genomgången för året är inte sparad ännu.
review-saved = Sparad { $date } av { $name }.
review-as-of = Siffrorna gäller { $date } och jämförs med läget vid slutet av { $previous } där det går att räkna fram.
review-file = Ledningens genomgång
review-flash-actions = { $n ->
    [0] Inga nya åtgärder lades till i handlingsplanen.
    [one] En ny åtgärd lades till i handlingsplanen.
   *[other] { $n } nya åtgärder lades till i handlingsplanen.
}
review-field-decisions = Ledningens beslut – { $section }
review-hint-decisions = Ett beslut per rad, högst 200 tecken per beslut. Minst ett beslut i något avsnitt behövs för att spara genomgången.
review-field-actions = Gör nya beslut i avsnittet till åtgärder i handlingsplanen
review-action-notes = Beslut i ledningens genomgång { $year } ({ $section }).
review-audit-summary = Ledningens genomgång { $year }
review-note-today = Siffrorna visar läget i dag: registren sparar inte hur det såg ut vid slutet av { $year }.
review-change-same = lika många som förra året
review-change-more = { $n ->
    [one] en fler än förra året
   *[other] { $n } fler än förra året
}
review-change-fewer = { $n ->
    [one] en färre än förra året
   *[other] { $n } färre än förra året
}

review-section-classification = Informationsklassning
review-section-assessment = Självskattning och ramverk
review-section-plans = Kontinuitetsplaner
review-section-exercises = Övningar och incidenter
review-section-risks = De största riskerna
review-section-actions = Handlingsplanen
review-section-training = Utbildning
review-section-reading = Styrdokument och läsbekräftelser
review-section-reporting = Rapporteringsplikter

review-fig-assets = Informationstillgångar
review-fig-classified = Klassade
review-fig-unclassified = Saknar klassning
review-fig-level-0 = Högsta nivå 0 (ingen eller försumbar)
review-fig-level-1 = Högsta nivå 1 (måttlig)
review-fig-level-2 = Högsta nivå 2 (betydande)
review-fig-level-3 = Högsta nivå 3 (allvarlig)
review-fig-level-4 = Högsta nivå 4 (synnerligen allvarlig)
review-fig-systems = System med klassad information
review-fig-requirements = Krav att uppfylla
review-fig-met = Uppfyllda eller inte tillämpliga
review-fig-partly = Delvis uppfyllda
review-fig-not-met = Inte uppfyllda
review-fig-unanswered = Inte besvarade
review-fig-framework-assessments = Bedömningar mot ramverk
review-fig-plans = Kontinuitetsplaner
review-fig-plans-approved = Godkända
review-fig-plans-unapproved = Inte godkända
review-fig-plans-overdue = Granskningsdatum passerat
review-fig-binders-stale = Pärmen inte utskriven efter senaste godkännandet
review-fig-incidents = Incidenter
review-fig-exercises = Övningar
review-fig-lessons = Lärdomar
review-fig-lesson-actions = Lärdomar som blev åtgärder
review-fig-duties = Rapporteringsplikter
review-fig-duties-on-time = Uppfyllda i tid
review-fig-duties-late = Rapporterade för sent
review-fig-duties-missed = Inte rapporterade, tiden har gått ut
review-fig-duties-open = Tiden löper fortfarande
review-fig-risks = Risker
review-fig-risks-critical = Kritisk restrisk
review-fig-risks-high = Hög restrisk
review-fig-risks-medium = Medelhög restrisk
review-fig-risks-low = Låg restrisk
review-fig-actions = Åtgärder
review-fig-actions-done = Klara
review-fig-actions-open = Planerade eller pågående
review-fig-actions-overdue = Försenade
review-fig-documents = Styrdokument med en gällande version
review-fig-documents-review = Ska ses över inom en månad eller är försenade
review-fig-read = Läsbekräftelser
review-fig-read-expected = Anställda som ska läsa, räknat per dokument

review-sum-classification = { $unclassified } av { $all } informationstillgångar saknar klassning
review-sum-classification-none = Det finns inga informationstillgångar i registret
review-sum-classification-serious = { $n } har nivå 3 eller 4 på någon aspekt
review-sum-assessment = { $met } av { $all } krav är uppfyllda eller inte tillämpliga i { $systems } system
review-sum-plans = { $approved } av { $all } kontinuitetsplaner är godkända
review-sum-plans-none = Det finns inga kontinuitetsplaner
review-sum-plans-due = { $overdue } har passerat sitt granskningsdatum och { $stale } saknar en aktuell utskrift i pärmen
review-sum-exercises = { $incidents ->
    [one] En incident
   *[other] { $incidents } incidenter
} och { $exercises ->
    [one] en övning
   *[other] { $exercises } övningar
} under { $year }
review-sum-exercises-before = Förra året: { $incidents ->
    [one] en incident
   *[other] { $incidents } incidenter
} och { $exercises ->
    [one] en övning
   *[other] { $exercises } övningar
}
review-sum-lessons = { $lessons ->
    [one] En lärdom är nedskriven
   *[other] { $lessons } lärdomar är nedskrivna
}, varav { $actions } blev åtgärder
review-sum-reporting = { $on_time } av { $all } rapporteringsplikter uppfylldes i tid
review-sum-reporting-none = Ingen incident under { $year } krävde rapportering
review-sum-risks = { $serious } av { $all } risker har hög eller kritisk restrisk
review-sum-actions = { $done } av { $all } åtgärder är klara och { $overdue } är försenade
review-sum-reading = { $read } av { $all } läsbekräftelser är gjorda ({ $percent } %)
review-sum-reading-none = { $documents } styrdokument gäller, men inga anställda är registrerade att läsa dem

review-item-framework = { $title }: { $all } krav, varav { $yes } uppfyllda, { $partly } delvis uppfyllda och { $no } inte uppfyllda
review-item-plan-overdue = { $name }: granskningsdatumet har passerat
review-item-binder-stale = { $name }: pärmen är inte utskriven efter senaste godkännandet
review-item-exercise = Övning { $date }: { $title }
review-item-incident = Incident { $date }: { $title }
review-item-lesson-action = blev en åtgärd
review-item-duty-late = { $incident }: { $duty } skickades för sent
review-item-duty-missed = { $incident }: { $duty } har inte skickats och tiden har gått ut
review-item-risk = { $threat } ({ $analysis }): restrisk { $level }
review-item-action-overdue = { $title }, skulle vara klar { $due }
review-item-document = { $title }: { $read } av { $all } har läst

review-note-classification = Jämförelsen med { $year } räknas ur dagens register med datumen för när tillgångarna lades till och klassades. Tillgångar som tagits bort sedan dess finns inte med.
review-note-plans = För { $year } räknas planerna och godkännandena ur versionernas datum. Granskningsdatum och utskrifter sparas bara som de är nu och jämförs inte.
review-why-assessment = Självskattningen sparar bara det senaste svaret på varje krav, så läget förra året går inte att räkna fram.
review-why-risks = En risk sparas bara med sin senaste bedömning, så förra årets risker går inte att räkna fram.
review-why-actions = Handlingsplanen sparar inte när en åtgärd blev klar, så förra årets läge går inte att räkna fram.
review-why-reading = Läsbekräftelser gäller den version som är aktuell nu, så förra årets läge går inte att räkna fram.

review-fig-courses = Utbildningar i registret
review-fig-training-required = Utbildningar som krävs, räknat per person och utbildning
review-fig-training-done = Gjorda och giltiga
review-sum-training = { $done } av { $all } utbildningar som krävs är gjorda och giltiga ({ $percent } %)
review-sum-training-none = { $courses } utbildningar finns i registret, men ingen personal är registrerad att gå dem
review-item-training = { $course }: { $done } av { $all } har gått den
review-note-training = Förra årets siffror räknas med de genomförda utbildningarna som var registrerade vid årets slut, men med dagens personal och dagens krav på vilka som ska gå dem. Ledningens egen utbildning enligt cybersäkerhetslagen (2 kap. 4 §) står som en egen utbildning i listan när den är registrerad.

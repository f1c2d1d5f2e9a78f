### Beredd – svenska texter (standardspråk): navigering, knappar, allmänna ord, fel i formulär och texter som flera områden använder

## Sidans ram och navigering
skip-to-content = Hoppa till innehållet
nav-label = Huvudmeny
nav-menu = Meny
nav-home = Start
nav-units = Enheter
nav-activities = Verksamheter
nav-people = Personer och kontakter
nav-systems = System och tjänster
nav-suppliers = Leverantörer
nav-audit = Händelselogg
nav-users = Användare
nav-organisation = Organisation
nav-backups = Säkerhetskopior
nav-api = API
nav-login-settings = Inloggning
footer-text = Beredd – informationssäkerhet och kontinuitet för kommunen.
nav-resources = Resurser
nav-dependencies = Beroenden
nav-outage = Avbrottsanalys
nav-scenarios = Scenarier
nav-requirements = Krav
nav-assets = Information
nav-actions = Handlingsplan
nav-overview = Översikt
nav-plan-templates = Planmallar
nav-plans = Kontinuitetsplaner
nav-kit = Digital krispärm
nav-incidents = Händelser och krisledning
nav-cycle = Årshjul
nav-risks = Risker
nav-frameworks = Ramverk

## Allmänt
yes = Ja
no = Nej
filter-all = Alla
choice-none = (ingen)
choice-none-top = (ingen – högsta nivån)
choice-pick = Välj …
field-required = obligatorisk
error-prefix = Fel:
lesson-action-link = åtgärd
recovery-table = Siffrorna som tabell

## Knappar
action-save = Spara
action-cancel = Avbryt
action-edit = Ändra
action-delete = Ta bort
action-back = Tillbaka
action-add = Lägg till
action-filter = Visa
action-logout = Logga ut

## Meddelanden efter en ändring
flash-created = Sparat. Posten är skapad.
flash-saved = Ändringarna är sparade.
flash-deleted = Posten är borttagen.
flash-password = Lösenordet är bytt.
flash-classified = Klassningen sparades som version { $n }.
flash-appear = { $n ->
    [one] 1 krav tillkom
   *[other] { $n } krav tillkom
}
flash-disappear = { $n ->
    [one] och 1 föll bort.
   *[other] och { $n } föll bort.
}
flash-uploaded = Filen laddades upp.

## Listor och formulär
list-search = Sök
list-count = { $n ->
    [one] 1 post
   *[other] { $n } poster
}
list-showing = Visar { $from }–{ $to } av { $total }
list-prev = Föregående sida
list-next = Nästa sida
list-empty = Inget att visa.
form-errors = Något behöver rättas innan det går att spara
delete-title = Ta bort { $name }
delete-confirm = Vill du ta bort ”{ $name }”? Det går inte att ångra, men borttagningen sparas i händelseloggen.
delete-refused = ”{ $name }” kan inte tas bort eftersom annat pekar på den. Ändra eller ta bort dessa först:
list-export = Hämta listan som Excel-fil

## Det som hindrar en borttagning
ref-unit = Enhet
ref-activity = Verksamhet
ref-person = Person
ref-system = System
ref-dependency = Beroende
ref-user = Användare som ansvarar för enheten
ref-asset = Informationsmängd
ref-action = Åtgärd i handlingsplanen
ref-plan = Kontinuitetsplan
ref-cycle-item = Återkommande arbete i årshjulet
ref-risk = Risk
ref-risk-analysis = Riskanalys
ref-recovery = Efterregistrering efter incident
ref-incident = Incident
ref-self-assessment = Självskattning med bedömda krav
ref-evidence-file = Underlagsfil i självskattningen

## Fel i fält
err-required = Fyll i fältet.
err-too-long = Texten är för lång. Högst { $n } tecken.
err-too-short = För kort. Minst { $n } tecken.
err-control-chars = Texten innehåller otillåtna styrtecken.
err-phone = Ange ett telefonnummer med siffror, till exempel 070-174 06 05.
err-email = Ange en e-postadress, till exempel namn@kommun.se.
err-org-number = Ange ett organisationsnummer med tio siffror, till exempel 212000-2171. Kontrollsiffran stämmer inte annars.
err-number = Ange ett heltal från { $min } till och med { $n }.
err-choice = Välj ett av alternativen.
err-username = Användarnamnet får bara innehålla bokstäver, siffror, punkt, bindestreck och understreck (2–64 tecken).
err-slug = Kortnamnet får bara innehålla a–z, siffror och enstaka bindestreck inuti (2–40 tecken), och får inte vara en av Beredds egna adresser.
err-host = Skriv ett värdnamn som beredd.kommun.se: bokstäverna a–z, siffror, bindestreck och punkter, utan https:// och utan port.
err-duplicate = Det namnet finns redan. Välj ett annat.
err-cycle = En enhet kan inte ligga under sig själv eller under en av sina underenheter.
err-missing = Det valda finns inte längre. Välj igen.
err-password-mismatch = Lösenorden är inte lika.
err-wrong-password = Fel lösenord.
err-self-edge = Något kan inte vara beroende av sig självt.
err-rto-mtpd = Återställningstiden måste vara kortare än den acceptabla avbrottstiden.
err-nothing-chosen = Välj minst en sak som slutar fungera.
err-duplicate-dependency = Det beroendet finns redan. Ändra det befintliga i stället.
err-override-reason = Du har valt en annan nivå än förslaget från frågorna. Skriv varför.
err-level-justification = Nivå 2 eller högre ska motiveras. Skriv varför informationen har den här nivån.
err-date = Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2027-03-31.
err-future-date = Datumet kan inte vara senare än i dag.
err-date-time = Skriv datum och klockslag i svensk tid som ÅÅÅÅ-MM-DD TT:MM, till exempel 2026-11-23 07:10.
err-time-skipped = Den tiden fanns inte: klockan ställdes fram från 02:00 till 03:00 den natten. Skriv en tid före 02:00 eller från 03:00.
err-time-repeated = Klockan { $time } fanns två gånger den natten, eftersom klockan ställdes tillbaka från 03:00 till 02:00. Skriv ”{ $time } sommartid” för den första gången eller ”{ $time } vintertid” för den andra.
err-time-zone-mismatch = Sommartid eller vintertid stämmer inte med det datumet. Skriv tiden utan tillägg: tillägget behövs bara den natt då klockan ställs tillbaka.
err-url = Skriv en webbadress som börjar med https://.
err-file-too-large = Filen är för stor. Den får vara högst { $n } MB.
err-file-type = Den sortens fil tas inte emot. Välj en PDF, en bild, en textfil eller ett Office-dokument.
err-file-empty = Filen är tom.
err-columns = För många kolumner; skilj kolumnerna åt med |.
err-on-line = Rad { $n }:
err-too-many-lines = För många rader (högst { $n }).
err-step-in-use = Registrerade risker använder steg { $n }; skalan kan inte bli kortare än så.
err-too-few-lines = För få rader (minst { $n }).
err-not-in-catalogue = Minst ett av kraven finns inte i kravkatalogen. Kontrollera id:na, till exempel STY-01.
err-passphrase-short = Skriv minst fyra olika ord med mellanslag eller bindestreck emellan (minst två bokstäver i varje) eller minst 16 tecken. Förslaget nedan uppfyller regeln.
err-passphrase-repetitive = Lösenfrasen upprepar samma tecken, ord eller mönster och är lätt att gissa. Välj ord som inte hör ihop, eller ta förslaget.
err-passphrase-guessable = Lösenfrasen bygger på sådant som gissas först: organisationens namn, ett vanligt lösenord, en årstid, årtal eller siffror, en tangentrad eller alfabetet. Välj andra ord, eller ta förslaget.

## Felsidor
error-not-found-title = Sidan finns inte
error-not-found = Det du letar efter finns inte, eller så har det tagits bort.
error-forbidden-title = Du saknar behörighet
error-forbidden = Din roll ger inte rätt att göra detta. Kontakta en administratör om du behöver det.
error-login-title = Logga in
error-login = Du behöver logga in.
error-csrf-title = Formuläret har gått ut
error-csrf = Formuläret kunde inte kontrolleras. Gå tillbaka, ladda om sidan och försök igen.
error-bad-request-title = Felaktig begäran
error-bad-request = Begäran kunde inte läsas.
error-throttled-title = För många försök
error-throttled = Vänta en stund och försök igen.
error-busy-title = Upptaget just nu
error-busy-streams = För många öppna liveuppdateringar. Stäng en flik med lägesbilden eller försök igen om en stund.
error-busy-pdf = Många dokument skrivs ut just nu. Försök igen om en stund.
error-busy-hashing = Många loggar in eller byter lösenord just nu. Vänta en liten stund och försök igen.
error-internal-title = Något gick fel
error-internal = Ett fel uppstod och ingenting sparades. Försök igen. Om felet kvarstår, ange referensen nedan till den som sköter Beredd.
error-reference = Referens:
error-back = Till startsidan

## Fält som flera områden använder
field-name = Namn
field-description = Beskrivning
field-unit = Enhet
field-criticality = Hur kritisk är verksamheten vid avbrott?
field-notes = Anteckningar
field-org-number = Organisationsnummer
hint-org-number = Tio siffror, till exempel 212000-2171.
field-fallback = Reservrutin
field-responsible = Ansvarig
field-due-date = Klart senast
hint-date = Välj i kalendern eller skriv datumet, till exempel 2027-03-31.
field-create-action = Lägg en åtgärd i handlingsplanen om kravet inte uppfylls helt
hint-one-per-line = En per rad.
incident-field-participants = Deltagare

## Ordlistor
criticality-akut = Akut – inom timmar
criticality-kritisk = Kritisk – inom ett dygn
criticality-viktig = Viktig – inom en vecka
criticality-ovrig = Kan vänta
role-admin = Administratör
role-coordinator = Informationssäkerhetssamordnare
role-unit_manager = Enhetschef
role-crisis_staff = Krisledningsstab
role-reader = Läsare
node-kind-activity = Verksamhet
node-kind-system = System
node-kind-supplier = Leverantör
node-kind-resource = Resurs
action-status-planned = Planerad
action-status-ongoing = Pågår
action-status-done = Klar
action-status-cancelled = Avbruten

## Konsekvensanalys
field-mtpd = Acceptabel avbrottstid, MTPD (timmar)
field-rto = Återställningstid, RTO (timmar)
field-rpo = Acceptabel dataförlust, RPO (timmar)
field-level-1h = Konsekvens efter en timme
field-level-4h = Konsekvens efter fyra timmar (ett arbetspass)
field-level-1d = Konsekvens efter ett dygn
field-level-3d = Konsekvens efter tre dygn (72 timmar)
field-level-1w = Konsekvens efter en vecka
field-level-1m = Konsekvens efter en månad
field-peak-periods = Känsliga perioder
field-min-staffing = Lägsta bemanning
level-none = – inte bedömd
level-0 = 0 – Ingen eller försumbar
level-1 = 1 – Måttlig
level-2 = 2 – Betydande
level-3 = 3 – Allvarlig
level-4 = 4 – Synnerligen allvarlig

## Klassning och krav
requirements-level-4 = Nivå 4 ligger utanför ordinär hantering: informationen behöver en egen säkerhetsanalys utöver kraven här.
asset-show-requirements = Visa kraven som klassningen ger
evidence-none = Inga filer har laddats upp för kravet.
evidence-delete = Ta bort { $name }

## Utskrifter
pdf-page = Sida
pdf-of = av
pdf-contents = Innehåll
pdf-stamp = Utskriven { $date }
time-in-sweden = { $time } svensk tid
pdf-printed-by = Utskriven av { $name }
pdf-marking-internal = Innehåller uppgifter om var kommunen är sårbar. Hanteras enligt kommunens regler för skyddsvärd information.
binder-marking = Innehåller personuppgifter och kan innehålla uppgifter som omfattas av sekretess enligt offentlighets- och sekretesslagen. Förvaras inlåst.

## Kontinuitetsplaner och blanketter
plan-hotline-hours = Öppettider
plan-hotline-answered-by = Vem svarar
plan-col-status = Status
plan-overdue = försenad
plan-col-phone = Telefon
plan-hotline-number = Telefonnummer
form-f-date = Datum
form-f-time = Klockslag
form-f-unit = Enhet
form-f-area = Område
form-f-comment = Kommentar
form-f-what = Vad
form-f-who = Vem
form-f-when = Klart till

## Navigationens grupper (web::page::GROUPS)
nav-group-start = Start
nav-group-crisis = Kris
nav-group-organisation = Organisation
nav-group-classification = Klassning och krav
nav-group-continuity = Kontinuitet
nav-group-risk = Risk och ramverk
nav-group-follow-up = Uppföljning
nav-group-administration = Administration
swedish-time = svensk tid

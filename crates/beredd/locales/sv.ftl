# Beredd – svenska texter (standardspråk)

## Allmänt
skip-to-content = Hoppa till innehållet
nav-label = Huvudmeny
nav-home = Start
nav-units = Enheter
nav-activities = Verksamheter
nav-people = Personer och kontakter
nav-systems = System och tjänster
nav-suppliers = Leverantörer
nav-audit = Händelselogg
nav-users = Användare
nav-organisation = Organisation
footer-text = Beredd – informationssäkerhet och kontinuitet för kommunen.
yes = Ja
no = Nej
filter-all = Alla
choice-none = (ingen)
choice-none-top = (ingen – högsta nivån)
choice-pick = Välj …
field-required = obligatorisk

## Knappar
action-save = Spara
action-cancel = Avbryt
action-edit = Ändra
action-delete = Ta bort
action-back = Tillbaka
action-add = Lägg till
action-filter = Visa
action-login = Logga in
action-logout = Logga ut
action-change-password = Byt lösenord
action-reset-password = Sätt nytt lösenord
action-create-admin = Skapa administratör

## Meddelanden efter en ändring
flash-created = Sparat. Posten är skapad.
flash-saved = Ändringarna är sparade.
flash-deleted = Posten är borttagen.
flash-password = Lösenordet är bytt.

## Listor och formulär
list-search = Sök
list-count = { $n ->
    [one] 1 post
   *[other] { $n } poster
}
list-empty = Inget att visa.
form-errors = Något behöver rättas innan det går att spara
delete-title = Ta bort { $name }
delete-confirm = Vill du ta bort ”{ $name }”? Det går inte att ångra, men borttagningen sparas i händelseloggen.
delete-refused = ”{ $name }” kan inte tas bort eftersom annat pekar på den. Ändra eller ta bort dessa först:
ref-unit = Enhet
ref-activity = Verksamhet
ref-person = Person
ref-system = System

## Fel i fält
err-required = Fyll i fältet.
err-too-long = Texten är för lång. Högst { $n } tecken.
err-too-short = För kort. Minst { $n } tecken.
err-control-chars = Texten innehåller otillåtna styrtecken.
err-phone = Ange ett telefonnummer med siffror, till exempel 070-174 06 05.
err-email = Ange en e-postadress, till exempel namn@kommun.se.
err-org-number = Ange ett organisationsnummer med tio siffror, till exempel 212000-2171. Kontrollsiffran stämmer inte annars.
err-number = Ange ett heltal mellan 0 och { $n }.
err-choice = Välj ett av alternativen.
err-username = Användarnamnet får bara innehålla bokstäver, siffror, punkt, bindestreck och understreck (2–64 tecken).
err-duplicate = Det namnet finns redan. Välj ett annat.
err-cycle = En enhet kan inte ligga under sig själv eller under en av sina underenheter.
err-missing = Det valda finns inte längre. Välj igen.
err-password-mismatch = Lösenorden är inte lika.
err-wrong-password = Fel lösenord.

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
error-internal-title = Något gick fel
error-internal = Ett fel uppstod och ingenting sparades. Försök igen. Om felet kvarstår, ange referensen nedan till den som sköter Beredd.
error-reference = Referens:
error-back = Till startsidan

## Inloggning
login-title = Logga in i Beredd
login-intro = Logga in med ditt användarnamn och lösenord.
login-failed = Fel användarnamn eller lösenord.
login-throttled = För många misslyckade försök. Vänta en kvart och försök igen.
setup-title = Skapa den första administratören
setup-intro = Beredd har ännu inga användare. Skapa administratören som sedan lägger upp övriga användare. Länken fungerar bara en gång.

## Start
home-title = Start
home-greeting = Välkommen, { $name }.
home-your-units = Dina enheter:
home-attention = Att åtgärda
home-nothing = Inget behöver åtgärdas just nu.
home-read-only = Du kan läsa allt i registren. Behöver du ändra något, kontakta informationssäkerhetssamordnaren eller din chef.
home-registers = Register
attention-empty = Registret { $register } är tomt.
attention-unit-no-manager = Enheter utan chef:
attention-unit-no-activities = Enheter utan beskrivna verksamheter:
attention-staff-no-phone = Personal utan telefonnummer:
attention-system-no-owner = System utan systemägare:
attention-system-no-units = System som ingen enhet är kopplad till:
attention-cloud-no-supplier = System hos leverantör utan angiven leverantör:

## Fält
field-name = Namn
field-unit-kind = Nivå
field-parent = Ingår i
field-manager = Chef
field-address = Adress
field-staff-count = Antal medarbetare
field-around-the-clock = Dygnet runt
field-description = Beskrivning
field-unit = Enhet
field-criticality = Kritikalitet
field-recipients = För vem
field-title = Befattning eller roll
field-affiliation = Enhet eller organisation
field-contact-kind = Typ
field-organisation = Organisation
field-supplier = Leverantör
field-work-phone = Telefon (arbete)
field-private-phone = Telefon (privat)
field-phone = Telefon
field-email = E-post
field-off-hours = Nås utanför arbetstid
field-off-hours-short = Nås kvällar/helger
field-notes = Anteckningar
field-org-number = Organisationsnummer
field-contract-ref = Avtalsreferens
field-purpose = Syfte
field-system-kind = Slag
field-hosting = Var det körs
field-owner = Systemägare
field-used-by = Används av enheter
field-username = Användarnamn
field-display-name = Namn som visas
field-password = Lösenord
field-current-password = Nuvarande lösenord
field-new-password = Nytt lösenord
field-repeat-password = Upprepa det nya lösenordet
field-role = Roll
field-granted-units = Enheter som användaren ansvarar för
field-active = Kontot är aktivt
field-language = Språk

## Hjälptexter
hint-around-the-clock = Kryssa i om enheten har verksamhet dygnet runt, till exempel särskilt boende eller nattpatrull.
hint-criticality = Samhällsviktig: får inte avbrytas alls. Kritisk: tål bara korta avbrott. Viktig: tål några dagar. Övrig: kan vänta.
hint-recipients = Till exempel ”boende på särskilt boende” eller ”hushåll som söker ekonomiskt bistånd”.
hint-person-unit = Enheten där personen arbetar. Lämna tomt för externa kontakter.
hint-person-organisation = För externa kontakter: till exempel Regionen, Polisen eller SOS Alarm.
hint-phone = Skriv numret som du skulle slå det, till exempel 070-174 06 05.
hint-org-number = Tio siffror, till exempel 212000-2171.
hint-hosting = Avgör vad som fungerar om kommunens nät slås ut: det som körs internt går ner, det som körs hos leverantör eller nationellt kan fortsätta.
hint-owner = Den som ansvarar för systemet i verksamheten.
hint-username = Små bokstäver, siffror, punkt och bindestreck, till exempel anna.berg.
hint-password = Minst tio tecken. En lång fras är lättare att minnas och svårare att gissa.
hint-granted-units = Gäller rollen enhetschef: användaren får ändra dessa enheter och allt under dem.

## Register
units-title = Enheter
units-intro = Organisationen som ett träd: förvaltning, verksamhetsområde och enhet. Varje enhet har en chef och kan ha verksamhet dygnet runt.
units-new = Ny enhet
units-edit = Ändra enhet
units-children = Underenheter
activities-title = Verksamheter
activities-intro = Vad varje enhet gör och för vem, och hur kritiskt det är om det avbryts.
activities-new = Ny verksamhet
activities-edit = Ändra verksamhet
people-title = Personer och kontakter
people-intro = Personal med telefonnummer och externa kontakter: leverantörer, regionen, polisen, SOS Alarm.
people-new = Ny person
people-edit = Ändra person
systems-title = System och tjänster
systems-intro = IT-system, tjänster och välfärdsteknik, vem som äger dem och var de körs.
systems-new = Nytt system
systems-edit = Ändra system
suppliers-title = Leverantörer
suppliers-intro = Leverantörer av system och tjänster, med avtal och kontaktvägar.
suppliers-new = Ny leverantör
suppliers-edit = Ändra leverantör
suppliers-contacts = Kontaktpersoner

## Ordlistor
unit-kind-forvaltning = Förvaltning
unit-kind-verksamhetsomrade = Verksamhetsområde
unit-kind-enhet = Enhet
criticality-samhallsviktig = Samhällsviktig
criticality-kritisk = Kritisk
criticality-viktig = Viktig
criticality-ovrig = Övrig
hosting-internal = I kommunens nät
hosting-supplier_cloud = Hos leverantör (moln)
hosting-national = Nationell tjänst
system-kind-it_system = IT-system
system-kind-service = Tjänst
system-kind-welfare_tech = Välfärdsteknik
system-kind-infrastructure = Infrastruktur
contact-kind-staff = Personal
contact-kind-external = Extern kontakt
role-admin = Administratör
role-coordinator = Informationssäkerhetssamordnare
role-unit_manager = Enhetschef
role-crisis_staff = Krisledning
role-reader = Läsare

## Konto
account-title = Mitt konto
account-username = Inloggad som { $name }.
account-language = Språk
account-password = Byt lösenord

## Användare
users-title = Användare
users-new = Ny användare
users-edit = Användare { $name }
users-reset-password = Nytt lösenord för användaren

## Organisation
organisation-title = Organisationen

## Händelselogg
audit-title = Händelselogg
audit-intro = Varje ändring sparas med vem, när, vad och hur det såg ut före och efter. Loggen kan inte ändras.
audit-count = { $n ->
    [one] 1 händelse
   *[other] { $n } händelser
}
audit-user = Användare
audit-entity = Typ
audit-from = Från och med
audit-to = Till och med
audit-at = Tid (UTC)
audit-action = Händelse
audit-what = Vad
audit-show-change = Visa ändringen
audit-before = Före
audit-after = Efter
entity-unit = Enhet
entity-activity = Verksamhet
entity-person = Person
entity-system = System
entity-supplier = Leverantör
entity-user = Användare
entity-organisation = Organisation
entity-session = Inloggning

## Beroenden
nav-resources = Resurser
nav-dependencies = Beroenden
resources-title = Resurser
resources-intro = Det som verksamheter och system behöver utöver registrerade system: kommunens nät, inloggning, el, lokaler, personal och annat.
resources-new = Ny resurs
resources-edit = Ändra resurs
dependencies-title = Beroenden
dependencies-intro = Vad som är beroende av vad, hur hårt, och vilken reservrutin som tar över om det faller bort.
dependencies-new = Nytt beroende
dependencies-edit = Ändra beroende
field-resource-kind = Slag av resurs
field-dependent = Det som är beroende
field-depends-on = Är beroende av
field-need = Utan det
field-fallback = Reservrutin
hint-need = Stannar: verksamheten eller systemet fungerar inte alls utan det, om ingen reservrutin finns. Försämras: det går att fortsätta, men sämre.
hint-fallback = Hur arbetet fortsätter utan det, till exempel ”papperslista över brukare och manuella utbetalningar med bankdosa”.
err-self-edge = Något kan inte vara beroende av sig självt.
ref-dependency = Beroende
entity-resource = Resurs
entity-dependency = Beroende
need-stops = Stannar
need-degraded = Försämras
node-kind-activity = Verksamhet
node-kind-system = System
node-kind-supplier = Leverantör
node-kind-resource = Resurs
resource-kind-network = Kommunens nät
resource-kind-identity = Inloggning och identitet
resource-kind-email = E-post
resource-kind-internet = Internetförbindelse
resource-kind-data_centre = Serverhall
resource-kind-electricity = El
resource-kind-water = Vatten
resource-kind-heating = Värme
resource-kind-mobile_network = Mobilnät
resource-kind-telephony = Telefoni
resource-kind-premises = Lokaler
resource-kind-transport = Transporter
resource-kind-staff = Personal
resource-kind-other = Annat

## Avbrottsanalys
nav-outage = Om det går ner
outage-title = Om det går ner – avbrottsanalys
outage-intro = Välj vad som slutar fungera och hur länge. Beredd visar vilka verksamheter som stannar, vilka som kan fortsätta för hand med en reservrutin, och vad som fortsätter att fungera.
outage-what-fails = Vad slutar fungera?
outage-category-inside_network = Allt i kommunens nät (som vid en IT-attack)
outage-duration = Hur länge?
duration-hour = En timme
duration-day = Ett dygn
duration-week = En vecka
duration-month = En månad
outage-run = Visa följderna
outage-result = Följder
outage-summary = Verksamheter som stannar / fortsätter försämrat eller för hand / fungerar: { $counts }.
outage-cycles = { $n ->
    [one] Beroendena innehåller en cirkel; den påverkar inte analysen men bör ses över.
   *[other] Beroendena innehåller { $n } cirklar; de påverkar inte analysen men bör ses över.
}
outage-activities = Verksamheter som påverkas
outage-systems = System som påverkas
outage-keeps-working = Fortsätter att fungera
outage-none-affected = Inget påverkas.
outage-nothing-works = Inget.
outage-state = Läge
outage-chain = Varför
outage-down = Stannar
outage-degraded = Försämrad
outage-fallback = För hand (reservrutin)
outage-working = Fungerar

## Konsekvensanalys
bia-title = Konsekvensanalys: { $name }
bia-section = Konsekvensanalys
bia-missing = Ingen konsekvensanalys är gjord ännu.
bia-edit = Ändra konsekvensanalysen
bia-sign-off = Fastställ analysen
bia-signed = Fastställd av { $who }.
bia-not-signed = Inte fastställd.
field-mtpd = Längsta tålbara avbrott (timmar)
field-rto = Mål för återställning (timmar)
field-rpo = Största tålbara dataförlust (timmar)
hint-mtpd = Hur länge verksamheten längst kan vara utan det den behöver innan skadan blir oacceptabel. 24 = ett dygn, 168 = en vecka.
hint-rto = Hur snabbt det ska vara igång igen. Måste vara kortare än det längsta tålbara avbrottet.
hint-rpo = Hur mycket information, räknat i tid bakåt, som får gå förlorad.
field-level-1h = Konsekvens efter en timme
field-level-1d = Konsekvens efter ett dygn
field-level-1w = Konsekvens efter en vecka
field-level-1m = Konsekvens efter en månad
field-text-1h = Vad händer efter en timme?
field-text-1d = Vad händer efter ett dygn?
field-text-1w = Vad händer efter en vecka?
field-text-1m = Vad händer efter en månad?
field-peak-periods = Känsliga perioder
hint-peak-periods = När ett avbrott skadar mest, till exempel utbetalningsveckan eller veckorna kring jul.
field-min-staffing = Lägsta bemanning
level-none = – inte bedömd
level-0 = 0 – Ingen eller försumbar
level-1 = 1 – Måttlig
level-2 = 2 – Betydande
level-3 = 3 – Allvarlig
level-4 = 4 – Synnerligen allvarlig
err-rto-mtpd = Målet för återställning måste vara kortare än det längsta tålbara avbrottet.
entity-bia = Konsekvensanalys
hours = { $n ->
    [one] 1 timme
   *[other] { $n } timmar
}
days = { $n ->
    [one] 1 dygn
   *[other] { $n } dygn
}
outage-mtpd = Längsta tålbara avbrott
outage-consequence = Konsekvens vid avbrottets längd
outage-gap = Överskrider längsta tålbara avbrott
outage-presets = Färdiga scenarier
outage-own = Eget scenario
preset-attack = IT-attack: allt i kommunens nät i en månad
preset-power = Strömavbrott: { $name }
preset-mobile = Mobilnätet slutar fungera
preset-email-identity = E-post och inloggning slutar fungera
preset-supplier = Leverantören faller bort: { $name }

## Sparade scenarier
nav-scenarios = Scenarier
scenarios-title = Sparade scenarier
scenarios-intro = Avbrottsscenarier som sparats för att köras igen när uppgifterna ändras. Varje körning sparas, så att det syns vad som har ändrats sedan förra gången.
scenarios-new = Nytt scenario
scenarios-edit = Ändra scenario
scenario-last-run = Senast körd
scenario-previous-run = Körd gången före
scenario-categories = Hela områden
scenario-run-title = Körning
scenario-run-help = Kör scenariot på dagens uppgifter. Resultatet sparas och jämförs med förra körningen.
scenario-has-result = Det finns ett sparat resultat.
scenario-show-result = Visa senaste resultatet
scenario-run = Kör scenariot nu
scenario-showing = Scenario: { $name }.
scenario-run-at = Kört { $when }.
scenario-changes = Ändrat sedan förra körningen
scenario-no-previous = Scenariot har inte körts två gånger ännu, så det finns inget att jämföra med.
scenario-no-changes = Inga verksamheter har fått ändrat läge.
scenario-not-there = (fanns inte)
scenario-removed-activity = (borttagen verksamhet)
scenario-save-title = Spara som scenario
scenario-save = Spara scenariot
err-nothing-chosen = Välj minst en sak som slutar fungera.
entity-scenario = Scenario
graph-title = Beroendegrafen
graph-desc = Verksamheter, system, leverantörer och resurser med linjer till det de är beroende av. ✕ betyder att det har slutat fungera eller stannar, ! att det fungerar försämrat eller för hand, ✓ att det fungerar. Tabellerna ovan och nedan säger samma sak i text.
graph-failed = Slutar fungera i scenariot
field-provides = Tillhandahåller
hint-provides = Om systemet är det som ger kommunen en gemensam resurs, till exempel nätet, inloggningen, e-posten eller mobilnätet. Då tas det med i scenarier om den resursen.
err-duplicate-dependency = Det beroendet finns redan. Ändra det befintliga i stället.
ref-user = Användare som ansvarar för enheten
error-prefix = Fel:
audit-action-create = Skapade
audit-action-update = Ändrade
audit-action-delete = Tog bort
audit-action-login = Loggade in
audit-action-logout = Loggade ut
audit-action-password = Bytte lösenord
audit-action-password-reset = Satte nytt lösenord
audit-action-import = Läste in
audit-action-sign-off = Fastställde
audit-action-run = Körde

## Kravkatalog
nav-requirements = Krav
requirements-intro = Beredds egen kravkatalog, version { $version }. Välj nivåer och lagar nedan för att se vilka krav en klassning ger.
requirements-count = { $n ->
    [one] 1 krav
   *[other] { $n } krav
}
requirements-derived = gäller för den valda klassningen.
requirements-area = Område
requirements-id = Id
requirements-applies = Gäller
requirements-is = Krav på verksamheten (”är”-krav)
requirements-shall = Krav vid upphandling (”ska”-krav)
requirements-guidance = Vägledning
requirements-derive = Vilka krav ger en klassning?
requirements-derive-hint = Ange nivå per aspekt och kryssa i de lagar som gäller för informationen.
requirements-level-4 = Nivå 4 ligger utanför ordinär hantering: informationen behöver en egen säkerhetsanalys utöver kraven här.
applies-baseline = Alla system
applies-level = Från { $what }
aspect-K = Konfidentialitet
aspect-R = Riktighet
aspect-T = Tillgänglighet
aspect-S = Spårbarhet
flag-personal_data = Personuppgifter
flag-sensitive_personal_data = Känsliga personuppgifter (GDPR art. 9)
flag-children = Uppgifter om barn
flag-secrecy_osl = Sekretess enligt OSL
flag-patient_data = Patientuppgifter (PDL)
flag-social_services_documentation = Socialtjänstens dokumentation
ref-cyber = Cybersäkerhetslagen 2 kap. 3 §, åtgärd
ref-gdpr = GDPR, artikel
ref-pdl = Patientdatalagen
ref-hslf = HSLF-FS 2016:40
ref-iso = ISO/IEC 27001:2022 bilaga A

## Information och klassning
nav-assets = Information
assets-title = Information och klassning
assets-intro = Informationsmängderna: vad de innehåller, vem som äger dem, vilka system som har dem och vilka lagar som gäller. Klassningen avgör vilka krav systemen ska uppfylla.
assets-new = Ny informationsmängd
assets-edit = Ändra informationsmängd
field-information-owner = Informationsägare
field-osl = Sekretess enligt OSL (kapitel och paragraf)
hint-osl = Till exempel ”26 kap. 1 §” för socialtjänstens sekretess.
asset-flags = Lagar som gäller för informationen
hint-asset-flags = Varje lag som kryssas i lägger till sina egna krav.
asset-systems = System som har informationen
asset-units = Enheter som använder informationen
asset-classification = Klassning
asset-not-classified = Informationen är inte klassad ännu.
asset-version = Gällande klassning: version { $what }.
asset-version-short = Version
asset-history = Alla versioner
asset-classify = Klassa informationen
asset-show-requirements = Visa kraven som klassningen ger
classify-title = Klassa: { $name }
field-why = Motivering, { $aspect }
field-reason = Varför klassas informationen nu?
hint-reason = Krävs när en klassning ändras: vad har ändrats sedan förra gången?
hint-aspect-K = Vad händer om informationen visas för fel person?
hint-aspect-R = Vad händer om informationen är fel eller har ändrats av misstag?
hint-aspect-T = Vad händer om informationen inte går att nå på en dag, en vecka?
hint-aspect-S = Hur viktigt är det att kunna se vem som har läst eller ändrat informationen?
flash-classified = Klassningen sparades som version { $n }.
flash-appear = { $n ->
    [one] 1 krav tillkom
   *[other] { $n } krav tillkom
}
flash-disappear = { $n ->
    [one] och 1 föll bort.
   *[other] och { $n } föll bort.
}
system-information = Information och krav
system-no-classified = Ingen klassad information är kopplad till systemet.
system-required-level = Krävd nivå: { $levels } (den högsta bland informationen systemet har).
ref-asset = Informationsmängd
entity-asset = Informationsmängd
audit-action-classify = Klassade

## Frågor som leder till en nivå
classify-help = Svara på frågorna och välj ”Föreslå nivåer”, eller välj nivåerna direkt. Väljer du en annan nivå än förslaget behöver du skriva varför.
classify-propose = Föreslå nivåer
classify-proposal = Förslag utifrån svaren: { $levels }. Kontrollera nivåerna, skriv motiveringar och spara.
err-override-reason = Du har valt en annan nivå än förslaget från frågorna. Skriv varför.
q-K = Vad händer med den enskilde (brukaren, klienten, patienten) om informationen visas för fel person?
q-K-a0 = Ingenting som spelar någon roll
q-K-a1 = Obehag eller en mindre skada
q-K-a2 = Betydande skada, till exempel en allvarlig kränkning av den personliga integriteten
q-K-a3 = Allvarlig skada för liv, hälsa, trygghet eller rättigheter, till exempel skyddad adress som röjs
q-K-a4 = Skada för Sveriges säkerhet
q-R = Vad händer om informationen är fel eller har ändrats av misstag?
q-R-a0 = Ingenting som spelar någon roll
q-R-a1 = Merarbete eller en mindre skada
q-R-a2 = Betydande skada, till exempel fel beslut eller fel utbetalning
q-R-a3 = Allvarlig skada, till exempel fel läkemedel eller fel dos till en patient
q-R-a4 = Skada för Sveriges säkerhet
q-T-day = Vad händer om informationen inte går att nå på ett dygn?
q-T-day-a0 = Ingenting som spelar någon roll
q-T-day-a1 = Merarbete, men arbetet går att skjuta upp
q-T-day-a2 = Betydande skada, till exempel att utbetalningar eller beslut försenas
q-T-day-a3 = Allvarlig skada: verksamheten kan inte ge vård eller stöd som någon behöver samma dag
q-T-day-a4 = Skada för Sveriges säkerhet
q-T-week = Vad händer om informationen inte går att nå på en vecka?
q-T-week-a0 = Ingenting som spelar någon roll
q-T-week-a1 = Merarbete, men det går att komma ikapp
q-T-week-a2 = Betydande skada för enskilda eller för kommunen
q-T-week-a3 = Allvarlig skada: kommunen kan inte utföra sina viktigaste uppgifter
q-T-week-a4 = Skada för Sveriges säkerhet
q-S = Behöver ni i efterhand kunna se vem som har läst eller ändrat informationen?
q-S-a0 = Nej
q-S-a1 = Det vore bra, men det krävs inte
q-S-a2 = Ja, för att kunna följa upp och utreda misstänkt felaktig åtkomst
q-S-a3 = Ja, lagen kräver loggning och systematisk uppföljning (till exempel patientjournal)
q-S-a4 = Ja, för Sveriges säkerhet

## Självskattning och handlingsplan
nav-actions = Handlingsplan
actions-title = Handlingsplan
actions-intro = Allt som ska göras för att stänga brister: vem, när och hur det går. Brister från självskattningen hamnar här.
actions-new = Ny åtgärd
actions-edit = Ändra åtgärd
field-action = Åtgärd
field-responsible = Ansvarig
field-due-date = Klart senast
field-status = Status
field-priority = Prioritet
field-progress = Anteckningar om hur det går
field-origin = Kommer från
hint-date = Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-31.
action-overdue = försenad
action-origin-requirement = Självskattning av krav { $req }
action-origin-manual = Lagd för hand
action-from-requirement = Uppfyll krav { $what }
action-status-planned = Planerad
action-status-ongoing = Pågår
action-status-done = Klar
action-status-cancelled = Avbruten
priority-high = Hög
priority-medium = Medel
priority-low = Låg
fulfilment-fulfilled = Uppfyllt
fulfilment-partly = Delvis uppfyllt
fulfilment-not_fulfilled = Inte uppfyllt
fulfilment-not_applicable = Inte tillämpligt
field-fulfilment = Uppfylls kravet?
field-how-met = Hur uppfylls det hos oss?
hint-how-met = Beskriv kort hur det går till, eller vad som saknas.
field-na-reason = Varför gäller kravet inte?
hint-na-reason = Krävs när kravet inte är tillämpligt.
field-evidence = Länk till underlag
hint-evidence = En webbadress som börjar med https://, till exempel till en rutin på intranätet.
field-create-action = Lägg en åtgärd i handlingsplanen om kravet inte uppfylls helt
hint-create-action = En brist får en åtgärd; finns det redan en öppen åtgärd för bristen läggs ingen ny.
assessment-title = Självskattning: { $name }
assessment-intro = Kraven som systemets information ger (krävd nivå { $levels }). Bedöm varje krav; brister blir åtgärder i handlingsplanen.
assessment-summary = Uppfyllda / delvis / inte uppfyllda / inte tillämpliga / inte bedömda: { $counts }.
assessment-not-assessed = Inte bedömt
assessment-by = Bedömt av
assessment-open = Självskattning av kraven
err-date = Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2027-03-31.
err-url = Skriv en webbadress som börjar med https://.
ref-action = Åtgärd i handlingsplanen
entity-action = Åtgärd
audit-action-assess = Bedömde

## Underlag (bevis) för självskattningen
evidence-title = Underlag
evidence-none = Inga filer har laddats upp för kravet.
evidence-file = Fil att ladda upp
evidence-hint = PDF, bild (PNG, JPEG), text (TXT, CSV) eller Office-dokument (DOCX, XLSX, PPTX, ODT, ODS), högst 10 MB.
evidence-upload = Ladda upp
evidence-delete = Ta bort { $name }
flash-uploaded = Filen laddades upp.
err-file-too-large = Filen är för stor. Den får vara högst { $n } MB.
err-file-type = Den sortens fil tas inte emot. Välj en PDF, en bild, en textfil eller ett Office-dokument.
err-file-empty = Filen är tom.
entity-evidence = Underlag
audit-action-upload = Laddade upp

## Utskrifter: kravspecifikation och klassningsrapport
pdf-page = Sida
pdf-of = av
pdf-contents = Innehåll
pdf-stamp = Utskriven { $date }
pdf-catalogue = Kravkatalog
pdf-printed-by = Utskriven av { $name }
pdf-marking-internal = Innehåller uppgifter om var kommunen är sårbar. Hanteras enligt kommunens regler för skyddsvärd information.
procurement-title = Kravspecifikation för upphandling
procurement-file = kravspecifikation
procurement-intro = Kraven nedan följer av klassningen av den information systemet ska hantera. Varje krav är ett skall-krav som kan klistras in i förfrågningsunderlaget. Numreringen följer området och ordningen i Beredds kravkatalog; id-numret inom parentes visar vilket krav i katalogen det kommer från.
procurement-download = Kravspecifikation för upphandling
proc-sheet = Krav
proc-background = Underlag
proc-system = System
proc-levels = Krävd nivå
proc-flags = Rättsliga flaggor
proc-number = Nr
proc-area = Område
proc-requirement = Krav
proc-id = Id
proc-references = Referenser
report-title = Klassningsrapport
report-file = klassningsrapport
report-sheet = Information
report-intro = Rapporten visar den information som används inom området, hur den är klassad på konfidentialitet (K), riktighet (R), tillgänglighet (T) och spårbarhet (S) med nivåerna 0–4, och vilken nivå varje system som håller informationen måste klara.
report-summary = Sammanfattning
report-assets = Information och klassning
report-asset = Information
report-owner-systems = Ansvarig och system
report-systems = System och krävd nivå
report-reasons = Motiveringar
report-version-col = Version
report-version = Version {v}, klassad av {who} {when}
report-not-classified = Inte klassad ännu
report-fulfilment = {met} av {all} krav uppfyllda
report-fulfilment-col = Självskattning
report-count-assets = Informationsmängder
report-count-classified = Klassade
report-count-unclassified = Inte klassade
report-count-systems = System som håller informationen

## Egna krav och avstängda krav
local-new = Nytt eget krav
local-edit = Ändra krav { $id }
local-delete = Ta bort krav { $id }
local-mark = eget krav
local-intro = Ett krav som kommunen själv har lagt till i katalogen.
local-heading = Kommunens anpassning av katalogen
local-disabled = Avstängt för kommunen:
local-disabled-list = Krav som kommunen har stängt av
local-disable = Stäng av kravet för kommunen
local-disable-reason = Varför gäller kravet inte hos er?
local-disable-hint = Avstängda krav räknas inte fram för något system. Skälet sparas och visas i katalogen.
local-enable = Slå på kravet igen
hint-local-id = Ett eget id med stora bokstäver, siffror och bindestreck, till exempel EGEN-01. Det får inte finnas i katalogen redan.
hint-local-refs = Till exempel en egen riktlinje eller en paragraf.
ref-local = Egna referenser
entity-requirement = Krav
audit-action-disable = Stängde av
audit-action-enable = Slog på

## Översikt över klassning och självskattning
nav-overview = Översikt
overview-title = Översikt: klassning och krav
overview-intro = Systemen ordnade efter den högsta nivå de måste klara, hur långt självskattningen har kommit, vilka krav som oftast brister och vilka åtgärder som är försenade.
overview-print = Skriv ut klassningsrapporten
overview-report-for = Rapport för
overview-whole-org = Hela organisationen
overview-chart = Uppfyllnad av kraven per system
overview-chart-desc = Varje stapel är ett system. Den delas upp efter hur många av systemets krav som är uppfyllda, delvis uppfyllda, inte uppfyllda, inte tillämpliga och inte bedömda. Samma siffror står i tabellen under diagrammet.
overview-table = Uppfyllnad per system i siffror
overview-assets = Informationsmängder
overview-share = Andel uppfyllda
overview-no-systems = Inget system håller någon klassad information ännu. Lägg till information och ange vilka system som håller den.
overview-gaps = Krav som oftast brister
overview-no-gaps = Inga brister är registrerade.
overview-not-met = System där kravet inte uppfylls
overview-partly = System där kravet uppfylls delvis
overview-overdue = Försenade åtgärder
overview-no-overdue = Inga åtgärder är försenade.
overview-all-overdue = Alla försenade åtgärder i handlingsplanen

## Mallar för kontinuitetsplaner
nav-plan-templates = Planmallar
plan-templates-title = Mallar för kontinuitetsplaner
plan-templates-intro = Mallarna visar hur en enhet kan arbeta när systemen ligger nere: reservrutiner steg för steg, vad som måste finnas på plats i förväg, kontakter, upplysningstelefon, kommunikation och checklistor. En enhets kontinuitetsplan utgår från en mall och anpassas till enhetens egna verksamheter.
plan-template-title = Planmall: { $name }
plan-template-version = Version
plan-template-routines = { $n ->
    [one] en reservrutin
   *[other] { $n } reservrutiner
}
plan-routines = Reservrutiner
plan-trigger = När går vi över till reservrutinen?
plan-switch-back = När går vi tillbaka?
plan-steps = Steg för steg
plan-resources = Det här måste finnas på plats i förväg
plan-reentry = Det här ska föras in i systemen efteråt
plan-externals = Externa kontakter
plan-hotline = Upplysningstelefon för allmänheten
plan-hotline-hours = Öppettider
plan-hotline-answered-by = Vem svarar
plan-hotline-script = Vad den som svarar säger
plan-communication = Kommunikation
plan-comm-web = Text för en tillfällig webbsida
plan-comm-hotline = Inspelat meddelande
plan-comm-media = Till media
plan-comm-spokesperson = Talesperson
plan-checklists = Checklistor
attention-overdue-actions = Åtgärder i handlingsplanen som är försenade:
attention-unclassified = Information som inte är klassad ännu:
list-export = Hämta listan som Excel-fil
action-origin-requirements = Självskattning av krav

# Kontinuitetsplaner och pärmen
nav-plans = Kontinuitetsplaner
plans-title = Kontinuitetsplaner
plans-intro = En kontinuitetsplan säger hur en enhet fortsätter arbeta när systemen ligger nere: reservrutiner steg för steg, vem som leder och ringer vem, externa kontakter, upplysningstelefon och kommunikation. En plan börjar som utkast, godkänns och ses över varje år. Varje version sparas.
plans-none = Det finns inga kontinuitetsplaner ännu. Börja med att läsa mallarna och skapa en plan för en enhet.
plans-new = Ny kontinuitetsplan
plans-create = Skapa utkast
plans-edit = Redigera utkast: { $name }
field-plan-name = Planens namn
hint-plan-name = Till exempel "Kontinuitetsplan Björkbacken".
field-plan-template = Mall
hint-plan-template = Utkastet fylls i från mallen och från enheternas kritiska verksamheter, personal och leverantörer. Allt går att ändra innan planen godkänns.
field-plan-units = Enheter som planen gäller
hint-plan-units = En plan kan gälla en enhet eller delas av flera.
field-review-due = Nästa översyn
hint-review-due = Datum som ÅÅÅÅ-MM-DD. Sätts till ett år fram när planen godkänns.
field-change-note = Vad som ändrats
hint-change-note = En mening om vad den här versionen ändrar, till exempel "Ny ringlista efter sommaren".
plan-col-status = Status
plan-col-binder = Utskriven pärm
plan-review-due = Nästa översyn
plan-overdue = försenad
plan-status-approved = Version { $n } godkänd
plan-status-draft = Utkast, inte godkänd
plan-status-draft-open = nytt utkast pågår
plan-binder-never = Aldrig utskriven
plan-binder-stale = Pärmen har version { $n }, skriv ut den nya
plan-binder-current = Aktuell, utskriven { $date }
plan-shown-version = Version som visas
plan-version-draft = Utkast, version { $number }
plan-version-approved = Version { $number }, godkänd
plan-warn-review = Planen skulle ha setts över senast { $date }. Gå igenom den med enheten och godkänn en ny version.
plan-warn-not-approved = Planen är inte godkänd ännu. Bara godkända versioner kommer med i pärmen.
plan-old-version = Du tittar på en äldre version.
plan-show-newest = Visa den senaste.
plan-edit-draft = Redigera utkastet
plan-new-draft = Börja ett nytt utkast
plan-edit-new-draft = Den godkända versionen ändras inte. När du sparar blir det ett nytt utkast, version { $n }.
plan-approve-heading = Godkänn planen
plan-approve-intro = Utkastet är komplett. När du godkänner det blir det den gällande versionen, och nästa översyn sätts till ett år fram.
plan-approve = Godkänn utkastet
plan-gaps-intro = Det här saknas innan utkastet kan godkännas:
plan-approve-stale = Utkastet har ändrats eller redan godkänts av någon annan. Läs den senaste versionen och försök igen.
plan-gap-lead = Det står inte vem som leder enhetens arbete under ett avbrott.
plan-gap-routines = Planen har ingen reservrutin.
plan-gap-routine = Reservrutinen för "{ $activity }" saknar när man går över, steg eller när man går tillbaka.
plan-gap-call-list = Ringlistan är tom.
plan-gap-hotline = Det står inte vem som svarar i upplysningstelefonen.
plan-gap-spokesperson = Det står inte vem som är talesperson.
flash-plan-approved = Planen är godkänd.
plan-draft = Utkast
plan-approved = Godkänd
plan-versions = Versioner
plan-col-created = Skapad
plan-col-compare = Jämför
plan-compare-with = Jämför med version { $n }
plan-delete = Ta bort planen
plan-delete-hint = Tar bort planen med alla versioner. Det går inte att ångra, men borttagningen finns kvar i granskningsloggen.
plan-back = Tillbaka till planen
plan-lead = Ledning under avbrott
hint-plan-lead = Vem leder, vem ersätter och hur de nås.
plan-call-list = Ringlista
plan-col-name = Namn
plan-col-role = Roll
plan-col-phone = Telefon
plan-col-calls = Ringer i sin tur
plan-col-purpose = Varför man ringer
plan-contacts = Ringlista och kontakter
hint-call-list = En person per rad: Namn | Roll | Telefon | Vem personen ringer i sin tur. Namn och telefon krävs.
hint-externals = En kontakt per rad: Namn | Telefon | Varför man ringer.
plan-refresh-call-list = Fyll i ringlistan på nytt från personalregistret
hint-refresh-call-list = Ringlistan ersätts med enheternas chefer och personal ur registret, ordnad som ett ringträd. Du får se resultatet innan något sparas.
plan-call-list-refreshed = Ringlistan är ifylld från personalregistret. Granska den och spara utkastet.
plan-hotline-number = Telefonnummer
plan-routine-for = Reservrutin: { $activity }
plan-new-routine = Ny reservrutin
hint-routines = Lämna den tomma rutinen längst ned tom om du inte vill lägga till en. Spara så får du en ny tom rutin.
field-routine-activity = Verksamhet
hint-trigger = Vad som händer och vem som beslutar om att gå över.
hint-steps = Ett steg per rad, gärna "Roll: vad som görs".
hint-one-per-line = En per rad.
field-remove-routine = Ta bort den här rutinen
plan-new-checklist = Ny checklista
field-checklist-title = Rubrik
field-checklist-items = Punkter
field-remove-checklist = Ta bort den här checklistan
plan-save-draft = Spara utkastet
plan-diff-title = Jämför versioner: { $name }
plan-diff-from = Från version
plan-diff-to = Till version
plan-diff-show = Jämför
plan-diff-added = { $n ->
    [one] En rad tillagd.
   *[other] { $n } rader tillagda.
}
plan-diff-removed = { $n ->
    [one] En rad borttagen.
   *[other] { $n } rader borttagna.
}
plan-diff-added-label = Tillagt:
plan-diff-removed-label = Borttaget:
plan-line-lead = Ledning
plan-line-routine = Reservrutin
plan-line-trigger = Övergång
plan-line-step = Steg
plan-line-resource = Resurs
plan-line-switch-back = Tillbaka
plan-line-reentry = Efterregistrering
plan-line-call-list = Ringlista
plan-line-external = Extern kontakt
plan-line-hotline-number = Upplysningstelefon
plan-line-hotline-hours = Öppettider
plan-line-hotline-answered-by = Svarar
plan-line-hotline-script = Svarsmanus
plan-line-comm-web = Webbtext
plan-line-comm-hotline = Inspelat meddelande
plan-line-comm-media = Media
plan-line-comm-spokesperson = Talesperson
plan-line-checklist = Checklista
plan-line-checklist-item = Punkt
ref-plan = Kontinuitetsplan
err-columns = För många kolumner; skilj kolumnerna åt med |.
err-on-line = Rad { $n }:
binder-heading = Pärmen
binder-intro = Skriv ut pärmen för en enhet (med enheterna under den) eller för hela organisationen. Den innehåller de godkända planerna, ringlistor, checklistor och tomma blanketter. Varje utskrift registreras så att du ser när en pärm är äldre än planen.
binder-scope = Pärm för
binder-whole-org = Hela organisationen
binder-print = Skriv ut pärm (PDF)
binder-print-plan = Skriv ut planen (PDF)
binder-recent = Senaste utskrifterna
binder-title = Kontinuitetspärm
binder-doc-title = Kontinuitetspärm: { $scope }
binder-no-plans = Det finns ingen godkänd kontinuitetsplan för det här urvalet ännu.
binder-plan = Plan
binder-version = Version
binder-version-n = version { $n }
binder-approved = Godkänd
binder-units = Enheter
binder-printed = utskriven { $date }
binder-printed-by = Utskriven av { $name }
binder-how-to-use = Så används pärmen: Förvara den inlåst men åtkomlig på enheten, och ha en kopia hos chefen. Vid ett avbrott beslutar den som leder om reservrutin och noterar klockslaget. Bocka av stegen när de är gjorda. Dokumentera på blanketterna längst bak och lämna dem till den som leder vid passets slut. Allt som skrivs på papper ska föras in i systemen när de fungerar igen. Byt ut pärmen när en ny version av planen godkänns.
binder-marking = Intern: innehåller personuppgifter. Förvaras inlåst.
binder-reached = Nådd
binder-time = kl.
binder-fact-mtpd = Tål avbrott i högst { $n ->
    [one] en timme
   *[other] { $n } timmar
}
binder-fact-rto = ska vara igång inom { $n ->
    [one] en timme
   *[other] { $n } timmar
}
binder-fact-systems = Beroende av: { $systems }
binder-forms = Blanketter
binder-forms-intro = Kopiera blanketterna i förväg och förvara kopiorna i pärmen. Skriv tydligt, med datum och klockslag, och signera. Det som skrivs här förs in i systemen efteråt.
form-visit = Dokumentation vid besök
form-visit-note = En ruta per besök. Skriv det som avviker från planen och det som måste föras in i journalen eller den sociala dokumentationen.
form-meeting = Protokoll från krisledningsmöte
form-meeting-note = Gå igenom varje område: är det klart? Skriv beslut och nya uppgifter med ansvarig.
form-decisions = Beslutslogg
form-decisions-note = Varje beslut med klockslag, vem som beslutade och på vilket underlag eller mandat.
form-calls = Samtal till upplysningstelefonen
form-calls-note = Ett samtal per rad. Markera om den som ringde behöver bli uppringd igen.
form-f-client = Brukare/klient
form-f-date = Datum
form-f-time = Klockslag
form-f-by = Utfört av
form-f-title = Befattning
form-f-unit = Enhet
form-f-done = Vad som gjordes
form-f-observed = Iakttagelser och avvikelser
form-f-medication = Läkemedel givet
form-f-deviation = Avvikelse
form-f-nurse = Sjuksköterska kontaktad
form-f-signature = Signatur
form-f-entered = Införd i systemet (datum, signatur)
form-f-place = Plats
form-f-present = Närvarande
form-f-status = Läget per område
form-f-area = Område
form-f-state = Klart / pågår / problem
form-f-comment = Kommentar
form-f-decisions = Beslut
form-f-tasks = Nya uppgifter
form-f-what = Vad
form-f-who = Vem
form-f-when = Klart till
form-f-next-meeting = Nästa möte
form-f-keeper = Protokollförare
form-f-decision = Beslut
form-f-decided-by = Beslutat av
form-f-grounds = Underlag/mandat
form-f-caller = Vem ringde (namn, telefon)
form-f-errand = Ärende
form-f-answer = Svar eller åtgärd
form-f-callback = Ring upp
form-f-answered-by = Besvarat av
attention-plan-review = Kontinuitetsplaner som skulle ha setts över:
attention-binder-stale = Pärmar som är äldre än den godkända planen eller aldrig skrivits ut:
attention-plan-unapproved = Kontinuitetsplaner som inte är godkända:
plan-template-use = Skapa en plan från mallen
attention-unit-no-plan = Enheter med kritiska verksamheter men utan kontinuitetsplan:
plan-default-name = Kontinuitetsplan { $unit }
entity-plan = Kontinuitetsplan
entity-binder = Pärm
audit-action-approve = Godkände
audit-action-print = Skrev ut

# Krislådan (offline)
nav-kit = Krislåda
entity-kit = Krislåda
audit-action-export = Exporterade
kit-page-title = Krislådan: planerna i telefonen utan nät
kit-page-intro = Krislådan är en enda HTML-fil med de godkända kontinuitetsplanerna, ringlistor, kontakter, färdiga texter, blanketter och vad som fungerar när kommunens nät ligger nere. Den öppnas i webbläsaren på en telefon eller dator, från ett USB-minne, telefonens filer eller en e-postbilaga, utan server och utan nät. Innehållet är krypterat med lösenfrasen du väljer här.
kit-handout-heading = Så lämnar du ut krislådan
kit-handout-1 = Skicka eller kopiera filen till dem som behöver den, i förväg. Filen kan inte läsas utan lösenfrasen.
kit-handout-2 = Lämna lösenfrasen på ett annat sätt än filen: muntligt, på papper i pärmen eller i ett sms, aldrig i samma e-post. Beredd sparar inte lösenfrasen och kan inte ta fram den igen.
kit-handout-3 = Gör en ny krislåda när en plan godkänns i en ny version; tabellen nedan visar vilka planers krislåda som är inaktuell.
kit-field-units = Enheter
kit-hint-units = Välj inga för hela organisationen. Enheterna under en vald enhet kommer med.
kit-field-passphrase = Lösenfras
kit-hint-passphrase = Minst { $n } tecken. Gärna flera ord, till exempel "blå traktor sjunger i snön".
kit-field-passphrase2 = Lösenfrasen igen
kit-field-max-age = Varna när krislådan är äldre än (dagar)
kit-hint-max-age = Krislådan visar en varning när den är äldre än så här. 1–365 dagar.
kit-make = Skapa och ladda ner krislådan
kit-plans-heading = Planernas krislådor
kit-col-state = Krislåda
kit-state-none = Ingen krislåda med den godkända versionen
kit-state-stale = Krislådan har version { $n }, gör en ny
kit-state-current = Aktuell, skapad { $date }
kit-recent = Senast skapade krislådor
kit-title = Krislåda: { $scope }
kit-stamp = Exporterad { $date }
kit-intro = Skriv lösenfrasen för att öppna krislådan. Den fungerar utan nät; inget skickas någonstans.
kit-pass-label = Lösenfras
kit-open = Öppna
kit-noscript = Krislådan behöver JavaScript för att öppnas. Slå på JavaScript i webbläsaren.
kit-need-pass = Skriv lösenfrasen.
kit-opening = Öppnar …
kit-wrong-pass = Fel lösenfras. Försök igen, och kontrollera stora och små bokstäver.
kit-altered = Filen är ändrad eller skadad och kan inte öppnas. Använd en annan kopia av krislådan.
kit-no-crypto = Den här webbläsaren kan inte dekryptera krislådan. Använd en aktuell webbläsare.
kit-version = version
kit-approved = godkänd
kit-versions = Planversioner
kit-done-at = klart
kit-too-old = Krislådan är %n dagar gammal. Planerna kan ha ändrats sedan dess; fråga efter en ny krislåda när det går.
kit-nav-label = Krislådans delar
kit-nav-plans = Planer och rutiner
kit-nav-calls = Ringlistor
kit-nav-contacts = Kontakter
kit-nav-comm = Texter
kit-nav-works = Vad fungerar?
kit-nav-forms = Blanketter
kit-nav-log = Logg
kit-nav-search = Sök
kit-calls-intro = Bocka av den som är nådd. Bockarna sparas i den här webbläsaren.
kit-works-intro = Så här påverkas verksamheterna när allt inom kommunens nät ligger nere, enligt beroendena i Beredd när krislådan skapades.
kit-works-down = Stannar
kit-works-degraded = Fungerar med reservrutin eller sämre
kit-works-working = Fungerar
kit-works-because = Därför att: { $chain }.
kit-works-fallback = Reservrutin: { $fallback }
kit-print = Skriv ut
kit-log-intro = Skriv händelser och beslut medan de händer. Loggen sparas bara i den här webbläsaren; exportera den som fil och lämna filen till krisledningen så förs den in i Beredd.
kit-log-kind = Slag
kit-log-text = Vad hände eller beslutades
kit-log-author = Ditt namn
kit-log-decided-by = Beslutat av (vid beslut)
kit-log-grounds = Underlag och mandat (vid beslut)
kit-log-add = Spara i loggen
kit-log-saved = Sparat i loggen.
kit-log-need-text = Skriv vad som hände.
kit-log-need-author = Skriv ditt namn.
kit-log-not-saved = Det gick inte att spara i webbläsaren. Skriv på papper i stället.
kit-log-entries = Loggen
kit-log-export = Exportera loggen som fil
kit-log-count = %n poster i loggen.
kit-kind-event = Händelse
kit-kind-decision = Beslut
kit-kind-information = Information
kit-kind-task = Uppgift
kit-search-label = Sök i krislådan
kit-search-count = %n träffar.

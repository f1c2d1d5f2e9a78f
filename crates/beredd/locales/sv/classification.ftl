### Beredd – svenska texter (standardspråk): information, klassning, kravkatalog och självskattning

## Kravkatalog
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
requirements-shall = Krav vid upphandling (ska-krav)
requirements-guidance = Vägledning
requirements-derive = Vilka krav ger en klassning?
requirements-derive-hint = Ange nivå per aspekt och kryssa i de lagar som gäller för informationen.
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
ref-cyber = Cybersäkerhetslagen 2 kap. 3 § andra stycket, punkt
ref-gdpr = GDPR, artikel
ref-pdl = Patientdatalagen
ref-hslf = HSLF-FS 2016:40
ref-iso = ISO/IEC 27001:2022 bilaga A

## Information och klassning
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
classify-title = Klassa: { $name }
hint-why = Krävs när nivån är 2 eller högre: varför har informationen den här nivån?
field-why = Motivering, { $aspect }
field-reason = Varför klassas informationen nu?
hint-reason = Krävs när en klassning ändras: vad har ändrats sedan förra gången?
hint-aspect-K = Vad händer om informationen visas för fel person?
hint-aspect-R = Vad händer om informationen är fel eller har ändrats av misstag?
hint-aspect-T = Vad händer om informationen inte går att nå på en dag, en vecka?
hint-aspect-S = Hur viktigt är det att kunna se vem som har läst eller ändrat informationen?
system-information = Information och krav
system-no-classified = Ingen klassad information är kopplad till systemet.
system-required-level = Krävd nivå: { $levels } ({ $short }), den högsta bland informationen systemet har.
system-outage-link = Vad stannar om systemet ligger nere en vecka? (avbrottsanalys)

## Frågor som leder till en nivå
classify-help = Svara på frågorna och välj ”Föreslå nivåer”, eller välj nivåerna direkt. Väljer du en annan nivå än förslaget behöver du skriva varför.
classify-propose = Föreslå nivåer
classify-proposal = Förslag utifrån svaren: { $levels }. Kontrollera nivåerna, skriv motiveringar och spara.
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
action-from-requirement = Uppfyll krav { $what }
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
hint-create-action = En brist får en åtgärd; finns det redan en öppen åtgärd för bristen läggs ingen ny.
assessment-title = Självskattning: { $name }
assessment-intro = Kraven som systemets information ger (krävd nivå { $levels }). Bedöm varje krav; brister blir åtgärder i handlingsplanen.
assessment-summary = Uppfyllda / delvis / inte uppfyllda / inte tillämpliga / inte bedömda: { $counts }.
assessment-not-assessed = Inte bedömt
assessment-by = Bedömt av
assessment-open = Självskattning av kraven
assessment-remove = Ta bort självskattningen
assessment-remove-hint = Tar bort systemets alla bedömningar ({ $answers } st.) och underlagsfiler ({ $files } st.). Händelseloggen behåller bedömningarna och varje fils namn, storlek och SHA-256-fingeravtryck, men inte filerna själva: ladda ner dem först om de ska sparas. Därefter går systemet att ta bort.

## Underlag (bevis) för självskattningen
evidence-title = Underlag
evidence-file = Fil att ladda upp
evidence-hint = PDF, bild (PNG, JPEG), text (TXT, CSV) eller Office-dokument (DOCX, XLSX, PPTX, ODT, ODS), högst 10 MB.
evidence-upload = Ladda upp

## Utskrifter: kravspecifikation och klassningsrapport
pdf-catalogue = Kravkatalog
procurement-title = Kravspecifikation för upphandling
procurement-file = kravspecifikation
procurement-intro = Kraven nedan följer av klassningen av den information systemet ska hantera. Varje krav är ett ska-krav som kan klistras in i förfrågningsunderlaget. Numreringen följer området och ordningen i Beredds kravkatalog; id-numret inom parentes visar vilket krav i katalogen det kommer från.
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
report-version = Version { $v }, klassad av { $who } { $when }
report-not-classified = Inte klassad ännu
report-fulfilment = { $met } av { $all } krav uppfyllda
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

## Översikt över klassning och självskattning
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
classify-choose-level = Välj nivå
assessment-choose-status = Välj svar
assessment-area-progress = { $n } av { $all } besvarade
assessment-answer-by-area = Besvara kraven område för område
assessment-answer-by-area-hint = Alla krav i ett område på en sida. Underlag laddas upp på kravets egen sida: klicka på kravets namn.
assessment-areas = Områden
assessment-answer-area = Besvara området
assessment-requirement = Krav
assessment-status-of = Uppfylls kravet { $req }?
assessment-how-of = Hur uppfylls { $req } hos oss?
assessment-na-of = Varför gäller { $req } inte?
assessment-make-actions = Gör brister till åtgärder i handlingsplanen
assessment-make-actions-hint = Ett krav som inte eller bara delvis uppfylls får en åtgärd med systemets ägare som ansvarig. Finns det redan en åtgärd för bristen läggs ingen ny. Datum och ansvarig ändras i handlingsplanen.
assessment-area-position = Område { $n } av { $all }
assessment-area-intro = Svara på de krav du kan. Ett krav utan svar förblir obesvarat; inget räknas som uppfyllt förrän någon har sagt det.
assessment-no-files = Inget underlag
assessment-files = { $n ->
    [one] En fil som underlag
   *[other] { $n } filer som underlag
}
assessment-add-evidence = Lägg till underlag
assessment-save-next = Spara och gå till nästa område
assessment-all-areas = Alla områden
assessment-area-links-hint = Länkarna byter område utan att spara.
assessment-area-saved = { $n ->
    [0] Inget svar ändrades.
    [one] Ett svar sparades.
   *[other] { $n } svar sparades.
}
assessment-area-saved-in = { $n ->
    [0] Inget svar ändrades i { $area }.
    [one] Ett svar sparades i { $area }.
   *[other] { $n } svar sparades i { $area }.
}

## Klassningar från KLASSA (issue 18)
field-process-code = Processkod
hint-process-code = Koden för processen i kommunens klassificeringsstruktur, till exempel ”3.2.1”, som den står i KLASSA eller dokumenthanteringsplanen.
asset-origin-klassa = Klassad i KLASSA { $date }
asset-origin-manual = Beslutad utanför Beredd { $date }
klassa-link = Importera klassningar från KLASSA
klassa-title = Importera klassningar från KLASSA
klassa-preview-title = Förhandsgranska klassningarna från KLASSA
klassa-intro = Har kommunen redan klassat sin information i SKR:s verktyg KLASSA kan du ta med det arbetet hit. Exportera klassningarna till Excel och läs in filen. Varje rad blir en ny version av informationsmängdens klassning, märkt ”KLASSA” och med datumet från filen. Tidigare versioner ändras aldrig. En informationsmängd som inte finns i registret läggs till.
klassa-template-text = Mallen har en kolumn för varje uppgift: informationsmängdens namn, nivån 0–4 för konfidentialitet, riktighet, tillgänglighet och spårbarhet, datum för klassningen, vem som klassade, processkod och motivering. Du kan också läsa in exporten som den är och välja vilken kolumn som hör till vilket fält. Valet sparas till nästa gång.
klassa-unseen = Rubrikerna är gjorda utan tillgång till en riktig export från KLASSA. Känns en kolumn inte igen väljer du den själv i förhandsgranskningen.
klassa-preview-intro = Så här skulle filen { $file } läggas till klassningarna. Inget är sparat ännu.
klassa-rows-heading = Klassningar som sparas
klassa-rows-hint = Varje rad blir en ny version med ursprunget KLASSA. Rader som redan är inlästa (samma informationsmängd, datum och nivåer) hoppas över.
klassa-new-asset = ny informationsmängd
klassa-field-name = Informationsmängd
klassa-field-date = Datum för klassning
klassa-field-by = Klassad av
klassa-field-motivation = Motivering
klassa-count-rows = { $n ->
    [one] { $n } klassning att spara
   *[other] { $n } klassningar att spara
}
klassa-count-new-assets = { $n ->
    [one] { $n } ny informationsmängd
   *[other] { $n } nya informationsmängder
}
klassa-count-unchanged = { $n ->
    [one] { $n } rad redan inläst
   *[other] { $n } rader redan inlästa
}
klassa-count-stored = { $n ->
    [one] { $n } klassning
   *[other] { $n } klassningar
}
klassa-stored = Klassningarna är sparade: { $rows }, { $new }.
klassa-crosswalk-heading = Var KLASSA:s åtgärder finns i Beredd
klassa-crosswalk-hint = Åtgärderna som KLASSA föreslår finns här som krav i kravkatalogen. Tabellen visar i vilket kravområde du hittar motsvarande krav. Områdena är beskrivna med våra egna ord; kontrollera dem mot den version av KLASSA som kommunen har använt.
klassa-crosswalk-klassa = Åtgärdsområde i KLASSA
klassa-crosswalk-beredd = Kravområde i Beredd
klassa-template-note-1 = Mall för att läsa in klassningar från KLASSA i Beredd.
klassa-template-note-2 = En rad per informationsmängd (eller system). Namnet jämförs med registret; finns det inte läggs informationsmängden till.
klassa-template-note-3 = Nivåerna är 0–4 för konfidentialitet, riktighet, tillgänglighet och spårbarhet. ”2”, ”K2” och ”Nivå 2” läses alla som 2.
klassa-template-note-4 = Datum skrivs ÅÅÅÅ-MM-DD och får inte ligga efter dagens datum. Klassad av kan lämnas tom; då anges den som läser in filen.
klassa-template-note-5 = Rubrikerna är gjorda utan tillgång till en riktig export från KLASSA. Har exporten andra rubriker väljer du kolumnerna själv i förhandsgranskningen.
klassa-template-note-6 = Varje rad blir en ny version av klassningen med ursprunget KLASSA. Tidigare versioner ändras aldrig.

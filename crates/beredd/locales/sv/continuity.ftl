### Beredd – svenska texter (standardspråk): avbrottsanalys, konsekvensanalys, scenarier, kontinuitetsplaner, pärmen och krislådan

## Avbrottsanalys
outage-title = Om det går ner – avbrottsanalys
outage-intro = Välj vad som slutar fungera och hur länge. Beredd visar vilka verksamheter som stannar, vilka som kan fortsätta för hand med en reservrutin, och vad som fortsätter att fungera.
outage-what-fails = Vad slutar fungera?
outage-category-inside_network = Allt i kommunens nät (som vid en IT-attack)
outage-duration = Hur länge?
duration-hour = En timme
duration-shift = Fyra timmar (ett arbetspass)
duration-day = Ett dygn
duration-three-days = Tre dygn
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
hint-mtpd = Hur länge verksamheten längst kan vara utan det den behöver innan skadan blir oacceptabel. 24 = ett dygn, 168 = en vecka.
hint-rto = Hur snabbt det ska vara igång igen. Måste vara kortare än det längsta tålbara avbrottet.
hint-rpo = Hur mycket information, räknat i tid bakåt, som får gå förlorad.
field-text-1h = Vad händer efter en timme?
field-text-4h = Vad händer efter fyra timmar, när ett arbetspass har gått?
field-text-1d = Vad händer efter ett dygn?
field-text-3d = Vad händer efter tre dygn?
hint-bia-level-same = Lämna tom om konsekvensen är densamma som vid tidpunkten före.
field-text-1w = Vad händer efter en vecka?
field-text-1m = Vad händer efter en månad?
hint-peak-periods = När ett avbrott skadar mest, till exempel utbetalningsveckan eller veckorna kring jul.
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
graph-title = Beroendegrafen
graph-desc = Verksamheter, system, leverantörer och resurser med linjer till det de är beroende av. ✕ betyder att det har slutat fungera eller stannar, ! att det fungerar försämrat eller för hand, ✓ att det fungerar. Tabellerna ovan och nedan säger samma sak i text.
graph-failed = Slutar fungera i scenariot

## Mallar för kontinuitetsplaner
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
plan-hotline-script = Vad den som svarar säger
plan-communication = Kommunikation
plan-comm-web = Text för en tillfällig webbsida
plan-comm-hotline = Inspelat meddelande
plan-comm-media = Till media
plan-comm-spokesperson = Talesperson
plan-checklists = Checklistor

## Kontinuitetsplaner och pärmen
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
plan-col-binder = Utskriven pärm
plan-review-due = Nästa översyn
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
plan-warn-overlap = { $units } ingår också i { $plan }. I pärmen, krislådan och på incidenttavlan kommer varje reservrutin bara med en gång.
plan-overlap-heading = Enheten har redan en kontinuitetsplan
plan-overlap-unit = { $units } ingår redan i { $plan }.
plan-overlap-explain = Oftast är det bättre att ändra den plan som finns. Gör du ändå en ny plan står enhetens reservrutiner i båda planerna. I pärmen, krislådan och på incidenttavlan kommer varje reservrutin bara med en gång: från den plan som gäller färst enheter, annars från den som godkändes senast.
plan-overlap-open = Öppna { $plan }
plan-overlap-create = Skapa den nya planen ändå
plan-unit-has-plan = { $unit } – ingår i { $plans }
binder-routine-elsewhere = Reservrutinen för { $activity } står under { $plan }.
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
plan-col-calls = Ringer i sin tur
plan-col-purpose = Varför man ringer
plan-contacts = Ringlista och kontakter
hint-call-list = I den ordning ni ringer. Namn och telefon krävs. Välj en person ur personalregistret så fylls namn, roll och telefon i, eller skriv in någon som inte finns där.
hint-externals = Leverantörer, regionen, polisen och andra som enheten kan behöva ringa. Telefonnumret kan fyllas i senare.
plan-refresh-call-list = Hämta hela ringlistan från personalregistret
hint-refresh-call-list = Ringlistan ersätts med enheternas chef och personal som har telefonnummer i registret, ordnade som ett ringträd. Du ser resultatet innan något sparas.
plan-fill-none = Personalregistret har ingen med telefonnummer på planens enheter, så ringlistan är oförändrad. Lägg in personalen under Personer och kontakter, eller skriv in dem här.
plan-fill-same = Ringlistan är redan densamma som personalregistret ger: { $n ->
    [one] en person
   *[other] { $n } personer
}. Ingenting ändrades.
plan-fill-replaced = Ringlistan är ersatt med { $n ->
    [one] en person
   *[other] { $n } personer
} ur personalregistret, ordnade som ett ringträd. Granska listan och spara utkastet; ingenting är sparat ännu.
plan-fill-fewer = Enheterna har { $staff } medarbetare enligt enhetsregistret, men bara { $n } av dem finns i personalregistret med telefonnummer. Lägg in resten under Personer och kontakter, eller skriv in dem här.
plan-fill-without-phone = { $n ->
    [one] En person
   *[other] { $n } personer
} i personalregistret saknar telefonnummer och kom inte med.
plan-routine-for = Reservrutin: { $activity }
plan-new-routine = Ny reservrutin
hint-routines = Öppna en rutin för att ändra den. Den sista, "Lägg till en reservrutin", blir en ny rutin när du fyller i den och sparar.
field-routine-activity = Verksamhet
hint-trigger = Vad som händer och vem som beslutar om att gå över.
hint-steps = I den ordning de görs: vem som gör det (en roll, till exempel Enhetschef) och vad som görs. Ändra ordningen med Upp och Ned.
plan-sections = Planens delar
plan-section-head = Om planen
plan-add-routine = Lägg till en reservrutin
plan-add-checklist = Lägg till en checklista
plan-step-count = { $n ->
    [one] 1 steg
   *[other] { $n } steg
}
plan-step-role = Vem
plan-step-text = Vad som görs
plan-row-step = steg { $n }
plan-row-call = person { $n }
plan-row-external = kontakt { $n }
plan-add-step = Lägg till ett steg
plan-add-call = Lägg till en person
plan-add-external = Lägg till en kontakt
plan-move-up = Upp
plan-move-down = Ned
plan-remove-row = Ta bort
plan-no-steps = Inga steg ännu.
plan-calls-empty = Ringlistan är tom.
plan-externals-empty = Inga externa kontakter ännu.
plan-pick-call = Lägg till från personalregistret
plan-pick-call-hint = Namn, roll och telefon fylls i från registret. Bara personal med telefonnummer finns med.
plan-pick-external = Lägg till från personregistrets externa kontakter
plan-pick-external-hint = Namn, telefon och roll fylls i från registret.
plan-pick-externals-group = Externa kontakter
plan-pick-none = Välj i listan
plan-pick-add = Lägg till
field-remove-routine = Ta bort den här rutinen
plan-new-checklist = Ny checklista
field-checklist-title = Rubrik
field-checklist-items = Punkter
field-remove-checklist = Ta bort den här checklistan
plan-too-many-routines = Formuläret säger att planen har { $n } reservrutiner, men redigeraren tar emot högst { $max }. Ingenting sparades. Dela upp planen i flera planer, eller ladda om sidan om formuläret har ändrats.
plan-too-many-steps = Formuläret säger att en reservrutin har { $n } steg, men redigeraren tar emot högst { $max }. Ingenting sparades. Ladda om sidan om formuläret har ändrats.
plan-too-many-calls = Formuläret säger att ringlistan har { $n } personer, men redigeraren tar emot högst { $max }. Ingenting sparades. Dela upp planen i flera planer, eller ladda om sidan om formuläret har ändrats.
plan-too-many-externals = Formuläret säger att planen har { $n } externa kontakter, men redigeraren tar emot högst { $max }. Ingenting sparades. Ladda om sidan om formuläret har ändrats.
plan-too-many-checklists = Formuläret säger att planen har { $n } checklistor, men redigeraren tar emot högst { $max }. Ingenting sparades. Dela upp planen i flera planer, eller ladda om sidan om formuläret har ändrats.
plan-form-outdated = Sidan kommer från en äldre version av Beredd och kan inte sparas. Ingenting sparades. Ladda om sidan och gör ändringarna igen.
plan-edit-stale = Någon annan har sparat planen sedan du öppnade den, och ingenting av ditt sparades. Det du skrev finns kvar här nedan. Öppna planen i en ny flik för att se den andras ändringar; spara här igen för att ersätta dem med dina.
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
form-f-by = Utfört av
form-f-title = Befattning
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
form-f-state = Klart / pågår / problem
form-f-decisions = Beslut
form-f-tasks = Nya uppgifter
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
plan-template-use = Skapa en plan från mallen
plan-default-name = Kontinuitetsplan { $unit }

## Krislådan (offline)
kit-page-title = Krislådan: planerna i telefonen utan nät
kit-page-intro = Krislådan är en enda HTML-fil med de godkända kontinuitetsplanerna, ringlistor, kontakter, färdiga texter, blanketter och vad som fungerar när kommunens nät ligger nere. Den öppnas i webbläsaren på en telefon eller dator, från ett USB-minne, telefonens filer eller en e-postbilaga, utan server och utan nät. Innehållet är krypterat med lösenfrasen du väljer här.
kit-handout-heading = Så lämnar du ut krislådan
kit-handout-1 = Skicka eller kopiera filen till dem som behöver den, i förväg. Filen kan inte läsas utan lösenfrasen.
kit-handout-2 = Lämna lösenfrasen på ett annat sätt än filen: muntligt, på papper i pärmen eller i ett sms, aldrig i samma e-post. Beredd sparar inte lösenfrasen och kan inte ta fram den igen.
kit-handout-3 = Gör en ny krislåda när en plan godkänns i en ny version; tabellen nedan visar vilka planers krislåda som är inaktuell.
kit-handout-4 = Skriv ut listan över krislådor längst ner med fingeravtrycken och lägg den i pärmen. Den som öppnar en krislåda jämför fingeravtrycket på krislådans första sida med listan innan lösenfrasen skrivs.
kit-field-units = Enheter
kit-hint-units = Välj inga för hela organisationen. Enheterna under en vald enhet kommer med.
kit-field-passphrase = Lösenfras
kit-hint-passphrase = Minst fyra olika ord med mellanslag eller bindestreck emellan, eller minst 16 tecken. Inte organisationens namn, ett vanligt lösenord, en årstid, årtal eller en tangentrad. Beredd sparar inte lösenfrasen.
kit-field-passphrase2 = Lösenfrasen igen
kit-strength-refused = Godtas inte: { $why }
kit-strength-acceptable = Godtas. Fler ord gör den starkare: fem ord som inte hör ihop är ett bra mål.
kit-strength-strong = Stark. Godtas.
kit-suggestion-intro = Förslag från Beredd: fem ord som servern valt slumpvis, ungefär { $n } bitar att gissa. Skriv in förslaget i båda fälten och lämna det på ett annat sätt än filen.
kit-suggestion-new = Visa ett nytt förslag
kit-field-max-age = Varna när krislådan är äldre än (dagar)
kit-hint-max-age = Krislådan visar en varning när den är äldre än så här. 1–365 dagar.
kit-field-recipients = Vilka får filen
kit-hint-recipients = Ett namn per rad. Antecknas med krislådan och visas i konsekvensbedömningen för krislådan (Uppföljning), så att ni vet vem som ska få en ny fil när lösenfrasen byts.
kit-make = Skapa och ladda ner krislådan
kit-plans-heading = Planernas krislådor
kit-col-state = Krislåda
kit-state-none = Ingen krislåda med den godkända versionen
kit-state-stale = Krislådan har version { $n }, gör en ny
kit-state-current = Aktuell, skapad { $date }
kit-recent = Senast skapade krislådor
kit-fingerprints-intro = Fingeravtrycket är SHA-256 av krislådans förseglade del: huvudet och det krypterade innehållet. Krislådan visar det på sin första sida. Den som öppnar en kopia jämför det med den här listan, eller med en utskrift av den, innan lösenfrasen skrivs. En fil som någon har bytt ut helt kan visa vilket fingeravtryck som helst, så kopian ska komma från en känd plats. Hela filens SHA-256 täcker även skriptet och sidans text.
kit-made-line = { $scope }, skapad { $at } av { $by }
kit-col-fingerprint = Fingeravtryck (visas i krislådan)
kit-no-fingerprint = Saknas: skapad innan fingeravtrycken sparades
kit-fingerprint-full = Hela värdena
kit-fingerprint-sealed = Fingeravtryck (SHA-256 av den förseglade delen)
kit-fingerprint-file = Hela filens SHA-256
kit-verify-hint = På servern kontrollerar kommandot beredd kit verify FIL en kopia: om den är en krislåda som Beredd har gjort, och om skriptet och texterna är exakt de som den här versionen av Beredd skriver.
kit-title = Krislåda: { $scope }
kit-stamp = Exporterad { $date }
kit-fingerprint-label = Fingeravtryck:
kit-fingerprint-note = Jämför fingeravtrycket med listan på sidan Krislåda i Beredd, eller med en utskrift av den, innan du skriver lösenfrasen. Stämmer det inte: skriv inte lösenfrasen här, använd en kopia från en känd plats. En fil som någon har bytt ut helt kan visa vad som helst på den här sidan.
kit-intro = Skriv lösenfrasen för att öppna krislådan. Den fungerar utan nät; inget skickas någonstans.
kit-pass-label = Lösenfras
kit-open = Öppna
kit-noscript = Krislådan behöver JavaScript för att öppnas. Slå på JavaScript i webbläsaren.
kit-need-pass = Skriv lösenfrasen.
kit-opening = Öppnar …
kit-wrong-pass = Fel lösenfras. Försök igen, och kontrollera stora och små bokstäver.
kit-altered = Filen är ändrad eller skadad och kan inte öppnas. Använd en annan kopia av krislådan.
kit-no-crypto = Den här webbläsaren kan inte dekryptera krislådan. Använd en aktuell webbläsare.
kit-device-heading = Den här enheten
kit-device-text = Krislådan sparar loggen och bockarna krypterade i den här webbläsaren; samma lösenfras öppnar dem. Töm enheten när du lämnar en lånad dator eller telefon, och exportera loggen först om den ska in i Beredd.
kit-clear = Töm den här enheten
kit-clear-confirm = Allt som Beredds krislådor har sparat i den här webbläsaren tas bort: loggar och bockar, även andra krislådors. Det går inte att ångra. Töm enheten?
kit-clear-yes = Ja, töm den här enheten
kit-clear-no = Avbryt
kit-cleared = Det som krislådorna hade sparat i den här webbläsaren är borttaget.
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
kit-calls-intro = Bocka av den som är nådd. Bockarna sparas krypterade i den här webbläsaren.
kit-works-intro = Så här påverkas verksamheterna när allt inom kommunens nät ligger nere, enligt beroendena i Beredd när krislådan skapades.
kit-works-down = Stannar
kit-works-degraded = Fungerar med reservrutin eller sämre
kit-works-working = Fungerar
kit-works-because = Därför att: { $chain }.
kit-works-fallback = Reservrutin: { $fallback }
kit-print = Skriv ut
kit-log-intro = Skriv händelser och beslut medan de händer. Loggen sparas krypterad i den här webbläsaren och öppnas med krislådans lösenfras; exportera den som fil och lämna filen till krisledningen så förs den in i Beredd.
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
kit-log-count = %n poster i loggen. Tiderna är svensk tid.
kit-log-merged = %n poster från en tidigare krislåda på den här enheten har förts in i loggen.
kit-log-foreign = %n krisloggar från andra krislådor finns på den här enheten men öppnas inte med den här lösenfrasen. Öppna dem i sina egna krislådor och exportera dem därifrån.
kit-store-failed = Det gick inte att spara i webbläsaren. Skriv på papper i stället.
kit-kind-event = Händelse
kit-kind-decision = Beslut
kit-kind-information = Information
kit-kind-task = Uppgift
kit-search-label = Sök i krislådan
kit-search-count = %n träffar.

## beredd kit verify
kit-verify-fingerprint = Fingeravtryck: { $short }
kit-verify-sealed = SHA-256 av den förseglade delen: { $sha }
kit-verify-file = Hela filens SHA-256: { $sha }
kit-verify-exact = Filen är exakt den krislåda som Beredd gjorde { $at } för { $scope } (av { $by }).
kit-verify-older = Den gjordes av en tidigare version av Beredd, så sidan runt innehållet skiljer sig från den som den här versionen skriver.
kit-verify-same-content = Den förseglade delen är den krislåda som Beredd gjorde { $at } för { $scope } (av { $by }), och sidan runt den är exakt den som den här versionen av Beredd skriver.
kit-verify-changed = Den förseglade delen är den krislåda som Beredd gjorde { $at } för { $scope } (av { $by }), men sidan runt den är ändrad. Skriv inte lösenfrasen i den här kopian.
kit-verify-unknown = Varken filen eller dess förseglade del stämmer med en krislåda som den här servern har gjort.
kit-verify-same-id = Huvudet anger krislådan { $id }, gjord { $at } för { $scope } (av { $by }), men innehållet stämmer inte med den; eller så gjordes den innan fingeravtrycken sparades.
kit-verify-plans = Planer: { $plans }
kit-verify-page-same = Skriptet och sidans text är exakt de som den här versionen av Beredd skriver.
kit-verify-page-header = Huvudet är inte ett som den här versionen av Beredd skriver.
kit-verify-page-script = Skriptet skiljer sig från det som den här versionen av Beredd skriver.
kit-verify-page-text = Skriptet är detsamma, men sidans text, stil eller säkerhetsregler skiljer sig från dem som den här versionen av Beredd skriver.
kit-verify-failed-changed = krislådan är ändrad: jämför inte bara fingeravtrycket, använd en kopia från en känd plats
kit-verify-failed-unknown = krislådan är inte en som den här servern har gjort
kit-verify-not-a-kit = filen är inte en krislåda från Beredd
outage-instead = Gör så här i stället:
outage-change = Ändra vad som går ner och hur länge
outage-show-graph = Visa beroendena som graf
binder-keys-title = Nycklar och var hemligheterna förvaras
binder-keys-intro = Varje post i krisloggen signeras med en nyckel som förvaras utanför databasen. Med den offentliga nyckeln nedan kan vem som helst kontrollera att en logg inte har ändrats, utan någon hemlighet. Sidan säger var hemligheterna finns, aldrig hemligheterna själva. Byt nycklarna och lösenfraserna en gång om året (årshjulet).
binder-keys-public = Organisationens offentliga nyckel
binder-keys-id = Nyckelns kortnamn
binder-keys-id-value = { $key }, gjord { $made }
binder-keys-not-given = Inte angivet. Fyll i det under Organisationen.
binder-keys-verify = Kontrollera en incidents logg: beredd incident verify --public-key "{ $key }" INCIDENTNUMMER

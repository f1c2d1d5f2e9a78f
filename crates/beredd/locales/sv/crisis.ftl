### Beredd – svenska texter (standardspråk): krisläget med incidenter, rapportering, möten, övningar och återställning

## Händelser och krisledning
incidents-title = Händelser och krisledning: incidenter
incidents-intro = En incident samlar krisledningens arbete: lägestavlan där varje område och varje steg i reservrutinerna bockas av (”är det klart?”), loggen över händelser och beslut, vilka medarbetare som är nådda och krisledningens bemanning. Loggen kan inte ändras i efterhand; en rättelse är en ny post som pekar på posten den rättar.
incidents-none = Det finns ingen incident.
incident-new = Starta en incident
incident-start = Starta incidenten
incident-active = Pågår
incident-closed = Avslutad
incident-closed-at = Avslutad { $date }
incident-started = Startad
incident-field-title = Vad har hänt (rubrik)
incident-hint-title = Kort, till exempel ”Kommunens IT-system är utslagna”.
incident-field-what = Beskrivning
incident-field-discovered = Kommunen fick kännedom om incidenten (datum och klockslag, svensk tid)
incident-hint-discovered = Svensk tid, ÅÅÅÅ-MM-DD TT:MM, ifyllt med nu. Fristerna enligt cybersäkerhetslagen 2 kap. 5–6 §§ och GDPR art. 33 räknas från kännedom.
incident-field-aware-by = Vem bedömde att kommunen fick kännedom
incident-hint-aware-by = Beslutet skrivs i loggen. Det kan ändras senare på sidan Rapportering.
incident-field-first-signs = Första tecken på störning (om det var tidigare)
incident-hint-first-signs = Lämna tomt om det var samtidigt. ÅÅÅÅ-MM-DD TT:MM, svensk tid. Skrivs som en händelse i loggen; fristerna räknas inte härifrån.
incident-log-first-signs = Första tecken på störning.
incident-aware-grounds = Registrerades när incidenten lades upp i Beredd.
incident-time-zone-uncertain = tidszon osäker
incident-field-raised-by = Vem larmade
incident-field-units = Berörda enheter
incident-hint-units = Enheterna under en vald enhet kommer med. Deras godkända kontinuitetsplaner blir lägestavlans checklistor.
flash-incident-started = Incidenten är startad. Lägestavlan har fyllts med reservrutinerna från de berörda enheternas planer.
incident-tabs = Incidentens delar
incident-tab-board = Lägestavla
incident-tab-log = Loggen
incident-tab-staff = Nådda medarbetare
incident-tab-roster = Krisledningen
incident-board-intro = Gå igenom område för område: är det klart? Ändringar syns direkt för alla som har sidan öppen.
incident-board-empty = Lägestavlan är tom: de berörda enheterna har ingen godkänd kontinuitetsplan.
incident-live = Lägestavlan uppdateras direkt.
incident-live-lost = Tappade kontakten med servern; ladda om sidan.
incident-live-restarting = Servern startas om. Lägestavlan ansluter igen av sig själv när den är tillbaka.
incident-done-of = Klart: { $counts }.
incident-problems = { $n ->
    [one] Ett problem.
   *[other] { $n } problem.
}
incident-by-at = { $who }
incident-close = Avsluta incidenten
board-state-not_started = Inte påbörjad
board-state-under_way = Pågår
board-state-done = Klart
board-state-problem = Problem
log-kind-event = Händelse
log-kind-decision = Beslut
log-kind-information = Information
log-kind-task = Uppgift
log-kind-status = Lägesändring
log-kind-correction = Rättelse
log-kind-system = Beredd
incident-log-title = Logg: { $title }
incident-log-add = Skriv i loggen
incident-log-save = Spara i loggen
incident-field-kind = Typ
incident-field-text = Vad hände, vad beslutades eller vad ska göras
incident-field-decided-by = Beslutat av
incident-hint-decided-by = Krävs för ett beslut.
incident-field-grounds = Underlag och mandat
incident-hint-grounds = På vilket underlag och med vilket mandat beslutet fattades.
incident-field-occurred = När det hände
incident-hint-occurred = Svensk tid, ÅÅÅÅ-MM-DD TT:MM. Ifyllt med nu; ändra om det hände tidigare. Lämnas fältet tomt gäller tiden då det sparas.
incident-field-corrects = Rättar post
incident-hint-corrects = Krävs för en rättelse. Den rättade posten finns kvar och visar att den är rättad.
incident-entry-n = Post { $n }
incident-corrects = Rättar
incident-corrected-by = Rättad i
incident-recorded-by = införd av { $who }
incident-chain-intact = { $n ->
    [one] Loggen är obruten: en post, kontrollerad just nu.
   *[other] Loggen är obruten: { $n } poster, kontrollerade just nu.
}
incident-chain-thinned = { $n ->
    [one] En av dem är gallrad: den kontrolleras mot sin markering och behåller sin plats i kedjan.
   *[other] { $n } av dem är gallrade: de kontrolleras mot sina markeringar och behåller sina platser i kedjan.
}
incident-chain-changed = Loggen är bruten: post { $n } har ändrats efter att den skrevs.
incident-chain-link = Loggen är bruten vid post { $n }: posten före den har ändrats, tagits bort eller lagts till.
incident-chain-gap = Loggen är bruten: post { $n } saknas.
incident-chain-truncated = Loggen är bruten: efter post { $n } har poster tagits bort.
incident-log-started = Incidenten startades: { $title }.
incident-log-units = Berörda enheter: { $units }.
incident-log-board = Lägestavlan: { $item }
incident-log-reached = Nådd: { $name }
incident-log-not-reached = Inte nådd: { $name }
incident-log-roster = Krisledningen: { $who }
incident-log-closed = Incidenten avslutades.
incident-staff-title = Nådda medarbetare: { $title }
incident-staff-intro = Ring alla medarbetare i de berörda enheterna och markera vem som är nådd.
incident-staff-none = De berörda enheterna har inga medarbetare i personalregistret.
incident-reached-share = Nådda: { $share }
incident-reached-total = Nådda i alla enheter: { $share }
incident-reached = Nådd
incident-not-reached = Inte nådd
incident-mark-reached = Markera som nådd
incident-mark-not-reached = Ångra: inte nådd
incident-roster-title = Krisledningen: { $title }
incident-roster-none = Ingen i krisledningen är registrerad ännu.
incident-roster-add = Lägg till i krisledningen
incident-field-role = Roll
incident-field-area = Område
incident-hint-area = För kontaktperson för ett område.
incident-field-on-duty = I tjänst nu
staff-role-crisis_leader = Krisledningschef
staff-role-chief_of_staff = Stabschef
staff-role-log_keeper = Loggförare
staff-role-information_officer = Kommunikatör
staff-role-spokesperson = Talesperson
staff-role-area_contact = Kontaktperson för område
incident-log-imported = Loggfil från en digital krispärm inläst: { $counts } poster var nya.
incident-import-heading = Läs in en logg från den digitala krispärmen
incident-import-file = Loggfil (.json) exporterad från den digitala krispärmen
incident-import-hint = Poster som redan finns läses inte in igen. Författare och ursprungliga tider behålls.
incident-import-submit = Läs in
flash-imported = Loggfilen är inläst.

## Rapportering och kommunikation under en incident
incident-tab-comms = Kommunikation
comms-title = Kommunikation: { $title }
comms-clocks = Rapporter till MCF och IMY
comms-exercise = Det här är en övning. Inga rapporteringsfrister börjar löpa och inga rapporter skickas.
comms-significant = Betydande incident enligt cybersäkerhetslagen (NIS2)
comms-significant-hint = Då ska en tidig varning lämnas inom 24 timmar, en incidentanmälan inom 72 timmar och en slutrapport inom en månad efter anmälan. Klockorna räknas från när incidenten upptäcktes.
comms-personal-data = Personuppgiftsincident
comms-personal-data-hint = Då ska Integritetsskyddsmyndigheten (IMY) underrättas inom 72 timmar.
comms-no-clocks = Inga klockor går: ingen har beslutat att incidenten är betydande eller en personuppgiftsincident som ska anmälas.
comms-deadline = Senast
comms-draft = Utkast till rapport
comms-draft-hint = Utkastet har de rubriker mottagaren frågar efter och är ifyllt från besluten och lägestavlan, aldrig från loggens fritext. Fyll i det som står inom hakparentes, och skriv aldrig namn på enskilda. Spara det som faktiskt skickades.
comms-reference = Ärendenummer eller referens hos mottagaren
comms-mark-sent = Markera som skickad
comms-report-sent-text = Det här skickades
duty-nis2_early_warning = Tidig varning till MCF (cybersäkerhetslagen 2 kap. 5 §, senast 24 timmar)
duty-nis2_notification = Incidentanmälan till MCF (2 kap. 6 §, senast 72 timmar)
duty-nis2_interim = Delrapport till MCF på begäran (2 kap. 7 §)
duty-nis2_progress = Lägesrapport till MCF (2 kap. 8 §, incidenten pågår en månad efter anmälan)
duty-nis2_final = Slutrapport till MCF (2 kap. 8 §, en månad efter incidentanmälan, eller en månad efter att incidenten har hanterats)
duty-imy_breach = Anmälan av personuppgiftsincident till IMY (GDPR art. 33, om möjligt inom 72 timmar)
clock-sent = Skickad { $at }
clock-sent-late = Skickad för sent, { $at }
clock-left = { $left } kvar
clock-overdue = Försenad med { $by }
clock-overdue-imy = Efter 72 timmar ({ $by } sedan): anmäl utan dröjsmål och motivera förseningen i anmälan
clock-waiting = Inväntar att incidenten har hanterats
clock-requested = MCF har begärt en delrapport
due-after-handled = en månad efter att incidenten har hanterats
due-on-request = när MCF har bett om den
duration-dhm = { $d } dygn { $h } h { $m } min
duration-hm = { $hm }
comms-hotlines = Upplysningstelefoner för allmänheten
comms-no-hotlines = Ingen upplysningstelefon är öppnad ännu.
comms-add-hotline = Öppna en upplysningstelefon
comms-messages = Publicerade meddelanden
comms-no-messages = Inget meddelande är publicerat ännu.
comms-add-message = Publicera ett meddelande
comms-channel = Kanal
comms-text = Text
comms-approved-by = Godkänt av
comms-hint-approved-by = Vem som godkände texten innan den publicerades.
comms-publish = Registrera som publicerat
channel-web = Webbplats
channel-press = Pressmeddelande
channel-social = Sociala medier
channel-hotline = Upplysningstelefon
channel-internal = Internt till medarbetare
comms-media = Frågor från media
comms-no-media = Inga frågor från media ännu.
comms-add-media = Registrera en fråga från media
comms-outlet = Redaktion
comms-contact = Reporter och telefon
comms-question = Frågan
comms-routed-to = Till talesperson
comms-no-spokesperson = Ingen talesperson är utsedd – lägg till en i krisledningen.
comms-answered = Besvarad
comms-mark-answered = Markera som besvarad
comms-log-report = Rapport skickad: { $what }
comms-log-hotline = Upplysningstelefon öppnad: { $what }
comms-log-message = Meddelande publicerat: { $what }
comms-log-media = Fråga från media: { $what }
comms-log-media-answered = Fråga från media nr { $n } besvarad.
comms-log-draft = Utkast till meddelande sparat: { $what }
comms-log-approved = Meddelande nr { $n } godkänt och publicerat av { $who }.
comms-draft-marker = Utkast, inte godkänt
comms-approve = Godkänn och publicera
comms-save-draft = Spara som utkast
comms-public-page = Publik webbsida
comms-public-page-hint = En enkel webbsida för allmänheten med upplysningstelefonerna och de godkända meddelandena för webb, press och sociala medier – inget annat. Den är en enda fil som kan läggas på en webbplats utanför kommunens nät.
comms-public-page-download = Ladda ner den publika sidan
public-title = Information från { $org }
public-heading = Aktuell information om störningen
public-updated = Uppdaterad
public-swedish-time = svensk tid
public-exercise = ÖVNING – det här är en övning, inte en verklig händelse.
public-exercise-short = ÖVNING
public-call = Ring oss
public-no-hotlines = Inget nummer är öppnat ännu.
public-emergency = Vid fara för liv, hälsa eller egendom: ring 112.
public-messages = Meddelanden
public-no-messages = Inget meddelande är publicerat ännu.
public-published = Publicerat
public-other-language = In English
public-messages-language = Meddelandena ovan är skrivna på svenska.
public-made-with = Sidan är gjord med Beredd.
public-a11y-heading = Tillgänglighet
public-a11y = { $org } vill att alla ska kunna ta del av den här sidan, så som lagen (2018:1937) om tillgänglighet till digital offentlig service kräver. Sidan är en enda fil utan skript och är gjord för att uppfylla WCAG 2.1 nivå AA: den går att läsa med skärmläsare, att förstora och att använda med tangentbord och på mobiltelefon. Sidmallen testas automatiskt med verktyget axe i bredden 360 och 1280 bildpunkter.
public-a11y-contact = Kan du inte ta del av något här, eller vill du säga till om en brist? Ring ett av numren ovan eller { $org }s växel, så får du informationen på annat sätt. Myndigheten för digital förvaltning (DIGG) har tillsyn över lagen. Är du inte nöjd med hur dina synpunkter har tagits om hand kan du kontakta DIGG.
report-decisions = Beslut:
report-events = Händelser och åtgärder:
report-contact = Kontaktperson

## Krisledningsmöten och incidentrapport
incident-tab-meeting = Möte
meeting-title = Krisledningsmöte: { $title }
meeting-intro = Gå igenom lägestavlan område för område: är det klart? Skriv läget, besluten och de nya uppgifterna. Protokollet skrivs in i loggen och kan skrivas ut.
meeting-earlier = Tidigare möten
meeting-hold = Nytt möte
meeting-present = Närvarande
meeting-areas = Läget per område
meeting-area-comment = Läget i { $area }
meeting-decisions = Beslut
meeting-hint-decisions = Ett beslut per rad. Varje beslut blir en egen post i loggen.
meeting-tasks = Nya uppgifter
meeting-hint-tasks = En uppgift per rad: Vad | Vem | Klart till.
meeting-next = Nästa möte
meeting-hint-next = Till exempel ”kl. 14.00 i kommunhusets sal B”.
meeting-save = Spara protokollet
meeting-log = Krisledningsmöte nr { $n }.
meeting-decided-by = Krisledningsmöte nr { $n }
meeting-pdf-title = Protokoll från krisledningsmöte nr { $n }
meeting-held = Hållet
incident-report-pdf = Rapport (PDF)
incident-report-stamp = Incidentrapport, utskriven { $date }, tider i svensk tid
incident-report-when = Tid (svensk tid)
incident-report-col = Rapport
incident-report-sent = Skickad
incident-report-entry = Post
log-kind-meeting = Möte
incident-bundle-export = Incidentpaket (fil)
incident-bundle-import = Läs in ett incidentpaket från en annan Beredd
incident-bundle-file = Incidentpaket (.json)
incident-bundle-hint = Till exempel från en bärbar dator som körde Beredd när servern låg nere. Paketets logg kontrolleras först; poster som redan finns läses inte in igen.
incident-log-bundle = Incidentpaket inläst: { $counts } poster var nya.
incident-log-bundle-from = Från: { $instance }.
incident-from-scenario = Utgå från ett sparat scenario
incident-fill-from-scenario = Fyll i från scenariot
incident-on-duty = Går i tjänst
incident-off-duty = Går ur tjänst
incident-log-on-duty = I tjänst: { $name }
incident-log-off-duty = Ur tjänst: { $name }

## Övningar och utvärdering
incident-field-exercise = Det här är en övning
incident-hint-exercise = En övning går på samma sätt som en verklig incident men är tydligt märkt, och inga rapporteringsfrister börjar löpa.
incident-hint-participants = En per rad (för en övning).
incident-log-exercise-started = Övningen startades: { $title }.
incident-exercise-tag = Övning
incident-exercise-banner = ÖVNING – inte en verklig incident
incident-tab-injects = Händelser i övningen
incident-tab-lessons = Utvärdering
lessons-title = Utvärdering: { $title }
lessons-intro = Skriv ned vad som gick bra, vad som gick mindre bra och vad som måste ändras, medan minnet är färskt. Det som måste ändras kan bli en åtgärd i handlingsplanen.
lesson-well = Det här gick bra
lesson-less_well = Det här gick mindre bra
lesson-change = Det här måste ändras
lesson-add = Lägg till i utvärderingen
lesson-field-kind = Typ
lesson-field-text = Vad
lesson-hint-action = Gäller det som måste ändras: det blir en åtgärd i handlingsplanen som pekar tillbaka hit.
lesson-action-title = Lärdom: { $text }
injects-title = Händelser i övningen: { $title }
injects-intro = Övningsledarens tidslinje: vad som händer när, räknat i minuter från övningens start. Händelser vars tid har kommit är markerade.
injects-none = Inga händelser är inlagda ännu.
inject-minute = Minut
inject-due = dags nu
inject-add = Lägg till en händelse
inject-field-minute = Minuter från start
inject-hint-minute = 0–10 000.
inject-field-text = Vad som händer
lesson-field-target = Det här ändrar
lesson-hint-target = Den kontinuitetsplan, risk eller klassning som lärdomen gäller, om någon.
lesson-target-plan = Plan: { $name }
lesson-target-asset = Klassning: { $name }
lesson-target-risk = Risk: { $name }

## Återställning och efterregistrering
incident-tab-recovery = Återställning
recovery-title = Återställning: { $title }
recovery-intro = Varje enhet lägger in det som dokumenterades på papper och måste föras in i systemen: per system och slag, hur mycket, vem som för in det och hur brådskande det är (lagstadgade tidsfrister först). Prognosen räknas på takten de senaste sju dagarna.
recovery-nothing = Ingen efterregistrering är inlagd.
recovery-done = Allt är infört.
recovery-stalled = Inget har förts in den senaste tiden, så inget slutdatum kan beräknas.
recovery-forecast = I nuvarande takt är allt infört { $date }.
recovery-burn-down = Kvar att föra in
recovery-burn-down-alt = Diagram över hur mycket som är kvar att föra in per dag. Samma siffror finns i tabellen.
recovery-left = Kvar
recovery-per-unit = Per enhet (infört / totalt)
recovery-per-system = Per system (infört / totalt)
recovery-items = Att föra in
recovery-entered-so-far = Infört hittills
recovery-add = Lägg till något att föra in
recovery-restored = Ett system fungerar igen
recovery-log-added = Efterregistrering: { $what }
recovery-log-restored = Systemet fungerar igen: { $system }.
recovery-log-switched-back = Reservrutiner som avslutats: { $routines }
catch-up-title = Hur lång tid tar det att komma ikapp?
catch-up-intro = Räkna ut hur många dagar det tar att föra in det som skrevs på papper, med den tid ni kan avsätta för inskrivning varje dag. Sidan räknar bara; inget sparas. Jämför med prognosen ovan, som bygger på hur fort det faktiskt går.
catch-up-field-per-day = Anteckningar på papper per dag
catch-up-hint-per-day = Ungefär hur många anteckningar, listor, beslut och utbetalningar som skrivs på papper per dag under avbrottet, sammanlagt för de enheter som räknas. Lämna tomt för att bara räkna på det som är kvar på listan nedan. 0–100 000.
catch-up-field-days = Dagar med avbrott
catch-up-hint-days = Hur många dagar systemen har legat nere eller väntas ligga nere. 1–3 650.
catch-up-field-minutes = Minuter per anteckning
catch-up-hint-minutes = Hur lång tid det tar att föra in en anteckning med ursprungligt datum och upphovsperson. Ta tid på tio stycken och räkna medelvärdet. 1–240.
catch-up-field-hours = Personaltimmar per dag för inskrivning
catch-up-hint-hours = Hur många timmar per dag som sammanlagt kan läggas på att föra in, utöver det vanliga arbetet. Två personer i fyra timmar är 8. 1–2 400.
catch-up-action = Räkna
catch-up-paper = { $entries } anteckningar på papper är { $hours } timmars arbete. Med { $per_day } timmar per dag tar inskrivningen { $days ->
    [one] { $days } dag
   *[other] { $days } dagar
  }, klart { $date } om ni skriver in varje dag från i dag.
catch-up-left = Det som är kvar på listan, { $entries } st., är { $hours } timmars arbete: { $days ->
    [one] { $days } dag
   *[other] { $days } dagar
  } med { $per_day } timmar per dag, klart { $date } om ni skriver in varje dag från i dag.
catch-up-none-left = Inget är kvar att föra in på listan.
restore-field-system = System
restore-field-at = När det fungerade igen
restore-field-routines = Reservrutiner som avslutades
restore-hint-routines = Vilka reservrutiner enheterna gick tillbaka från.
backlog-field-system = System
backlog-field-kind = Typ
backlog-field-description = Beskrivning
backlog-field-total = Antal
backlog-hint-total = Antal anteckningar, listor, beslut eller utbetalningar att föra in.
backlog-field-assignee = Vem för in
backlog-field-priority = Prioritet
backlog-field-deadline = Senast
backlog-no-system = Utan system
backlog-kind-care_doc = Omvårdnadsdokumentation
backlog-kind-social_doc = Social dokumentation
backlog-kind-medication = Läkemedelslistor och signeringar
backlog-kind-decisions = Beslut
backlog-kind-payments = Utbetalningar gjorda för hand
backlog-kind-other = Annat
backlog-priority-legal = Lagstadgad tidsfrist
backlog-priority-high = Hög
backlog-priority-normal = Normal
recovery-log-progress = Efterregistrering införd: { $what }

staff-role-ciso = Informationssäkerhetssamordnare
staff-role-it_manager = It-chef
staff-role-dpo = Dataskyddsombud
staff-role-mas = Medicinskt ansvarig sjuksköterska (MAS)
staff-role-mar = Medicinskt ansvarig för rehabilitering (MAR)
staff-role-mcf_contact = Kontaktperson mot MCF

incident-tab-reporting = Rapportering
reporting-title = Rapportering: { $title }
reporting-nearest = Närmaste frist
reporting-recipients = Rapporter om betydande incidenter enligt cybersäkerhetslagen (2025:1506) lämnas till CSIRT-enheten, som är Myndigheten för civilt försvar (MCF) (cybersäkerhetsförordningen 2025:1507, 6 och 31 §§). Personuppgiftsincidenter anmäls till Integritetsskyddsmyndigheten (IMY). Alla tider är svensk tid.
reporting-supervision = Tillsyn: kommunens tillsynsmyndighet enligt cybersäkerhetslagen är en av sex länsstyrelser (cybersäkerhetsförordningen 10–15 §§). Inom hälso- och sjukvården är Inspektionen för vård och omsorg (IVO) tillsynsmyndighet.
reporting-decisions = Beslut som styr fristerna
reporting-decisions-hint = Varje bedömning är ett beslut: vem som bedömde, när och på vilka grunder. Det skrivs i loggen. Ändras bedömningen registrerar ni ett nytt beslut; det gamla finns kvar.
reporting-mcffs = MCF får meddela föreskrifter om vad rapporterna ska innehålla (cybersäkerhetsförordningen 38 § 6). När de finns ska utkastens rubriker följa dem.
reporting-other = Bedömningar utan frist
reporting-other-hint = Lagen sätter ingen klocka för de här, men de ska bedömas och beslutet ska gå att visa i efterhand.
report-recipient = Mottagare
report-fill-in = Fyll i
report-decided-by = Beslutat av
report-not-decided = Inte bedömt ännu.
report-org-number = Organisationsnummer
report-problems = problem
report-late-reason = Anmälan lämnas efter 72 timmar. Skälen till förseningen: fyll i.
report-not-late = Anmälan lämnas inom 72 timmar.
incident-diarienummer = Kommunens diarienummer
incident-hint-diarienummer = Står på rapporterna till MCF och IMY och på besluten.
incident-log-diarienummer = Diarienummer för incidenten: { $n }

assessment-outcome = Beslut
assessment-decided-by = Vem bedömde
assessment-grounds = Grunder
assessment-hint-grounds = Vad bedömningen bygger på. Skriv inte namn på enskilda brukare eller patienter.
assessment-reference = Diarienummer eller ärendenummer
assessment-hint-reference = Lämna tomt för incidentens diarienummer.
assessment-hint-at = Datum och klockslag i svensk tid, ÅÅÅÅ-MM-DD TT:MM.
assessment-quote-source = Cybersäkerhetslagen (2025:1506) 2 kap. 5 § andra stycket
assessment-current = Gällande beslut
assessment-earlier = Tidigare beslut
assessment-new = Registrera ett nytt beslut
assessment-record = Registrera beslutet
assessment-save = Spara beslutet

assessment-aware = Kommunen fick kännedom om incidenten
assessment-aware-basis = Fristerna i cybersäkerhetslagen 2 kap. 5–6 §§ och GDPR art. 33 räknas från kännedom, inte från de första tecknen på en störning. Första tecken skrivs som en händelse i loggen.
assessment-aware-who = Den som bedömde att kommunen hade kännedom, till exempel förvaltningschefen eller informationssäkerhetssamordnaren.
assessment-aware-at = Kommunen fick kännedom (datum och klockslag, svensk tid)
assessment-aware-done = { $at }

assessment-significant = Betydande incident enligt cybersäkerhetslagen
assessment-significant-basis = Cybersäkerhetslagen 2 kap. 5 § andra stycket. En betydande incident rapporteras till MCF.
assessment-significant-who = Den som enligt delegationsordningen bedömer incidenter, ofta förvaltningschefen med stöd av informationssäkerhetssamordnaren.
assessment-significant-yes = Betydande incident
assessment-significant-no = Inte en betydande incident

assessment-personal_data = Personuppgiftsincident (GDPR art. 33)
assessment-personal_data-basis = En personuppgiftsincident anmäls till Integritetsskyddsmyndigheten (IMY) utan onödigt dröjsmål och om möjligt inom 72 timmar från kännedom, om det inte är osannolikt att den medför en risk för de registrerade. Lämnas anmälan senare ska förseningen motiveras. Alla personuppgiftsincidenter dokumenteras (art. 33.5).
assessment-personal_data-who = Personuppgiftsansvarig nämnd eller den med delegation, med råd från dataskyddsombudet.
assessment-personal_data-yes = Personuppgiftsincident som ska anmälas till IMY
assessment-personal_data-unlikely_risk = Personuppgiftsincident som troligen inte medför risk för de registrerade: dokumenteras, anmäls inte
assessment-personal_data-no = Inte en personuppgiftsincident

assessment-data_subjects = Informera de registrerade (GDPR art. 34)
assessment-data_subjects-basis = Medför incidenten en hög risk för de registrerades rättigheter och friheter ska de informeras utan onödigt dröjsmål.
assessment-data_subjects-who = Personuppgiftsansvarig nämnd eller den med delegation, med råd från dataskyddsombudet.
assessment-data_subjects-yes = De registrerade ska informeras
assessment-data_subjects-no = De registrerade behöver inte informeras

assessment-interim_request = MCF har begärt en delrapport
assessment-interim_request-basis = Cybersäkerhetslagen 2 kap. 7 §: på begäran av MCF lämnas en delrapport med relevanta statusuppdateringar. Skriv i grunderna vad MCF bad om och till när.
assessment-interim_request-who = Den som tog emot begäran.
assessment-interim_request-at = När MCF begärde delrapporten (svensk tid)
assessment-interim_request-done = Begärd { $at }

assessment-handled = Incidenten är hanterad
assessment-handled-basis = Pågår incidenten en månad efter incidentanmälan lämnas en lägesrapport då, och slutrapporten en månad efter att incidenten har hanterats (cybersäkerhetslagen 2 kap. 8 §).
assessment-handled-who = Krisledningschefen eller förvaltningschefen.
assessment-handled-at = Incidenten hanterades (datum och klockslag, svensk tid)
assessment-handled-done = Hanterad { $at }

assessment-lex_maria = Lex Maria: anmälan till IVO
assessment-lex_maria-basis = Patientsäkerhetslagen 3 kap. 5 §: en händelse som har medfört eller hade kunnat medföra en allvarlig vårdskada anmäls till IVO. I kommunen bedömer den medicinskt ansvariga sjuksköterskan (MAS).
assessment-lex_maria-who = Medicinskt ansvarig sjuksköterska (MAS).
assessment-lex_maria-yes = Anmäls till IVO enligt lex Maria
assessment-lex_maria-no = Anmäls inte enligt lex Maria

assessment-lex_sarah = Lex Sarah: anmälan till IVO
assessment-lex_sarah-basis = Socialtjänstlagen: personal rapporterar missförhållanden och påtagliga risker för missförhållanden. Den som har delegation från nämnden bedömer om rapporten ska anmälas till IVO.
assessment-lex_sarah-who = Den som har delegation från nämnden att anmäla enligt lex Sarah.
assessment-lex_sarah-yes = Anmäls till IVO enligt lex Sarah
assessment-lex_sarah-no = Anmäls inte enligt lex Sarah

assessment-police = Polisanmälan
assessment-police-basis = Dataintrång och utpressning är brott. MCF ska uppmana den som drabbats att polisanmäla (cybersäkerhetsförordningen 33 §).
assessment-police-who = Förvaltningschefen eller säkerhetschefen.
assessment-police-yes = Polisanmäls
assessment-police-no = Polisanmäls inte

assessment-extraordinary = Extraordinär händelse och krisledningsnämnden
assessment-extraordinary-basis = Lagen (2006:544) om kommuners och regioners åtgärder inför och vid extraordinära händelser i fredstid och höjd beredskap: krisledningsnämndens ordförande beslutar om nämnden ska träda i verksamhet.
assessment-extraordinary-who = Krisledningsnämndens ordförande.
assessment-extraordinary-yes = Extraordinär händelse: krisledningsnämnden träder i verksamhet
assessment-extraordinary-no = Inte en extraordinär händelse

assessment-county = Lägesbild till länsstyrelsen
assessment-county-basis = Kommunen ger länsstyrelsen en lägesbild vid en allvarlig händelse, så att länet kan samordnas.
assessment-county-who = Krisledningschefen eller kommunens beredskapssamordnare.
assessment-county-yes = Lägesbild lämnad till länsstyrelsen
assessment-county-no = Ingen lägesbild till länsstyrelsen behövs

assessment-region = Kontakt med regionen
assessment-region-basis = Regionen behövs när hälso- och sjukvården påverkas, till exempel för tillgång till Nationell patientöversikt (NPÖ) och för samverkan kring patienter.
assessment-region-who = Medicinskt ansvarig sjuksköterska (MAS) eller krisledaren.
assessment-region-yes = Regionen är kontaktad
assessment-region-no = Regionen behöver inte kontaktas
incident-report-state = Läge
reporting-decisions-all = Beslut
reporting-assessment = Bedömning
incident-log-aware = Kommunen fick kännedom om incidenten { $at }.
incident-aware-short = Kännedom
reporting-zone-uncertain = Tiden för kännedom skrevs in innan Beredd räknade i svensk tid, så fristerna kan vara en eller två timmar fel. Registrera beslutet om kännedom på nytt nedan.
banner-label = Pågående incident
banner-running = Pågående incident
banner-more = och { $n } till
banner-deadline = Närmaste frist: { $duty } senast { $at }
duty-short-nis2_early_warning = tidig varning till MCF
duty-short-nis2_notification = incidentanmälan till MCF
duty-short-nis2_interim = delrapport till MCF
duty-short-nis2_progress = lägesrapport till MCF
duty-short-nis2_final = slutrapport till MCF
duty-short-imy_breach = anmälan till IMY
incident-report-reference = Referens hos mottagaren
board-to-reporting = Till rapporteringen: beslut, utkast och skickade rapporter
board-filter-label = Visa på lägestavlan
board-filter-all = Alla steg
board-filter-problems = Bara problem
board-filter-mine = Mina
board-filter-mine-hint = Mina är de steg där du gjorde den senaste ändringen.
board-filter-none-problems = Inget steg är markerat som problem just nu.
board-filter-none-mine = Du har inte ändrat något steg än.
board-totals = Hela lägestavlan
board-hidden-change = Steg som filtret döljer har ändrats.
board-refresh = Visa lägestavlan igen
board-log-all = Hela loggen, med rättelser
flash-logged = Posten är sparad i loggen.
incident-bundle-closed = Incidenten ”{ $title }” är avslutad. En avslutad incidents logg tar inte emot fler poster, så ingenting lästes in.
incident-log-head = post { $seq }: { $hash }
incident-log-head-label = Kontrollsumma för loggen just nu
paper-title = Kontrollera loggen mot en utskrift
paper-hint = Incidentrapporten och mötesprotokollen skriver ut loggens senaste post och dess kontrollsumma. Skriv in dem från papperet: stämmer de har ingenting i loggen fram till den posten ändrats sedan utskriften, inte ens direkt i databasen.
paper-seq = Postens nummer
paper-hash = Kontrollsumma (minst 16 tecken, som på papperet)
paper-check = Kontrollera
paper-same = Post { $seq } har samma kontrollsumma som på papperet: loggen fram till den är oförändrad sedan utskriften.
paper-differs = Post { $seq } har en annan kontrollsumma än på papperet: loggen fram till den har ändrats sedan utskriften. Spara papperet och kontakta informationssäkerhetssamordnaren.
paper-missing = Loggen har ingen post { $seq }: poster har tagits bort sedan utskriften. Spara papperet och kontakta informationssäkerhetssamordnaren.
paper-unreadable = Skriv postens nummer och minst 16 tecken av kontrollsumman (0–9 och a–f), som de står på papperet.

## Signaturerna i loggen (nycklar utanför databasen)
incident-sig-own = { $count ->
    [one] En post är signerad
   *[other] { $count } poster är signerade
} med den här installationens nyckel { $key }.
incident-sig-given = { $count ->
    [one] En post är signerad
   *[other] { $count } poster är signerade
} med nyckeln du angav, { $key }.
incident-sig-retired = { $count ->
    [one] En post är signerad
   *[other] { $count } poster är signerade
} med en tidigare nyckel för den här installationen, { $key }.
incident-sig-database = { $count ->
    [one] En post är signerad
   *[other] { $count } poster är signerade
} med nyckeln { $key }, som bara databasen själv anger ({ $label }). Jämför den med nyckeln i pärmen innan du litar på den.
incident-sig-before = { $n ->
    [one] En post skrevs innan loggarna signerades och kontrolleras bara med kedjan.
   *[other] { $n } poster skrevs innan loggarna signerades och kontrolleras bara med kedjan.
}
incident-sig-bad = Post { $n }: signaturen stämmer inte. Posten, eller loggen före den, har ändrats efter att den signerades.
incident-sig-unknown = Post { $n }: den är signerad med en nyckel som varken nyckelmappen eller databasen känner till.
incident-sig-missing = Post { $n }: signaturen saknas, fast posten skrevs efter att loggarna började signeras.
keys-signatures-broken = Loggens signaturer håller inte: loggen har ändrats utanför Beredd.
keys-public-unreadable = Den offentliga nyckeln ska vara 64 hexadecimala tecken (0–9, a–f), så som den står i pärmen.
incident-log-bundle-signed = Paketets poster var signerade med nyckeln { $keys } där de skrevs; signaturerna stämde.
incident-log-bundle-unsigned = Paketets poster var inte signerade.
incident-source-kit = från en digital krispärm
incident-source-bundle = från ett incidentpaket

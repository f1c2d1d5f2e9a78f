### Beredd – svenska texter (standardspråk): inloggning, konto, användare, organisationen och händelseloggen

## Knappar
action-login = Logga in
action-change-password = Byt lösenord
action-reset-password = Sätt nytt lösenord
action-create-admin = Skapa administratör

## Inloggning
login-title = Logga in i Beredd
login-intro = Logga in med ditt användarnamn och lösenord.
login-failed = Fel användarnamn eller lösenord.
login-throttled = För många misslyckade försök. Vänta en kvart och försök igen.
login-address-throttled = För många inloggningsförsök från din dator eller ditt nätverk. Vänta en minut och försök igen.
login-busy = Många loggar in just nu. Vänta en liten stund och försök igen.
setup-title = Skapa den första administratören
setup-intro = Beredd har ännu inga användare. Skapa administratören som sedan lägger upp övriga användare. Länken fungerar bara en gång.

## Fält
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
hint-username = Små bokstäver, siffror, punkt och bindestreck, till exempel anna.berg.
hint-password = Minst tio tecken. En lång fras är lättare att minnas och svårare att gissa.
hint-granted-units = Gäller rollen enhetschef: användaren får ändra dessa enheter och allt under dem.

## Konto
account-title = Mitt konto
account-username = Inloggad som { $name }.
account-language = Språk
account-password = Byt lösenord
field-me = Du i personregistret
hint-me = Då visar startsidan och din kalender det du är ägare till.

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
audit-at = Tid (svensk tid)
audit-action = Händelse
audit-what = Vad
audit-show-change = Visa ändringen
audit-before = Före
audit-after = Efter

## Händelselogg: vad som ändrades
entity-unit = Enhet
entity-activity = Verksamhet
entity-person = Person
entity-system = System
entity-supplier = Leverantör
entity-user = Användare
entity-organisation = Organisation
entity-session = Inloggning
entity-resource = Resurs
entity-dependency = Beroende
entity-bia = Konsekvensanalys
entity-scenario = Scenario
entity-asset = Informationsmängd
entity-action = Åtgärd
entity-evidence = Underlag
entity-requirement = Krav
entity-plan = Kontinuitetsplan
entity-binder = Pärm
entity-kit = Krislåda
entity-incident = Incident
entity-cycle = Årshjul
entity-calendar-address = Kalenderadress
entity-self-assessment = Självskattning
entity-risk = Risk
entity-risk-analysis = Riskanalys
entity-risk-scales = Skalor för sannolikhet och konsekvens
entity-framework = Ramverk
entity-framework-assessment = Bedömning mot ramverk
entity-framework-answer = Svar i en bedömning mot ramverk
entity-framework-evidence = Underlag i en bedömning mot ramverk

## Händelselogg: vad som gjordes
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
audit-action-classify = Klassade
audit-action-assess = Bedömde
audit-action-upload = Laddade upp
audit-action-disable = Stängde av
audit-action-enable = Slog på
audit-action-approve = Godkände
audit-action-print = Skrev ut
audit-action-export = Exporterade
audit-action-close = Avslutade
audit-action-unlink = Tog bort kopplingen
audit-action-replace = Bytte ut
audit-action-backup = Säkerhetskopierade
field-keys-kept = Var nyckelmappen förvaras
field-keys-kept-hint = Den mapp med nycklar som signerar krisloggen (beredd-keys) och var kopian av den finns, till exempel ”Kassaskåpet i IT-enhetens serverrum, USB-minne märkt Beredd”. Skriv aldrig nyckeln här. Platsen skrivs ut i pärmen.
field-backup-kept = Var det som öppnar säkerhetskopiorna förvaras
field-backup-kept-hint = Var lösenfrasen eller nyckelfilen (från beredd backup --new-key) finns och vem som har den, aldrig lösenfrasen eller nyckeln själv. Skrivs ut i pärmen.
field-break-glass-kept = Var nödkontonas lösenord förvaras
field-break-glass-kept-hint = Konton som fungerar när kommunens inloggning ligger nere: var lösenorden finns förseglade och vem som får bryta förseglingen. Skrivs ut i pärmen.

## Backups and the export of the whole organisation
backups-title = Säkerhetskopior och export
backups-intro = En säkerhetskopia är hela organisationens innehåll i en krypterad fil. Den läses tillbaka i en tom databas, SQLite eller PostgreSQL, även av en senare version av Beredd.
backups-last = Senaste säkerhetskopian
backups-when = Tagen
backups-file = Fil
backups-size = Storlek
backups-kb = { $n } kB
backups-checksum = Kontrollsumma (SHA-256)
backups-stale = Den senaste säkerhetskopian är äldre än två dagar. Be IT kontrollera att de schemalagda säkerhetskopiorna fungerar.
backups-none = Ingen säkerhetskopia har tagits ännu. Be IT att starta schemalagda säkerhetskopior, eller ta en med kommandot beredd backup.
backups-schedule = Schemalagda säkerhetskopior
backups-schedule-on = Beredd skriver en krypterad säkerhetskopia med { $hours } timmars mellanrum till { $dir } och behåller de { $keep } senaste. Servern har bara den publika nyckeln; nyckeln som öppnar kopiorna förvaras någon annanstans.
backups-schedule-off = Servern tar inga schemalagda säkerhetskopior. IT skapar ett nyckelpar och startar Beredd med en mapp och den publika nyckeln:
backups-restore = Återställa
backups-restore-text = En säkerhetskopia läses in i en tom databas med kommandot beredd restore och nyckelfilen (eller lösenfrasen). En fel nyckel och en ändrad fil känns igen, och då skrivs ingenting. Samma kommando flyttar Beredd från SQLite till PostgreSQL.
backups-export = Exportera hela organisationen
backups-export-text = Hela organisationen som en zip-fil: en JSON-fil per tabell, uppladdade filer och en innehållsförteckning med kontrollsummor. Den kan läsas utan Beredd och läsas in i en annan Beredd.
backups-export-warning = Filen är inte krypterad. Den innehåller alla telefonnummer, svagheter och krisloggar: hantera den som databasen själv.
backups-export-button = Ladda ner hela organisationen (zip)

## The API and its tokens
api-title = API
api-intro = Andra system når Beredd genom ett API: registren, handlingsplanen och incidenterna kan läsas, och poster kan skrivas i en incidents logg. Varje system får en egen API-nyckel för sitt ändamål, som bara når de områden du väljer.
api-new-token = Den nya API-nyckeln
api-new-token-once = Kopiera nyckeln nu och lägg den i systemet som ska använda den. Den visas bara den här gången; Beredd sparar bara ett avtryck av den.
api-tokens = API-nycklar
api-no-tokens = Inga API-nycklar har skapats.
api-token-name = Ändamål
api-token-name-hint = Vad nyckeln används till, till exempel ”Nattlig synk från HR-systemet”. Namnet står i händelseloggen vid varje ändring.
api-rights = Behörighet
api-made = Skapad
api-last-used = Senast använd
api-never-used = Aldrig
api-revoke = Återkalla
api-revoke-named = Återkalla { $name }
api-revoked-at = Återkallad { $at }
api-read = Läsa
api-write = Läsa och skriva
api-read-only = Bara läsa
api-read-write = Läsa och skriva
api-areas = Områden
api-area-organisation = Organisation
api-area-classification = Klassning och krav
api-area-continuity = Kontinuitet
api-area-actions = Handlingsplan
api-area-crisis = Kris
api-make = Skapa en API-nyckel
api-make-button = Skapa nyckeln
api-routes = Vad API:t kan
api-routes-text = Anropen skickar nyckeln i rubriken Authorization: Bearer och får svar i JSON. Fel kommer som JSON med samma meddelanden som formulären.
api-openapi = Ladda ner OpenAPI-dokumentet
api-method = Metod
api-path = Adress
api-what = Vad
api-error-token = API-nyckeln saknas, är fel eller har återkallats.
api-error-area = API-nyckeln når inte det här området.
api-error-read-only = API-nyckeln får bara läsa.
api-error-not-found = Det finns inget sådant här.
api-error-invalid = Uppgifterna godtas inte; se fälten.
api-error-closed = Incidenten är avslutad; loggen tar inte emot fler poster.
api-error-internal = Något gick fel i Beredd. Försök igen om en stund.
api-error-json = Innehållet är inte den JSON som väntades: { $why }
audit-action-revoke = Återkallade
entity-api-token = API-nyckel
# Inloggning med kommunens konto (OpenID Connect) och nödkonton
login-sso-intro = Logga in med samma konto som du använder för kommunens andra system.
login-sso-button = Logga in med kommunens konto
login-break-glass-heading = Nödkonto
login-break-glass-intro = Bara för utsedda nödkonton, när kommunens inloggning inte fungerar. Varje inloggning loggas och visas för administratörerna.
login-sso-only = Kommunen loggar in med kommunens konto. Lokala lösenord fungerar bara för utsedda nödkonton. Använd knappen ”Logga in med kommunens konto”.
sso-done-title = Du är inloggad
sso-done-continue = Fortsätt till Beredd
sso-not-configured = Inloggning med kommunens konto är inte inställd.
sso-unreachable = Kommunens inloggning svarar inte just nu. Försök igen om en stund, eller använd ett nödkonto om du har ett.
sso-bad-state = Inloggningen gick inte att slutföra: den var för gammal, redan använd eller startad i en annan webbläsare. Försök igen.
sso-token = Kommunens inloggning skickade ett svar som inte gick att lita på. Inloggningen avbröts.
sso-denied = Kommunens inloggning släppte inte in dig.
sso-not-mapped = Ditt konto hos kommunen ger ingen behörighet i Beredd. Be administratören att lägga till din grupp.
sso-inactive = Ditt konto i Beredd är avstängt. Kontakta administratören.
login-settings-title = Inloggning med kommunens konto
login-settings-none = Ingen inloggning med kommunens konto är inställd: alla loggar in med lokala konton.
login-settings-on = Inloggning med kommunens konto är påslagen. Lokala lösenord fungerar bara för nödkonton med de roller som är valda nedan, och för administratörer som är nödkonton.
field-sso-issuer = Utfärdare (issuer)
field-sso-issuer-hint = Adressen som leverantörens discovery-dokument finns under (…/.well-known/openid-configuration), till exempel https://login.microsoftonline.com/KATALOG-ID/v2.0 för Entra ID.
field-sso-client_id = Klient-id (application id)
field-sso-client_secret = Klienthemlighet
field-sso-client_secret-hint = Hemligheten från leverantören. Den sparas och visas aldrig igen.
field-sso-client_secret-set = En hemlighet är sparad och visas inte. Lämna tomt för att behålla den, eller skriv en ny.
field-sso-public_url = Beredds adress
field-sso-public_url-hint = Adressen användarna når Beredd på. Registrera omdirigeringsadressen { $uri } hos leverantören.
field-sso-groups_claim = Anspråket med grupper (claim)
field-sso-groups_claim-hint = Namnet på det anspråk i ID-token som bär användarens grupper, oftast groups (Entra ID: groups eller roles).
field-sso-group_roles = Grupper och roller
field-sso-group_roles-hint = En grupp per rad: grupp = roll, och för enhetschefer grupp = unit_manager: enhets-id, enhets-id. Roller: admin, coordinator, unit_manager, crisis_staff, reader. Den som inte finns i någon grupp släpps inte in. Enheter: { $units }
field-sso-break_glass_roles = Roller som får ha nödkonton
field-sso-break_glass_roles-hint = Nödkonton med dessa roller kan logga in med lösenord när kommunens inloggning ligger nere. Administratörer som är nödkonton kan alltid det.
field-sso-off = Stäng av inloggning med kommunens konto
field-sso-off-hint = Alla lokala konton fungerar igen som förut.
field-login = Inloggning
field-break-glass = Nödkonto
hint-break-glass = Kontot kan logga in med sitt lösenord även när kommunens inloggning används, om rollen är vald under Inloggning. Varje inloggning visas för administratörerna.
user-login-break-glass = Nödkonto
user-login-sso = Kommunens konto
user-login-local = Lokalt
audit-action-break-glass-login = Loggade in med nödkonto
audit-action-deactivate = Stängde av
entity-sso-provider = Inloggning med kommunens konto

# Tvåstegsverifiering (engångskoder från en autentiseringsapp, TOTP)
second-factor-title = Tvåstegsverifiering
second-factor-link = Slå på eller se tvåstegsverifiering
second-factor-intro = Lägg in hemligheten i en autentiseringsapp (till exempel Microsoft Authenticator, Google Authenticator eller FreeOTP), antingen genom att skriva in den eller med adressen nedan, och skriv sedan in koden som appen visar. Därefter frågar inloggningen efter en kod efter lösenordet.
second-factor-secret = Hemlighet
second-factor-uri = Adress för appen
second-factor-on = Koder från autentiseringsappen är påslagna för ditt konto. Har du tappat telefonen kan du logga in med en återställningskod eller en passkey, och en administratör kan nollställa tvåstegsverifieringen.
second-factor-turned-on = Tvåstegsverifiering är påslagen.
second-factor-recovery-title = Återställningskoder
second-factor-recovery-intro = Varje kod fungerar en gång i stället för din passkey eller koden från appen. Skriv ut dem eller spara dem förseglade: de visas bara nu.
second-factor-wrong-code = Koden stämmer inte. Skriv in de sex siffror som appen visar just nu.
second-factor-back = Tillbaka till ditt konto
field-second-factor-code = Kod från appen (eller en återställningskod)
action-second-factor-on = Slå på tvåstegsverifiering
login-code-title = Bekräfta att det är du
login-code-intro = Ditt konto har tvåstegsverifiering. Skriv in koden som autentiseringsappen visar, eller en återställningskod.
users-second-factor = Tvåstegsverifiering
users-second-factor-intro = Har användaren tappat telefonen: nollställ, så loggar hen in med bara lösenordet och slår på tvåstegsverifiering igen. Åtgärden loggas.
action-second-factor-reset = Nollställ tvåstegsverifiering
audit-action-second-factor-reset = Nollställde tvåstegsverifiering
entity-second-factor = Tvåstegsverifiering
field-second-factor-required = Kräv tvåstegsverifiering
field-second-factor-required-hint = Den som loggar in med lösenord utan tvåstegsverifiering får slå på den innan något annat. Nödkonton används när kommunens inloggning ligger nere, ofta under ett pågående intrång, och behöver den mest. Konton som loggar in med kommunens konto berörs inte.
second-factor-required = Organisationen kräver tvåstegsverifiering för ditt konto. Slå på den för att fortsätta.
second-factor-choices = Efter lösenordet bekräftar du inloggningen med något bara du har: en passkey eller säkerhetsnyckel, eller en kod från en autentiseringsapp. Du kan ha flera, och den första ger dig återställningskoder.
second-factor-app-title = Kod från en autentiseringsapp
passkeys-title = Passkeys och säkerhetsnycklar
passkeys-intro = En passkey finns i telefonen eller datorn och låses upp med fingeravtryck, ansikte eller pinkod. En säkerhetsnyckel är en liten sak du sätter i datorn eller håller mot telefonen. Båda fungerar bara på Beredds egen adress, så de kan inte luras ut på en falsk sida.
passkeys-none-yet = Du har ingen passkey eller säkerhetsnyckel ännu.
passkeys-added = Tillagd
passkeys-last-used = Senast använd
field-passkey-name = Namn på nyckeln
field-passkey-name-hint = Så att du känner igen den, till exempel ”Min telefon” eller ”Gul säkerhetsnyckel”.
action-passkey-add = Lägg till passkey eller säkerhetsnyckel
action-passkey-remove = Ta bort
action-passkey-login = Använd passkey eller säkerhetsnyckel
passkey-waiting = Följ anvisningarna från webbläsaren eller nyckeln …
passkey-unsupported = Den här webbläsaren kan inte använda passkeys. Använd en kod i stället, eller en nyare webbläsare.
passkey-cancelled = Det blev ingen nyckel: frågan avbröts eller tog för lång tid. Försök igen.
passkey-needs-script = Passkeys kräver att JavaScript är påslaget i webbläsaren.
passkey-no-host-name = Passkeys fungerar bara när Beredd nås med ett namn (till exempel https://beredd.kommun.se), inte med en IP-adress. Be den som sköter Beredd om adressen.
passkey-expired = Frågan till nyckeln hann gå ut (fem minuter). Försök igen.
passkey-not-verified = Nyckeln kunde inte bekräftas. Använd en nyckel som hör till ditt konto, eller en kod.
passkey-name-required = Namn på nyckeln: skriv ett namn (högst 60 tecken), så att du känner igen nyckeln senare.
passkey-none = Kontot har ingen passkey. Använd en kod.
passkey-added = Nyckeln är tillagd.
passkey-removed = Nyckeln är borttagen.
login-passkey-intro = Ditt konto har tvåstegsverifiering. Bekräfta med din passkey eller säkerhetsnyckel.
login-code-other = Eller med en kod
login-recovery-intro = Har du inte nyckeln med dig kan du använda en av dina återställningskoder.
field-recovery-code = Återställningskod
audit-action-passkey-add = Lade till passkey
audit-action-passkey-remove = Tog bort passkey
second-factor-rule-nobody = Nej, var och en väljer
second-factor-rule-break-glass = För nödkonton
second-factor-rule-all-local = För alla lokala konton
audit-action-acknowledge = Bekräftade läsning
audit-action-protect = Markerade skyddade personuppgifter
audit-action-unprotect = Tog bort markering om skyddade personuppgifter
audit-action-thin = Gallrade
entity-document = Styrdokument
entity-document-version = Version av styrdokument
entity-document-link = Personlig läslänk
entity-training-course = Utbildning
entity-training-completion = Genomförd utbildning
entity-management-review = Ledningens genomgång

## Long work in the background ("Mina körningar")
jobs-title = Mina körningar
jobs-intro = Långt arbete, som att skriva ut hela organisationens pärm eller exportera organisationen, görs i bakgrunden. Här finns dina senaste körningar; en färdig fil kan hämtas i ett dygn.
jobs-none = Du har inga körningar ännu.
jobs-col-what = Vad
jobs-col-started = Startad
jobs-col-state = Läge
jobs-link = Mina körningar: pärmar och exporter som görs i bakgrunden
jobs-scope-organisation = Hela organisationen
job-what = { $kind }: { $scope }
job-started = Startad { $at }.
job-kind-binder = Pärm
job-kind-export = Export av organisationen
job-kind-kit = Krislåda
job-kind-import = Inläsning av registerfil
job-state-queued = Väntar
job-state-running = Pågår
job-state-done = Klar
job-state-failed = Misslyckades
job-step-waiting = Väntar på att börja
job-step-gather = Hämtar planerna och registren
job-step-typeset = Sätter pärmen (det kan ta en stund)
job-step-record = Sparar utskriften
job-step-tables = Läser tabellerna
job-step-pack = Packar filen
job-step-seal = Krypterar krislådan
job-step-rows = Sparar raderna
job-step-finished = Klar
job-progress-count = { $step } ({ $done } av { $total } klara)
job-done = Klart.
job-failed = Körningen misslyckades.
job-failed-error = Ett fel i Beredd stoppade körningen. Försök igen; om det händer igen, be IT titta i loggen från Beredd.
job-failed-busy = Servern satte för många dokument samtidigt. Försök igen om en stund.
job-stalled = Körningen slutade svara innan den blev klar (Beredd startades troligen om medan den pågick). Starta den igen.
job-download = Hämta { $file } ({ $kb } kB)
job-show-result = Visa resultatet
job-result-gone = Filen sparas bara ett dygn och har tagits bort. Gör om körningen för att få en ny.
job-refresh = Uppdatera
job-leave = Du kan lämna sidan: körningen fortsätter, och du hittar den under Mina körningar.

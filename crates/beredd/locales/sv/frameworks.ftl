### Beredd – svenska texter (standardspråk): ramverk och nulägesanalys

## Ramverk och nulägesanalys
fw-title = Ramverk och nulägesanalys
fw-intro = Ett ramverk är krav som kommunen mäter sig mot: en lag, en föreskrift, en standards åtgärdslista eller en checklista. I en bedömning svarar ni för varje krav ja, delvis, nej eller ej tillämpligt, anger mognad 0–5, kommentar och underlag, och kopplar krav ur kravkatalogen och åtgärder i handlingsplanen. Varje brist ska ha en åtgärd.
fw-frameworks = Ramverk
fw-framework = Ramverk
fw-version = Version
fw-source = Källa
fw-count = Krav att bedöma
fw-origin = Kommer från
fw-origin-library = Levereras med Beredd
fw-origin-imported = Importerat av { $who } { $when }
fw-language-note = Kravtexterna är på { $lang ->
    [en] engelska
    [de] tyska
    [fr] franska
    [es] spanska
    [it] italienska
    [nl] nederländska
    [da] danska
    [nb] norska
    [no] norska
    [nn] norska
    [fi] finska
    [pl] polska
    [pt] portugisiska
   *[other] ett annat språk än svenska ({ $code })
}, som i den importerade filen.
fw-text-kind = Kravtexterna
fw-text-statute = Författningens egen lydelse
fw-text-own-words = Skrivna för Beredd (sammanfattningar, inte författningstext)
fw-text-imported = Importerade från en annan källa
fw-in-use = Bedömningar som använder ramverket
fw-requirements = Krav
fw-references = Motsvarar
fw-assessments = Bedömningar
fw-no-assessments = Ingen bedömning är påbörjad.
fw-assessment-new = Ny bedömning
fw-assessment-create = Påbörja bedömningen
fw-assessment-title = Rubrik
fw-assessment-scope = Omfattning
fw-assessment-scope-hint = Till exempel hela kommunen eller socialförvaltningen.
fw-assessment-date = Datum
fw-missing-framework = Ramverket finns inte längre
fw-answered = { $n } av { $all } besvarade
fw-fulfilled-share = uppfyllt till { $p } %
fw-answered-col = Besvarade
fw-progress = Hur långt ni har kommit
fw-chapter = Kapitel
fw-total = Hela ramverket
fw-assessable = Krav
fw-fulfilment = Uppfyllt
fw-maturity-mean = Mognad (medel)
fw-gaps = Brister
fw-no-gaps = Inga krav är besvarade med nej eller delvis.
fw-gap-no-action = Ingen åtgärd ännu
fw-show = Visa krav
fw-show-all = Alla
fw-show-unanswered = Obesvarade
fw-show-gaps = Brister (nej och delvis)
fw-ref = Hänvisning
fw-requirement = Krav
fw-status = Uppfylls kravet?
fw-status-yes = Ja
fw-status-partly = Delvis
fw-status-no = Nej
fw-status-na = Ej tillämpligt
fw-status-none = Ej besvarat
fw-maturity = Mognad
fw-maturity-hint = 0 finns inte, 1 enstaka insatser, 2 upprepas men beror på personer, 3 dokumenterat och beslutat, 4 följs upp och mäts, 5 förbättras systematiskt.
fw-maturity-0 = Finns inte
fw-maturity-1 = Enstaka insatser
fw-maturity-2 = Upprepas
fw-maturity-3 = Dokumenterat
fw-maturity-4 = Följs upp
fw-maturity-5 = Förbättras
fw-comment = Kommentar
fw-comment-hint = Hur kravet uppfylls, eller varför det inte är tillämpligt.
fw-evidence = Underlag
fw-evidence-hint = Vilka dokument, beslut eller protokoll som visar det, och var de finns.
fw-linked-suggested = Krav i kravkatalogen som hör hit
fw-linked-pick = Välj krav i kravkatalogen ({ $picked } av { $n } valda)
fw-linked-pick-legend = Krav i kravkatalogen
fw-linked-pick-filter = Sök bland kraven (id eller ord i rubriken)
fw-linked-other = Andra krav i kravkatalogen
fw-linked-other-hint = Kravens id åtskilda med komma, till exempel STY-01, INC-02.
fw-linked-requirements = Kopplade krav
fw-actions = Åtgärder
fw-no-actions = Ingen åtgärd är kopplad.
fw-answer = Svar
fw-answer-actions = Åtgärd i handlingsplanen
fw-new-action = Ny åtgärd
fw-new-action-hint = Skriv en rubrik för att lägga en ny åtgärd i handlingsplanen, kopplad till kravet.
fw-link-action = Koppla en befintlig åtgärd
fw-unlink = Ta bort kopplingen
fw-save-next = Spara och gå till nästa krav
fw-next = Nästa krav
fw-updated = Senast ändrat av { $who } { $when }
fw-export-pdf = Tillämplighetsförklaring, SoA (PDF)
fw-export-xlsx = Exportera till Excel
fw-soa = Tillämplighetsförklaring
fw-soa-title = Tillämplighetsförklaring (SoA) och nulägesanalys
fw-soa-file = tillamplighetsforklaring
fw-soa-intro = För varje krav i ramverket: om det är tillämpligt, hur det uppfylls, mognad, underlag, kopplade krav och åtgärder. Brister (nej och delvis) listas för sig sist.
fw-soa-applicable = Tillämpligt
fw-soa-yes = Ja
fw-soa-no = Nej
fw-soa-sheet = Tillämplighet
fw-gaps-sheet = Brister
fw-progress-sheet = Per kapitel
fw-import = Importera ett ramverk
fw-import-file = Ramverksfil
fw-import-hint = Ett bibliotek från CISO Assistant (en YAML-fil), eller en ramverksfil i Beredds eget format (TOML). Enklast gör ni en egen fil genom att ladda ner ett befintligt ramverk här, på ramverkets sida, och ändra i den. Hela filen kontrolleras; är något fel sparas ingenting och ni får veta på vilken rad felet finns.
fw-requirement-heading = Krav { $ref }
fw-title-version = { $title }, version { $version }
fw-flash-imported = Ramverket är importerat med { $n } krav att bedöma.
fw-delete = Ta bort ramverket
fw-delete-in-use = Ramverket används i en bedömning och kan inte tas bort.
fw-err-syntax = filen går inte att läsa: { $detail }
fw-err-missing = { $key } saknas.
fw-err-unknown-key = okänd nyckel { $key }.
fw-err-bad-id = id { $id } får bara innehålla bokstäver, siffror och . - _ :
fw-err-bad-version = versionen { $version } får bara innehålla bokstäver, siffror och . - _
fw-err-text-kind = text ska vara "statute" eller "own-words", inte "{ $value }".
fw-err-duplicate = kravet { $id } finns två gånger.
fw-err-parent = kravet { $id } har överordnat krav (parent) { $parent }, som inte är ett tidigare krav.
fw-err-nothing = inget krav går att bedöma.
fw-err-too-many = { $n } krav är fler än Beredd tar emot i ett ramverk.
fw-err-not-framework = filen innehåller inget ramverk (objects.framework saknas).
fw-err-limit-aliases = filen har fler än { $max } alias (*namn), räknat med dem som andra alias upprepar. Så stora filer läser Beredd inte.
fw-err-limit-values = filen har fler än { $max } värden, räknat med det som alias (*namn) upprepar. Så stora filer läser Beredd inte.
fw-err-limit-text-length = en text är längre än { $max } tecken, mer än Beredd tar emot.
fw-err-limit-text = filen har mer än { $max } tecken text, räknat med det som alias (*namn) upprepar. Så stora filer läser Beredd inte.
fw-err-limit-depth = filen har listor och avsnitt i fler än { $max } nivåer inuti varandra, fler än Beredd läser.
fw-err-file-type = Filen ska sluta på .toml (Beredds format) eller .yaml/.yml (CISO Assistant).
fw-err-utf8 = Filen är inte UTF-8-text.
fw-err-exists = Ramverket { $id } version { $version } finns redan. Ändra versionen i filen för att importera en ny.
fw-download = Ladda ner ramverksfilen
fw-download-hint = Vill ni ändra eller komplettera ramverket? Ladda ner filen, ändra den, ge den en ny version och importera den. Den gamla versionen och dess bedömningar finns kvar.
fw-answer-chapter = Besvara kapitlet
fw-chapter-intro = Svara på alla krav i kapitlet på en gång. Underlag, kopplade krav och åtgärder anger ni på varje kravs egen sida (länken i rubriken).
fw-save-next-chapter = Spara och gå till nästa kapitel
fw-status-of = Uppfylls { $req }?
fw-maturity-of = Mognad { $req }
fw-comment-of = Kommentar { $req }
fw-assessment-delete = Ta bort bedömningen
fw-assessment-delete-hint = Bedömningen tas bort med alla svar och underlagsfiler. Åtgärder som bristerna gav finns kvar i handlingsplanen. Borttagningen syns i händelseloggen med alla svar och varje fils namn, storlek och SHA-256-fingeravtryck, men filerna själva går inte att få tillbaka: ladda ner dem först om de ska sparas.
fw-evidence-files-title = Underlag som filer
fw-evidence-files = Filer: { $names }

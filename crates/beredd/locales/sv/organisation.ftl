### Beredd – svenska texter (standardspråk): organisationens register med enheter, verksamheter, personer, system, leverantörer, resurser och beroenden

## Fält
field-unit-kind = Nivå
field-parent = Ingår i
field-manager = Chef
field-address = Adress
field-staff-count = Antal medarbetare
field-around-the-clock = Dygnet runt
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
field-contract-ref = Avtalsreferens
field-purpose = Syfte
field-system-kind = Typ
field-hosting = Var det körs
field-owner = Systemägare
field-used-by = Används av enheter

## Hjälptexter
hint-around-the-clock = Kryssa i om enheten har verksamhet dygnet runt, till exempel särskilt boende eller nattpatrull.
hint-criticality = Hur snart verksamheten måste fungera igen, med reservrutin eller som vanligt. Akut och kritisk verksamhet behöver en kontinuitetsplan.
field-society-critical = Samhällsviktig verksamhet (enligt MSB:s definition)
field-society-critical-short = Samhällsviktig
hint-society-critical = Kryssa i om ett bortfall kan leda till en allvarlig kris i samhället, eller om verksamheten behövs för att hantera en kris. Det är något annat än hur snart den måste fungera igen.
hint-recipients = Till exempel ”boende på särskilt boende” eller ”hushåll som söker ekonomiskt bistånd”.
hint-person-unit = Enheten där personen arbetar. Lämna tomt för externa kontakter.
hint-person-organisation = För externa kontakter: till exempel Regionen, Polisen eller SOS Alarm.
hint-phone = Skriv numret som du skulle slå det, till exempel 070-174 06 05.
hint-hosting = Avgör vad som fungerar om kommunens nät slås ut: det som körs internt går ner, det som körs hos leverantör eller nationellt kan fortsätta, men kommunens väg dit (nät, inloggning, SITHS) kan ändå falla. Registrera den vägen som ett beroende.
hint-owner = Den som ansvarar för systemet i verksamheten.

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
hosting-internal = I kommunens nät
hosting-supplier_cloud = Hos leverantör (moln)
hosting-national = Nationell tjänst
system-kind-it_system = IT-system
system-kind-service = Tjänst
system-kind-welfare_tech = Välfärdsteknik
system-kind-infrastructure = Infrastruktur
system-dependents = Verksamheter som är beroende av systemet
system-dependents-count = { $n ->
    [one] En verksamhet påverkas om systemet går ner, direkt eller genom annat som behöver det.
   *[other] { $n } verksamheter påverkas om systemet går ner, direkt eller genom annat som behöver det.
}
system-dependents-none = Ingen verksamhet är registrerad som beroende av systemet. Lägg in beroendena under Beroenden.
system-dependent-stops = stannar
system-dependent-by-hand = fortsätter för hand (reservrutin)
system-dependent-degraded = fortsätter försämrat
system-dependent-via = via { $via }
contact-kind-staff = Personal
contact-kind-external = Extern kontakt

## Beroenden
resources-title = Resurser
resources-intro = Det som verksamheter och system behöver utöver registrerade system: kommunens nät, inloggning, el, lokaler, personal och annat.
resources-new = Ny resurs
resources-edit = Ändra resurs
dependencies-title = Beroenden
dependencies-intro = Vad som är beroende av vad, hur hårt, och vilken reservrutin som tar över om det faller bort.
dependencies-new = Nytt beroende
dependencies-edit = Ändra beroende
field-resource-kind = Typ av resurs
field-dependent = Det som är beroende
field-depends-on = Är beroende av
field-need = Utan det
hint-need = Stannar: verksamheten eller systemet fungerar inte alls utan det, om ingen reservrutin finns. Försämras: det går att fortsätta, men sämre.
hint-fallback = Hur arbetet fortsätter utan det, till exempel ”papperslista över brukare och manuella utbetalningar med bankdosa”.
need-stops = Stannar
need-degraded = Försämras
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
field-provides = Tillhandahåller
hint-provides = Om systemet är det som ger kommunen en gemensam resurs, till exempel nätet, inloggningen, e-posten eller mobilnätet. Då tas det med i scenarier om den resursen.

## Keys a municipality already has, matched on by an import
field-employee-number = Anställningsnummer
hint-employee-number = Numret i lönesystemet eller HR-systemet. En import känner igen personen på det.
field-unit-code = Enhetskod
hint-unit-code = Enhetens kod i organisationsplanen eller ekonomisystemet. En import känner igen enheten på den.
field-system-code = System-id
hint-system-code = Systemets id i IT-avdelningens förteckning. En import känner igen systemet på det.

## Importing a register from a spreadsheet
import-err-file-type = Filen är varken en Excel-fil (.xlsx) eller en CSV-fil (.csv). Spara den som en av dem och försök igen.
import-err-too-large = Filen är för stor (högst { $n } MB).
import-err-rows = Filen har för många rader (högst { $n }). Dela upp den.
import-err-columns = Filen har för många kolumner (högst { $n }).
import-err-empty = Filen har inga rader under kolumnrubrikerna.
import-err-unreadable = Filen går inte att läsa. Är den skadad? Spara den på nytt i Excel och försök igen.
import-err-unknown = ”{ $value }” finns inte i registret.
import-err-ambiguous = Flera poster heter ”{ $value }”. Ange nyckeln (till exempel anställningsnumret) så att rätt kan väljas.
import-err-repeated = ”{ $value }” finns redan på rad { $first } i filen.
import-row-error = Rad { $row }, kolumn { $column }: { $reason }
import-job-refused = Inget sparades: filen har { $count ->
    [one] ett fel
   *[other] { $count } fel
}. Rätta filen och läs in den igen. { $first }
import-nothing-stored = Inget sparades: rätta raderna med fel och försök igen.
import-cli-stored = Sparat.
import-cli-apply-hint = Inget är sparat ännu. Kör samma kommando med --apply för att spara.
import-count-new = { $n ->
    [one] { $n } ny
   *[other] { $n } nya
}
import-count-changed = { $n ->
    [one] { $n } ändrad
   *[other] { $n } ändrade
}
import-count-unchanged = { $n ->
    [one] { $n } oförändrad
   *[other] { $n } oförändrade
}
import-count-errors = { $n ->
    [one] { $n } rad med fel
   *[other] { $n } rader med fel
}
import-count-missing = { $n ->
    [one] { $n } finns i registret men inte i filen (tas inte bort – avgör själv)
   *[other] { $n } finns i registret men inte i filen (tas inte bort – avgör själv)
}
import-row = rad { $n }
import-empty-value = (tomt)
import-title = Importera från Excel/CSV
import-link = Importera från Excel/CSV
import-preview-title = Förhandsgranska importen
import-intro = Läs in registret från en Excel-fil (.xlsx) eller en CSV-fil, till exempel en export från HR-systemet. Innan något sparas ser du vad som blir nytt, vad som ändras och vilka rader som har fel.
import-step-template = 1. Mallen
import-template-text = Mallen har kolumnrubrikerna, en exempelrad och listor att välja ur. Du kan också läsa in en egen fil: kolumnerna känns igen på rubrikerna, och du kan välja själv vilken kolumn som hör till vilket fält. Valet sparas till nästa gång.
import-template-link = Ladda ner mallen (.xlsx)
import-headings = Kolumner som känns igen:
import-step-upload = 2. Läs in filen
import-file = Fil (.xlsx eller .csv)
import-file-hint = CSV med semikolon eller komma, som Excel sparar den. Högst 10 MB och 5 000 rader. Inget sparas förrän du har sett förhandsgranskningen.
import-preview-button = Förhandsgranska
import-stored = Importen är sparad: { $added }, { $changed }.
import-preview-intro = Så här skulle filen { $file } ändra registret. Inget är sparat ännu.
import-summary = Sammanfattning
import-errors-heading = Rader med fel
import-mapping-heading = Kolumner och fält
import-mapping-hint = Välj vilket fält varje kolumn i filen fyller. Valet sparas när importen sparas och gäller nästa fil med samma rubriker.
import-column = Kolumnen { $heading }
import-ignore = (läs inte in)
import-repreview = Förhandsgranska igen
import-new-heading = Nya
import-changed-heading = Ändras
import-field = Fält
import-before = Före
import-after = Efter
import-missing-hint = De här finns i registret men inte i filen. De tas inte bort: öppna dem och avgör själv om de ska ändras eller tas bort.
import-upload-again = Läs in en rättad fil
import-field-from-kind = Vad som beror (typ)
import-field-to-kind = Beror på (typ)

# Skyddade personuppgifter
protected-person = Skyddad person
protected-contact-via = Kontakta via { $name }
protected-contact-switchboard = Kontakta via växeln
field-protected = Skyddade personuppgifter
protected-title = Skyddade personuppgifter
protected-note-off = Markera personen om hen har sekretessmarkering, skyddad folkbokföring eller fingerade personuppgifter. Då kommer hen inte med i pärmar, digitala krispärmar, Excel-listor eller API:t, och bara administratörer, samordnare och chefen för hens enhet ser namn och nummer. På en ringlista står ”Skyddad person – kontakta via” enhetens chef i stället.
protected-note-on = Personen har skyddade personuppgifter. Hen kommer inte med i pärmar, digitala krispärmar, Excel-listor eller API:t, och bara administratörer, samordnare och chefen för hens enhet ser namn och nummer. Övriga ser ”Skyddad person”.
protected-mark = Markera som skyddad
protected-unmark = Ta bort markeringen

# The platform administrator's pages (hosted mode): /platform/login and /platform.
platform-brand = plattformen
platform-login-title = Logga in som plattformsadministratör
platform-login-intro = Här loggar installationens plattformsadministratör in för att skapa och sköta organisationerna. Kontot är inte en organisations konto och når inget av organisationernas innehåll.
platform-title = Organisationer
platform-intro = Organisationerna som delar den här installationen. Det du gör här skrivs in i respektive organisations logg. Innehållet i organisationerna syns inte här.
platform-done-renamed = Organisationen har bytt namn.
platform-done-suspended = Organisationen är avstängd: ingen av dess användare kan logga in, och dess sessioner och nycklar slutar gälla.
platform-done-resumed = Organisationen är aktiv igen.
platform-done-removed = Organisationen är borttagen.
platform-made-title = { $org } är skapad
platform-made-login = Dess inloggning:
platform-made-setup = Engångslänk för dess första administratör. Den gäller ett dygn och visas bara nu; skicka den på ett säkert sätt.
platform-orgs-count = { $n ->
    [one] En organisation
   *[other] { $n } organisationer
}
platform-field-slug = Kortnamn
platform-field-host = Eget värdnamn
platform-field-state = Läge
platform-field-users = Användare
platform-field-created = Skapad
platform-state-active = Aktiv
platform-state-suspended = Avstängd sedan { $day }
platform-suspend = Stäng av { $org }
platform-resume = Aktivera { $org } igen
platform-rename = Byt namn på { $org }
platform-field-rename = Nytt namn
platform-rename-button = Byt namn
platform-remove = Ta bort { $org }
platform-remove-hint = Bara en organisation som inte har något annat än det den fick när den skapades kan tas bort: inga användare och inget innehåll. Skriv kortnamnet { $slug } för att bekräfta.
platform-field-confirm = Kortnamnet, för att bekräfta
platform-remove-button = Ta bort organisationen
platform-new-title = Ny organisation
platform-field-new-name = Namn
platform-field-new-slug = Kortnamn
platform-field-new-org_number = Organisationsnummer
platform-field-new-host = Eget värdnamn
platform-hint-slug = Används i adressen /o/kortnamn. Lämnas det tomt görs ett av namnet.
platform-hint-org_number = Frivilligt, till exempel 212000-2171.
platform-hint-host = Frivilligt: ett värdnamn som inloggningen känner igen, till exempel beredd.kommun.se.
platform-new-button = Skapa organisationen
platform-rename-refused = { $org } fick inte nytt namn: { $why }
platform-remove-not-confirmed = { $org } togs inte bort: skriv kortnamnet { $slug } för att bekräfta.
platform-remove-has-data = { $org } togs inte bort eftersom den har { $users } användare, { $entries } händelser i loggen av andra än plattformen och innehåll i { $tables } tabeller. Stäng av den i stället.

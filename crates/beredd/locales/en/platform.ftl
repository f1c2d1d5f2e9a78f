# The platform administrator's pages (hosted mode): /platform/login and /platform.
platform-brand = platform
platform-login-title = Log in as platform administrator
platform-login-intro = This is where the installation's platform administrator logs in to create and look after the organisations. The account is no organisation's account and reaches nothing of the organisations' content.
platform-title = Organisations
platform-intro = The organisations that share this installation. What you do here is written to that organisation's audit trail. The organisations' content is not shown here.
platform-done-renamed = The organisation has a new name.
platform-done-suspended = The organisation is suspended: none of its users can log in, and its sessions and keys stop working.
platform-done-resumed = The organisation is active again.
platform-done-removed = The organisation is removed.
platform-made-title = { $org } is created
platform-made-login = Its login:
platform-made-setup = One-time link for its first administrator. It is valid for a day and shown only now; send it safely.
platform-orgs-count = { $n ->
    [one] One organisation
   *[other] { $n } organisations
}
platform-field-slug = Short name
platform-field-host = Own host name
platform-field-state = State
platform-field-users = Users
platform-field-created = Created
platform-state-active = Active
platform-state-suspended = Suspended since { $day }
platform-suspend = Suspend { $org }
platform-resume = Resume { $org }
platform-rename = Rename { $org }
platform-field-rename = New name
platform-rename-button = Rename
platform-remove = Remove { $org }
platform-remove-hint = Only an organisation that holds nothing but what it got when it was created can be removed: no users and no content. Type the short name { $slug } to confirm.
platform-field-confirm = The short name, to confirm
platform-remove-button = Remove the organisation
platform-new-title = New organisation
platform-field-new-name = Name
platform-field-new-slug = Short name
platform-field-new-org_number = Organisation number
platform-field-new-host = Own host name
platform-hint-slug = Used in the address /o/short-name. Left empty, one is made from the name.
platform-hint-org_number = Optional, for example 212000-2171.
platform-hint-host = Optional: a host name the login recognises, for example beredd.kommun.se.
platform-new-button = Create the organisation
platform-rename-refused = { $org } was not renamed: { $why }
platform-remove-not-confirmed = { $org } was not removed: type the short name { $slug } to confirm.
platform-remove-has-data = { $org } was not removed because it has { $users } users, { $entries } audit entries by others than the platform and content in { $tables } tables. Suspend it instead.

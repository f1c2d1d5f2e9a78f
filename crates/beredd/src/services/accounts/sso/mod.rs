//! Single sign-on with the organisation's OpenID Connect provider: its settings, which the
//! administrator keeps (`settings`), and the login through it (`flow`), which creates the user on
//! first login and sets their role and units from their groups at every login.

pub mod flow;
pub mod provision;
pub mod settings;

/// A single sign-on session is confirmed with the provider again after this long: the next page
/// the user opens sends them through the provider (silently while their session there lasts), so
/// that someone the provider no longer lets in is out within this time.
pub const RECHECK_SECS: i64 = 4 * 3600;

/// Whether a session the provider confirmed at `checked_at` must be confirmed again.
pub fn recheck_due(checked_at: crate::platform::clock::Stamp) -> bool {
    checked_at.seconds_since() > RECHECK_SECS
}

/// The HTTP client that talks to providers: no redirects followed (the library's advice, against
/// request forgery), and short timeouts, so that a provider that is down is said to be so at once.
pub fn http_client() -> anyhow::Result<openidconnect::reqwest::Client> {
    Ok(openidconnect::reqwest::ClientBuilder::new()
        .redirect(openidconnect::reqwest::redirect::Policy::none())
        .connect_timeout(std::time::Duration::from_secs(5))
        .timeout(std::time::Duration::from_secs(10))
        .build()?)
}

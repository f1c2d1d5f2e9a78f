//! The login through the organisation's OpenID Connect provider: the authorization code flow with
//! PKCE, from the provider's discovery document. `begin` sends the user to the provider with a
//! fresh state, nonce and PKCE challenge (kept in `sso_logins`, used once); `finish` takes the
//! code back, exchanges it, and checks the ID token's signature against the provider's published
//! keys, its issuer, audience, nonce and expiry (the `openidconnect` crate, against the machine's
//! real time: the token's times are the provider's), then lets the user in with the role and
//! units their groups give (`provision`).

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AccessTokenHash, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
    TokenResponse,
};

use super::provision;
use crate::platform::db::Db;
use crate::services::Failure;
use crate::services::accounts::login::Session;
use crate::store::{audit, sessions, sso as store};

type Client =
    CoreClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointMaybeSet, EndpointMaybeSet>;
type Http = openidconnect::reqwest::Client;

/// Why a login through the provider did not let the user in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No provider is configured for the organisation.
    NotConfigured,
    /// The provider did not answer, or its discovery document could not be read.
    Unreachable,
    /// The callback's state is unknown, used already, expired, or not this browser's.
    BadState,
    /// The provider refused the code, or the ID token failed a check.
    Token,
    /// The provider did not let the user in.
    Denied,
    /// The provider let the user in, but no group of theirs gives a role in Beredd.
    NotMapped,
    /// The account is turned off in Beredd.
    Inactive,
}

impl Refusal {
    pub fn message_id(self) -> &'static str {
        match self {
            Refusal::NotConfigured => "sso-not-configured",
            Refusal::Unreachable => "sso-unreachable",
            Refusal::BadState => "sso-bad-state",
            Refusal::Token => "sso-token",
            Refusal::Denied => "sso-denied",
            Refusal::NotMapped => "sso-not-mapped",
            Refusal::Inactive => "sso-inactive",
        }
    }
}

/// The provider's endpoints and keys from its discovery document, as a client of ours.
async fn client(http: &Http, p: &store::Provider) -> Result<Client, Refusal> {
    let issuer = IssuerUrl::new(p.issuer.clone()).map_err(|_| Refusal::Unreachable)?;
    let metadata = CoreProviderMetadata::discover_async(issuer, http).await.map_err(|e| {
        tracing::warn!(issuer = p.issuer, error = %e, "single sign-on: the provider's discovery document could not be read");
        Refusal::Unreachable
    })?;
    let redirect = RedirectUrl::new(p.redirect_uri()).map_err(|_| Refusal::NotConfigured)?;
    Ok(CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(p.client_id.clone()),
        Some(ClientSecret::new(p.client_secret.clone())),
    )
    .set_redirect_uri(redirect))
}

/// Where to send the user, and the state to keep in their browser.
pub struct Redirect {
    pub url: String,
    pub state: String,
}

/// Starts a login through the provider of `org`; `recheck_user` is the user whose session is
/// being confirmed again (refused by the provider, they are turned off).
pub async fn begin(
    db: &Db,
    http: &Http,
    org: i64,
    next: &str,
    recheck_user: Option<i64>,
) -> Result<Result<Redirect, Refusal>, Failure> {
    let Some(provider) = store::get(&db.pool, org).await? else { return Ok(Err(Refusal::NotConfigured)) };
    let client = match client(http, &provider).await {
        Ok(c) => c,
        Err(r) => return Ok(Err(r)),
    };
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state, nonce) = client
        .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
        .add_scope(Scope::new("profile".into()))
        .add_scope(Scope::new("email".into()))
        .set_pkce_challenge(challenge)
        .url();
    let pending = store::Pending {
        org_id: org,
        nonce: nonce.secret().clone(),
        pkce_verifier: verifier.secret().clone(),
        next_path: next.to_owned(),
        recheck_user,
    };
    store::purge_expired(&db.pool).await?;
    store::begin(&db.pool, state.secret(), &pending).await?;
    Ok(Ok(Redirect { url: url.to_string(), state: state.secret().clone() }))
}

/// What the provider sent the browser back with, and the state the browser kept.
pub struct Callback<'a> {
    pub state: &'a str,
    pub kept_state: &'a str,
    pub code: Option<&'a str>,
    pub error: Option<&'a str>,
}

/// A login that went through: the session, and where to go.
pub struct Done {
    pub session: Session,
    pub next: String,
}

/// Finishes a login through the provider.
pub async fn finish(db: &Db, http: &Http, cb: Callback<'_>) -> Result<Result<Done, Refusal>, Failure> {
    if cb.state.is_empty() || cb.state != cb.kept_state {
        return Ok(Err(Refusal::BadState));
    }
    let Some(pending) = store::take(&db.pool, cb.state).await? else { return Ok(Err(Refusal::BadState)) };
    let Some(provider) = store::get(&db.pool, pending.org_id).await? else { return Ok(Err(Refusal::NotConfigured)) };
    let code = match (cb.error, cb.code) {
        (None, Some(code)) => code,
        (error, _) => {
            tracing::info!(error = error.unwrap_or("no code"), "single sign-on: the provider did not let the user in");
            if let Some(user) = pending.recheck_user {
                provision::turn_off(db, pending.org_id, user, "the provider refused the check of the session").await?;
            }
            return Ok(Err(Refusal::Denied));
        }
    };
    let claims = match verified_claims(http, &provider, &pending, code).await {
        Ok(c) => c,
        Err(r) => return Ok(Err(r)),
    };
    let user = match provision::admit(db, &provider, &claims).await? {
        Ok(u) => u,
        Err(r) => return Ok(Err(r)),
    };
    let (token, _csrf) = sessions::create(&db.pool, user.id).await?;
    sessions::confirmed_by_provider(&db.pool, &token).await?;
    let actor = audit::Actor { org_id: user.org_id, user_id: Some(user.id), username: user.username.clone() };
    let change: audit::Change<'_, ()> = audit::Change {
        action: "login",
        entity: "session",
        entity_id: None,
        summary: "single sign-on",
        before: None,
        after: None,
    };
    audit::record(&db.pool, &actor, change).await?;
    sessions::purge_expired(&db.pool).await?;
    Ok(Ok(Done { session: Session { token, lang: user.lang.clone() }, next: pending.next_path }))
}

/// What a verified ID token says of the user.
pub struct Claims {
    /// "issuer subject": who the user is at this provider, for good.
    pub subject: String,
    /// The whole payload, for the configured groups claim and the names.
    pub payload: serde_json::Value,
}

/// Exchanges the code (with the PKCE verifier) and checks the ID token.
async fn verified_claims(
    http: &Http,
    provider: &store::Provider,
    pending: &store::Pending,
    code: &str,
) -> Result<Claims, Refusal> {
    let client = client(http, provider).await?;
    let refused = |what: &str, e: &dyn std::fmt::Display| {
        tracing::warn!(issuer = provider.issuer, error = %e, "single sign-on: {what}");
        Refusal::Token
    };
    let request =
        client.exchange_code(AuthorizationCode::new(code.to_owned())).map_err(|e| refused("no token endpoint", &e))?;
    let response = request
        .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier.clone()))
        .request_async(http)
        .await
        .map_err(|e| refused("the provider refused the code", &e))?;
    let id_token = response.id_token().ok_or_else(|| refused("no ID token", &"none in the token response"))?;
    let verifier = client.id_token_verifier();
    let nonce = Nonce::new(pending.nonce.clone());
    let claims = id_token.claims(&verifier, &nonce).map_err(|e| refused("the ID token failed its checks", &e))?;
    if let Some(expected) = claims.access_token_hash() {
        let alg = id_token.signing_alg().map_err(|e| refused("the ID token's algorithm", &e))?;
        let key = id_token.signing_key(&verifier).map_err(|e| refused("the ID token's key", &e))?;
        let actual = AccessTokenHash::from_token(response.access_token(), alg, key)
            .map_err(|e| refused("the access token's hash", &e))?;
        if actual != *expected {
            return Err(refused("the access token does not match the ID token", &"at_hash"));
        }
    }
    // The signature holds over exactly this payload, so its other claims can be read from it.
    let payload = id_token
        .to_string()
        .split('.')
        .nth(1)
        .and_then(|p| {
            use base64::Engine;
            base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(p.trim_end_matches('=')).ok()
        })
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(|| refused("the ID token's payload", &"unreadable"))?;
    Ok(Claims { subject: format!("{} {}", provider.issuer, claims.subject().as_str()), payload })
}

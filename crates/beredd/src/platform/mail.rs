//! E-mail for the optional reminders, through `lettre` (a maintained SMTP client): to the relay
//! the administrator names, with STARTTLS (the default), TLS from the first byte, or (for a relay
//! on the same machine) none; with a login when the relay asks for one; trusting the public roots
//! and, when named, the municipality's own certificate authority. Nothing else in Beredd needs e-mail.

use std::path::PathBuf;
use std::time::Duration;

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox, Message};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncTransport, Tokio1Executor};

/// How the connection to the relay is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// Plain SMTP, then STARTTLS before anything else is said; refused if the relay does not offer it.
    #[default]
    Starttls,
    /// TLS from the first byte (usually port 465).
    Tls,
    /// No encryption: only for a relay on the same machine or a closed network.
    None,
}

/// Where and how to send.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The relay, `host:port` (port 25 when left out).
    pub server: String,
    pub security: Security,
    /// The login, when the relay asks for one.
    pub user: Option<String>,
    pub password: Option<String>,
    /// A PEM file of the certificate authority that signed the relay's certificate, when it is not
    /// one of the public roots (a municipality's own CA).
    pub ca_file: Option<PathBuf>,
    /// The sender address.
    pub from: String,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("kunde inte nå e-postservern {0}: {1}")]
    Connect(String, String),
    #[error("e-postservern {0} gick inte att ansluta till med kryptering (TLS): {1}")]
    Tls(String, String),
    #[error("e-postservern {0} tog inte emot inloggningen: {1}")]
    Login(String, String),
    #[error("e-postservern {0} vägrade: {1}")]
    Refused(String, String),
    #[error("ogiltig adress {0:?}")]
    Address(String),
    #[error("e-postinställningarna går inte att använda: {0}")]
    Settings(String),
}

/// A connection to the relay, ready to send.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    server: String,
}

fn host_port(server: &str) -> Result<(String, u16), MailError> {
    let bad = || MailError::Settings(format!("e-postservern ska anges som värd:port, inte {server:?}"));
    match server.rsplit_once(':') {
        Some((host, port)) if !host.is_empty() => {
            Ok((host.trim_matches(['[', ']']).to_owned(), port.parse().map_err(|_| bad())?))
        }
        Some(_) => Err(bad()),
        None if !server.trim().is_empty() => Ok((server.trim().to_owned(), 25)),
        None => Err(bad()),
    }
}

fn mailbox(address: &str, name: Option<&str>) -> Result<Mailbox, MailError> {
    if address.contains(['\r', '\n', '<', '>']) {
        return Err(MailError::Address(address.to_owned()));
    }
    let email = address.trim().parse().map_err(|_| MailError::Address(address.to_owned()))?;
    Ok(Mailbox::new(name.map(str::to_owned), email))
}

impl Mailer {
    pub fn new(s: &Settings) -> Result<Mailer, MailError> {
        let (host, port) = host_port(&s.server)?;
        let tls = |host: &str| -> Result<TlsParameters, MailError> {
            let mut b = TlsParameters::builder(host.to_owned());
            if let Some(path) = &s.ca_file {
                let pem = std::fs::read(path)
                    .map_err(|e| MailError::Settings(format!("kunde inte läsa {}: {e}", path.display())))?;
                let cert = Certificate::from_pem(&pem).map_err(|e| {
                    MailError::Settings(format!("{} är inget certifikat i PEM-format: {e}", path.display()))
                })?;
                b = b.add_root_certificate(cert);
            }
            b.build_rustls().map_err(|e| MailError::Settings(e.to_string()))
        };
        let mut b = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host.clone())
            .port(port)
            .timeout(Some(Duration::from_secs(30)));
        b = match s.security {
            Security::Starttls => b.tls(Tls::Required(tls(&host)?)),
            Security::Tls => b.tls(Tls::Wrapper(tls(&host)?)),
            Security::None => b.tls(Tls::None),
        };
        match (&s.user, &s.password) {
            (Some(u), Some(p)) => b = b.credentials(Credentials::new(u.clone(), p.clone())),
            (Some(_), None) => {
                return Err(MailError::Settings("ett användarnamn för e-postservern kräver ett lösenord".into()));
            }
            (None, Some(_)) => {
                return Err(MailError::Settings("ett lösenord för e-postservern kräver ett användarnamn".into()));
            }
            (None, None) => {}
        }
        Ok(Mailer { transport: b.build(), from: mailbox(&s.from, Some("Beredd"))?, server: s.server.clone() })
    }

    /// Sends one plain-text message in UTF-8: as 8-bit text when its lines allow, else encoded
    /// (base64 or quoted-printable) as the library chooses.
    pub async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), MailError> {
        let body =
            Body::new_with_encoding(body.to_owned(), ContentTransferEncoding::EightBit).unwrap_or_else(Body::new);
        let message = Message::builder()
            .from(self.from.clone())
            .to(mailbox(to, None)?)
            .subject(subject)
            .date(crate::platform::clock::now().into())
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| MailError::Settings(e.to_string()))?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| self.explain(e))
    }

    /// The relay's error in words, with what the library says after it (never the password).
    fn explain(&self, e: lettre::transport::smtp::Error) -> MailError {
        let server = self.server.clone();
        let detail = std::error::Error::source(&e).map(|s| format!("{e}: {s}")).unwrap_or_else(|| e.to_string());
        let code = e.status().map(|c| c.to_string());
        if e.is_tls() || detail.contains("certificate") {
            MailError::Tls(server, detail)
        } else if matches!(code.as_deref(), Some("535" | "534" | "530" | "538")) {
            MailError::Login(server, detail)
        } else if e.is_permanent() || e.is_transient() {
            MailError::Refused(server, detail)
        } else if e.is_client() && detail.contains("STARTTLS") {
            MailError::Tls(server, detail)
        } else if e.is_client() {
            MailError::Refused(server, detail)
        } else {
            MailError::Connect(server, detail)
        }
    }
}

//! A backup: the organisation's export (see the module above) encrypted with age, either by a
//! passphrase (scrypt) or to a public key (X25519), so that the server that writes backups need
//! never hold what opens them. Two lines stand before the encrypted bytes: the format and the
//! SHA-256 of those bytes, so that a changed file is told apart from a wrong passphrase before
//! any decryption is tried.

use std::io::{Read, Write};

use age::secrecy::SecretString;

use super::{ArchiveError, sha256_hex};

const MAGIC: &str = "beredd-backup 1";
/// The most scrypt work a backup may ask of the reader (age's own default bound is relative to
/// the machine; a backup written on a fast server must still open on a slow laptop).
const MAX_WORK_FACTOR: u8 = 22;

/// What opens (and so what seals) a backup.
pub enum Key {
    Passphrase(String),
    /// age public keys (`age1…`), for writing.
    Recipients(Vec<String>),
    /// An age identity file's text (`AGE-SECRET-KEY-1…` lines), for reading.
    Identity(String),
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("filen är ingen säkerhetskopia från Beredd")]
    NotABackup,
    #[error("säkerhetskopian har ändrats eller skadats efter att den skrevs (kontrollsumman stämmer inte)")]
    Changed,
    #[error("lösenfrasen eller nyckeln öppnar inte den här säkerhetskopian")]
    WrongKey,
    #[error("den publika nyckeln {0:?} är ingen age-nyckel (age1…)")]
    BadRecipient(String),
    #[error("nyckelfilen innehåller ingen age-nyckel (AGE-SECRET-KEY-1…)")]
    BadIdentity,
    #[error("säkerhetskopian kräver för mycket arbete att öppna (scrypt över 2^{MAX_WORK_FACTOR})")]
    TooMuchWork,
    #[error("en säkerhetskopia skriven med en publik nyckel öppnas med nyckelfilen (--identity), inte en lösenfras")]
    NeedsIdentity,
    #[error("en säkerhetskopia skriven med en lösenfras öppnas med lösenfrasen, inte en nyckelfil")]
    NeedsPassphrase,
    #[error("säkerhetskopian kunde inte skrivas: {0}")]
    Encrypt(String),
}

impl From<BackupError> for ArchiveError {
    fn from(e: BackupError) -> Self {
        match e {
            BackupError::Changed => ArchiveError::Changed(e.to_string()),
            e => ArchiveError::NotAnExport(e.to_string()),
        }
    }
}

/// Encrypts an export; the result is what is written to the backup file.
pub fn seal(export: &[u8], key: &Key) -> Result<Vec<u8>, BackupError> {
    let encryptor = match key {
        Key::Passphrase(p) => age::Encryptor::with_user_passphrase(SecretString::from(p.clone())),
        Key::Recipients(list) => {
            let parsed = list
                .iter()
                .map(|r| r.trim().parse::<age::x25519::Recipient>().map_err(|_| BackupError::BadRecipient(r.clone())))
                .collect::<Result<Vec<_>, _>>()?;
            age::Encryptor::with_recipients(parsed.iter().map(|r| r as &dyn age::Recipient))
                .map_err(|e| BackupError::Encrypt(e.to_string()))?
        }
        Key::Identity(_) => return Err(BackupError::Encrypt("en nyckelfil öppnar, den skriver inte".into())),
    };
    let mut sealed = Vec::with_capacity(export.len() + 1024);
    let mut w = encryptor.wrap_output(&mut sealed).map_err(|e| BackupError::Encrypt(e.to_string()))?;
    w.write_all(export).map_err(|e| BackupError::Encrypt(e.to_string()))?;
    w.finish().map_err(|e| BackupError::Encrypt(e.to_string()))?;
    let mut out = format!("{MAGIC}\nsha256:{}\n", sha256_hex(&sealed)).into_bytes();
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// The SHA-256 a backup file states for its encrypted part, once that part is found to have it.
pub fn check(file: &[u8]) -> Result<&[u8], BackupError> {
    let rest = file.strip_prefix(format!("{MAGIC}\n").as_bytes()).ok_or(BackupError::NotABackup)?;
    let end = rest.iter().position(|b| *b == b'\n').ok_or(BackupError::NotABackup)?;
    let line = std::str::from_utf8(&rest[..end]).map_err(|_| BackupError::NotABackup)?;
    let stated = line.strip_prefix("sha256:").ok_or(BackupError::NotABackup)?;
    let sealed = &rest[end + 1..];
    if sha256_hex(sealed) != stated { Err(BackupError::Changed) } else { Ok(sealed) }
}

/// Opens a backup file and gives the export inside. A changed file and a wrong key are told
/// apart; nothing is decrypted from a file whose checksum fails.
pub fn open(file: &[u8], key: &Key) -> Result<Vec<u8>, BackupError> {
    let sealed = check(file)?;
    let decryptor = age::Decryptor::new(sealed).map_err(|_| BackupError::Changed)?;
    let mut reader = match key {
        Key::Passphrase(p) => {
            if !decryptor.is_scrypt() {
                return Err(BackupError::NeedsIdentity);
            }
            let mut identity = age::scrypt::Identity::new(SecretString::from(p.clone()));
            identity.set_max_work_factor(MAX_WORK_FACTOR);
            decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).map_err(decrypt_error)?
        }
        Key::Identity(text) => {
            if decryptor.is_scrypt() {
                return Err(BackupError::NeedsPassphrase);
            }
            let ids: Vec<age::x25519::Identity> = text
                .lines()
                .map(str::trim)
                .filter(|l| l.starts_with("AGE-SECRET-KEY-"))
                .filter_map(|l| l.parse().ok())
                .collect();
            if ids.is_empty() {
                return Err(BackupError::BadIdentity);
            }
            decryptor.decrypt(ids.iter().map(|i| i as &dyn age::Identity)).map_err(decrypt_error)?
        }
        Key::Recipients(_) => return Err(BackupError::BadIdentity),
    };
    let mut out = Vec::new();
    reader.read_to_end(&mut out).map_err(|_| BackupError::Changed)?;
    Ok(out)
}

/// The file's checksum has already been found right, so a key that does not unwrap the file's
/// key is the wrong one (age reports a wrong passphrase as a failed decryption of its stanza).
fn decrypt_error(e: age::DecryptError) -> BackupError {
    match e {
        age::DecryptError::ExcessiveWork { .. } => BackupError::TooMuchWork,
        _ => BackupError::WrongKey,
    }
}

/// A new age key pair for backups: the identity file's text (kept away from the server) and the
/// public key (given to `beredd backup --recipient`).
pub fn new_key() -> (String, String) {
    use age::secrecy::ExposeSecret;
    let identity = age::x25519::Identity::generate();
    let public = identity.to_public().to_string();
    let text = format!(
        "# Nyckel som öppnar Beredds säkerhetskopior. Förvara den utanför servern.\n# publik nyckel: {public}\n{}\n",
        identity.to_string().expose_secret()
    );
    (text, public)
}

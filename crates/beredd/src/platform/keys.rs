//! The signing keys that anchor each incident log outside the database (security review F4).
//!
//! Every organisation has, on every Beredd instance that writes its logs, an Ed25519 key pair.
//! The private half is a file in a key folder (`--keys`, `BEREDD_KEYS`; by default `beredd-keys`
//! beside a SQLite file, or `~/.local/share/beredd/keys` with PostgreSQL), never in the database,
//! a backup, a bundle or a binder. The public half is what verifies: it is recorded in the
//! database, carried in every bundle and printed in the binder, so checking a log needs no
//! secret. Someone who can write to the database but cannot read the key folder can change the
//! log's entries and recompute its hashes, but cannot sign the new heads.
//!
//! A key file is text: who it belongs to, when it was made, and the 32-byte seed in hex. When a
//! key is replaced (`beredd keys rotate`) the old seed is deleted and its public half kept as
//! `<org>.<key id>.pub`, so the entries it signed can still be checked.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ed25519_dalek::{Signature, Signer as _, SigningKey, Verifier as _, VerifyingKey};
use sha2::{Digest, Sha256};

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("nyckelmappen {path} kan inte användas: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("nyckelfilen {path} går inte att läsa: {problem}")]
    Unreadable { path: String, problem: String },
}

/// One key pair of one organisation on this instance.
pub struct OrgKey {
    signing: SigningKey,
    /// When the key was made (written to the key file as RFC 3339, UTC; read once).
    pub created: crate::platform::clock::Stamp,
    /// When this instance first signed the organisation's logs: its first key's `created`, kept
    /// through every rotation. Entries recorded since must carry a signature.
    pub signing_began: String,
}

impl std::fmt::Debug for OrgKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the seed.
        f.debug_struct("OrgKey").field("key_id", &self.key_id()).field("created", &self.created).finish_non_exhaustive()
    }
}

impl OrgKey {
    pub fn public(&self) -> PublicKey {
        PublicKey(self.signing.verifying_key())
    }

    pub fn key_id(&self) -> String {
        self.public().key_id()
    }

    /// The signature of `message`, in hex.
    pub fn sign(&self, message: &[u8]) -> String {
        hex(&self.signing.sign(message).to_bytes())
    }
}

/// The public half of a key: what anyone may hold and check signatures with.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey(VerifyingKey);

impl std::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PublicKey({})", self.key_id())
    }
}

impl PublicKey {
    /// The key in hex (64 digits), as stored, carried in bundles and printed.
    pub fn to_hex(&self) -> String {
        hex(self.0.as_bytes())
    }

    pub fn from_hex(text: &str) -> Option<PublicKey> {
        let bytes: [u8; 32] = unhex(&compact(text))?.try_into().ok()?;
        VerifyingKey::from_bytes(&bytes).ok().map(PublicKey)
    }

    /// A short name for the key: the first 16 hex digits of the SHA-256 of its bytes.
    pub fn key_id(&self) -> String {
        hex(&Sha256::digest(self.0.as_bytes())[..8])
    }

    /// Whether `signature` (hex) is this key's signature of `message`.
    pub fn verifies(&self, message: &[u8], signature: &str) -> bool {
        let Some(bytes) = unhex(signature).and_then(|b| <[u8; 64]>::try_from(b).ok()) else { return false };
        self.0.verify(message, &Signature::from_bytes(&bytes)).is_ok()
    }
}

/// Hex digits in groups of four, for a person to read aloud or compare with paper.
pub fn grouped(hex: &str) -> String {
    hex.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// What was typed, without spaces and in lower case.
pub fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok()).collect()
}

/// The key folder and the keys read from it, one per organisation.
pub struct Keyring {
    dir: PathBuf,
    /// Each key read, with its file's modification time: a key replaced by `beredd keys rotate`
    /// while the server runs is read again at the next signature.
    loaded: Mutex<HashMap<String, Loaded>>,
}

/// A key read from its file, and the file's modification time when it was read.
type Loaded = (Arc<OrgKey>, Option<std::time::SystemTime>);

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keyring").field("dir", &self.dir).finish()
    }
}

impl Keyring {
    pub fn at(dir: impl Into<PathBuf>) -> Keyring {
        Keyring { dir: dir.into(), loaded: Mutex::new(HashMap::new()) }
    }

    /// The default folder for a database address: `beredd-keys` beside a SQLite file; for
    /// PostgreSQL, `$XDG_DATA_HOME/beredd/keys` or `~/.local/share/beredd/keys`.
    pub fn default_dir(url: &str) -> PathBuf {
        if let Some(file) = crate::platform::db::sqlite_path(url) {
            let parent = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            return parent.join("beredd-keys");
        }
        let data = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
            .unwrap_or_else(|| PathBuf::from("."));
        data.join("beredd").join("keys")
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn file(&self, org_uid: &str) -> PathBuf {
        self.dir.join(format!("{}.key", safe(org_uid)))
    }

    /// The organisation's key on this instance, made the first time it is asked for.
    pub fn for_org(&self, org_uid: &str) -> Result<Arc<OrgKey>, KeyError> {
        let mut loaded = self.loaded.lock().unwrap_or_else(|e| e.into_inner());
        let path = self.file(org_uid);
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        if let Some((k, at)) = loaded.get(org_uid)
            && modified.is_some()
            && *at == modified
        {
            return Ok(k.clone());
        }
        let key = match std::fs::read_to_string(&path) {
            Ok(text) => read_key(&text).map_err(|problem| KeyError::Unreadable { path: shown(&path), problem })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => self.make(org_uid, &path, None)?,
            Err(source) => return Err(KeyError::Io { path: shown(&path), source }),
        };
        let key = Arc::new(key);
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        loaded.insert(org_uid.to_owned(), (key.clone(), modified));
        Ok(key)
    }

    /// The organisation's key if its file exists; never makes one.
    pub fn existing(&self, org_uid: &str) -> Result<Option<Arc<OrgKey>>, KeyError> {
        if !self.file(org_uid).exists() {
            return Ok(None);
        }
        self.for_org(org_uid).map(Some)
    }

    /// The public halves of the organisation's earlier keys on this instance, kept when they
    /// were replaced.
    pub fn retired(&self, org_uid: &str) -> Vec<PublicKey> {
        let prefix = format!("{}.", safe(org_uid));
        let Ok(entries) = std::fs::read_dir(&self.dir) else { return Vec::new() };
        let mut out: Vec<PublicKey> = entries
            .filter_map(|e| e.ok())
            .filter(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.starts_with(&prefix) && name.ends_with(".pub")
            })
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .filter_map(|text| text.lines().find(|l| !l.starts_with('#')).and_then(PublicKey::from_hex))
            .collect();
        out.sort_by_key(|k| k.key_id());
        out
    }

    /// Replaces the organisation's key with a new one: the old seed is deleted and its public
    /// half kept beside the new key. Returns the old key's public half, if there was one.
    pub fn rotate(&self, org_uid: &str) -> Result<(Option<PublicKey>, Arc<OrgKey>), KeyError> {
        let old = self.existing(org_uid)?;
        let path = self.file(org_uid);
        if let Some(old) = &old {
            let public = self.dir.join(format!("{}.{}.pub", safe(org_uid), old.key_id()));
            let text = format!(
                "# Beredd: en tidigare nyckels offentliga del (organisation {org_uid}, gjord {}).\n{}\n",
                old.created,
                old.public().to_hex()
            );
            std::fs::write(&public, text).map_err(|source| KeyError::Io { path: shown(&public), source })?;
            std::fs::remove_file(&path).map_err(|source| KeyError::Io { path: shown(&path), source })?;
        }
        let mut loaded = self.loaded.lock().unwrap_or_else(|e| e.into_inner());
        let new = Arc::new(self.make(org_uid, &path, old.as_ref().map(|o| o.signing_began.clone()))?);
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        loaded.insert(org_uid.to_owned(), (new.clone(), modified));
        Ok((old.map(|o| o.public()), new))
    }

    fn make(&self, org_uid: &str, path: &Path, began: Option<String>) -> Result<OrgKey, KeyError> {
        create_private_dir(&self.dir)?;
        let mut seed = [0u8; 32];
        rand::fill(&mut seed);
        let created = crate::platform::clock::now_stamp();
        let signing_began = began.unwrap_or_else(|| created.to_string());
        let text = format!(
            "# Beredd: organisationens nyckel för att signera krisloggar. Hemlig: kopiera den aldrig\n\
             # till databasen, en säkerhetskopia eller en pärm. Organisation {org_uid}.\n\
             created = {created}\nsigning_began = {signing_began}\nseed = {}\n",
            hex(&seed)
        );
        write_private(path, &text)?;
        Ok(OrgKey { signing: SigningKey::from_bytes(&seed), created, signing_began })
    }
}

/// A file name made only of what an organisation's uid may hold.
fn safe(uid: &str) -> String {
    uid.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect()
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

fn read_key(text: &str) -> Result<OrgKey, String> {
    let value = |name: &str| {
        text.lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .find_map(|l| l.split_once('=').filter(|(k, _)| k.trim() == name).map(|(_, v)| v.trim().to_owned()))
    };
    let written = value("created").ok_or("raden created saknas")?;
    let signing_began = value("signing_began").unwrap_or_else(|| written.clone());
    let seed = value("seed").ok_or("raden seed saknas")?;
    let seed: [u8; 32] = unhex(&seed).and_then(|b| b.try_into().ok()).ok_or("seed är inte 64 hexadecimala tecken")?;
    let created = crate::platform::clock::Stamp::parse(&written).ok_or("created är ingen tid (RFC 3339)")?;
    Ok(OrgKey { signing: SigningKey::from_bytes(&seed), created, signing_began })
}

fn create_private_dir(dir: &Path) -> Result<(), KeyError> {
    std::fs::create_dir_all(dir).map_err(|source| KeyError::Io { path: shown(dir), source })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|source| KeyError::Io { path: shown(dir), source })?;
    }
    Ok(())
}

/// Writes a file only its owner can read, without replacing one that appeared meanwhile.
fn write_private(path: &Path, text: &str) -> Result<(), KeyError> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|source| KeyError::Io { path: shown(path), source })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|source| KeyError::Io { path: shown(path), source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_made_once_kept_private_and_read_back_the_same() {
        let dir = tempfile_dir();
        let ring = Keyring::at(&dir);
        let a = ring.for_org("org-1").unwrap();
        let again = Keyring::at(&dir).for_org("org-1").unwrap();
        assert_eq!(a.public(), again.public());
        assert_ne!(a.public(), ring.for_org("org-2").unwrap().public());
        let text = std::fs::read_to_string(dir.join("org-1.key")).unwrap();
        assert!(
            !format!("{a:?}")
                .contains(text.lines().find(|l| l.starts_with("seed")).unwrap().trim_start_matches("seed = "))
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(dir.join("org-1.key")).unwrap().permissions().mode() & 0o777, 0o600);
        }
        let sig = a.sign(b"head");
        assert!(a.public().verifies(b"head", &sig));
        assert!(!a.public().verifies(b"heads", &sig));
        assert!(!again.public().verifies(b"head", "00"));
        let hex = a.public().to_hex();
        assert_eq!(PublicKey::from_hex(&grouped(&hex).to_uppercase()), Some(a.public()));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_rotated_key_keeps_its_public_half_and_signs_no_more() {
        let dir = tempfile_dir();
        let ring = Keyring::at(&dir);
        let old = ring.for_org("o").unwrap();
        let sig = old.sign(b"x");
        let (was, new) = ring.rotate("o").unwrap();
        assert_eq!(was, Some(old.public()));
        assert_eq!(new.signing_began, old.created.to_string(), "signing began with the first key");
        assert_eq!(Keyring::at(&dir).for_org("o").unwrap().signing_began, old.created.to_string());
        assert_ne!(new.public(), old.public());
        assert_eq!(ring.retired("o"), vec![old.public()]);
        assert!(ring.retired("o")[0].verifies(b"x", &sig));
        assert!(!std::fs::read_dir(&dir).unwrap().any(|e| {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            text.contains(&format!("seed = {}", hex(&old.signing.to_bytes())))
        }));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_damaged_key_file_is_named_not_replaced() {
        let dir = tempfile_dir();
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("o.key"), "created = x\nseed = 12\n").unwrap();
        let err = Keyring::at(&dir).for_org("o").unwrap_err().to_string();
        assert!(err.contains("o.key") && err.contains("seed"), "{err}");
        assert_eq!(std::fs::read_to_string(dir.join("o.key")).unwrap(), "created = x\nseed = 12\n");
        let seed = "ab".repeat(32);
        std::fs::write(dir.join("p.key"), format!("created = igår\nseed = {seed}\n")).unwrap();
        let err = Keyring::at(&dir).for_org("p").unwrap_err().to_string();
        assert!(err.contains("p.key") && err.contains("created"), "{err}");
        std::fs::write(dir.join("q.key"), format!("created = 2026-11-23T07:10:00Z\nseed = {seed}\n")).unwrap();
        assert_eq!(Keyring::at(&dir).for_org("q").unwrap().created.to_string(), "2026-11-23T07:10:00Z");
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn tempfile_dir() -> PathBuf {
        let mut n = [0u8; 8];
        rand::fill(&mut n);
        std::env::temp_dir().join(format!("beredd-keys-test-{}", hex(&n)))
    }
}

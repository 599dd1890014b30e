//! Secrets at rest: webhook signing secrets and static header values are stored encrypted
//! under a master key that never enters the database (`docs/webhooks.md`, "Secrets at rest").
//!
//! A stored value is `enc:v1:<key id>:<base64(nonce ‖ ciphertext ‖ tag)>`: XChaCha20-Poly1305
//! with a random 24-byte nonce per value, and the value's [`Place`] (table, column,
//! organization, row id) as associated data, so a ciphertext copied to another row or column
//! does not decrypt. The key id (the first 8 hex digits of a hash of the key) says which key
//! sealed a value, so rows under an earlier key are read during a rotation and re-encrypted;
//! a value without the `enc:` prefix is plaintext written before encryption existed, read as
//! is and encrypted at the next start.
//!
//! The master key is `secret_key` (`GABLE_SECRET_KEY`), or the key file (`secret_key_file`,
//! by default `secret.key` next to the SQLite database), which the first start creates (mode
//! 0600). Besides the current key, values may be under `secret_key_previous`, or under the
//! key files a rotation leaves (`secret.key.old`, and `secret.key.new` if it was interrupted).

use std::path::{Path, PathBuf};
use std::sync::{PoisonError, RwLock};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use secrecy::{ExposeSecret, SecretBox};
use sha2::{Digest, Sha256};

use crate::config::{self, Settings};

const PREFIX: &str = "enc:v1:";
const NONCE_LEN: usize = 24;

/// Where a stored value lives; its ciphertext is bound to this place.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub table: &'static str,
    pub column: &'static str,
    pub org_id: &'a str,
    pub id: &'a str,
}

impl Place<'_> {
    fn associated_data(&self) -> Vec<u8> {
        format!("gable:{}.{}:{}:{}", self.table, self.column, self.org_id, self.id).into_bytes()
    }
}

impl std::fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{} of {}", self.table, self.column, self.id)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SecretsError {
    #[error("{0}")]
    Key(String),
    #[error("the secret key file {0}: {1}")]
    File(PathBuf, std::io::Error),
    #[error("{place} is encrypted under key {key_id}, which is not configured (the current key is {current})")]
    UnknownKey { place: String, key_id: String, current: String },
    #[error("{0} cannot be decrypted: it was altered, or belongs to another row")]
    Corrupt(String),
}

/// One master key and its id.
struct MasterKey {
    id: String,
    bytes: SecretBox<[u8; 32]>,
}

impl MasterKey {
    fn new(bytes: [u8; 32]) -> MasterKey {
        let digest = Sha256::new().chain_update(b"gable secret key id\0").chain_update(bytes).finalize();
        MasterKey { id: hex::encode(&digest[..4]), bytes: SecretBox::new(Box::new(bytes)) }
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(self.bytes.expose_secret().into())
    }
}

/// The current key (which seals) and the earlier ones still read.
struct Keyring {
    current: MasterKey,
    others: Vec<MasterKey>,
}

impl Keyring {
    fn find(&self, id: &str) -> Option<&MasterKey> {
        std::iter::once(&self.current).chain(&self.others).find(|k| k.id == id)
    }
}

/// Where the current key came from.
#[derive(Debug, Clone)]
pub enum KeySource {
    /// `secret_key` (`GABLE_SECRET_KEY`).
    Setting,
    /// A key file; `created` when this process wrote it.
    File { path: PathBuf, created: bool },
}

/// Seals and opens stored secrets (held by `AppState`).
pub struct Secrets {
    keys: RwLock<Keyring>,
    source: KeySource,
    /// `secret_key_previous`, kept across reloads of the key files.
    previous: Option<[u8; 32]>,
}

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Secrets").field("key_id", &self.key_id()).field("source", &self.source).finish_non_exhaustive()
    }
}

impl Secrets {
    /// The keys the settings name, creating the key file (with a new random key) when no key
    /// is configured and the file does not exist yet.
    pub fn load(settings: &Settings) -> Result<Secrets, SecretsError> {
        Self::from_settings(settings, true)
    }

    /// The keys the settings name; `create` allows making the key file.
    pub fn from_settings(settings: &Settings, create: bool) -> Result<Secrets, SecretsError> {
        let previous = settings.secret_key_previous.as_ref().map(|k| parse_key(k.expose_secret())).transpose()?;
        if let Some(key) = &settings.secret_key {
            let keyring = Keyring { current: MasterKey::new(parse_key(key.expose_secret())?), others: Vec::new() };
            return Ok(Secrets::with(keyring, KeySource::Setting, previous));
        }
        let path = key_file(settings);
        let created = if path.exists() {
            false
        } else if create {
            write_key_file(&path, &generate_key())?;
            true
        } else {
            return Err(SecretsError::Key(format!(
                "there is no secret key: GABLE_SECRET_KEY is not set and {} does not exist",
                path.display()
            )));
        };
        let keyring = read_key_files(&path)?;
        Ok(Secrets::with(keyring, KeySource::File { path, created }, previous))
    }

    /// Keys given directly: `current` seals, `others` are read too (tests, rotation).
    pub fn from_keys(current: [u8; 32], others: &[[u8; 32]]) -> Secrets {
        let keyring =
            Keyring { current: MasterKey::new(current), others: others.iter().copied().map(MasterKey::new).collect() };
        Secrets { keys: RwLock::new(keyring), source: KeySource::Setting, previous: None }
    }

    fn with(mut keyring: Keyring, source: KeySource, previous: Option<[u8; 32]>) -> Secrets {
        keyring.others.extend(previous.map(MasterKey::new));
        Secrets { keys: RwLock::new(keyring), source, previous }
    }

    /// The same keys for reading, with `next` as the key that seals (`gable secrets rotate`).
    pub fn rotated_to(&self, next: [u8; 32]) -> Secrets {
        let keys = self.keys.read().unwrap_or_else(PoisonError::into_inner);
        let others = std::iter::once(&keys.current)
            .chain(&keys.others)
            .map(|k| MasterKey { id: k.id.clone(), bytes: SecretBox::new(Box::new(*k.bytes.expose_secret())) })
            .collect();
        let keyring = Keyring { current: MasterKey::new(next), others };
        Secrets { keys: RwLock::new(keyring), source: KeySource::Setting, previous: None }
    }

    pub fn source(&self) -> &KeySource {
        &self.source
    }

    /// The id of the key that seals.
    pub fn key_id(&self) -> String {
        self.keys.read().unwrap_or_else(PoisonError::into_inner).current.id.clone()
    }

    /// Encrypts `plaintext` for `place` under the current key.
    pub fn seal(&self, place: &Place<'_>, plaintext: &str) -> String {
        let keys = self.keys.read().unwrap_or_else(PoisonError::into_inner);
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).expect("the operating system's random source is available");
        let aad = place.associated_data();
        let sealed = keys
            .current
            .cipher()
            .encrypt(&XNonce::from(nonce), Payload { msg: plaintext.as_bytes(), aad: &aad })
            .expect("XChaCha20-Poly1305 encrypts any value of a database row");
        format!("{PREFIX}{}:{}", keys.current.id, STANDARD.encode([&nonce[..], &sealed].concat()))
    }

    /// Decrypts a stored value of `place` (a value without the `enc:` prefix is plaintext from
    /// before encryption, returned as is). A value under a key this process does not have
    /// makes it read the key files again first: `gable secrets rotate` may have replaced them.
    pub fn open(&self, place: &Place<'_>, stored: &str) -> Result<String, SecretsError> {
        let Some(rest) = stored.strip_prefix(PREFIX) else { return Ok(stored.to_owned()) };
        let (key_id, encoded) = rest.split_once(':').ok_or_else(|| SecretsError::Corrupt(place.to_string()))?;
        if self.keys.read().unwrap_or_else(PoisonError::into_inner).find(key_id).is_none() {
            self.reload()?;
        }
        let keys = self.keys.read().unwrap_or_else(PoisonError::into_inner);
        let key = keys.find(key_id).ok_or_else(|| SecretsError::UnknownKey {
            place: place.to_string(),
            key_id: key_id.to_owned(),
            current: keys.current.id.clone(),
        })?;
        let bytes = STANDARD.decode(encoded).map_err(|_| SecretsError::Corrupt(place.to_string()))?;
        if bytes.len() < NONCE_LEN {
            return Err(SecretsError::Corrupt(place.to_string()));
        }
        let (nonce, sealed) = bytes.split_at(NONCE_LEN);
        let nonce = XNonce::try_from(nonce).map_err(|_| SecretsError::Corrupt(place.to_string()))?;
        let aad = place.associated_data();
        let plain = key
            .cipher()
            .decrypt(&nonce, Payload { msg: sealed, aad: &aad })
            .map_err(|_| SecretsError::Corrupt(place.to_string()))?;
        String::from_utf8(plain).map_err(|_| SecretsError::Corrupt(place.to_string()))
    }

    /// Whether a stored value is sealed under the current key (otherwise it is plaintext, or
    /// under an earlier key, and is re-encrypted at start and by rotation).
    pub fn is_current(&self, stored: &str) -> bool {
        let keys = self.keys.read().unwrap_or_else(PoisonError::into_inner);
        stored.strip_prefix(PREFIX).and_then(|rest| rest.split_once(':')).is_some_and(|(id, _)| id == keys.current.id)
    }

    /// Reads the key files again (after a rotation by another process), keeping
    /// `secret_key_previous`. Keys given in the settings do not change while running.
    fn reload(&self) -> Result<(), SecretsError> {
        let KeySource::File { path, .. } = &self.source else { return Ok(()) };
        let mut keyring = read_key_files(path)?;
        keyring.others.extend(self.previous.map(MasterKey::new));
        let mut keys = self.keys.write().unwrap_or_else(PoisonError::into_inner);
        if keyring.current.id != keys.current.id {
            tracing::info!(key_id = %keyring.current.id, "the secret key file changed; using the new key");
        }
        *keys = keyring;
        Ok(())
    }
}

/// The key file the settings name: `secret_key_file`, else `secret.key` beside the SQLite
/// database, else `data/secret.key`.
pub fn key_file(settings: &Settings) -> PathBuf {
    if let Some(path) = &settings.secret_key_file {
        return path.clone();
    }
    let url = settings.database_url.expose_secret();
    match url.strip_prefix("sqlite:") {
        Some(rest) => {
            let path = rest.trim_start_matches("//").split('?').next().unwrap_or_default();
            Path::new(path).parent().unwrap_or(Path::new("")).join("secret.key")
        }
        None => PathBuf::from("data/secret.key"),
    }
}

/// `path` with `suffix` appended to its name (`secret.key.old`).
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The key in `path`, with those of `path.old` and `path.new` (left by a rotation) to read.
fn read_key_files(path: &Path) -> Result<Keyring, SecretsError> {
    let current = MasterKey::new(read_key_file(path)?);
    let mut others = Vec::new();
    for extra in [sibling(path, ".old"), sibling(path, ".new")] {
        if extra.exists() {
            others.push(MasterKey::new(read_key_file(&extra)?));
        }
    }
    Ok(Keyring { current, others })
}

fn read_key_file(path: &Path) -> Result<[u8; 32], SecretsError> {
    let text = std::fs::read_to_string(path).map_err(|e| SecretsError::File(path.to_owned(), e))?;
    parse_key(&text).map_err(|e| SecretsError::Key(format!("{}: {e}", path.display())))
}

/// A new random master key.
pub fn generate_key() -> [u8; 32] {
    let mut key = [0u8; 32];
    getrandom::fill(&mut key).expect("the operating system's random source is available");
    key
}

/// A master key written as 64 hex digits or base64 of 32 bytes ([`config::secret_key_bytes`]).
pub fn parse_key(text: &str) -> Result<[u8; 32], SecretsError> {
    config::secret_key_bytes(text).map_err(SecretsError::Key)
}

/// Writes a new key file (base64 and a newline), readable by its owner only. Fails if the
/// file exists: a key is never overwritten.
pub fn write_key_file(path: &Path, key: &[u8; 32]) -> Result<(), SecretsError> {
    use std::io::Write;
    let fail = |e| SecretsError::File(path.to_owned(), e);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(fail)?;
    file.write_all(format!("{}\n", STANDARD.encode(key)).as_bytes()).map_err(fail)?;
    file.sync_all().map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLACE: Place<'static> = Place { table: "webhook_endpoints", column: "secret", org_id: "org_1", id: "whep_1" };

    #[test]
    fn sealed_values_open_only_in_their_place_and_under_their_key() {
        let secrets = Secrets::from_keys([7; 32], &[]);
        let sealed = secrets.seal(&PLACE, "whsec_abc");
        assert!(sealed.starts_with(&format!("enc:v1:{}:", secrets.key_id())), "{sealed}");
        assert!(!sealed.contains("whsec_abc"));
        assert_ne!(sealed, secrets.seal(&PLACE, "whsec_abc"), "a fresh nonce each time");
        assert_eq!(secrets.open(&PLACE, &sealed).unwrap(), "whsec_abc");

        let other_row = Place { id: "whep_2", ..PLACE };
        assert!(matches!(secrets.open(&other_row, &sealed), Err(SecretsError::Corrupt(_))));
        let other_column = Place { column: "previous_secret", ..PLACE };
        assert!(secrets.open(&other_column, &sealed).is_err());
        let (head, encoded) = sealed.rsplit_once(':').unwrap();
        let mut bytes = STANDARD.decode(encoded).unwrap();
        *bytes.last_mut().unwrap() ^= 1;
        let tampered = format!("{head}:{}", STANDARD.encode(bytes));
        assert!(matches!(secrets.open(&PLACE, &tampered), Err(SecretsError::Corrupt(_))));

        let stranger = Secrets::from_keys([8; 32], &[]);
        let err = stranger.open(&PLACE, &sealed).unwrap_err();
        assert!(err.to_string().contains(&secrets.key_id()), "{err}");
    }

    #[test]
    fn plaintext_from_before_encryption_reads_as_is_and_earlier_keys_still_open() {
        let old = Secrets::from_keys([1; 32], &[]);
        let sealed = old.seal(&PLACE, "whsec_old");
        assert!(old.is_current(&sealed));
        let new = old.rotated_to([2; 32]);
        assert!(!new.is_current(&sealed) && !new.is_current("whsec_plain"));
        assert_eq!(new.open(&PLACE, &sealed).unwrap(), "whsec_old");
        assert_eq!(new.open(&PLACE, "whsec_plain").unwrap(), "whsec_plain");
        assert!(new.is_current(&new.seal(&PLACE, "x")));
    }

    #[test]
    fn keys_parse_from_base64_or_hex() {
        assert_eq!(parse_key(&STANDARD.encode([3u8; 32])).unwrap(), [3; 32]);
        assert_eq!(parse_key(&format!("{}\n", hex::encode([4u8; 32]))).unwrap(), [4; 32]);
        assert!(parse_key("c2hvcnQ=").is_err());
        assert!(parse_key("not a key").is_err());
    }

    #[test]
    fn the_key_file_is_created_once_readable_by_its_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let mut settings = Settings::defaults();
        settings.database_url = format!("sqlite://{}/gable.db", dir.path().display()).into();
        let path = dir.path().join("secret.key");
        assert_eq!(key_file(&settings), path);
        assert!(Secrets::from_settings(&settings, false).is_err(), "not created unless allowed");
        let first = Secrets::load(&settings).unwrap();
        assert!(matches!(first.source(), KeySource::File { created: true, .. }));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        let again = Secrets::load(&settings).unwrap();
        assert!(matches!(again.source(), KeySource::File { created: false, .. }));
        assert_eq!(again.key_id(), first.key_id());
        assert!(!format!("{again:?}").contains(std::fs::read_to_string(&path).unwrap().trim()));
    }

    #[test]
    fn a_replaced_key_file_is_read_again_when_a_value_needs_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut settings = Settings::defaults();
        settings.secret_key_file = Some(dir.path().join("secret.key"));
        let running = Secrets::load(&settings).unwrap();
        let path = dir.path().join("secret.key");
        // What `gable secrets rotate` does, in another process.
        std::fs::rename(&path, sibling(&path, ".old")).unwrap();
        write_key_file(&path, &[9; 32]).unwrap();
        let rotated = Secrets::load(&settings).unwrap();
        let sealed = rotated.seal(&PLACE, "whsec_new");
        assert_eq!(running.open(&PLACE, &sealed).unwrap(), "whsec_new");
        assert_eq!(running.key_id(), rotated.key_id());
    }
}

//! The shop key: 32 random bytes in a file beside the database (never in
//! it), under which every event's chain hash is signed (HMAC-SHA256). In
//! the guarded install only bayboard's group can read it, so a person who
//! somehow writes the database still cannot append an event that `check`
//! accepts. Whoever can read the key can sign: root, and in an unguarded
//! install every account that can read the database folder.

use crate::error::{Error, Result};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use std::io::{Read, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

pub struct ShopKey([u8; 32]);

/// What this process knows of the key.
pub enum KeyState {
    Loaded(ShopKey),
    /// No key file: a database from before signatures (one is made at the
    /// first write), or a copy whose key stayed behind.
    Missing,
    /// A key file this user cannot read (or a bad one), and why.
    Unreadable(String),
}

/// `shop.sqlite3.key` beside `shop.sqlite3`.
pub fn key_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".key");
    db.with_file_name(name)
}

impl ShopKey {
    /// The signature of one chain hash, as stored (hex).
    pub fn sign(&self, hash: &[u8; 32]) -> String {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.0)
            .expect("HMAC takes a key of any length");
        mac.update(hash);
        super::chain::hex(&mac.finalize().into_bytes())
    }

    pub fn verifies(&self, hash: &[u8; 32], stored: &str) -> bool {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.0)
            .expect("HMAC takes a key of any length");
        mac.update(hash);
        super::chain::unhex(stored).is_some_and(|m| mac.verify_slice(&m).is_ok())
    }
}

/// Reads the key beside `db`, never following a symbolic link.
pub fn load(db: &Path) -> KeyState {
    let path = key_path(db);
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(&path);
    let mut text = String::new();
    match file.and_then(|mut f| f.read_to_string(&mut text)) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => KeyState::Missing,
        Err(e) => KeyState::Unreadable(format!("{}: {e}", path.display())),
        Ok(_) => match super::chain::unhex(text.trim()) {
            Some(k) => KeyState::Loaded(ShopKey(k)),
            None => KeyState::Unreadable(format!("{} is not a shop key", path.display())),
        },
    }
}

/// Makes a new key beside `db`, readable by the owner and the file's group
/// only. Two processes racing here agree: one creates, the other reads it.
pub fn create(db: &Path) -> Result<KeyState> {
    let path = key_path(db);
    let mut bytes = [0u8; 32];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    let made = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o640)
        .custom_flags(libc::O_NOFOLLOW)
        .open(&path);
    match made {
        Ok(mut f) => {
            // The mode asked for is cut by the umask; the group (bayboard's,
            // in the guarded install) must be able to read it.
            f.set_permissions(std::fs::Permissions::from_mode(0o640))?;
            f.write_all(format!("{}\n", super::chain::hex(&bytes)).as_bytes())?;
            f.sync_all()?;
            Ok(KeyState::Loaded(ShopKey(bytes)))
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(load(db)),
        Err(e) => Err(Error::Database(format!(
            "cannot make the shop key {}: {e}",
            path.display()
        ))),
    }
}

//! Optional per-person PINs: stored only as a salted Argon2id hash; wrong
//! tries are counted in the database and, past a few, slowed down.

use super::{Workshop, actor, setup_event_for};
use crate::domain::validate;
use crate::domain::{Actor, Refusal, Role};
use crate::error::{Error, Result};
use crate::store;
use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use std::time::Duration;

/// Wrong tries answered at once; after these each try waits longer.
pub const FREE_TRIES: i64 = 3;
/// The longest wait before a PIN is checked.
pub const MAX_DELAY: Duration = Duration::from_secs(8);

/// How long to wait before checking a PIN after `failures` wrong tries:
/// nothing for the first few, then 1 s, 2 s, 4 s, up to 8 s.
pub fn delay_after(failures: i64) -> Duration {
    if failures < FREE_TRIES {
        return Duration::ZERO;
    }
    let exp = (failures - FREE_TRIES).min(10) as u32;
    Duration::from_secs(1u64 << exp).min(MAX_DELAY)
}

fn hash(pin: &str) -> Result<String> {
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| Error::Database(format!("cannot hash the PIN: {e}")))
}

fn matches(stored: &str, pin: &str) -> bool {
    PasswordHash::new(stored)
        .map(|h| {
            Argon2::default()
                .verify_password(pin.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

impl Workshop {
    /// Sets or clears `name`'s PIN. A foreman may do it for anyone (e.g. a
    /// forgotten PIN); others only for themselves.
    pub fn set_pin(&mut self, who: &str, name: &str, pin: Option<&str>) -> Result<()> {
        let pin = pin.map(validate::pin).transpose()?;
        let hashed = pin.as_deref().map(hash).transpose()?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            let person = store::staff_by_name(c, name)?
                .ok_or_else(|| Refusal::unknown("person", name, "see `bayboard staff list`"))?;
            if person.id != who.id && !who.has(Role::Foreman) {
                return Err(Refusal::WrongRoleSetup {
                    who: who.describe(),
                    action: "set another person's PIN",
                    needs: vec![Role::Foreman],
                }
                .into());
            }
            store::set_pin_hash(c, person.id, hashed.as_deref())?;
            let what = if hashed.is_some() {
                "pin_set"
            } else {
                "pin_cleared"
            };
            setup_event_for(c, Some(&who), what, &person.name, now)
        })
    }

    /// Proves `name`'s PIN for this session (nothing to prove without one).
    /// A wrong PIN is counted; after a few, each try first waits longer.
    /// An unknown name proves nothing and is left to the action to refuse.
    pub fn log_in(&mut self, name: &str, pin: Option<&str>) -> Result<Option<Actor>> {
        let found = self.store.read(|c| match store::actor_by_name(c, name)? {
            Some(who) => {
                let state = store::pin_state(c, who.id)?;
                Ok(Some((who, state)))
            }
            None => Ok(None),
        })?;
        let Some((who, state)) = found else {
            return Ok(None);
        };
        if let (Some(stored), failures) = state {
            self.check_pin(&who, &stored, failures, pin)?;
            self.session.verified.insert(who.id);
        }
        Ok(Some(who))
    }

    /// Whether this person has proven their PIN in this session.
    pub fn has_proven(&self, staff_id: i64) -> bool {
        self.session.verified.contains(&staff_id)
    }

    /// A fresh proof, for signatures (QC sign-off) even within a session.
    pub(crate) fn confirm_pin(&mut self, name: &str, pin: Option<&str>) -> Result<()> {
        let (who, state) = self.store.read(|c| {
            let who = store::actor_by_name(c, name)?
                .ok_or_else(|| super::unknown_person(c, name, None))?;
            Ok((who.clone(), store::pin_state(c, who.id)?))
        })?;
        match state {
            (Some(stored), failures) => self.check_pin(&who, &stored, failures, pin),
            (None, _) => Ok(()),
        }
    }

    fn check_pin(
        &mut self,
        who: &Actor,
        stored: &str,
        failures: i64,
        pin: Option<&str>,
    ) -> Result<()> {
        let Some(pin) = pin.filter(|p| !p.is_empty()) else {
            return Err(Refusal::PinNeeded {
                who: who.name.clone(),
            }
            .into());
        };
        std::thread::sleep(delay_after(failures));
        let right = matches(stored, pin);
        let id = who.id;
        let name = who.name.clone();
        self.write(|c, now, _| {
            store::note_pin_try(c, id, right)?;
            if !right {
                setup_event_for(c, None, "pin_refused", &name, now)?;
            }
            Ok(())
        })?;
        if right {
            Ok(())
        } else {
            Err(Refusal::WrongPin {
                who: who.name.clone(),
                slowed: failures + 1 >= FREE_TRIES,
            }
            .into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_after_the_free_tries_and_stop_at_the_cap() {
        assert_eq!(delay_after(0), Duration::ZERO);
        assert_eq!(delay_after(2), Duration::ZERO);
        assert_eq!(delay_after(3), Duration::from_secs(1));
        assert_eq!(delay_after(4), Duration::from_secs(2));
        assert_eq!(delay_after(6), Duration::from_secs(8));
        assert_eq!(delay_after(60), MAX_DELAY);
    }

    #[test]
    fn the_hash_is_salted_and_verifies() {
        let a = hash("1234").unwrap();
        let b = hash("1234").unwrap();
        assert_ne!(a, b, "a fresh salt each time");
        assert!(a.starts_with("$argon2id$"));
        assert!(!a.contains("1234"));
        assert!(matches(&a, "1234"));
        assert!(!matches(&a, "1235"));
        assert!(!matches("garbage", "1234"));
    }
}

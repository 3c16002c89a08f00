//! Per-person PINs: stored only as a salted Argon2id hash. Wrong tries are
//! counted, and a person locked, in the database, decided inside the same
//! transaction that records the try: however many processes guess at once,
//! a person gets [`FREE_TRIES`] wrong tries before the first lock, and a
//! wrong try never slows anyone else down.

use super::{Workshop, actor, setup_event_for};
use crate::domain::pins::{FREE_TRIES, lock_minutes};
use crate::domain::validate;
use crate::domain::{Act, Actor, Field, PinPolicy, Refusal, Role, Said};
use crate::error::{Error, Result};
use crate::store::{self, WriteTx, chain};
use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use chrono::{DateTime, Utc};

fn hash(pin: &str) -> Result<String> {
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|h| h.to_string())
        // Hashing fails only when the system gives no randomness for a salt.
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
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

/// Minutes left of a lock, rounded up.
fn minutes_left(until: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    ((until - now).num_seconds() + 59) / 60
}

/// Changing another person's PIN (or the PIN rules, or a lock) needs a
/// foreman who keeps a PIN, once anyone in the shop keeps one. (`actor`
/// already made them prove it.)
fn pin_authority(c: &WriteTx, who: &Actor, action: Act, always: bool) -> Result<()> {
    let others_keep = store::anyone_keeps_pin(c)? || store::pin_policy(c)? != PinPolicy::None;
    if !who.has(Role::Foreman) {
        return Err(Refusal::WrongRoleSetup {
            who: who.describe(),
            action,
            needs: vec![Role::Foreman],
        }
        .into());
    }
    if (always || others_keep) && store::pin_state(c, who.id)?.hash.is_none() {
        return Err(Refusal::ForemanPinNeeded {
            action,
            others_keep: !always,
        }
        .into());
    }
    Ok(())
}

/// Resetting a PIN someone keeps gives the resetter their signature, so
/// only a foreman whose own PIN is their own, and older than the one being
/// reset, may do it: a foreman who has just given himself a first PIN
/// cannot take over the inspector's. (A PIN from before schema 11 has no
/// recorded moment and counts as the oldest.)
fn reset_authority(c: &WriteTx, who: &Actor, name: &str, theirs: &store::PinState) -> Result<()> {
    let mine = store::pin_state(c, who.id)?;
    if let Some(by) = mine.set_by {
        let setter = store::staff_name(c, by)?.unwrap_or_default();
        return Err(Refusal::invalid(
            Field::Pin,
            Said::new("problem-pin-reset-not-own").text("by", setter),
        )
        .into());
    }
    let older = match (mine.set_at, theirs.set_at) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(m), Some(t)) => m <= t,
    };
    if !older {
        return Err(Refusal::invalid(
            Field::Pin,
            Said::new("problem-pin-reset-newer").text("name", name),
        )
        .into());
    }
    Ok(())
}

/// The outcome of a try, decided in the transaction that records it.
enum Try {
    Right,
    Wrong { left: i64, locked: Option<i64> },
    Locked(i64),
}

impl Workshop {
    /// Sets or clears `name`'s PIN. Your own, or, as a foreman who keeps a
    /// PIN, anyone's (a forgotten PIN). The event names who did it and a
    /// fingerprint of the new key, so a key swapped in outside bayboard shows.
    pub fn set_pin(&mut self, who: &str, name: &str, pin: Option<&str>) -> Result<()> {
        let pin = pin.map(validate::pin).transpose()?;
        let hashed = pin.as_deref().map(hash).transpose()?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            let person = store::staff_by_name(c, name)?.ok_or_else(|| {
                Refusal::unknown("person", name, Some(Said::new("hint-see-staff")))
            })?;
            let theirs = store::pin_state(c, person.id)?;
            let first = theirs.hash.is_none();
            if person.id != who.id {
                pin_authority(c, &who, Act::SetOthersPin, false)?;
                if !first {
                    reset_authority(c, &who, &person.name, &theirs)?;
                }
            } else if first && hashed.is_some() && store::pin_policy(c)? != PinPolicy::None {
                // Else anyone could claim a PIN-less name, give it a PIN
                // and sign as them.
                pin_authority(c, &who, Act::SetFirstPin, true)?;
            } else if hashed.is_none() && store::pin_policy(c)? == PinPolicy::Everyone {
                return Err(Refusal::NoPinKept {
                    who: who.name.clone(),
                    action: Act::ActAtAll,
                }
                .into());
            }
            let (what, said) = match &hashed {
                Some(h) => (
                    "pin_set",
                    Said::new("event-pin-set")
                        .text("name", &person.name)
                        .text("key", chain::key_print(h))
                        .num("staff", person.id),
                ),
                None => (
                    "pin_cleared",
                    Said::new("event-pin-person")
                        .text("name", &person.name)
                        .num("staff", person.id),
                ),
            };
            // The event first: it is signed with the PIN the actor proved,
            // not the one this sets (or clears).
            setup_event_for(c, Some(&who), what, &said, now)?;
            let by = (person.id != who.id).then_some(who.id);
            store::set_pin_hash(c, person.id, hashed.as_deref(), by, now)
        })
    }

    /// Lifts a PIN lock (the person is back at full tries).
    pub fn unlock_pin(&mut self, who: &str, name: &str) -> Result<()> {
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            pin_authority(c, &who, Act::UnlockPin, true)?;
            let person = store::staff_by_name(c, name)?.ok_or_else(|| {
                Refusal::unknown("person", name, Some(Said::new("hint-see-staff")))
            })?;
            store::note_pin_try(c, person.id, true, None)?;
            let said = Said::new("event-pin-person").text("name", &person.name);
            setup_event_for(c, Some(&who), "pin_unlocked", &said, now)
        })
    }

    /// Who must give a PIN; only a foreman who keeps one may change it.
    pub fn set_pin_policy(&mut self, who: &str, policy: PinPolicy) -> Result<()> {
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            pin_authority(c, &who, Act::ChangePinRule, true)?;
            store::set_require_pins(c, policy)?;
            let said = Said::new("event-pin-rule").text("rule", policy.as_str());
            setup_event_for(c, Some(&who), "pins_required", &said, now)
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
        if let Some(stored) = state.hash {
            self.check_pin(&who, &stored, pin)?;
            self.session.verified.insert(who.id);
        }
        Ok(Some(who))
    }

    /// Who set this person's PIN, when it was not them: what they sign is
    /// marked until they set their own, and they are told at login.
    pub fn pin_set_by_other(&self, staff_id: i64) -> Result<Option<String>> {
        self.store
            .read(|c| match store::pin_state(c, staff_id)?.set_by {
                Some(by) => store::staff_name(c, by),
                None => Ok(None),
            })
    }

    /// Forgets every PIN proven in this session (a shared terminal's logout).
    pub fn log_out(&mut self) {
        self.session.verified.clear();
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
        match state.hash {
            Some(stored) => self.check_pin(&who, &stored, pin),
            None => Ok(()),
        }
    }

    fn check_pin(&mut self, who: &Actor, stored: &str, pin: Option<&str>) -> Result<()> {
        let Some(pin) = pin.filter(|p| !p.is_empty()) else {
            return Err(Refusal::PinNeeded {
                who: who.name.clone(),
            }
            .into());
        };
        // The slow hash is computed before taking the write lock; whether
        // it counts is decided under the lock, against the state as it is
        // then, so parallel guesses cannot slip past a lock.
        let right = matches(stored, pin);
        let id = who.id;
        let name = who.name.clone();
        let outcome = self.write(|c, now, _| {
            let state = store::pin_state(c, id)?;
            if let Some(until) = state.locked_until.filter(|u| *u > now) {
                store::note_locked_try(c, id)?;
                return Ok(Try::Locked(minutes_left(until, now)));
            }
            if state.hash.as_deref() != Some(stored) {
                // The PIN changed while this try was being hashed.
                return Ok(Try::Wrong {
                    left: (FREE_TRIES - state.failures).max(0),
                    locked: None,
                });
            }
            if right {
                store::note_pin_try(c, id, true, None)?;
                return Ok(Try::Right);
            }
            let failures = state.failures + 1;
            let locked = lock_minutes(failures);
            store::note_pin_try(
                c,
                id,
                false,
                locked.map(|m| now + chrono::Duration::minutes(m)),
            )?;
            let said = Said::new("event-pin-person").text("name", &name);
            setup_event_for(c, None, "pin_refused", &said, now)?;
            Ok(Try::Wrong {
                left: (FREE_TRIES - failures).max(0),
                locked,
            })
        })?;
        match outcome {
            Try::Right => Ok(()),
            Try::Wrong { left, locked } => Err(Refusal::WrongPin {
                who: who.name.clone(),
                left,
                locked_minutes: locked,
            }
            .into()),
            Try::Locked(minutes) => Err(Refusal::PinLocked {
                who: who.name.clone(),
                minutes,
            }
            .into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

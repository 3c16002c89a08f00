//! The inspection levels a job passes after the work (自检 → 互检 → 终检),
//! read from `assets/inspection.toml`: who signs each and its checklist.

use super::people::Role;
use super::qc::{Checklist, ChecklistItem};
use super::said::{Said, UnknownCode};
use serde::Deserialize;
use std::str::FromStr;
use std::sync::OnceLock;

const BUILTIN: &str = include_str!("../../assets/inspection.toml");

/// One level, in the order a job passes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The job's own technician, at finish.
    #[serde(rename = "self")]
    SelfCheck,
    /// Another technician or a team leader; a shop may switch it off.
    Peer,
    /// The QC inspector.
    Final,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::SelfCheck, Level::Peer, Level::Final];

    /// The stored and typed spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::SelfCheck => "self",
            Level::Peer => "peer",
            Level::Final => "final",
        }
    }
}

impl FromStr for Level {
    type Err = UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Level::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownCode::new("level", s, Level::ALL.map(Level::as_str)))
    }
}

/// Who signs a level.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Signer {
    /// The job's own technician.
    Own,
    /// Any one of the level's roles.
    Roles,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LevelRow {
    pub id: String,
    pub signer: Signer,
    #[serde(default)]
    pub roles: Vec<Role>,
    /// The shop may switch it off (the peer check).
    #[serde(default)]
    pub optional: bool,
    pub items: Vec<ChecklistItem>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Levels {
    pub levels: Vec<LevelRow>,
}

impl Levels {
    /// The levels shipped in `assets/inspection.toml`, read once.
    pub fn builtin() -> &'static Levels {
        static LEVELS: OnceLock<Levels> = OnceLock::new();
        LEVELS.get_or_init(|| Levels::from_toml(BUILTIN).expect("the shipped levels are valid"))
    }

    /// Exactly the three levels, in order, each a valid checklist.
    pub fn from_toml(text: &str) -> Result<Levels, Said> {
        let levels: Levels = toml::from_str(text)
            .map_err(|e| Said::new("problem-checklist-toml").text("error", e))?;
        let ids: Vec<&str> = levels.levels.iter().map(|l| l.id.as_str()).collect();
        if ids != Level::ALL.map(Level::as_str) {
            return Err(Said::new("problem-levels-order").text("levels", ids.join(", ")));
        }
        for l in &levels.levels {
            Checklist::checked(l.items.clone())?;
            if (l.signer == Signer::Roles) == l.roles.is_empty() {
                return Err(Said::new("problem-levels-signer").text("level", &l.id));
            }
        }
        Ok(levels)
    }

    pub fn row(&self, level: Level) -> &LevelRow {
        &self.levels[level as usize]
    }

    /// The level's checklist.
    pub fn checklist(&self, level: Level) -> Checklist {
        Checklist {
            items: self.row(level).items.clone(),
        }
    }
}

/// The levels a job passes in a shop with or without the peer check.
pub fn levels_in_use(peer_check: bool) -> Vec<Level> {
    Level::ALL
        .into_iter()
        .filter(|l| peer_check || !Levels::builtin().row(*l).optional)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::JobAction;

    #[test]
    fn the_shipped_levels_are_self_peer_final_with_their_signers() {
        let l = Levels::builtin();
        assert_eq!(l.row(Level::SelfCheck).signer, Signer::Own);
        assert!(l.row(Level::Peer).optional);
        assert!(!l.row(Level::Final).optional);
        assert_eq!(l.checklist(Level::Final).items, Checklist::builtin().items);
        assert!(l.checklist(Level::SelfCheck).item("lines_done").is_some());
        assert_eq!(levels_in_use(false), vec![Level::SelfCheck, Level::Final]);
        assert_eq!(levels_in_use(true), Level::ALL.to_vec());
    }

    /// The file says who signs; the transitions table enforces it: the two
    /// must agree.
    #[test]
    fn the_files_signers_are_the_transitions_roles() {
        let l = Levels::builtin();
        assert_eq!(l.row(Level::Peer).roles, JobAction::PassPeer.roles());
        assert_eq!(l.row(Level::Peer).roles, JobAction::FailPeer.roles());
        assert_eq!(l.row(Level::Final).roles, JobAction::PassQc.roles());
        assert!(JobAction::Finish.own_job_only());
    }

    #[test]
    fn levels_out_of_order_or_without_signers_are_refused() {
        let swapped = BUILTIN.replacen("id = \"self\"", "id = \"peer0\"", 1);
        assert_eq!(
            Levels::from_toml(&swapped).unwrap_err().id,
            "problem-levels-order"
        );
        let no_roles = BUILTIN.replacen("roles = [\"qc\"]", "", 1);
        assert_eq!(
            Levels::from_toml(&no_roles).unwrap_err().id,
            "problem-levels-signer"
        );
        assert_eq!("PEER".parse::<Level>().unwrap(), Level::Peer);
        assert!("fourth".parse::<Level>().is_err());
    }
}

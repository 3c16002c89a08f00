//! Staff roles and the acting person.

use super::said::UnknownCode;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Technician,
    Foreman,
    Qc,
    Advisor,
    Parts,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Technician,
        Role::Foreman,
        Role::Qc,
        Role::Advisor,
        Role::Parts,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Technician => "technician",
            Role::Foreman => "foreman",
            Role::Qc => "qc",
            Role::Advisor => "advisor",
            Role::Parts => "parts",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let w = s.trim().to_ascii_lowercase();
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == w)
            .ok_or_else(|| UnknownCode::new("role", s, Role::ALL.map(|r| r.as_str())))
    }
}

/// The person an operation is done by, as the store knows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub id: i64,
    pub name: String,
    pub roles: Vec<Role>,
}

impl Actor {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    pub fn has_any(&self, roles: &[Role]) -> bool {
        roles.iter().any(|r| self.has(*r))
    }

    /// "Chen Li (foreman)" — used in refusals and headers.
    pub fn describe(&self) -> String {
        let roles: Vec<&str> = self.roles.iter().map(|r| r.as_str()).collect();
        format!("{} ({})", self.name, roles.join(", "))
    }
}

/// Bay kinds; a job's skill needs are matched against them by the dispatcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BayKind {
    Mechanical,
    Body,
    Quick,
    Alignment,
    Diagnosis,
}

impl BayKind {
    pub const ALL: [BayKind; 5] = [
        BayKind::Mechanical,
        BayKind::Body,
        BayKind::Quick,
        BayKind::Alignment,
        BayKind::Diagnosis,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BayKind::Mechanical => "mechanical",
            BayKind::Body => "body",
            BayKind::Quick => "quick",
            BayKind::Alignment => "alignment",
            BayKind::Diagnosis => "diagnosis",
        }
    }
}

/// Words that suggest a kind of bay (`assets/bay_kinds.toml`).
#[derive(Debug, Deserialize)]
struct KindWords {
    kind: BayKind,
    words: Vec<String>,
}

/// The rows of a word table in `assets/` (`[[kind]]` or `[[skill]]`).
#[derive(Debug, Deserialize)]
struct Rows<T> {
    #[serde(alias = "kind", alias = "skill")]
    rows: Vec<T>,
}

fn rows<T: serde::de::DeserializeOwned>(text: &str, file: &str) -> Vec<T> {
    toml::from_str::<Rows<T>>(text)
        .unwrap_or_else(|e| panic!("{file} is part of the build and must parse: {e}"))
        .rows
}

fn kind_words() -> &'static [KindWords] {
    static TABLE: std::sync::OnceLock<Vec<KindWords>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        rows(
            include_str!("../../assets/bay_kinds.toml"),
            "bay_kinds.toml",
        )
    })
}

/// The kind of bay a complaint most likely needs, so the dispatcher sees
/// fitting bays first. A suggestion only; any free bay may be chosen.
pub fn suggested_bay_kind(complaint: &str) -> BayKind {
    let c = complaint.to_lowercase();
    kind_words()
        .iter()
        .find(|k| k.words.iter().any(|w| c.contains(&w.to_lowercase())))
        .map_or(BayKind::Mechanical, |k| k.kind)
}

/// The words that call for a skill (`assets/skills.toml`).
#[derive(Debug, Deserialize)]
struct SkillWords {
    skill: String,
    words: Vec<String>,
    #[serde(default)]
    zh: Option<String>,
}

/// A skill's name in Simplified Chinese, where the skills file gives it.
pub fn skill_zh(skill: &str) -> Option<&'static str> {
    skill_words()
        .iter()
        .find(|s| s.skill.eq_ignore_ascii_case(skill))
        .and_then(|s| s.zh.as_deref())
}

fn skill_words() -> &'static [SkillWords] {
    static TABLE: std::sync::OnceLock<Vec<SkillWords>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| rows(include_str!("../../assets/skills.toml"), "skills.toml"))
}

/// Whether a technician's skill fits a complaint: the skill named in it,
/// one of the skill's words in any language (刹车异响 calls for "brakes"),
/// or the kind of bay the complaint needs.
pub fn skill_fits(skill: &str, complaint: &str) -> bool {
    let (skill, c) = (skill.to_lowercase(), complaint.to_lowercase());
    let listed = skill_words()
        .iter()
        .filter(|s| s.skill.to_lowercase() == skill)
        .flat_map(|s| &s.words)
        .any(|w| c.contains(&w.to_lowercase()));
    listed || c.contains(&skill) || suggested_bay_kind(complaint).as_str() == skill
}

impl fmt::Display for BayKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for BayKind {
    type Err = UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let w = s.trim().to_ascii_lowercase();
        BayKind::ALL
            .into_iter()
            .find(|k| k.as_str() == w)
            .ok_or_else(|| UnknownCode::new("bay_kind", s, BayKind::ALL.map(|k| k.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 21: a Chinese complaint calls for the skill it names in any
    /// language; an unlisted skill still matches its own name.
    #[test]
    fn a_chinese_complaint_calls_for_the_skill_it_names() {
        assert!(skill_fits("brakes", "刹车异响"));
        assert!(skill_fits("Brakes", "Front brake squeal"));
        assert!(skill_fits("aircon", "空调不制冷"));
        assert!(!skill_fits("brakes", "空调不制冷"));
        assert!(skill_fits("hybrid", "Hybrid battery warning"));
        assert!(!skill_fits("hybrid", "刹车异响"));
    }

    #[test]
    fn roles_and_kinds_parse_case_insensitively() {
        assert_eq!("Foreman".parse::<Role>().unwrap(), Role::Foreman);
        assert_eq!("QC".parse::<Role>().unwrap(), Role::Qc);
        assert!("boss".parse::<Role>().is_err());
        assert_eq!("Body".parse::<BayKind>().unwrap(), BayKind::Body);
        assert!("paint".parse::<BayKind>().is_err());
    }

    #[test]
    fn complaints_suggest_a_bay_kind() {
        assert_eq!(
            suggested_bay_kind("Rear bumper scuff repair"),
            BayKind::Body
        );
        assert_eq!(
            suggested_bay_kind("Steering pulls to the left"),
            BayKind::Alignment
        );
        assert_eq!(suggested_bay_kind("Check engine light"), BayKind::Diagnosis);
        assert_eq!(suggested_bay_kind("Annual service"), BayKind::Quick);
        assert_eq!(suggested_bay_kind("Timing belt"), BayKind::Mechanical);
    }

    #[test]
    fn actor_describes_itself_with_roles() {
        let a = Actor {
            id: 1,
            name: "Chen Li".into(),
            roles: vec![Role::Foreman, Role::Qc],
        };
        assert_eq!(a.describe(), "Chen Li (foreman, qc)");
        assert!(a.has_any(&[Role::Parts, Role::Qc]));
        assert!(!a.has(Role::Technician));
    }
}

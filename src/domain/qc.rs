//! QC checklist and the verdict of an inspection.

use super::field::Field;
use super::refusal::Refusal;
use super::said::{Said, UnknownCode};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    pub id: String,
    pub text: String,
    /// The text in Simplified Chinese, where the checklist gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zh: Option<String>,
    pub required: bool,
    /// Whether "not applicable" is an answer for this item (wheel torque
    /// when no wheel came off); never for the road test or the work done.
    #[serde(default)]
    pub na_allowed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    pub items: Vec<ChecklistItem>,
}

impl Checklist {
    /// The final inspection's checklist, shipped in `assets/inspection.toml`.
    pub fn builtin() -> Checklist {
        super::inspection::Levels::builtin().checklist(super::inspection::Level::Final)
    }

    pub fn from_toml(text: &str) -> Result<Checklist, Said> {
        let list: Checklist = toml::from_str(text)
            .map_err(|e| Said::new("problem-checklist-toml").text("error", e))?;
        Checklist::checked(list.items)
    }

    /// Items that make a checklist: some, each id once.
    pub fn checked(items: Vec<ChecklistItem>) -> Result<Checklist, Said> {
        let list = Checklist { items };
        if list.items.is_empty() {
            return Err(Said::new("problem-checklist-empty"));
        }
        let mut ids: Vec<&str> = list.items.iter().map(|i| i.id.as_str()).collect();
        ids.sort_unstable();
        if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(Said::new("problem-checklist-twice").text("item", w[0]));
        }
        Ok(list)
    }

    pub fn item(&self, id: &str) -> Option<&ChecklistItem> {
        self.items.iter().find(|i| i.id.eq_ignore_ascii_case(id))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemResult {
    Pass,
    Fail,
    Na,
}

impl ItemResult {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemResult::Pass => "pass",
            ItemResult::Fail => "fail",
            ItemResult::Na => "na",
        }
    }
}

impl fmt::Display for ItemResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ItemResult {
    type Err = UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "pass" | "ok" => Ok(ItemResult::Pass),
            "fail" => Ok(ItemResult::Fail),
            "na" | "n/a" => Ok(ItemResult::Na),
            _ => Err(UnknownCode::new("result", s, ["pass", "fail", "na"])),
        }
    }
}

/// One item as the inspector marked it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub id: String,
    pub result: ItemResult,
    pub note: Option<String>,
}

/// Parses "ID=pass", "ID=fail", "ID=na" (the CLI's --item).
pub fn parse_mark(text: &str) -> Result<Mark, Refusal> {
    let (id, result) = text.split_once('=').ok_or_else(|| {
        Refusal::invalid(
            Field::Item,
            Said::new("problem-item-mark").text("text", text),
        )
    })?;
    let result = result.parse::<ItemResult>().map_err(|_| {
        Refusal::invalid(
            Field::Item,
            Said::new("problem-item-result").text("value", result),
        )
    })?;
    Ok(Mark {
        id: id.trim().to_string(),
        result,
        note: None,
    })
}

/// A checklist item with the inspector's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemOutcome {
    pub id: String,
    pub text: String,
    pub required: bool,
    pub result: ItemResult,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Pass,
    Fail,
}

impl Verdict {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
        }
    }
}

impl FromStr for Verdict {
    type Err = UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "pass" => Ok(Verdict::Pass),
            "fail" => Ok(Verdict::Fail),
            _ => Err(UnknownCode::new("qc_result", s, ["pass", "fail"])),
        }
    }
}

/// Fills in every checklist item (items not marked count as `default`) and
/// refuses unknown or repeated item ids.
pub fn complete(
    checklist: &Checklist,
    marks: &[Mark],
    default: ItemResult,
) -> Result<Vec<ItemOutcome>, Refusal> {
    for (i, m) in marks.iter().enumerate() {
        if checklist.item(&m.id).is_none() {
            let ids: Vec<&str> = checklist.items.iter().map(|i| i.id.as_str()).collect();
            return Err(Refusal::unknown(
                "checklist_item",
                &m.id,
                Some(Said::new("hint-items").text("list", ids.join(", "))),
            ));
        }
        if m.result == ItemResult::Na && checklist.item(&m.id).is_some_and(|item| !item.na_allowed)
        {
            return Err(Refusal::invalid(
                Field::Item,
                Said::new("problem-item-not-na").text("item", &m.id),
            ));
        }
        if marks[..i].iter().any(|o| o.id.eq_ignore_ascii_case(&m.id)) {
            return Err(Refusal::invalid(
                Field::Item,
                Said::new("problem-item-twice").text("item", &m.id),
            ));
        }
    }
    Ok(checklist
        .items
        .iter()
        .map(|item| {
            let mark = marks.iter().find(|m| m.id.eq_ignore_ascii_case(&item.id));
            ItemOutcome {
                id: item.id.clone(),
                text: item.text.clone(),
                required: item.required,
                result: mark.map_or(default, |m| m.result),
                note: mark.and_then(|m| m.note.clone()),
            }
        })
        .collect())
}

/// Pass: no item failed, so every required item is pass or n/a.
/// Fail: at least one item failed; those are the rework reasons.
pub fn verdict(items: &[ItemOutcome]) -> Verdict {
    if items.iter().any(|i| i.result == ItemResult::Fail) {
        Verdict::Fail
    } else {
        Verdict::Pass
    }
}

pub fn failed(items: &[ItemOutcome]) -> Vec<&ItemOutcome> {
    items
        .iter()
        .filter(|i| i.result == ItemResult::Fail)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(s: &str) -> Mark {
        parse_mark(s).unwrap()
    }

    #[test]
    fn the_shipped_checklist_has_the_inspectors_items() {
        let c = Checklist::builtin();
        assert!(c.items.len() >= 8);
        for id in [
            "work_done",
            "warning_lights",
            "no_leaks",
            "fluid_levels",
            "wheel_torque",
            "road_test",
            "no_damage",
            "old_parts",
        ] {
            assert!(c.item(id).is_some(), "{id}");
        }
        assert!(c.items.iter().filter(|i| i.required).count() >= 6);
    }

    #[test]
    fn a_bad_template_is_refused() {
        assert!(Checklist::from_toml("items = []").is_err());
        let twice = "[[items]]\nid='a'\ntext='x'\nrequired=true\n[[items]]\nid='a'\ntext='y'\nrequired=false\n";
        assert_eq!(
            Checklist::from_toml(twice).unwrap_err().id,
            "problem-checklist-twice"
        );
        assert!(Checklist::from_toml("not toml [").is_err());
    }

    #[test]
    fn marks_parse() {
        assert_eq!(mark("no_leaks=fail").result, ItemResult::Fail);
        assert_eq!(mark("no_leaks=N/A").result, ItemResult::Na);
        assert!(parse_mark("no_leaks").is_err());
        assert!(parse_mark("no_leaks=maybe").is_err());
    }

    #[test]
    fn unnamed_items_take_the_default_and_unknown_ones_are_refused() {
        let c = Checklist::builtin();
        let items = complete(&c, &[mark("old_parts=na")], ItemResult::Pass).unwrap();
        assert_eq!(items.len(), c.items.len());
        assert_eq!(verdict(&items), Verdict::Pass);
        assert!(
            complete(&c, &[mark("sunroof=pass")], ItemResult::Pass)
                .unwrap_err()
                .to_string()
                .contains("work_done")
        );
        assert!(
            complete(
                &c,
                &[mark("no_leaks=pass"), mark("NO_LEAKS=fail")],
                ItemResult::Pass
            )
            .is_err()
        );
    }

    #[test]
    fn required_na_still_passes_and_any_fail_fails() {
        let c = Checklist::builtin();
        let items = complete(&c, &[mark("wheel_torque=na")], ItemResult::Pass).unwrap();
        assert_eq!(verdict(&items), Verdict::Pass);
        let items = complete(
            &c,
            &[mark("no_leaks=fail"), mark("old_parts=fail")],
            ItemResult::Pass,
        )
        .unwrap();
        assert_eq!(verdict(&items), Verdict::Fail);
        let reasons: Vec<&str> = failed(&items).iter().map(|i| i.id.as_str()).collect();
        assert_eq!(reasons, vec!["no_leaks", "old_parts"]);
    }
}

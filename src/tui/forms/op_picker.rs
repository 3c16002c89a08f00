//! Operations of the published list picked in a form: typed to find (code,
//! either name, pinyin), Enter takes the first match, Backspace on an empty
//! field gives back the last one taken. The check-in form takes several
//! and shows the estimate; found work takes one.

use super::widgets::{hint_line, input_line};
use crate::domain::catalogue::{Op, find_ops};
use crate::present::words::{message, money};
use crate::text::fit;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::Line;
use tui_input::Input;

#[derive(Debug, Clone, Default)]
pub struct OpPicker {
    pub find: Input,
    pub chosen: Vec<Op>,
    /// The published list, read when the form opened (None until then).
    pub ops: Option<Vec<Op>>,
    /// How many may be taken: several at check-in, one for found work.
    pub most: usize,
}

/// What Enter did in the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Took {
    /// Nothing typed: Enter is the form's.
    Nothing,
    Op(String),
    /// What was typed names no operation (the message says so).
    NoMatch(String),
}

impl OpPicker {
    pub fn new(most: usize) -> Self {
        OpPicker {
            most,
            ..Self::default()
        }
    }

    pub fn matches(&self) -> Vec<&Op> {
        let find = self.find.value().trim();
        match &self.ops {
            Some(ops) if !find.is_empty() => find_ops(ops, find),
            _ => Vec::new(),
        }
    }

    /// Enter: the first match is taken (in place of the one taken before,
    /// where only one may be).
    pub fn take(&mut self) -> Took {
        let typed = self.find.value().trim().to_string();
        if typed.is_empty() {
            return Took::Nothing;
        }
        let Some(op) = self.matches().first().map(|o| (*o).clone()) else {
            return Took::NoMatch(message("ui-op-no-match", &[("find", typed.into())]));
        };
        if self.chosen.len() >= self.most.max(1) {
            self.chosen.remove(0);
        }
        let code = op.code.clone();
        self.chosen.push(op);
        self.find = Input::default();
        Took::Op(code)
    }

    /// Text typed but not taken, when the form is sent: said, never dropped.
    pub fn pending(&self) -> Option<String> {
        let typed = self.find.value().trim();
        (!typed.is_empty()).then(|| message("ui-op-pending", &[("find", typed.to_string().into())]))
    }

    /// Backspace with nothing typed gives back the last operation taken;
    /// true when it did.
    pub fn give_back(&mut self, key: &KeyEvent) -> bool {
        if key.code == KeyCode::Backspace && self.find.value().is_empty() {
            return self.chosen.pop().is_some();
        }
        false
    }

    pub fn codes(&self) -> Vec<String> {
        self.chosen.iter().map(|o| o.code.clone()).collect()
    }

    /// The list's price of what was taken, and its hours.
    pub fn estimate(&self, rate: i64) -> (i64, f64) {
        let hours: f64 = self.chosen.iter().map(|o| o.hours).sum();
        let price = self
            .chosen
            .iter()
            .map(|o| crate::domain::money::price(Some(o.hours), rate, None))
            .sum();
        (price, hours)
    }

    /// The field and the line under it: the first match while typing, else
    /// what was taken and what it comes to. Returns the lines and the
    /// cursor's column on the first.
    pub fn lines(
        &self,
        label: &str,
        width: usize,
        focused: bool,
        board: &crate::read::board::Board,
    ) -> (Vec<Line<'static>>, usize) {
        let (field, cursor) = input_line(label, &self.find, width, focused);
        let name = |o: &Op| {
            let n = match crate::present::lang::current() {
                crate::present::lang::Lang::ZhCn => &o.name_zh,
                _ => &o.name_en,
            };
            format!("{} {n}", o.code)
        };
        let price = |o: &Op| {
            money(
                crate::domain::money::price(Some(o.hours), board.labour_rate, None),
                &board.currency,
            )
        };
        let under = match (self.ops.as_ref(), self.matches()) {
            (None, _) => message("ui-op-reading", &[]),
            (Some(_), m) if !self.find.value().trim().is_empty() => match m.first() {
                // The price before the name, so a narrow screen cuts the name.
                Some(o) => message(
                    "ui-op-first-match",
                    &[
                        ("op", name(o).into()),
                        ("hours", format!("{:.1}", o.hours).into()),
                        ("price", price(o).into()),
                        ("more", (m.len() - 1).into()),
                    ],
                ),
                None => message(
                    "ui-op-no-match",
                    &[("find", self.find.value().trim().to_string().into())],
                ),
            },
            (Some(_), _) if self.chosen.is_empty() => message("ui-op-none-taken", &[]),
            (Some(_), _) => {
                let (total, hours) = self.estimate(board.labour_rate);
                let said = |names: Vec<String>| {
                    message(
                        "ui-op-taken",
                        &[
                            ("n", (self.chosen.len() as i64).into()),
                            ("names", names.join(" · ").into()),
                            ("hours", format!("{hours:.1}").into()),
                            ("total", money(total, &board.currency).into()),
                            ("many", if self.most > 1 { "yes" } else { "no" }.into()),
                        ],
                    )
                };
                // Names while they fit the line, else the codes alone.
                let named = said(self.chosen.iter().map(name).collect());
                if crate::text::width(&named) + 10 <= width + 11 {
                    named
                } else {
                    said(self.chosen.iter().map(|o| o.code.clone()).collect())
                }
            }
        };
        let pad = " ".repeat(10);
        // Under the field, as wide as the form (a field's width and its label).
        let under = hint_line(fit(&format!("{pad}{under}"), width + 11));
        (vec![field, under], cursor)
    }
}

impl OpPicker {
    /// The field (with its error) and the line under it, added to a form's
    /// lines; where the cursor is when the field is focused.
    pub fn push(
        &self,
        lines: &mut Vec<Line<'static>>,
        (label, width): (&str, usize),
        focused: bool,
        error: Option<&str>,
        board: &crate::read::board::Board,
    ) -> Option<(usize, usize)> {
        let (mut two, c) = self.lines(label, width, focused, board);
        let at = focused.then_some((c, lines.len()));
        let under = two.pop();
        super::widgets::push_field(lines, two.remove(0), focused, label, error, width);
        lines.extend(under);
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(code: &str, en: &str, zh: &str, hours: f64) -> Op {
        Op {
            code: code.into(),
            name_en: en.into(),
            name_zh: zh.into(),
            hours,
            bay_kind: None,
            skill: None,
        }
    }

    fn picker(most: usize) -> OpPicker {
        let mut p = OpPicker::new(most);
        p.ops = Some(vec![
            op("BY-5K", "5,000 km service", "5000公里保养", 1.0),
            op("SC-01", "Replace front brake pads", "更换前刹车片", 1.5),
        ]);
        p
    }

    #[test]
    fn enter_takes_the_first_match_found_by_pinyin_and_backspace_gives_it_back() {
        let mut p = picker(5);
        assert_eq!(p.take(), Took::Nothing);
        p.find = Input::new("shache".into());
        assert!(p.pending().unwrap().contains("shache"));
        assert_eq!(p.take(), Took::Op("SC-01".into()));
        assert!(p.pending().is_none());
        p.find = Input::new("by-5k".into());
        assert_eq!(p.take(), Took::Op("BY-5K".into()));
        assert_eq!(p.codes(), ["SC-01", "BY-5K"]);
        assert_eq!(p.estimate(30_000), (75_000, 2.5));
        p.find = Input::new("zzz".into());
        assert!(matches!(p.take(), Took::NoMatch(_)));
        p.find = Input::default();
        let bs = KeyEvent::from(KeyCode::Backspace);
        assert!(p.give_back(&bs));
        assert_eq!(p.codes(), ["SC-01"]);
    }

    #[test]
    fn where_one_may_be_taken_the_next_replaces_it() {
        let mut p = picker(1);
        p.find = Input::new("BY".into());
        p.take();
        p.find = Input::new("SC".into());
        p.take();
        assert_eq!(p.codes(), ["SC-01"]);
    }
}

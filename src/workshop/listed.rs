//! A line made from the published list: its words, hours and price come
//! from the catalogue; a price other than the list's needs a reason and is
//! an event of its own.

use crate::domain::catalogue::{ListedLine as Priced, Op, Part};
use crate::domain::validate::{self, limits};
use crate::domain::{Field, Refusal, Said, money};
use crate::error::Result;
use crate::present::lang::{self, Lang};
use crate::store;

/// What of the list a line is made from.
#[derive(Debug, Clone, PartialEq)]
pub enum Listed {
    Op(String),
    Part { number: String, qty: i64 },
}

/// The list's words in the language of the person making the line.
fn name<'a>(en: &'a str, zh: &'a str) -> &'a str {
    if lang::current() == Lang::ZhCn {
        zh
    } else {
        en
    }
}

/// The line `listed` makes, at `price` if one was given (with `reason`).
pub(super) fn priced(
    c: &rusqlite::Connection,
    listed: &Listed,
    price: Option<i64>,
    reason: Option<&str>,
) -> Result<Priced> {
    let rate = store::shop_settings(c)?.labour_rate;
    let (mut p, list) = match listed {
        Listed::Op(code) => {
            let op: Op = store::catalogue_op(c, code)?.ok_or_else(|| {
                Refusal::unknown("operation", code, Some(Said::new("hint-catalogue-list")))
            })?;
            let list = money::price(Some(op.hours), rate, None);
            let p = Priced {
                work: name(&op.name_en, &op.name_zh).to_string(),
                hours: Some(op.hours),
                op: Some(op.code),
                list_price: Some(list),
                ..Priced::default()
            };
            (p, list)
        }
        Listed::Part { number, qty } => {
            let qty = validate::quantity(*qty)?;
            let part: Part = store::catalogue_part(c, number)?.ok_or_else(|| {
                Refusal::unknown("part", number, Some(Said::new("hint-catalogue-list")))
            })?;
            let list = part.price.saturating_mul(qty);
            let p = Priced {
                work: name(&part.name_en, &part.name_zh).to_string(),
                amount: Some(list),
                part: Some((part.number, qty)),
                list_price: Some(list),
                ..Priced::default()
            };
            (p, list)
        }
    };
    match price.filter(|price| *price != list) {
        None => Ok(p),
        Some(price) => {
            let reason = reason.filter(|r| !r.trim().is_empty()).ok_or_else(|| {
                Refusal::invalid(Field::Reason, Said::new("problem-price-needs-reason"))
            })?;
            let reason = validate::required_text(Field::Reason, reason, limits::REASON)?;
            if price < 0 {
                return Err(
                    Refusal::invalid(Field::Price, Said::new("problem-price-negative")).into(),
                );
            }
            if p.part.is_some() {
                p.amount = Some(price);
            } else {
                p.fixed = Some(price);
            }
            p.reason = Some(reason);
            Ok(p)
        }
    }
}

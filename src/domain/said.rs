//! What a rule has to say, as data: a message id and its arguments. The
//! words for each id live in `assets/locales/<lang>/*.ftl`, and `present`
//! turns a `Said` into the reader's language; nothing here is English.

use super::lines::Via;
use super::status::JobStatus;
use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};
use std::borrow::Cow;

/// A name as written in the code, or as read back from a stored event.
pub type Name = Cow<'static, str>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    /// A message id of the catalogue (`problem-empty`).
    pub id: Name,
    pub args: Vec<(Name, Arg)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as given: a name, a plate, a job label.
    Text(String),
    Num(i64),
    /// Shown as the state's words in the reader's language.
    Status(JobStatus),
    /// How a customer's decision reached the shop, in words.
    Via(Via),
    /// A moment, shown in the reader's local time.
    Time(DateTime<Utc>),
    /// An amount in minor units of a currency, shown as the reader writes money.
    Money(i64, String),
    /// A code of a kind of thing (`part_kind`, `out_of_stock`), shown as its words.
    Label(Name, Name),
    /// Another message, said in the same language.
    Said(Box<Said>),
}

impl Said {
    pub fn new(id: &'static str) -> Self {
        Said {
            id: Cow::Borrowed(id),
            args: Vec::new(),
        }
    }

    fn push(mut self, name: &'static str, arg: Arg) -> Self {
        self.args.push((Cow::Borrowed(name), arg));
        self
    }

    /// The argument called `name`, if given.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    pub fn text(self, name: &'static str, value: impl ToString) -> Self {
        self.push(name, Arg::Text(value.to_string()))
    }

    /// The value when there is one; nothing otherwise.
    pub fn opt(self, name: &'static str, value: Option<impl ToString>) -> Self {
        match value {
            Some(v) => self.text(name, v),
            None => self,
        }
    }

    pub fn num(self, name: &'static str, value: i64) -> Self {
        self.push(name, Arg::Num(value))
    }

    pub fn money(self, name: &'static str, minor: i64, currency: &str) -> Self {
        self.push(name, Arg::Money(minor, currency.to_string()))
    }

    /// A code shown as its words: `.label("kind", "part_kind", k.as_str())`.
    pub fn label(self, name: &'static str, of: &'static str, code: &'static str) -> Self {
        self.push(name, Arg::Label(Cow::Borrowed(of), Cow::Borrowed(code)))
    }

    pub fn status(self, name: &'static str, value: JobStatus) -> Self {
        self.push(name, Arg::Status(value))
    }

    /// The value, or the word for "none" when there is none.
    pub fn maybe(self, name: &'static str, value: Option<impl ToString>) -> Self {
        match value {
            Some(v) => self.text(name, v),
            None => self.said(name, Said::new("word-none")),
        }
    }

    pub fn via(self, name: &'static str, value: Option<Via>) -> Self {
        match value {
            Some(v) => self.push(name, Arg::Via(v)),
            None => self.push(name, Arg::Text(String::new())),
        }
    }

    pub fn time(self, name: &'static str, value: DateTime<Utc>) -> Self {
        self.push(name, Arg::Time(value))
    }

    pub fn said(self, name: &'static str, value: Said) -> Self {
        self.push(name, Arg::Said(Box::new(value)))
    }

    /// As stored beside an event: `{"id": …, "args": {…}}`, each argument a
    /// JSON value that says what it is (a string is text, a number a number,
    /// `{"time": …}` a moment, `{"of": "part_kind", "code": …}` a code of a
    /// kind of thing, and so on).
    pub fn to_json(&self) -> Value {
        let args: Map<String, Value> = self
            .args
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_json()))
            .collect();
        json!({ "id": self.id, "args": args })
    }

    /// Read back from [`Said::to_json`]; `None` for anything else.
    pub fn from_json(v: &Value) -> Option<Said> {
        let id = v.get("id")?.as_str()?.to_string();
        let args = v
            .get("args")?
            .as_object()?
            .iter()
            .map(|(k, v)| Some((Cow::Owned(k.clone()), Arg::from_json(v)?)))
            .collect::<Option<Vec<_>>>()?;
        Some(Said {
            id: Cow::Owned(id),
            args,
        })
    }
}

impl Arg {
    fn to_json(&self) -> Value {
        match self {
            Arg::Text(t) => json!(t),
            Arg::Num(n) => json!(n),
            Arg::Status(s) => json!({ "status": s.as_str() }),
            Arg::Via(v) => json!({ "via": v.as_str() }),
            Arg::Time(t) => {
                json!({ "time": t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true) })
            }
            Arg::Money(m, c) => json!({ "money": m, "currency": c }),
            Arg::Label(of, code) => json!({ "of": of, "code": code }),
            Arg::Said(s) => json!({ "said": s.to_json() }),
        }
    }

    fn from_json(v: &Value) -> Option<Arg> {
        if let Some(t) = v.as_str() {
            return Some(Arg::Text(t.to_string()));
        }
        if let Some(n) = v.as_i64() {
            return Some(Arg::Num(n));
        }
        let o = v.as_object()?;
        if let Some(s) = o.get("status") {
            return s.as_str()?.parse().ok().map(Arg::Status);
        }
        if let Some(s) = o.get("via") {
            return s.as_str()?.parse().ok().map(Arg::Via);
        }
        if let Some(t) = o.get("time") {
            let t = DateTime::parse_from_rfc3339(t.as_str()?).ok()?;
            return Some(Arg::Time(t.with_timezone(&Utc)));
        }
        if let Some(of) = o.get("of") {
            let code = o.get("code")?.as_str()?.to_string();
            return Some(Arg::Label(
                Cow::Owned(of.as_str()?.to_string()),
                Cow::Owned(code),
            ));
        }
        if let Some(m) = o.get("money") {
            let currency = o.get("currency")?.as_str()?.to_string();
            return Some(Arg::Money(m.as_i64()?, currency));
        }
        Some(Arg::Said(Box::new(Said::from_json(o.get("said")?)?)))
    }
}

impl serde::Serialize for Said {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(s)
    }
}

/// A word that is none of a type's codes (`--role boss`): what was wanted,
/// what was given, and the codes that would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode {
    /// The thing's code (`role`), said as `thing-<what>`.
    pub what: &'static str,
    pub given: String,
    pub one_of: Vec<&'static str>,
}

impl UnknownCode {
    pub fn new(
        what: &'static str,
        given: &str,
        one_of: impl IntoIterator<Item = &'static str>,
    ) -> Self {
        UnknownCode {
            what,
            given: given.to_string(),
            one_of: one_of.into_iter().collect(),
        }
    }
}

impl std::error::Error for UnknownCode {}

//! What a rule has to say, as data: a message id and its arguments. The
//! words for each id live in `assets/locales/<lang>/*.ftl`, and `present`
//! turns a `Said` into the reader's language; nothing here is English.

use super::lines::Via;
use super::status::JobStatus;
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    /// A message id of the catalogue (`problem-empty`).
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
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
    /// Another message, said in the same language.
    Said(Box<Said>),
}

impl Said {
    pub fn new(id: &'static str) -> Self {
        Said {
            id,
            args: Vec::new(),
        }
    }

    pub fn text(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, Arg::Text(value.to_string())));
        self
    }

    pub fn num(mut self, name: &'static str, value: i64) -> Self {
        self.args.push((name, Arg::Num(value)));
        self
    }

    pub fn status(mut self, name: &'static str, value: JobStatus) -> Self {
        self.args.push((name, Arg::Status(value)));
        self
    }

    /// The value, or the word for "none" when there is none.
    pub fn maybe(self, name: &'static str, value: Option<impl ToString>) -> Self {
        match value {
            Some(v) => self.text(name, v),
            None => self.said(name, Said::new("word-none")),
        }
    }

    pub fn via(mut self, name: &'static str, value: Option<Via>) -> Self {
        match value {
            Some(v) => self.args.push((name, Arg::Via(v))),
            None => self.args.push((name, Arg::Text(String::new()))),
        }
        self
    }

    pub fn time(mut self, name: &'static str, value: DateTime<Utc>) -> Self {
        self.args.push((name, Arg::Time(value)));
        self
    }

    pub fn said(mut self, name: &'static str, value: Said) -> Self {
        self.args.push((name, Arg::Said(Box::new(value))));
        self
    }
}

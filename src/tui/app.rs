//! The model together with the workshop it reads and writes: messages go
//! through `update`, and the effects it returns are run until none is left.

use super::forms::{AnyForm, PinFor, PinForm};
use super::model::{Live, Model, Overlay};
use super::msg::{Effect, Msg};
use super::{effects, update};
use crate::domain::{Refusal, Said};
use crate::error::{Error, Result};
use crate::workshop::Workshop;
use chrono::{DateTime, FixedOffset, Utc};
use ratatui::crossterm::event::{Event, KeyEvent};
use std::collections::VecDeque;

pub struct App {
    pub model: Model,
    ws: Workshop,
}

impl std::ops::Deref for App {
    type Target = Model;
    fn deref(&self) -> &Model {
        &self.model
    }
}

impl App {
    /// `user`: the `--as` name, or None for the login screen.
    pub fn new(
        ws: Workshop,
        user: Option<&str>,
        bay: Option<String>,
        now: DateTime<Utc>,
        tz: FixedOffset,
    ) -> Result<App> {
        let staff = ws.store().read(crate::store::staff_list)?;
        let version = ws.store().data_version()?;
        let day_start = crate::present::local_midnight(now, &tz);
        let board = crate::read::board::load(ws.store(), now, day_start)?;
        if let Some(b) = &bay
            && !board.bays.iter().any(|x| x.name.eq_ignore_ascii_case(b))
        {
            let names: Vec<&str> = board.bays.iter().map(|x| x.name.as_str()).collect();
            return Err(Refusal::unknown(
                "bay",
                b,
                Some(Said::new("hint-bays").text("list", names.join(", "))),
            )
            .into());
        }
        let mut model = Model::new(board, staff, bay, now, tz);
        model.seen = Some(version);
        let mut app = App { model, ws };
        if let Some(name) = user {
            let actor = app
                .ws
                .store()
                .read(|c| crate::store::actor_by_name(c, name))?
                .ok_or_else(|| {
                    let names: Vec<&str> =
                        app.model.staff.iter().map(|s| s.name.as_str()).collect();
                    Error::from(Refusal::unknown(
                        "person",
                        name,
                        Some(Said::new("hint-staff").text("list", names.join(", "))),
                    ))
                })?;
            let keeps_pin = app
                .model
                .staff
                .iter()
                .any(|s| s.id == actor.id && s.has_pin);
            if keeps_pin && !app.ws.has_proven(actor.id) {
                let pin = PinForm::new(PinFor::Login(actor));
                app.model.overlay = Some(Overlay::Form(AnyForm::Pin(Box::new(pin))));
            } else {
                let effects = update::login(&mut app.model, actor);
                app.run(effects);
            }
        }
        Ok(app)
    }

    pub fn workshop(&self) -> &Workshop {
        &self.ws
    }

    /// One message, and every effect it leads to.
    pub fn handle(&mut self, msg: Msg) {
        let effects = update::update(&mut self.model, msg);
        self.run(effects);
    }

    fn run(&mut self, effects: Vec<Effect>) {
        let mut queue: VecDeque<Effect> = effects.into();
        while let Some(e) = queue.pop_front() {
            let msg = effects::run(&mut self.ws, &self.model, e);
            queue.extend(update::update(&mut self.model, msg));
        }
    }

    pub fn on_event(&mut self, ev: &Event) {
        match ev {
            Event::Key(k) => self.on_key(*k),
            Event::Paste(text) => self.on_paste(text),
            _ => {}
        }
    }

    pub fn on_key(&mut self, key: KeyEvent) {
        self.handle(Msg::Key(key));
    }

    pub fn on_paste(&mut self, text: &str) {
        self.handle(Msg::Paste(text.to_string()));
    }

    /// Moves the clock; returns whether the screen shows a different minute.
    pub fn tick(&mut self, now: DateTime<Utc>) -> bool {
        let minute = self.model.now.timestamp() / 60 != now.timestamp() / 60;
        self.handle(Msg::Tick(now));
        minute
    }

    /// Reloads if another connection committed since the board was read;
    /// returns whether it did.
    pub fn refresh(&mut self) -> Result<bool> {
        if self.model.live == Live::Replaced {
            return Ok(false);
        }
        if let Err(e) = self.ws.store().same_files() {
            self.model.live = Live::Replaced;
            self.model.error(e.to_string());
            return Ok(true);
        }
        let v = self.ws.store().data_version()?;
        if self.model.seen == Some(v) {
            return Ok(false);
        }
        self.run(vec![Effect::ReloadOutside]);
        Ok(true)
    }

    /// Reads the board again. Forms keep their input; selections stay on
    /// the same row where it still exists.
    pub fn reload(&mut self) {
        self.run(vec![Effect::Reload]);
    }
}

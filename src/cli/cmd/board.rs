//! `bayboard board`: the board once, as text.

use crate::cli::output::{Output, emit};
use crate::cli::{Ctx, board_text, day_start, local_tz};
use crate::error::Result;
use crate::read::board::Board;
use chrono::Utc;
use serde::Serialize;

impl Output for Board {
    fn text(&self) -> String {
        board_text::render(self, &local_tz())
    }

    fn json(&self) -> impl Serialize {
        self
    }
}

pub(crate) fn board(ctx: &Ctx) -> Result<()> {
    let ws = ctx.open()?;
    emit(
        ctx,
        &crate::read::board::load(ws.store(), Utc::now(), day_start())?,
    )
}

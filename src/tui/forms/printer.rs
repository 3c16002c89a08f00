//! Which printer: asked only when the shop has more than one (`shop set
//! --printer A --printer B`), the default first.

use super::widgets::{error_line, popup};
use super::{Focus, Form, FormAction, FormKey, FormKind, Submit};
use crate::domain::documents::Document;
use crate::domain::{Field, job_label};
use crate::text::fit;
use crate::tui::model::Model;
use crate::tui::msg::{Effect, Write};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

#[derive(Debug, Clone, PartialEq)]
pub struct PrinterForm {
    pub job: i64,
    pub doc: Document,
    pub printers: Vec<String>,
    pub sel: usize,
    pub error: Option<String>,
}

impl PrinterForm {
    pub fn new(job: i64, doc: Document, printers: Vec<String>) -> Self {
        PrinterForm {
            job,
            doc,
            printers,
            sel: 0,
            error: None,
        }
    }
}

impl Form for PrinterForm {
    fn kind(&self) -> FormKind {
        FormKind::Printer
    }

    fn focus(&self) -> Focus {
        Focus::List
    }

    fn act(&mut self, a: FormAction) -> FormKey {
        match a {
            FormAction::Close => FormKey::Close,
            FormAction::Quit => FormKey::Quit,
            FormAction::Up => {
                self.sel = self.sel.saturating_sub(1);
                FormKey::Stay
            }
            FormAction::Down => {
                self.sel = (self.sel + 1).min(self.printers.len().saturating_sub(1));
                FormKey::Stay
            }
            FormAction::Submit => FormKey::Submit,
            _ => FormKey::Stay,
        }
    }

    fn dirty(&self) -> bool {
        false
    }

    fn submit(&mut self, _m: &Model) -> Submit {
        Submit::Run(Effect::Write(Write::Print {
            job: self.job,
            doc: self.doc,
            printer: self.printers.get(self.sel).cloned(),
        }))
    }

    fn refused(&mut self, _field: Option<Field>, message: String) {
        self.error = Some(message);
    }

    fn draw(&self, frame: &mut Frame, body: Rect, _m: &Model) {
        let title = crate::present::words::message(
            "ui-print-where",
            &[
                ("job", job_label(self.job).into()),
                (
                    "document",
                    crate::present::labels::code_label("document", self.doc.as_str()).into(),
                ),
            ],
        );
        let h = self.printers.len() as u16 + 6;
        let inner = popup(frame, body, 50, h, title);
        let mut lines = Vec::new();
        for (i, p) in self.printers.iter().enumerate() {
            let style = if i == self.sel {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            let default = if i == 0 {
                format!("  ({})", crate::present::words::ui("default"))
            } else {
                String::new()
            };
            let row = fit(&format!(" {p}{default}"), inner.width as usize);
            lines.push(Line::styled(row, style));
        }
        lines.push(Line::from(""));
        lines.push(error_line(&self.error));
        // CUPS's reason for a refused print can be long: wrapped, not cut.
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
    }
}

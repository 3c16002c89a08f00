//! The paperwork as a PDF: the text document laid on A4 portrait pages
//! in a monospaced CJK font found on the system (half-width Latin,
//! full-width Chinese, so columns line up as on the screen), a page number
//! at the foot of each page. The font is subset: only the glyphs used go
//! into the file.

use super::words::message;
use krilla::Document;
use krilla::geom::Point;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};

/// A4 in points.
const PAGE: (f32, f32) = (595.0, 842.0);
const MARGIN: f32 = 56.0;
const SIZE: f32 = 10.5;
const LEADING: f32 = 14.0;

/// Families tried in turn: a monospaced CJK face first.
const FAMILIES: [&str; 5] = [
    "Noto Sans Mono CJK SC",
    "Noto Sans Mono CJK TC",
    "Sarasa Mono SC",
    "WenQuanYi Zen Hei Mono",
    "Noto Sans CJK SC",
];

/// Why no PDF could be made.
#[derive(Debug)]
pub enum PdfError {
    /// No CJK font on this system.
    NoFont,
    Write(String),
}

/// The system's CJK font, as data and its index in a collection.
pub fn find_font() -> Result<Font, PdfError> {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    for family in FAMILIES {
        let query = fontdb::Query {
            families: &[fontdb::Family::Name(family)],
            ..Default::default()
        };
        let Some(id) = db.query(&query) else { continue };
        let font = db.with_face_data(id, |data, index| Font::new(data.to_vec().into(), index));
        if let Some(Some(font)) = font {
            return Ok(font);
        }
    }
    Err(PdfError::NoFont)
}

/// Rows of the text on pages, each page numbered "1/2" at its foot.
pub fn render(text: &str, font: &Font) -> Result<Vec<u8>, PdfError> {
    let rows: Vec<&str> = text.lines().collect();
    let per_page = ((PAGE.1 - 2.0 * MARGIN) / LEADING).floor() as usize - 2;
    let pages = paginate(&rows, per_page);
    let mut doc = Document::new();
    let cell = SIZE / 2.0;
    for (n, page_rows) in pages.iter().enumerate() {
        let settings =
            PageSettings::from_wh(PAGE.0, PAGE.1).ok_or(PdfError::Write("page".into()))?;
        let mut page = doc.start_page_with(settings);
        let mut surface = page.surface();
        for (i, row) in page_rows.iter().enumerate() {
            let y = MARGIN + LEADING * (i as f32 + 1.0);
            for (col, run) in runs(row) {
                let at = Point::from_xy(MARGIN + cell * col as f32, y);
                surface.draw_text(at, font.clone(), SIZE, &run, false, TextDirection::Auto);
            }
        }
        let foot = message(
            "doc-page",
            &[
                ("page", (n as i64 + 1).into()),
                ("pages", (pages.len() as i64).into()),
            ],
        );
        let x = PAGE.0 - MARGIN - cell * crate::text::width(&foot) as f32;
        surface.draw_text(
            Point::from_xy(x, PAGE.1 - MARGIN / 2.0),
            font.clone(),
            SIZE,
            &foot,
            false,
            TextDirection::Auto,
        );
        surface.finish();
        page.finish();
    }
    doc.finish().map_err(|e| PdfError::Write(format!("{e:?}")))
}

/// The rows of each page. A page after the first begins with the
/// document's heading (its first rows, down to the first rule), so a loose
/// second sheet still says whose paper it is.
fn paginate<'a>(rows: &[&'a str], per_page: usize) -> Vec<Vec<&'a str>> {
    if rows.len() <= per_page {
        return vec![rows.to_vec()];
    }
    let heading = rows
        .iter()
        .position(|r| r.starts_with("==="))
        .map_or(0, |i| i + 1)
        .min(per_page / 4);
    let mut pages = vec![rows[..per_page].to_vec()];
    for chunk in rows[per_page..].chunks(per_page - heading) {
        let mut page = rows[..heading].to_vec();
        page.extend_from_slice(chunk);
        pages.push(page);
    }
    pages
}

/// A row cut into runs of one kind of text (ASCII or not), each with the
/// terminal column it starts at; spaces between runs are left out.
fn runs(row: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut col = 0;
    let mut current: Option<(usize, String, bool)> = None;
    for c in row.chars() {
        let w = crate::text::width(&c.to_string());
        let ascii = c.is_ascii();
        match &mut current {
            Some((_, text, kind)) if *kind == ascii && c != ' ' => text.push(c),
            _ if c == ' ' => {
                if let Some((at, text, _)) = current.take() {
                    out.push((at, text));
                }
            }
            _ => {
                if let Some((at, text, _)) = current.take() {
                    out.push((at, text));
                }
                current = Some((col, c.to_string(), ascii));
            }
        }
        col += w;
    }
    if let Some((at, text, _)) = current {
        out.push((at, text));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn runs_keep_their_columns() {
        let r = super::runs("L-2  更换刹车片 1.5  ¥300");
        assert_eq!(r[0], (0, "L-2".to_string()));
        assert_eq!(r[1], (5, "更换刹车片".to_string()));
        assert_eq!(r[2], (16, "1.5".to_string()));
        assert_eq!(r[3], (21, "¥".to_string()));
        assert_eq!(r[4], (22, "300".to_string()));
    }

    #[test]
    fn a_second_page_begins_with_the_heading() {
        let mut rows = vec!["Demo Motors  SETTLEMENT J-1", "copy 1", "==="];
        let body: Vec<String> = (0..10).map(|i| format!("L-{i}")).collect();
        rows.extend(body.iter().map(String::as_str));
        let pages = super::paginate(&rows, 12);
        assert_eq!(pages[0].len(), 12);
        assert_eq!(&pages[1][..3], &rows[..3]);
        assert_eq!(&pages[1][3..], &["L-9"]);
        assert_eq!(pages.len(), 2);
        assert_eq!(super::paginate(&rows[..5], 8).len(), 1);
    }
}

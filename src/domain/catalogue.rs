//! The published price list: labour operations (a code, a name in each
//! language, standard hours, the bay kind or skill) and parts (a number, a
//! name in each language, a unit price), read from the CSV files a shop
//! keeps them in. Reading is all or nothing: every refused row is named
//! with its line number and why, and then nothing is taken.

use super::field::Field;
use super::said::Said;
use super::validate::limits;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Op {
    pub code: String,
    pub name_en: String,
    pub name_zh: String,
    pub hours: f64,
    pub bay_kind: Option<String>,
    pub skill: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    pub number: String,
    pub name_en: String,
    pub name_zh: String,
    /// Minor units of the shop's currency, for one.
    pub price: i64,
}

/// A line's facts once read from the list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListedLine {
    pub work: String,
    pub hours: Option<f64>,
    pub amount: Option<i64>,
    pub op: Option<String>,
    pub part: Option<(String, i64)>,
    /// What the list says the line costs.
    pub list_price: Option<i64>,
    /// The price agreed for an operation when it is not the list's.
    pub fixed: Option<i64>,
    pub reason: Option<String>,
}

/// Whether an entry of the list (code, names) is what a person typed: part
/// of the code or of either name, or the Chinese name's pinyin (full or
/// initials), so `bygf` finds 保养.
pub fn entry_matches(code: &str, en: &str, zh: &str, find: &str) -> bool {
    let f = find.trim().to_lowercase();
    code.to_lowercase().contains(&f)
        || en.to_lowercase().contains(&f)
        || zh.contains(&f)
        || super::names::text_matches(zh, &f)
}

/// The operations `find` names: the one whose code it is first, then those
/// whose code begins with it, then the shortest names (the plainest job:
/// `shache` is 更换前刹车片 before 更换前刹车盘及刹车片).
pub fn find_ops<'a>(ops: &'a [Op], find: &str) -> Vec<&'a Op> {
    let want = find.trim().to_uppercase();
    let mut found: Vec<&Op> = ops
        .iter()
        .filter(|o| entry_matches(&o.code, &o.name_en, &o.name_zh, find))
        .collect();
    found.sort_by_key(|o| {
        let code = o.code.to_uppercase();
        (
            code != want,
            !code.starts_with(&want),
            o.name_zh.chars().count(),
        )
    });
    found
}

/// A row the file cannot give, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    /// The file's line (the header is line 1).
    pub line: u64,
    pub said: Said,
}

const OP_COLUMNS: [&str; 6] = ["code", "name_en", "name_zh", "hours", "bay_kind", "skill"];
const OP_NEEDED: [&str; 4] = ["code", "name_en", "name_zh", "hours"];
const PART_COLUMNS: [&str; 4] = ["number", "name_en", "name_zh", "price"];

/// The operations of a CSV file (UTF-8, a BOM or none, one header row, the
/// columns in any order).
pub fn read_ops(text: &str) -> Result<Vec<Op>, Vec<RowProblem>> {
    let (header, rows) = read(text, &OP_COLUMNS, &OP_NEEDED)?;
    let mut problems = Vec::new();
    let mut out: Vec<Op> = Vec::new();
    for (line, cells) in rows {
        let get = |name: &str| cell(&header, &cells, name);
        let op = (|| {
            let code = code(get("code"))?;
            let hours = get("hours")
                .trim()
                .parse::<f64>()
                .map_err(|_| Said::new("problem-catalogue-hours").text("text", get("hours")))
                .and_then(|h| {
                    super::validate::hours(Field::Hours, h).map_err(|_| {
                        Said::new("problem-catalogue-hours").text("text", get("hours"))
                    })
                })?;
            let bay_kind = optional(get("bay_kind"));
            if let Some(k) = &bay_kind {
                k.parse::<super::BayKind>()
                    .map_err(|_| Said::new("problem-catalogue-bay-kind").text("text", k))?;
            }
            Ok::<_, Said>(Op {
                code,
                name_en: name(get("name_en"), "name_en")?,
                name_zh: name(get("name_zh"), "name_zh")?,
                hours,
                bay_kind,
                skill: optional(get("skill")),
            })
        })();
        match op {
            Ok(op) if out.iter().any(|o| o.code == op.code) => problems.push(RowProblem {
                line,
                said: Said::new("problem-catalogue-twice").text("code", &op.code),
            }),
            Ok(op) => out.push(op),
            Err(said) => problems.push(RowProblem { line, said }),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// The parts of a CSV file, priced in `currency` (dot decimals).
pub fn read_parts(text: &str, currency: &str) -> Result<Vec<Part>, Vec<RowProblem>> {
    let (header, rows) = read(text, &PART_COLUMNS, &PART_COLUMNS)?;
    let mut problems = Vec::new();
    let mut out: Vec<Part> = Vec::new();
    for (line, cells) in rows {
        let get = |name: &str| cell(&header, &cells, name);
        let part = (|| {
            let price = super::money::parse(Field::Price, get("price"), currency)
                .map_err(|_| Said::new("problem-catalogue-price").text("text", get("price")))?;
            if price < 0 {
                return Err(Said::new("problem-catalogue-price").text("text", get("price")));
            }
            Ok::<_, Said>(Part {
                number: code(get("number"))?,
                name_en: name(get("name_en"), "name_en")?,
                name_zh: name(get("name_zh"), "name_zh")?,
                price,
            })
        })();
        match part {
            Ok(p) if out.iter().any(|o| o.number == p.number) => problems.push(RowProblem {
                line,
                said: Said::new("problem-catalogue-twice").text("code", &p.number),
            }),
            Ok(p) => out.push(p),
            Err(said) => problems.push(RowProblem { line, said }),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// The header, and the rows with their line numbers.
type Table = (Vec<String>, Vec<(u64, Vec<String>)>);

/// A row's value in the named column; empty when the file has no such column.
fn cell<'a>(header: &[String], cells: &'a [String], name: &str) -> &'a str {
    header
        .iter()
        .position(|c| c == name)
        .and_then(|i| cells.get(i))
        .map_or("", String::as_str)
}

fn read(text: &str, known: &[&str], needed: &[&str]) -> Result<Table, Vec<RowProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(e) => return Err(vec![csv_problem(1, &e)]),
    };
    let mut problems = Vec::new();
    for c in &header {
        if !known.contains(&c.as_str()) {
            problems.push(RowProblem {
                line: 1,
                said: Said::new("problem-catalogue-column")
                    .text("column", c)
                    .text("known", known.join(", ")),
            });
        }
    }
    for n in needed {
        if !header.iter().any(|c| c == n) {
            problems.push(RowProblem {
                line: 1,
                said: Said::new("problem-catalogue-missing-column").text("column", *n),
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line());
                rows.push((line, r.iter().map(str::to_string).collect()));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(csv_problem(line, &e));
            }
        }
    }
    if problems.is_empty() {
        Ok((header, rows))
    } else {
        Err(problems)
    }
}

fn csv_problem(line: u64, e: &csv::Error) -> RowProblem {
    RowProblem {
        line,
        said: Said::new("problem-catalogue-csv").text("error", e),
    }
}

/// A code or part number: letters, digits, `-`, `_`, `.`, `/`, at most 30.
fn code(text: &str) -> Result<String, Said> {
    let t = text.trim();
    let fine = !t.is_empty()
        && t.chars().count() <= 30
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
    if fine {
        Ok(t.to_uppercase())
    } else {
        Err(Said::new("problem-catalogue-code").text("text", text))
    }
}

fn name(text: &str, column: &str) -> Result<String, Said> {
    super::validate::required_text(Field::Work, text, limits::PART)
        .map_err(|_| Said::new("problem-catalogue-name").text("column", column))
}

fn optional(text: &str) -> Option<String> {
    Some(text.trim().to_string()).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_file_reads_whatever_the_column_order() {
        let ops = read_ops(
            "\u{feff}name_zh,code,hours,name_en\n更换刹车片,brk-01,1.2,Replace brake pads\n",
        )
        .unwrap();
        assert_eq!(ops[0].code, "BRK-01");
        assert_eq!(ops[0].hours, 1.2);
        assert_eq!(ops[0].name_zh, "更换刹车片");
        let parts = read_parts(
            "number,name_en,name_zh,price\n04465-02220,Brake pads,刹车片,\"1,280.50\"\n",
            "CNY",
        )
        .unwrap();
        assert_eq!(parts[0].price, 128_050);
    }

    #[test]
    fn every_bad_row_is_named_with_its_line_and_nothing_is_taken() {
        let text = "code,name_en,name_zh,hours\nA1,Alpha,甲,1.0\n,No code,无,1\nB1,Beta,乙,lots\nA1,Again,又,2\n";
        let problems = read_ops(text).unwrap_err();
        let lines: Vec<u64> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![3, 4, 5]);
        assert_eq!(problems[0].said.id, "problem-catalogue-code");
        assert_eq!(problems[1].said.id, "problem-catalogue-hours");
        assert_eq!(problems[2].said.id, "problem-catalogue-twice");
        let unknown = read_ops("code,name_en,name_zh,hours,colour\n").unwrap_err();
        assert_eq!(unknown[0].said.id, "problem-catalogue-column");
    }
}

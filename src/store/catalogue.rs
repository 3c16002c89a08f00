//! The published price list in the store: operations and parts, each
//! written when new or changed (the event says which and from what).

use super::queries::all;
use super::{WriteTx, ts};
use crate::domain::catalogue::{Op, Part};
use crate::error::Result;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

/// What writing one row of the list did.
#[derive(Debug, Clone, PartialEq)]
pub enum Upsert<T> {
    Added,
    /// Changed from this.
    Changed(T),
    Same,
}

fn op_from(r: &rusqlite::Row) -> rusqlite::Result<Op> {
    Ok(Op {
        code: r.get(0)?,
        name_en: r.get(1)?,
        name_zh: r.get(2)?,
        hours: r.get(3)?,
        bay_kind: r.get(4)?,
        skill: r.get(5)?,
    })
}

fn part_from(r: &rusqlite::Row) -> rusqlite::Result<Part> {
    Ok(Part {
        number: r.get(0)?,
        name_en: r.get(1)?,
        name_zh: r.get(2)?,
        price: r.get(3)?,
    })
}

const OP_SELECT: &str = "SELECT code, name_en, name_zh, hours, bay_kind, skill FROM catalogue_ops";
const PART_SELECT: &str = "SELECT number, name_en, name_zh, price FROM catalogue_parts";

pub fn catalogue_op(conn: &Connection, code: &str) -> Result<Option<Op>> {
    let sql = format!("{OP_SELECT} WHERE code = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([code.trim().to_uppercase()], op_from)
        .optional()?)
}

pub fn catalogue_part(conn: &Connection, number: &str) -> Result<Option<Part>> {
    let sql = format!("{PART_SELECT} WHERE number = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([number.trim().to_uppercase()], part_from)
        .optional()?)
}

pub fn catalogue_ops(conn: &Connection) -> Result<Vec<Op>> {
    all(conn, &format!("{OP_SELECT} ORDER BY code"), [], op_from)
}

pub fn catalogue_parts(conn: &Connection) -> Result<Vec<Part>> {
    all(
        conn,
        &format!("{PART_SELECT} ORDER BY number"),
        [],
        part_from,
    )
}

pub(crate) fn upsert_op(tx: &WriteTx, op: &Op, now: DateTime<Utc>) -> Result<Upsert<Op>> {
    let before = catalogue_op(tx, &op.code)?;
    if before.as_ref() == Some(op) {
        return Ok(Upsert::Same);
    }
    tx.execute(
        "INSERT INTO catalogue_ops (code, name_en, name_zh, hours, bay_kind, skill, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT(code) DO UPDATE SET name_en = ?2, name_zh = ?3, hours = ?4,
                                         bay_kind = ?5, skill = ?6, updated_at = ?7",
        params![
            op.code,
            op.name_en,
            op.name_zh,
            op.hours,
            op.bay_kind,
            op.skill,
            ts(now)
        ],
    )?;
    Ok(before.map_or(Upsert::Added, Upsert::Changed))
}

pub(crate) fn upsert_part(tx: &WriteTx, part: &Part, now: DateTime<Utc>) -> Result<Upsert<Part>> {
    let before = catalogue_part(tx, &part.number)?;
    if before.as_ref() == Some(part) {
        return Ok(Upsert::Same);
    }
    tx.execute(
        "INSERT INTO catalogue_parts (number, name_en, name_zh, price, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(number) DO UPDATE SET name_en = ?2, name_zh = ?3, price = ?4, updated_at = ?5",
        params![part.number, part.name_en, part.name_zh, part.price, ts(now)],
    )?;
    Ok(before.map_or(Upsert::Added, Upsert::Changed))
}

/// Plates on record typed more than one way, by canonical plate, with the
/// spellings; those whose merge no event has recorded yet.
pub fn unrecorded_plate_merges(conn: &Connection) -> Result<Vec<(String, String)>> {
    all(
        conn,
        "SELECT plate_key, group_concat(plate, ', ') FROM
           (SELECT DISTINCT plate_key, plate FROM vehicles
             WHERE plate_key IS NOT NULL AND typeof(plate) = 'text' ORDER BY plate)
          GROUP BY plate_key HAVING count(*) > 1
             AND plate_key NOT IN (SELECT json_extract(params, '$.args.key') FROM events
                                    WHERE kind = 'vehicles_merged')
          ORDER BY plate_key",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

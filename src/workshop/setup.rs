//! Shop set-up: name, bays, staff.

use super::{Workshop, actor};
use crate::domain::lifecycle::check_setup;
use crate::domain::validate::{self, limits};
use crate::domain::{Act, Actor, BayKind, Refusal, Role, Said};
use crate::domain::{Field, names};
use crate::error::Result;
use crate::store::{self, BayRow, NewEvent, StaffRow};
use rusqlite::Connection;

/// Bay names are short labels painted on the floor.
pub const BAY_NAME_MAX: usize = 12;

/// The acting person for set-up: needed (and must be a foreman) once the
/// shop has staff; before that anyone may set it up.
pub(super) fn setup_actor(
    conn: &Connection,
    name: Option<&str>,
    action: Act,
    session: &super::Session,
) -> Result<Option<Actor>> {
    let has_staff = store::staff_count(conn)? > 0;
    let who = match name.filter(|n| !n.trim().is_empty()) {
        Some(n) if has_staff => Some(actor(conn, n, session)?),
        _ => None,
    };
    check_setup(who.as_ref(), has_staff, action)?;
    Ok(who)
}

pub(super) fn setup_event(
    conn: &store::WriteTx,
    who: Option<&Actor>,
    kind: &str,
    said: &Said,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    store::append_event(
        conn,
        &NewEvent {
            at: now,
            actor_id: who.map(|a| a.id),
            job_id: None,
            kind,
            from: None,
            to: None,
            note: None,
            said: Some(said),
        },
    )
}

impl Workshop {
    pub fn set_shop_name(&mut self, who: Option<&str>, name: &str) -> Result<()> {
        let name = validate::required_text(Field::ShopName, name, limits::NAME)?;
        self.write(|c, now, session| {
            let who = setup_actor(c, who, Act::RenameShop, session)?;
            store::set_shop_name(c, &name)?;
            setup_event(
                c,
                who.as_ref(),
                "shop_renamed",
                &Said::new("event-shop-renamed").text("name", &name),
                now,
            )
        })
    }

    pub fn add_bay(&mut self, who: Option<&str>, name: &str, kind: BayKind) -> Result<BayRow> {
        let name = validate::required_text(Field::BayName, name, BAY_NAME_MAX)?;
        self.write(|c, now, session| {
            let who = setup_actor(c, who, Act::AddBay, session)?;
            if store::bay_by_name(c, &name)?.is_some() {
                return Err(Refusal::Duplicate { what: "bay", name }.into());
            }
            store::insert_bay(c, &name, kind, now)?;
            setup_event(
                c,
                who.as_ref(),
                "bay_added",
                &Said::new("event-bay-added").text("bay", &name).label(
                    "kind",
                    "bay_kind",
                    kind.as_str(),
                ),
                now,
            )?;
            Ok(store::bay_by_name(c, &name)?.expect("just added"))
        })
    }

    pub fn add_staff(
        &mut self,
        who: Option<&str>,
        name: &str,
        roles: &[Role],
        skills: &[String],
    ) -> Result<StaffRow> {
        let name = validate::person_name(Field::Name, name)?;
        if roles.is_empty() {
            return Err(Refusal::invalid(Field::Role, Said::new("problem-give-a-role")).into());
        }
        let skills = skills
            .iter()
            .map(|s| validate::required_text(Field::Skill, s, limits::SKILL))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut roles = roles.to_vec();
        roles.sort();
        roles.dedup();
        self.write(|c, now, session| {
            let who = setup_actor(c, who, Act::AddStaff, session)?;
            if store::staff_by_name(c, &name)?.is_some() {
                return Err(Refusal::Duplicate {
                    what: "person",
                    name,
                }
                .into());
            }
            // A second "Olga Petrova" spelt with a Cyrillic "а" would sign as
            // the first one on every screen.
            if let Some(twin) = store::staff_list(c)?
                .into_iter()
                .find(|s| names::looks_like(&s.name, &name))
            {
                return Err(Refusal::LookAlike {
                    name,
                    existing: twin.name,
                }
                .into());
            }
            let id = store::insert_staff(c, &name, &roles, &skills, now)?;
            let role_list: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
            setup_event(
                c,
                who.as_ref(),
                "staff_added",
                // The id ties the record to this row: `check` compares each
                // person's row with their own event, not with any of a name.
                &Said::new("event-staff-added")
                    .text("name", &name)
                    .text("roles", role_list.join(", "))
                    .num("staff", id),
                now,
            )?;
            Ok(store::staff_by_name(c, &name)?.expect("just added"))
        })
    }
}

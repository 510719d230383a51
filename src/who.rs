//! A person resolved against a scheme, and the limits on a request: what the premium, claim
//! and layer modules take from the engine, kept apart so that none of them imports the engine.

use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::form::Form;
use crate::policy::model::*;

/// At most this many statuses on one person, and claims in one year.
pub const MAX_STATUSES: usize = 32;
pub const MAX_CLAIMS: usize = 400;

/// A person resolved against a scheme: the policy in force for their region, and their labels.
pub(crate) struct Who<'a> {
    pub policy: &'a Policy,
    /// The policy's benefits resolved for settling claims (built when the policy was loaded).
    pub form: &'a Form,
    pub region: &'a Region,
    pub layer: Option<&'a Policy>,
    pub category: &'a Label,
    /// The category's index among the policy's categories.
    pub cat: usize,
    pub statuses: Vec<&'a Status>,
}

impl Who<'_> {
    pub fn doc(&self) -> &str {
        &self.policy.meta.doc
    }
    pub fn has(&self, id: &str) -> bool {
        self.statuses.iter().any(|s| s.id == id)
    }
}

/// Checks a date against the policy's validity.
pub(crate) fn in_force(
    policy: &Policy,
    d: Date,
    field: &str,
    grace_months: u32,
) -> Result<(), Error> {
    let from = Date::parse("meta.effective_from", &policy.meta.effective_from)?;
    let to = match &policy.meta.effective_to {
        Some(t) => Some(Date::parse("meta.effective_to", t)?),
        None => None,
    };
    let late = to.is_some_and(|t| d > t.add_months(grace_months));
    if d < from || late {
        let to_txt = to.map_or("（未定）".to_string(), |t| t.to_string());
        let mut e = Error::new(
            ErrorKind::DateOutsidePolicy,
            format!(
                "日期 {d} 不在“{}”的有效期 {from} 至 {to_txt} 内",
                policy.meta.name_zh
            ),
            format!(
                "{d} is outside the validity of \"{}\" ({from} to {})",
                policy.meta.name_en,
                to.map_or("open".to_string(), |t| t.to_string())
            ),
        )
        .field(field)
        .clause(format!(
            "{} {}",
            policy.meta.doc, policy.meta.effective_from_clause
        ));
        if let (true, Some(n)) = (late, &policy.meta.effective_to_note_zh) {
            e.message_zh.push('。');
            e.message_zh.push_str(n);
        }
        return Err(e);
    }
    Ok(())
}

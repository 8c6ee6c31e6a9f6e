//! The sources a finding lists: only the pages behind it that concern this reader. A page
//! written for one group ([`Audience`]) is listed only for a reader the answers place in it
//! (a students' page for a study permit, not for a basis not given); a page for everyone
//! always. A finding never loses its last source.
//!
//! May import `domain` and the engine's own modules.

use crate::domain::answers::{AppliedFor, Basis, BrexitRole, Citizenship, Status, Topic};
use crate::domain::refs::Audience;

use super::brexit::on_brexit_route;
use super::decision::Finding;
use super::Ctx;

/// Whether the answers place the reader in the group a page for `audience` is written for.
pub(crate) fn concerns(audience: Audience, ctx: &Ctx) -> bool {
    let a = ctx.a;
    let basis_is = |groups: &[Basis]| a.basis.is_some_and(|b| groups.contains(&b));
    match audience {
        Audience::Everyone => true,
        Audience::Brexit => {
            a.citizenship == Some(Citizenship::Uk)
                || matches!(
                    a.brexit_role,
                    Some(
                        BrexitRole::FamilyMember
                            | BrexitRole::FrontierWorker
                            | BrexitRole::FrontierWorkerFamily
                    )
                )
                || on_brexit_route(ctx)
                || a.topic == Some(Topic::Brexit)
        }
        Audience::Students => basis_is(&[Basis::Study]),
        Audience::Workers => basis_is(&[Basis::Work]),
        Audience::Family => basis_is(&[Basis::Family]),
        Audience::Protection => {
            basis_is(&[Basis::Protection, Basis::Humanitarian])
                || matches!(
                    a.applied_for,
                    Some(AppliedFor::DerivedRefugee | AppliedFor::FirstAsylumWithPolice)
                )
        }
        Audience::Collective => {
            basis_is(&[Basis::CollectiveProtection]) || a.topic == Some(Topic::CollectiveProtection)
        }
        Audience::EuEea => {
            a.citizenship == Some(Citizenship::EuEea)
                || a.eu_family_member == Some(true)
                || a.basis == Some(Basis::EuFamily)
        }
        Audience::Permanent => {
            matches!(
                a.status,
                Some(Status::PermanentPermit | Status::PermanentRight)
            ) || matches!(
                a.applied_for,
                Some(AppliedFor::PermanentPermit | AppliedFor::PermanentRight)
            ) || a.topic == Some(Topic::Permanent)
        }
    }
}

/// Keeps each finding's sources that concern the reader (all of them if none would be left).
pub(crate) fn keep_relevant(findings: &mut [Finding], ctx: &Ctx) {
    for f in findings {
        if f.sources.iter().any(|s| concerns(s.audience(), ctx)) {
            f.sources.retain(|s| concerns(s.audience(), ctx));
        }
    }
}

//! Area D of the rule book: ordering a new residence card (R-040 … R-049), with the fee table,
//! the requirements, what to bring, and a card lost abroad. Also R-118 (Brexit temporary permit
//! still valid: order a new card).

use super::arrival::after_appointment;
use super::decision::{Counted, DateKey, Finding, FindingKey, Priority, Value, Verdict};
use super::{dated, missing, Ctx, Out, CARD_FEE_NOK};
use crate::domain::answers::{AppliedFor, CardSituation as C, Citizenship, Place, Status};
use crate::domain::dates::months_before;
use crate::domain::questions::Question as Q;
use crate::domain::refs::{Conflict, RuleId as R, Source as S};

fn has(ctx: &Ctx, s: C) -> bool {
    ctx.a
        .card_situation
        .as_ref()
        .is_some_and(|list| list.contains(&s))
}

/// Whether area D applies: a card situation was given, or only a new card was asked for.
fn applies(ctx: &Ctx) -> bool {
    ctx.a.card_situation.as_ref().is_some_and(|l| !l.is_empty())
        || ctx.a.applied_for == Some(AppliedFor::NewCardOnly)
}

pub(crate) fn rules(ctx: &Ctx, out: &mut Out) {
    // Area P: new applications for collective protection are not assessed.
    if !applies(ctx) || super::collective::new_arrival(ctx) {
        return;
    }
    let a = ctx.a;
    // EU/EEA nationals get no card, so cannot replace one.
    if a.citizenship == Some(Citizenship::EuEea) {
        out.add(
            Finding::new(FindingKey::NewCard, Verdict::No, Priority::Action)
                .rules(&[R::R001, R::R041, R::R043])
                .sources(&[S::Seed002, S::W19, S::W21])
                .param("reason", Value::Key("eu_eea_national")),
        );
        return;
    }
    let Some(status) = a.status else {
        out.add(
            Finding::new(
                FindingKey::NewCard,
                Verdict::maybe(&[Q::Status]),
                Priority::Action,
            )
            .rules(&[R::R040, R::R041])
            .sources(&[S::W21, S::W19]),
        );
        return;
    };
    let permanent = matches!(status, Status::PermanentPermit | Status::PermanentRight);
    let temporary = matches!(status, Status::Temporary | Status::BrexitTemporary);
    let card_problem = ctx.a.card_situation_any(C::is_card_problem);
    let expiry_only = !card_problem && !has(ctx, C::PassportSticker);

    // R-041 with area P: collective protection is extended automatically, and the new card
    // comes by post.
    let collective = super::collective::holder(ctx);
    if collective && expiry_only {
        out.add(
            Finding::new(FindingKey::NewCard, Verdict::No, Priority::Action)
                .rules(&[R::R041, R::R131, R::R132])
                .sources(&[S::W19, S::W76, S::W77])
                .param("reason", Value::Key("collective_extension")),
        );
        return;
    }
    // a temporary permit that is expiring: apply for renewal, not a card.
    if temporary && expiry_only {
        out.add(
            Finding::new(FindingKey::NewCard, Verdict::No, Priority::Action)
                .rules(&[R::R041, R::R060])
                .sources(&[S::W19, S::Seed004])
                .param("reason", Value::Key("renew_permit_instead")),
        );
        return;
    }
    // a valid permit is required; an expired temporary permit means renewal first. Not
    // for collective protection: it is extended without an application and the rights go on
    // after the expiry date while the extension is made.
    let permit_expired = temporary && !collective && a.permit_expiry.is_some_and(|e| e < ctx.today);

    let mut reasons: Vec<&'static str> = Vec::new();
    let mut rules = vec![R::R040];
    if permanent && (has(ctx, C::ExpiringSoon) || has(ctx, C::Expired)) {
        reasons.push(if status == Status::PermanentPermit {
            "permanent_permit_expiring"
        } else {
            "permanent_right_expiring"
        });
    }
    if has(ctx, C::Lost) || has(ctx, C::Stolen) || has(ctx, C::Damaged) {
        reasons.push("lost_stolen_damaged");
    }
    if has(ctx, C::WrongInformation) || has(ctx, C::NameOrOtherChange) {
        reasons.push("wrong_information");
    }
    if has(ctx, C::ReceivedDefective) {
        reasons.push("received_defective");
    }
    if has(ctx, C::PassportSticker) {
        reasons.push("passport_sticker");
    }
    if status == Status::BrexitTemporary && card_problem {
        rules.push(R::R118);
    }
    // a collective-protection holder orders a new card like other temporary holders.
    let collective_sources: &[S] = if collective {
        rules.push(R::R136);
        &[S::W21, S::W18]
    } else {
        &[]
    };
    let verdict = if reasons.is_empty() {
        // Nothing in the answers calls for a new card; with an unknown status the checker
        // cannot tell (the police or UDI can).
        if status == Status::DontKnow || status == Status::NoneYet {
            Verdict::maybe(&[])
        } else {
            Verdict::No
        }
    } else if permit_expired {
        Verdict::No
    } else {
        Verdict::Yes
    };
    let mut f = Finding::new(FindingKey::NewCard, verdict.clone(), Priority::Action)
        .rules(&rules)
        .sources(&[S::W21, S::W22, S::W19, S::Seed004, S::Seed002])
        .sources(collective_sources)
        .param("reasons", Value::Keys(reasons.clone()));
    if permit_expired {
        f = f
            .rules(&[R::R043, R::R060])
            .param("reason", Value::Key("permit_expired"));
    } else if reasons.is_empty() {
        let why = if matches!(status, Status::DontKnow | Status::NoneYet) {
            "status_unknown"
        } else {
            "no_reason"
        };
        f = f.param("reason", Value::Key(why));
    }
    out.add(f);
    if verdict != Verdict::Yes {
        return;
    }

    // order three months before the card expires (permanent status).
    if permanent {
        if let Some(expiry) = a.card_expiry {
            let by = months_before(expiry, 3);
            out.add(
                Finding::new(FindingKey::OrderBy, Verdict::Yes, Priority::Action)
                    .rules(&[R::R042])
                    .sources(&[S::W21, S::W22, S::W17, S::Seed003])
                    .param("card_expiry", Value::Date(expiry))
                    .date("order_by", by),
            );
            out.date(DateKey::OrderNewCardBy, by, &[R::R042]);
            out.date(DateKey::CardExpiry, Some(expiry), &[R::R042]);
        }
    }

    let abroad = a.location_now == Some(Place::Abroad);
    requirements(ctx, out, permanent, abroad);
    fee(ctx, out, permanent);
    if abroad {
        lost_abroad(ctx, out);
    } else {
        out.add(
            Finding::new(FindingKey::OrderProcess, Verdict::Yes, Priority::Info)
                .rules(&[R::R046, R::R047])
                .sources(&[S::Seed002, S::W65, S::W18, S::W74])
                .conflict(Conflict::K17)
                .param(
                    "old_card",
                    Value::Key(if a.can_hand_in_old_card() {
                        "bring"
                    } else {
                        "cannot"
                    }),
                )
                .param(
                    "new_passport",
                    Value::Key(match a.new_passport_in_last_four_years(ctx.today) {
                        Some(true) => "yes",
                        Some(false) => "no",
                        None => "unknown",
                    }),
                ),
        );
        after_appointment(ctx, out, a.appointment_date);
        // a minor comes to the photo appointment with a parent or guardian.
        super::appointment::guardian(ctx, out);
    }
    // permanent status holders keep their rights without a valid card.
    let card_expired = has(ctx, C::Expired) || a.card_expiry.is_some_and(|e| e < ctx.today);
    if permanent && card_expired {
        let mut f = Finding::new(
            FindingKey::PermanentWithoutValidCard,
            Verdict::Yes,
            Priority::Warning,
        )
        .rules(&[R::R049])
        .sources(&[S::W26]);
        if abroad {
            f = f.sources(&[S::W43]).param("abroad", Value::Key("yes"));
        }
        out.add(f);
    }
}

/// whether the permit is valid for ordering a card, or not known to have expired: a
/// permanent status always is; a collective-protection permit stays valid while it is extended
///
pub(crate) fn permit_not_expired(ctx: &Ctx) -> bool {
    let permanent = matches!(
        ctx.a.status,
        Some(Status::PermanentPermit | Status::PermanentRight)
    );
    permanent
        || super::collective::holder(ctx)
        || ctx.a.permit_expiry.is_none_or(|e| e >= ctx.today)
}

/// the requirements to order a card.
fn requirements(ctx: &Ctx, out: &mut Out, permanent: bool, abroad: bool) {
    let a = ctx.a;
    let valid_permit = permit_not_expired(ctx);
    let mut unmet: Vec<&'static str> = Vec::new();
    if abroad {
        unmet.push("in_norway");
    }
    if !permanent && a.permit_expiry.is_some() && !valid_permit {
        unmet.push("valid_permit");
    }
    let gaps = missing(&[
        (Q::LocationNow, a.location_now.is_some()),
        (Q::PermitExpiry, permanent || a.permit_expiry.is_some()),
        (Q::DufNumber, ctx.case.duf().is_some()),
    ]);
    let verdict = if !unmet.is_empty() {
        Verdict::No
    } else if !gaps.is_empty() {
        Verdict::Maybe { missing: gaps }
    } else {
        Verdict::Yes
    };
    out.add(
        Finding::new(FindingKey::OrderRequirements, verdict, Priority::Action)
            .rules(&[R::R043])
            .sources(&[S::W21, S::W22, S::W19])
            .param("unmet", Value::Keys(unmet)),
    );
    let duf = match ctx.case.duf() {
        Some(duf) => Finding::new(FindingKey::DufNumber, Verdict::Yes, Priority::Info)
            .param("duf", Value::Text(duf.as_str().to_string())),
        None => Finding::new(
            FindingKey::DufNumber,
            Verdict::maybe(&[Q::DufNumber]),
            Priority::Info,
        ),
    };
    out.add(duf.rules(&[R::R044]).sources(&[S::W23, S::Seed002, S::W21]));
}

/// the fee.
fn fee(ctx: &Ctx, out: &mut Out, permanent: bool) {
    let a = ctx.a;
    let amount = dated(CARD_FEE_NOK, ctx.today);
    let lost = a.card_lost_or_stolen();
    let expired = has(ctx, C::Expired) || a.card_expiry.is_some_and(|e| e < ctx.today);
    let card_valid =
        !expired && (has(ctx, C::ExpiringSoon) || a.card_expiry.is_some_and(|e| e >= ctx.today));
    let not_handed_in = !a.can_hand_in_old_card();
    let info_change = has(ctx, C::WrongInformation) || has(ctx, C::NameOrOtherChange);
    let damaged = has(ctx, C::Damaged);
    let sticker = has(ctx, C::PassportSticker);
    let defective = has(ctx, C::ReceivedDefective);

    let mut f = Finding::new(FindingKey::Fee, Verdict::Yes, Priority::Action)
        .rules(&[R::R045])
        .sources(&[S::W18, S::W19, S::W20, S::Seed002]);
    let mut reasons: Vec<&'static str> = Vec::new();
    if expired {
        reasons.push("expired");
    }
    if lost || damaged {
        reasons.push("lost_stolen_damaged");
    }
    if sticker {
        reasons.push("passport_sticker");
    }
    if not_handed_in {
        reasons.push("old_card_not_handed_in");
    }
    let ambiguous_change = info_change && permanent && card_valid && !not_handed_in;
    if info_change && !ambiguous_change {
        reasons.push("information_change");
    }
    let free_reasons: Vec<&'static str> = [
        (permanent && card_valid, "permanent_valid_card"),
        (defective, "received_defective"),
    ]
    .iter()
    .filter(|(c, _)| *c)
    .map(|(_, k)| *k)
    .collect();

    if !reasons.is_empty() {
        f = f.param("reasons", Value::Keys(reasons));
        match amount {
            Some(nok) => f = f.param("amount", Value::Nok(nok)),
            None => f.verdict = Verdict::maybe(&[]),
        }
    } else if ambiguous_change {
        // K8: "change of information" (300) and "permanent with a valid card" (0) both match.
        f.verdict = Verdict::maybe(&[]);
        f = f
            .conflict(Conflict::K8)
            .param("amount", Value::Nok(0))
            .param("amount_high", Value::Nok(amount.unwrap_or(300)))
            .param(
                "reasons",
                Value::Keys(vec!["information_change", "permanent_valid_card"]),
            );
    } else if !free_reasons.is_empty() {
        // No fee, provided the old card is handed in.
        if a.hand_in_old_card.is_none() && !lost {
            f.verdict = Verdict::maybe(&[Q::HandInOldCard]);
            f = f.param("amount_high", Value::Nok(amount.unwrap_or(300)));
        } else {
            f.verdict = Verdict::No;
        }
        f = f
            .param("amount", Value::Nok(0))
            .param("reasons", Value::Keys(free_reasons));
    } else {
        f.verdict = Verdict::maybe(&[Q::CardExpiry, Q::HandInOldCard]);
    }
    out.add(f);
}

/// a card lost (or expired) while abroad.
fn lost_abroad(ctx: &Ctx, out: &mut Out) {
    let lost = ctx.a.card_lost_or_stolen();
    out.add(
        Finding::new(FindingKey::LostAbroad, Verdict::Yes, Priority::Action)
            .rules(&[R::R048, R::R043])
            .sources(&[S::Seed002, S::W22, S::W24])
            .conflict(Conflict::K9)
            .param("lost", Value::Key(if lost { "yes" } else { "no" }))
            .param("months", Value::Count(Counted::Months, 3)),
    );
}

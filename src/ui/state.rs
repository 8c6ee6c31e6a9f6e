//! The app state and its reducer: language, answers, skipped questions and the page on
//! screen. Pure, no browser: the day comes in from the platform when the app starts.
//!
//! Navigation follows the flow: Continue goes to the question after this one on the current
//! path (answered questions included, so Back and Continue walk the same pages with the
//! answers kept); changing an answer prunes what the new path no longer reaches.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::Reducible;

use crate::domain::answers::Answers;
use crate::domain::questions::{Question, QuestionSet};
use crate::flow::{self, AnswerValue};
use crate::text::Lang;

/// The pages of the checker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// The start page: what the checker does and does not do, and a Start button.
    Start,
    /// One question.
    Question(Question),
    /// Check your answers, with a change link per answer.
    Check,
    /// The result.
    Result,
    /// Continue from a saved summary (an answers file or a hand-off link).
    Load,
}

impl Page {
    /// The page's address fragment in the browser history: `start`, `q=<question>`, `check`,
    /// `result`.
    pub fn fragment(self) -> String {
        match self {
            Page::Start => "start".into(),
            Page::Question(q) => format!("q={}", q.name()),
            Page::Check => "check".into(),
            Page::Result => "result".into(),
            Page::Load => "load".into(),
        }
    }

    /// The page named by a fragment (with or without its `#`), if it names one.
    pub fn from_fragment(fragment: &str) -> Option<Page> {
        let f = fragment.trim_start_matches('#');
        match f {
            "" | "start" => Some(Page::Start),
            "check" => Some(Page::Check),
            "result" => Some(Page::Result),
            "load" => Some(Page::Load),
            _ => f
                .strip_prefix("q=")
                .and_then(Question::from_name)
                .map(Page::Question),
        }
    }

    /// The catalogue key of a fixed page's heading (questions have their own).
    pub fn title_key(self) -> &'static str {
        match self {
            Page::Start => "start.title",
            Page::Question(_) => "app.name",
            Page::Check => "ui.check.title",
            Page::Result => "ui.result.title",
            Page::Load => "load.title",
        }
    }
}

/// Everything the app remembers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppState {
    /// The language every text is shown in.
    pub lang: Lang,
    /// The day the rules are applied for (from the platform clock).
    pub today: NaiveDate,
    /// The answers so far, pruned to the current path.
    pub answers: Answers,
    /// Questions the applicant chose to skip.
    pub skipped: QuestionSet,
    /// The page on screen.
    pub page: Page,
    /// True while changing one answer from the check page: the next Continue returns there
    /// when nothing new needs answering.
    pub returning_to_check: bool,
    /// The topic an embedding page asked for (`?topic=`): it answers the topic question when
    /// that comes up (after citizenship), if the topic is offered then.
    pub preset_topic: Option<String>,
    /// A kiosk stands in an office in Norway: "Where are you now?" is answered "In Norway"
    /// when it comes up (the check page says so, and it can be changed there).
    pub assume_in_norway: bool,
}

impl AppState {
    /// A fresh state on the start page.
    pub fn new(lang: Lang, today: NaiveDate) -> Self {
        AppState {
            lang,
            today,
            answers: Answers::default(),
            skipped: QuestionSet::new(),
            page: Page::Start,
            returning_to_check: false,
            preset_topic: None,
            assume_in_norway: false,
        }
    }

    /// The answer given in advance for `q`, if any: the preset topic, or "In Norway" at a
    /// kiosk.
    fn preset(&self, q: Question) -> Option<String> {
        match q {
            Question::Topic => self.preset_topic.clone(),
            Question::LocationNow if self.assume_in_norway => Some("norway".into()),
            _ => None,
        }
    }

    /// Answers the question on screen with its preset answer, if it has one that is offered
    /// now, and so on for the page after it.
    fn apply_presets(&mut self) {
        while let Page::Question(q) = self.page {
            let Some(key) = self.preset(q) else {
                return;
            };
            if self.answers_question(q)
                || !flow::choice_options(q, &self.answers).contains(&key.as_str())
            {
                return;
            }
            let value = AnswerValue::Choice(key);
            let checked = flow::check_answer(&self.answers, &self.skipped, q, value, self.today);
            let Ok((answers, skipped)) = checked else {
                return;
            };
            self.answers = answers;
            self.skipped = skipped;
            self.page = self.after(q);
        }
    }

    /// Whether `q` is (or will be) answered by its preset rather than by the reader: such a
    /// question is not shown, so it is not counted in "Question 2 of about 9".
    fn answered_by_preset(&self, q: Question) -> bool {
        let Some(preset) = self.preset(q) else {
            return false;
        };
        match flow::get(&self.answers, q) {
            Some(AnswerValue::Choice(c)) => c == preset,
            Some(_) => false,
            None => !self.skipped.contains(q),
        }
    }

    /// "Question `n` of about `of`" for the question `q` on screen: the questions the reader
    /// is shown, so the numbers follow each other when a preset answers one in between. No
    /// estimate (`None`) before the journey is known (`flow::estimate::journey`).
    pub fn step(&self, q: Question) -> (usize, Option<usize>) {
        let shown = |p: &&Question| **p == q || !self.answered_by_preset(**p);
        let path = self.progress().path;
        let n = path
            .iter()
            .position(|p| *p == q)
            .map_or(1, |i| path[..i].iter().filter(shown).count() + 1);
        let preset = path.len() - path.iter().filter(shown).count();
        let of = flow::estimated_length(&self.answers, &self.skipped, self.today)
            .map(|of| of.saturating_sub(preset).max(n));
        (n, of)
    }

    /// Whether `q` is answered (or skipped) already: a preset never overrides the reader.
    fn answers_question(&self, q: Question) -> bool {
        self.skipped.contains(q) || flow::answer::is_answered(&self.answers, q)
    }

    /// A state continuing with saved answers (pruned to the path they reach), on the start
    /// page.
    pub fn with_answers(
        lang: Lang,
        today: NaiveDate,
        answers: &Answers,
        skipped: &QuestionSet,
    ) -> Self {
        let (answers, skipped) = flow::prune(answers, skipped, today);
        AppState {
            answers,
            skipped,
            ..AppState::new(lang, today)
        }
    }

    /// The first page that still needs the reader: the first open question, else the check
    /// page.
    fn first_open(&self) -> Page {
        match self.progress().next {
            Some(q) => Page::Question(q),
            None => Page::Check,
        }
    }

    /// Where the questionnaire stands.
    pub fn progress(&self) -> flow::Progress {
        flow::progress(&self.answers, &self.skipped, self.today)
    }

    /// The page after answering or skipping `q`.
    fn after(&self, q: Question) -> Page {
        let progress = self.progress();
        if self.returning_to_check {
            return match progress.next {
                Some(next) => Page::Question(next),
                None => Page::Check,
            };
        }
        match flow::question_after(&self.answers, &self.skipped, q, self.today) {
            Some(next) => Page::Question(next),
            None => match progress.next {
                Some(next) => Page::Question(next),
                None => Page::Check,
            },
        }
    }
}

/// What the reader can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Switch the language; everything else stays.
    SetLang(Lang),
    /// Leave the start page for the first open question.
    Start,
    /// Answer a question (already validated by the page with [`flow::check_answer`]).
    Answer(Question, AnswerValue),
    /// Skip a skippable question.
    Skip(Question),
    /// Go back one page.
    Back,
    /// Change one answer from the check page.
    Change(Question),
    /// Show the result (only when every question is done).
    ShowResult,
    /// Replace every answer with loaded ones (confirmed by the reader), then show the result
    /// if they are complete, else the first open question.
    Restore(Answers),
    /// Continue with the answers and skipped questions this device remembered (the page
    /// stays; a `GoTo` follows for a reload mid-journey).
    Resume(Answers, QuestionSet),
    /// Forget every answer and return to the start page.
    StartOver,
    /// Check another topic (a topic's key): the answers are kept, and the first question the
    /// new topic still needs is shown (or the check page).
    ChooseTopic(String),
    /// The topic the address asks for (`?topic=`); an unknown one is ignored.
    PresetTopic(String),
    /// A kiosk: take the reader to be in Norway (see [`AppState::assume_in_norway`]).
    AssumeInNorway,
    /// Go to a page named by the browser history (Back / Forward). A page the answers do not
    /// reach yet (a tampered or stale address) leads to the first open question instead.
    GoTo(Page),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Start => {
                next.page = match next.progress().next {
                    Some(q) => Page::Question(q),
                    None => Page::Check,
                };
                next.apply_presets();
            }
            Action::Answer(q, value) => {
                match flow::check_answer(&next.answers, &next.skipped, q, value, next.today) {
                    Ok((answers, skipped)) => {
                        next.answers = answers;
                        next.skipped = skipped;
                        next.page = next.after(q);
                        next.apply_presets();
                        if next.page == Page::Check {
                            next.returning_to_check = false;
                        }
                    }
                    // The page validates first; a refused value changes nothing.
                    Err(_) => return self,
                }
            }
            Action::AssumeInNorway => next.assume_in_norway = true,
            Action::PresetTopic(key) => {
                if !Question::Topic.options().contains(&key.as_str()) {
                    return self;
                }
                next.preset_topic = Some(key);
            }
            Action::ChooseTopic(key) => {
                let value = AnswerValue::Choice(key);
                match flow::check_answer(
                    &next.answers,
                    &next.skipped,
                    Question::Topic,
                    value,
                    next.today,
                ) {
                    Ok((answers, skipped)) => {
                        next.answers = answers;
                        next.skipped = skipped;
                        next.returning_to_check = false;
                        next.page = next.first_open();
                    }
                    Err(_) => return self,
                }
            }
            Action::Skip(q) => {
                if !q.is_skippable() {
                    return self;
                }
                flow::clear(&mut next.answers, q);
                next.skipped.insert(q);
                let (answers, skipped) = flow::prune(&next.answers, &next.skipped, next.today);
                next.answers = answers;
                next.skipped = skipped;
                next.page = next.after(q);
                next.apply_presets();
                if next.page == Page::Check {
                    next.returning_to_check = false;
                }
            }
            Action::Back => {
                next.page = match self.page {
                    Page::Start => Page::Start,
                    Page::Question(q) if self.returning_to_check => {
                        let _ = q;
                        Page::Check
                    }
                    Page::Question(q) => {
                        match flow::question_before(&self.answers, q, self.today) {
                            Some(prev) => Page::Question(prev),
                            None => Page::Start,
                        }
                    }
                    Page::Check => match self.progress().path.last() {
                        Some(q) => Page::Question(*q),
                        None => Page::Start,
                    },
                    Page::Result => Page::Check,
                    Page::Load => Page::Start,
                };
                if next.page == Page::Check {
                    next.returning_to_check = false;
                }
            }
            Action::Change(q) => {
                if self.progress().path.contains(&q) {
                    next.page = Page::Question(q);
                    next.returning_to_check = true;
                }
            }
            Action::ShowResult => {
                if self.progress().is_complete() {
                    next.page = Page::Result;
                }
            }
            Action::StartOver => {
                // A kiosk or an embedding page keeps its topic for the next person.
                next = AppState {
                    preset_topic: self.preset_topic.clone(),
                    assume_in_norway: self.assume_in_norway,
                    ..AppState::new(self.lang, self.today)
                }
            }
            Action::Resume(answers, skipped) => {
                let (answers, skipped) = flow::prune(&answers, &skipped, self.today);
                next.answers = answers;
                next.skipped = skipped;
            }
            Action::Restore(answers) => {
                next = AppState::with_answers(self.lang, self.today, &answers, &QuestionSet::new());
                // Files and links are made on the result page, so a question they leave open
                // that may be skipped was skipped ("I don't know yet").
                while let Some(q) = next.progress().next.filter(|q| q.is_skippable()) {
                    if !next.skipped.insert(q) {
                        break;
                    }
                }
                next.page = match next.first_open() {
                    Page::Check => Page::Result,
                    open => open,
                };
            }
            Action::GoTo(page) => {
                let progress = self.progress();
                let first_open = match progress.next {
                    Some(q) => Page::Question(q),
                    None => Page::Check,
                };
                next.page = match page {
                    Page::Start => Page::Start,
                    Page::Load => Page::Load,
                    Page::Question(q) => {
                        let reached = progress.path.iter().position(|p| *p == q);
                        let open = progress
                            .next
                            .and_then(|n| progress.path.iter().position(|p| *p == n));
                        match (reached, open) {
                            (Some(i), Some(o)) if i <= o => Page::Question(q),
                            (Some(_), None) => Page::Question(q),
                            _ => first_open,
                        }
                    }
                    Page::Check | Page::Result if progress.is_complete() => page,
                    Page::Check | Page::Result => first_open,
                };
                next.returning_to_check = false;
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::Citizenship;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default()
    }

    fn choice(s: &str) -> AnswerValue {
        AnswerValue::Choice(s.into())
    }

    fn start() -> Rc<AppState> {
        Rc::new(AppState::new(Lang::En, today())).reduce(Action::Start)
    }

    #[test]
    fn restored_answers_from_a_result_page_count_open_skippable_questions_as_skipped() {
        // Every complete journey with a skipped question, restored from its answers alone (as a
        // saved file carries them), lands on the result page with the same skips.
        let start_answers = Answers {
            citizenship: Some(crate::domain::answers::Citizenship::Uk),
            ..Answers::default()
        };
        let walks = flow::enumerate::walk_all(&start_answers, today()).unwrap_or_default();
        let mut checked = 0;
        for w in walks.iter().filter(|w| !w.skipped.is_empty()).take(50) {
            let restored = start().reduce(Action::Restore(w.answers.clone()));
            assert_eq!(restored.page, Page::Result, "{:?}", w.path);
            assert_eq!(restored.skipped, w.skipped);
            checked += 1;
        }
        assert!(checked > 0, "no journey with a skipped question");
    }

    #[test]
    fn start_goes_to_the_first_question() {
        assert_eq!(start().page, Page::Question(Question::Citizenship));
    }

    #[test]
    fn switching_language_keeps_every_answer_and_the_page() {
        let s = start().reduce(Action::Answer(Question::Citizenship, choice("uk")));
        let before = s.answers.clone();
        let page = s.page;
        let s = s.reduce(Action::SetLang(Lang::Nb));
        assert_eq!(s.lang, Lang::Nb);
        assert_eq!(s.answers, before);
        assert_eq!(s.page, page);
    }

    #[test]
    fn back_keeps_the_answer_and_continue_walks_the_same_pages() {
        let s = start().reduce(Action::Answer(Question::Citizenship, choice("eu_eea")));
        assert_eq!(s.page, Page::Question(Question::Status));
        let s = s.reduce(Action::Back);
        assert_eq!(s.page, Page::Question(Question::Citizenship));
        assert_eq!(s.answers.citizenship, Some(Citizenship::EuEea));
        let s = s.reduce(Action::Back);
        assert_eq!(s.page, Page::Start);
    }

    #[test]
    fn changing_citizenship_drops_the_answers_of_the_old_branch() {
        let s = start()
            .reduce(Action::Answer(Question::Citizenship, choice("uk")))
            .reduce(Action::Answer(Question::Topic, choice("everything")))
            .reduce(Action::Answer(Question::BrexitRole, choice("uk_national")));
        assert!(s.answers.brexit_role.is_some());
        let s = s
            .reduce(Action::Back)
            .reduce(Action::Back)
            .reduce(Action::Back)
            .reduce(Action::Answer(Question::Citizenship, choice("eu_eea")));
        assert_eq!(s.answers.brexit_role, None);
        assert_eq!(s.page, Page::Question(Question::Status));
    }

    /// A German citizen who has answered everything, on the check page.
    fn german_at_check() -> Rc<AppState> {
        start()
            .reduce(Action::Answer(Question::Citizenship, choice("eu_eea")))
            .reduce(Action::Answer(Question::Status, choice("none_yet")))
            .reduce(Action::Answer(
                Question::EuStayOverThreeMonths,
                AnswerValue::YesNo(false),
            ))
    }

    #[test]
    fn a_german_citizen_reaches_the_check_page_then_the_result() {
        let s = german_at_check();
        assert_eq!(s.page, Page::Check);
        let s = s.reduce(Action::ShowResult);
        assert_eq!(s.page, Page::Result);
        let s = s.reduce(Action::StartOver);
        assert_eq!(*s, AppState::new(Lang::En, today()));
    }

    #[test]
    fn a_kiosk_takes_the_reader_to_be_in_norway_and_a_change_from_the_check_page_keeps_the_other_answer(
    ) {
        let answer = |q: Question| match q {
            Question::Citizenship => choice("other"),
            Question::Topic => choice("card_problem"),
            Question::Status => choice("temporary"),
            Question::CardSituation => AnswerValue::Choices(vec!["stolen".into()]),
            Question::PermitExpiry => {
                AnswerValue::Date(NaiveDate::from_ymd_opt(2027, 1, 31).unwrap())
            }
            Question::LocationNow => panic!("a kiosk asked where the reader is"),
            q if q.kind() == crate::domain::questions::Kind::YesNo => AnswerValue::YesNo(false),
            q if q.kind() == crate::domain::questions::Kind::Date => {
                AnswerValue::Date(NaiveDate::from_ymd_opt(1990, 5, 5).unwrap())
            }
            q => match flow::choice_options(q, &Answers::default()).first() {
                Some(o) => choice(o),
                None => AnswerValue::Text("2019 123456 78".into()),
            },
        };
        let walk = |mut s: Rc<AppState>| {
            for _ in 0..30 {
                match s.page {
                    Page::Question(q)
                        if s.skipped.contains(q) || flow::answer::is_answered(&s.answers, q) =>
                    {
                        break;
                    }
                    Page::Question(q)
                        if q.is_skippable()
                            && q.kind() != crate::domain::questions::Kind::Choice =>
                    {
                        s = s.reduce(Action::Skip(q));
                    }
                    Page::Question(q) => s = s.reduce(Action::Answer(q, answer(q))),
                    _ => break,
                }
            }
            s
        };
        let s = walk(start().reduce(Action::AssumeInNorway).reduce(Action::Start));
        assert_eq!(s.page, Page::Check);
        assert!(s.progress().path.contains(&Question::LocationNow));
        assert_eq!(
            s.answers.location_now,
            Some(crate::domain::answers::Place::Norway)
        );
        // The check page can change it, and the reader's answer stands.
        let s = s.reduce(Action::Change(Question::LocationNow));
        assert_eq!(s.page, Page::Question(Question::LocationNow));
        let s = s.reduce(Action::Answer(Question::LocationNow, choice("abroad")));
        assert_eq!(
            s.answers.location_now,
            Some(crate::domain::answers::Place::Abroad)
        );
        // The next person at the kiosk is taken to be in Norway too.
        assert!(s.reduce(Action::StartOver).assume_in_norway);
        // Outside a kiosk the question is asked.
        let mut s = start().reduce(Action::Start);
        for _ in 0..30 {
            match s.page {
                Page::Question(Question::LocationNow) => break,
                Page::Question(q)
                    if q.is_skippable() && q.kind() != crate::domain::questions::Kind::Choice =>
                {
                    s = s.reduce(Action::Skip(q));
                }
                Page::Question(q) => s = s.reduce(Action::Answer(q, answer(q))),
                _ => break,
            }
        }
        assert_eq!(s.page, Page::Question(Question::LocationNow));
    }

    #[test]
    fn question_numbers_follow_each_other_when_a_preset_answers_the_question_between() {
        let s = start()
            .reduce(Action::PresetTopic("card_problem".into()))
            .reduce(Action::Start);
        assert_eq!(s.page, Page::Question(Question::Citizenship));
        let (n, of) = s.step(Question::Citizenship);
        assert_eq!(n, 1);
        let s = s.reduce(Action::Answer(Question::Citizenship, choice("other")));
        assert_eq!(s.page, Page::Question(Question::Status));
        let (n2, of2) = s.step(Question::Status);
        assert_eq!(n2, 2, "the question after 1 is numbered {n2}");
        // The citizenship decides the journey (an EU/EEA citizen chooses no topic): the
        // estimate comes with its answer.
        assert_eq!(of, None);
        assert!(of2 >= Some(n2));
        // A reader who chose a topic of their own counts it.
        let s = start().reduce(Action::Start);
        let s = s.reduce(Action::Answer(Question::Citizenship, choice("other")));
        let s = s.reduce(Action::Answer(Question::Topic, choice("card_problem")));
        assert_eq!(s.step(Question::Status).0, 3);
    }

    #[test]
    fn a_change_from_the_check_page_returns_there() {
        let s = german_at_check().reduce(Action::Change(Question::Status));
        assert_eq!(s.page, Page::Question(Question::Status));
        let s = s.reduce(Action::Answer(Question::Status, choice("dont_know")));
        assert_eq!(s.page, Page::Check);
    }

    #[test]
    fn every_page_has_an_address_that_leads_back_to_it() {
        for page in [
            Page::Start,
            Page::Check,
            Page::Result,
            Page::Question(Question::StaysAbroad),
            Page::Question(Question::UkRelationship),
        ] {
            assert_eq!(Page::from_fragment(&page.fragment()), Some(page));
            assert_eq!(
                Page::from_fragment(&format!("#{}", page.fragment())),
                Some(page)
            );
        }
        assert_eq!(Page::from_fragment("q=no_such_question"), None);
        assert_eq!(Page::from_fragment("<script>"), None);
    }

    #[test]
    fn the_browser_back_button_keeps_answers_and_a_tampered_address_goes_to_the_first_open_question(
    ) {
        let s = start()
            .reduce(Action::Answer(Question::Citizenship, choice("eu_eea")))
            .reduce(Action::Answer(Question::Status, choice("none_yet")));
        assert_eq!(s.page, Page::Question(Question::EuStayOverThreeMonths));
        let s = s.reduce(Action::GoTo(Page::Question(Question::Citizenship)));
        assert_eq!(s.page, Page::Question(Question::Citizenship));
        assert_eq!(s.answers.citizenship, Some(Citizenship::EuEea));
        // Forward to a question that is reached but not answered yet: allowed.
        let s = s.reduce(Action::GoTo(Page::Question(
            Question::EuStayOverThreeMonths,
        )));
        assert_eq!(s.page, Page::Question(Question::EuStayOverThreeMonths));
        // A question on another branch, or the result before the end: the first open question.
        let s = s.reduce(Action::GoTo(Page::Question(Question::BrexitRole)));
        assert_eq!(s.page, Page::Question(Question::EuStayOverThreeMonths));
        let s = s.reduce(Action::GoTo(Page::Result));
        assert_eq!(s.page, Page::Question(Question::EuStayOverThreeMonths));
    }

    #[test]
    fn a_refused_answer_changes_nothing() {
        let s = start();
        let same = s
            .clone()
            .reduce(Action::Answer(Question::Citizenship, choice("mars")));
        assert!(Rc::ptr_eq(&s, &same));
        let s = s.reduce(Action::Skip(Question::Citizenship));
        assert_eq!(
            s.page,
            Page::Question(Question::Citizenship),
            "citizenship cannot be skipped"
        );
    }

    #[test]
    fn a_preset_topic_answers_the_topic_question_and_another_topic_keeps_the_answers() {
        let s = start()
            .reduce(Action::PresetTopic("card_problem".into()))
            .reduce(Action::Answer(Question::Citizenship, choice("other")));
        assert_eq!(
            s.answers.topic,
            Some(crate::domain::answers::Topic::CardProblem)
        );
        assert_eq!(s.page, Page::Question(Question::Status));
        let s = s.reduce(Action::Answer(Question::Status, choice("temporary")));
        assert_eq!(s.page, Page::Question(Question::CardSituation));
        // Choosing another topic keeps the status and asks only what is new.
        let s = s.reduce(Action::ChooseTopic("permanent".into()));
        assert_eq!(
            s.answers.status,
            Some(crate::domain::answers::Status::Temporary)
        );
        assert_eq!(s.page, Page::Question(Question::Basis));
        // An unknown topic in the address is ignored.
        let s = start()
            .reduce(Action::PresetTopic("mars".into()))
            .reduce(Action::Answer(Question::Citizenship, choice("other")));
        assert_eq!(s.page, Page::Question(Question::Topic));
    }
}

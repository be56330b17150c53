//! The public keeping the directory true: reports about listed services and suggestions of missing
//! ones, sent without an account or a cookie ([`Intake`]), and the editors' decisions about them
//! ([`decide`]). Stored in the database beside the records (`store::Submissions`), with nothing
//! about the sender but what they typed.

pub mod guard;
pub mod input;
mod types;

pub use types::{
    Content, NewSubmission, Reason, ReportText, Resolution, Status, Submission, SubmissionType, SuggestionText,
    UnknownCode,
};

use crate::editing::validate::Invalid;
use crate::model::{CountryCode, Form, Service, User};
use crate::store::{Decision, Store, StoreError};
use chrono::{Duration, Utc};
use guard::{FormTokens, Limited, Limits, RateLimiter, TokenProblem};
use input::{ReportForm, SuggestionForm};
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Instant;
use uuid::Uuid;

/// The setting holding the key that signs the public forms' tokens.
const SECRET_SETTING: &str = "public_form_secret";
/// A form older than this is refused (its page was left open overnight): load it again.
const FORM_MAX_AGE: Duration = Duration::hours(24);

/// How the public forms are guarded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntakeSettings {
    /// A form sent back sooner than this after it was made is refused as a bot's.
    pub min_fill: Duration,
    pub limits: Limits,
    /// Read the client's address from `X-Forwarded-For` (the server runs behind a proxy).
    pub trust_proxy: bool,
}

impl Default for IntakeSettings {
    fn default() -> Self {
        IntakeSettings {
            min_fill: Duration::seconds(3),
            limits: Limits { per_client: 5, total: 300, window: std::time::Duration::from_secs(600) },
            trust_proxy: false,
        }
    }
}

/// Why a form was not stored.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    #[error("too many forms from this connection")]
    Limited(Limited),
    #[error("the field that must stay empty was filled in")]
    Trap,
    #[error("the form's token was refused")]
    Token(TokenProblem),
    #[error(transparent)]
    Invalid(Invalid),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What came with a form besides its fields.
pub struct Sent<'a> {
    pub token: &'a str,
    pub honeypot: &'a str,
    pub client: Option<IpAddr>,
}

/// Receives the public's reports and suggestions.
pub struct Intake {
    store: Arc<dyn Store>,
    tokens: FormTokens,
    limiter: RateLimiter,
    pub settings: IntakeSettings,
}

/// The form name a token is made for: a token of one form is no good for another.
pub fn report_form_id(service: Uuid) -> String {
    format!("report:{service}")
}

pub fn suggestion_form_id(country: CountryCode) -> String {
    format!("suggest:{country}")
}

impl Intake {
    pub async fn new(store: Arc<dyn Store>, settings: IntakeSettings) -> Result<Intake, StoreError> {
        let key = store.setting_or_init(SECRET_SETTING, &crate::auth::tokens::random_token()).await?;
        Ok(Intake {
            store,
            tokens: FormTokens::new(&key, settings.min_fill, FORM_MAX_AGE),
            limiter: RateLimiter::new(settings.limits),
            settings,
        })
    }

    /// A fresh token for the form `form_id`.
    pub fn token(&self, form_id: &str) -> String {
        self.tokens.issue(form_id, Utc::now())
    }

    pub fn min_fill_seconds(&self) -> i64 {
        self.tokens.min_fill_seconds()
    }

    /// The checks every form passes before its fields are read: rate limit, honeypot, token.
    fn admit(&self, form_id: &str, sent: &Sent<'_>) -> Result<(), Refusal> {
        let now = Instant::now();
        self.limiter.check(sent.client, now).map_err(Refusal::Limited)?;
        if !sent.honeypot.trim().is_empty() {
            self.limiter.count(sent.client, now);
            return Err(Refusal::Trap);
        }
        self.tokens.check(sent.token, form_id, Utc::now()).map_err(Refusal::Token)
    }

    async fn store(&self, submission: NewSubmission, client: Option<IpAddr>) -> Result<NewSubmission, Refusal> {
        self.store.add_submission(&submission).await?;
        self.limiter.count(client, Instant::now());
        metrics::counter!("helpatlas_submissions_total", "type" => submission.content.submission_type().code())
            .increment(1);
        Ok(submission)
    }

    /// Stores a report about `service`, or says why not (storing nothing).
    pub async fn report(&self, service: &Service, form: &ReportForm, sent: Sent<'_>) -> Result<NewSubmission, Refusal> {
        self.admit(&report_form_id(service.id), &sent)?;
        let (reason, text) = input::report(form, service).map_err(Refusal::Invalid)?;
        let submission = NewSubmission {
            id: Uuid::now_v7(),
            created_at: Utc::now(),
            country: crate::store::home_country(service),
            kind: service.kind.code().to_string(),
            service_id: Some(service.id),
            reason: Some(reason),
            urgent: reason.is_urgent_for_crisis_lines() && service.forms.contains(&Form::CrisisLine),
            content: Content::Report(text),
        };
        self.store(submission, sent.client).await
    }

    /// Stores a suggestion of a service in `country`, or says why not (storing nothing).
    pub async fn suggest(
        &self,
        country: CountryCode,
        form: &SuggestionForm,
        sent: Sent<'_>,
    ) -> Result<NewSubmission, Refusal> {
        self.admit(&suggestion_form_id(country), &sent)?;
        let (kind, text) = input::suggestion(form).map_err(Refusal::Invalid)?;
        let submission = NewSubmission {
            id: Uuid::now_v7(),
            created_at: Utc::now(),
            country: country.to_string(),
            kind: kind.map(|k| k.code().to_string()).unwrap_or_default(),
            service_id: None,
            reason: None,
            urgent: false,
            content: Content::Suggestion(text),
        };
        self.store(submission, sent.client).await
    }
}

/// What an editor does with some submissions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Taken up: a report's record is being edited, a suggestion became a draft record.
    Accept,
    /// Read and nothing to change.
    Dismiss,
    /// Not a real report: what was typed is not kept.
    Spam,
    /// Says what another submission says: it joins that one.
    Duplicate,
    /// Back into the queue.
    Reopen,
}

impl Action {
    pub fn from_code(code: &str) -> Option<Action> {
        match code {
            "accept" => Some(Action::Accept),
            "dismiss" => Some(Action::Dismiss),
            "spam" => Some(Action::Spam),
            "duplicate" => Some(Action::Duplicate),
            "reopen" => Some(Action::Reopen),
            _ => None,
        }
    }

    fn status(self) -> Status {
        match self {
            Action::Accept => Status::Accepted,
            Action::Dismiss => Status::Dismissed,
            Action::Spam => Status::Spam,
            Action::Duplicate => Status::Duplicate,
            Action::Reopen => Status::Open,
        }
    }
}

/// Why a decision was not made.
#[derive(Debug, thiserror::Error)]
pub enum DecisionError {
    #[error("choose at least one report or suggestion")]
    NothingChosen,
    #[error("choose at least two to mark as duplicates (the oldest stays open), or name the one they repeat")]
    NoOriginal,
    #[error("the note is longer than 500 characters")]
    NoteTooLong,
    #[error("no such report or suggestion")]
    NotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Longest note of a decision.
pub const NOTE_MAX: usize = 500;

/// Applies `action` to the submissions `ids` (for duplicates: the oldest of them stays open and the
/// others join it, unless `original` names the one they repeat) and writes each decision to the audit
/// log. Submissions already decided are only changed by [`Action::Reopen`], and open ones are not
/// reopened. Returns how many changed.
pub async fn decide(
    store: &dyn Store,
    ids: &[Uuid],
    action: Action,
    original: Option<Uuid>,
    by: &User,
    note: &str,
) -> Result<u64, DecisionError> {
    let note = note.trim();
    if note.chars().count() > NOTE_MAX {
        return Err(DecisionError::NoteTooLong);
    }
    let mut chosen = Vec::new();
    for id in ids {
        chosen.push(store.submission(*id).await?.ok_or(DecisionError::NotFound)?);
    }
    chosen.sort_by_key(|s| (s.created_at, s.id));
    chosen.dedup_by_key(|s| s.id);
    if chosen.is_empty() {
        return Err(DecisionError::NothingChosen);
    }
    let original = match (action, original) {
        (Action::Duplicate, Some(id)) => Some(store.submission(id).await?.ok_or(DecisionError::NotFound)?.id),
        (Action::Duplicate, None) if chosen.len() > 1 => Some(chosen.remove(0).id),
        (Action::Duplicate, None) => return Err(DecisionError::NoOriginal),
        _ => None,
    };
    let changing: Vec<&Submission> = chosen
        .iter()
        .filter(|s| (action == Action::Reopen) == (s.status != Status::Open))
        .filter(|s| Some(s.id) != original)
        .collect();
    let resolution =
        (action != Action::Reopen).then(|| Resolution { at: Utc::now(), by: by.email.clone(), note: note.to_string() });
    let decision = Decision {
        ids: changing.iter().map(|s| s.id).collect(),
        status: action.status(),
        duplicate_of: original,
        resolution,
        empty_content: action == Action::Spam,
    };
    let changed = store.decide(&decision).await?;
    for s in &changing {
        let subject = match s.service_id {
            Some(service) => format!("{} {} about service {service}", s.submission_type(), s.short_id()),
            None => format!("{} {}", s.submission_type(), s.short_id()),
        };
        let detail = match (original, note) {
            (Some(o), _) => format!("duplicate of {}", &o.simple().to_string()[..8]),
            (None, "") => String::new(),
            (None, text) => text.to_string(),
        };
        store.audit(Some(by.id), &by.email, &format!("submission-{}", action.status()), &subject, &detail).await?;
    }
    Ok(changed)
}

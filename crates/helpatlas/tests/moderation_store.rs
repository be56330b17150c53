//! The queue of reports and suggestions and the link checker's findings, on SQLite and on PostgreSQL
//! (at `HELPATLAS_TEST_POSTGRES`, default the local server): the same suite for both.

mod common;

use chrono::{Duration, Utc};
use common::postgres::{drop_postgres, fresh_postgres};
use helpatlas::linkcheck::{LinkOutcome, LinkResult, LinkUse, PhoneProblem};
use helpatlas::model::{RecordKind, Role, User};
use helpatlas::moderation::{
    decide, Action, Content, DecisionError, NewSubmission, Reason, ReportText, Status, SuggestionText,
};
use helpatlas::store::{self, QueueQuery, Store};
use uuid::Uuid;

fn editor() -> User {
    User {
        id: Uuid::now_v7(),
        email: "kari@example.org".into(),
        role: Role::Editor,
        disabled: false,
        has_password: true,
        created_at: Utc::now(),
        last_sign_in_at: None,
    }
}

fn report(service: Uuid, reason: Reason, urgent: bool, age_days: i64, detail: &str) -> NewSubmission {
    NewSubmission {
        id: Uuid::now_v7(),
        created_at: Utc::now() - Duration::days(age_days),
        country: "NO".into(),
        kind: "helplines".into(),
        service_id: Some(service),
        reason: Some(reason),
        urgent,
        content: Content::Report(ReportText {
            channel: Some((0, "+47 116 123".into())),
            detail: detail.into(),
            contact: "a@example.org".into(),
        }),
    }
}

fn suggestion(country: &str, name: &str) -> NewSubmission {
    NewSubmission {
        id: Uuid::now_v7(),
        created_at: Utc::now(),
        country: country.into(),
        kind: String::new(),
        service_id: None,
        reason: None,
        urgent: false,
        content: Content::Suggestion(SuggestionText {
            name: name.into(),
            reach: "+47 22 22 22 22".into(),
            ..Default::default()
        }),
    }
}

async fn suite(url: &str) {
    let store = store::open(url).await.expect("open");
    submissions_round_trip_and_filter(store.as_ref()).await;
    decisions_change_status_and_spam_keeps_nothing_typed(store.as_ref()).await;
    link_runs_count_failures_in_a_row(store.as_ref()).await;
    store.close().await;
}

async fn submissions_round_trip_and_filter(store: &dyn Store) {
    let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
    let old = report(a, Reason::WrongHours, false, 40, "closes at 20");
    let urgent = report(b, Reason::NumberDoesNotWork, true, 0, "no answer at night");
    let idea = suggestion("SE", "Night line");
    for s in [&old, &urgent, &idea] {
        store.add_submission(s).await.expect("add");
    }
    let stored = store.submission(urgent.id).await.expect("read").expect("found");
    assert_eq!((stored.status, stored.content.clone(), stored.urgent), (Status::Open, urgent.content.clone(), true));
    let all = store.queue(&QueueQuery { limit: 10, ..Default::default() }).await.expect("queue");
    assert_eq!(all.iter().map(|s| s.id).collect::<Vec<_>>(), [urgent.id, old.id, idea.id], "urgent first, then oldest");
    let only = |q: QueueQuery| async move {
        store.queue(&QueueQuery { limit: 10, ..q }).await.expect("queue").iter().map(|s| s.id).collect::<Vec<_>>()
    };
    assert_eq!(only(QueueQuery { country: Some("SE".into()), ..Default::default() }).await, [idea.id]);
    assert_eq!(only(QueueQuery { reason: Some(Reason::WrongHours), ..Default::default() }).await, [old.id]);
    assert_eq!(
        only(QueueQuery { before: Some(Utc::now() - Duration::days(30)), ..Default::default() }).await,
        [old.id]
    );
    assert_eq!(only(QueueQuery { service_id: Some(b), ..Default::default() }).await, [urgent.id]);
    let counts = store.queue_counts(&QueueQuery::default()).await.expect("counts");
    assert_eq!((counts.of(Status::Open), counts.urgent_open), (3, 1));
}

async fn decisions_change_status_and_spam_keeps_nothing_typed(store: &dyn Store) {
    let service = Uuid::now_v7();
    let first = report(service, Reason::Closed, false, 3, "gone");
    let second = report(service, Reason::Closed, false, 1, "closed for good");
    let junk = report(service, Reason::Other, false, 0, "buy cheap watches");
    for s in [&first, &second, &junk] {
        store.add_submission(s).await.expect("add");
    }
    let by = editor();
    let changed = decide(store, &[second.id, first.id], Action::Duplicate, None, &by, "").await.expect("duplicate");
    assert_eq!(changed, 1, "the oldest stays open");
    let second_now = store.submission(second.id).await.expect("read").expect("found");
    assert_eq!((second_now.status, second_now.duplicate_of), (Status::Duplicate, Some(first.id)));
    assert_eq!(second_now.resolution.as_ref().map(|r| r.by.as_str()), Some("kari@example.org"));
    decide(store, &[junk.id], Action::Spam, None, &by, "advert").await.expect("spam");
    let junk_now = store.submission(junk.id).await.expect("read").expect("found");
    assert_eq!((junk_now.status, junk_now.content.clone()), (Status::Spam, Content::Report(ReportText::default())));
    assert!(matches!(
        decide(store, &[first.id], Action::Duplicate, None, &by, "").await,
        Err(DecisionError::NoOriginal)
    ));
    assert!(matches!(
        decide(store, &[Uuid::now_v7()], Action::Dismiss, None, &by, "").await,
        Err(DecisionError::NotFound)
    ));
    decide(store, &[junk.id], Action::Reopen, None, &by, "").await.expect("reopen");
    assert_eq!(store.submission(junk.id).await.expect("read").expect("found").status, Status::Open);
    let log = store.audit_log(Some("submission-spam"), None, 10).await.expect("audit");
    assert!(log.iter().any(|e| e.detail == "advert" && e.actor == "kari@example.org"), "{log:?}");
}

fn result(url: &str, outcome: LinkOutcome) -> LinkResult {
    LinkResult {
        url: url.into(),
        checked_at: Utc::now(),
        outcome,
        status: Some(if outcome == LinkOutcome::Ok { 200 } else { 404 }),
        final_url: None,
        redirects: vec!["301 https://example.org/b".into()],
        detail: String::new(),
    }
}

async fn link_runs_count_failures_in_a_row(store: &dyn Store) {
    let service = Uuid::now_v7();
    let (good, bad) = ("https://example.org/ok", "https://example.org/gone");
    let uses = [good, bad].map(|url| LinkUse {
        url: url.into(),
        kind: RecordKind::Service,
        record_id: service,
        field: "url".into(),
    });
    for run in 1..=3 {
        store
            .record_link_run(&[result(good, LinkOutcome::Ok), result(bad, LinkOutcome::Broken)], &uses)
            .await
            .expect("record");
        let failing = store.failing_links(3).await.expect("failing");
        assert_eq!(failing.len(), usize::from(run == 3), "run {run}");
    }
    let failing = store.failing_links(3).await.expect("failing");
    assert_eq!((failing[0].result.url.as_str(), failing[0].failures_in_a_row), (bad, 3));
    assert_eq!(failing[0].uses, [uses[1].clone()]);
    assert_eq!(failing[0].result.redirects, ["301 https://example.org/b"]);
    store.record_link_run(&[result(bad, LinkOutcome::Ok)], &uses[1..]).await.expect("record");
    assert!(store.failing_links(1).await.expect("failing").is_empty(), "a success starts the count again");
    assert!(store.last_link_run().await.expect("last").is_some());
    let problem = PhoneProblem {
        service_id: service,
        field: "channels[0].value".into(),
        number: "+47 02 40 00 40".into(),
        country: "NO".into(),
        problem: "is not assigned".into(),
    };
    store.record_phone_run(std::slice::from_ref(&problem), Utc::now()).await.expect("phones");
    assert_eq!(store.phone_problems().await.expect("read"), [problem]);
    store.record_phone_run(&[], Utc::now()).await.expect("phones");
    assert!(store.phone_problems().await.expect("read").is_empty(), "each run replaces the list");
}

#[tokio::test]
async fn the_queue_and_the_checkers_findings_on_sqlite() {
    let dir = tempfile::tempdir().expect("dir");
    suite(&format!("sqlite://{}?mode=rwc", dir.path().join("m.db").display())).await;
}

#[tokio::test]
async fn the_queue_and_the_checkers_findings_on_postgres() {
    let (url, name) = fresh_postgres().await;
    suite(&url).await;
    drop_postgres(&name).await;
}

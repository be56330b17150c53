//! Editors' accounts and sessions (OWASP ASVS 5.0 level 2 for authentication and session management):
//! argon2id passwords checked against common ones, one-time setup links, sign-in throttling per
//! account and per client kept in the database (so it holds across replicas), server-side sessions
//! with idle and absolute time-outs, and an audit line for every sign-in, failure and account change.

pub mod password;
pub mod tokens;

use crate::model::{normalise_email, Role, User};
use crate::store::{NewSession, NewUser, SessionRecord, Store, StoreError};
use chrono::{DateTime, Duration, Utc};
use password::PasswordError;
use std::net::IpAddr;
use std::sync::Arc;
use tokens::{digest, random_token, Signer};
use uuid::Uuid;

/// A session ends after this long without a request…
pub const IDLE_TIMEOUT: Duration = Duration::hours(1);
/// …and this long after sign-in, whatever happens.
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(12);
/// A setup link (new account, reset) works once, within this time.
pub const SETUP_LINK_VALID: Duration = Duration::hours(24);
/// Failed sign-ins count for this long…
pub const THROTTLE_WINDOW: Duration = Duration::minutes(15);
/// …and this many for one account, or from one client, stop further attempts until the oldest ages out.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_CLIENT: i64 = 20;
/// A session's last-seen time is written at most this often.
const TOUCH_EVERY: Duration = Duration::seconds(60);

/// The setting holding the key that signs sign-in forms and hashes client addresses.
const SECRET_SETTING: &str = "auth_secret";

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("`{0}` is not an email address")]
    InvalidEmail(String),
    #[error("{0}")]
    Password(#[from] PasswordError),
    #[error("no account has the email {0}")]
    UnknownAccount(String),
    #[error("This setup link is not valid: it was used already, replaced by a newer one, or it expired. Ask an administrator for a new one.")]
    SetupLink,
    #[error("The current password is not right.")]
    CurrentPassword,
    #[error("An account cannot disable itself or take its own administrator role away.")]
    OwnAccount,
    #[error(transparent)]
    Hash(#[from] password::HashError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a sign-in was refused. Both say the same to the person: whether the account exists, is
/// disabled or has no password yet is never told.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("That email and password do not match an active account.")]
    Refused,
    #[error("Too many failed sign-ins. Try again in {minutes} minutes.")]
    Throttled { minutes: i64 },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Who changed an account, for the audit log.
#[derive(Debug, Clone)]
pub enum Actor {
    User(User),
    CommandLine,
}

impl Actor {
    fn id(&self) -> Option<Uuid> {
        match self {
            Actor::User(u) => Some(u.id),
            Actor::CommandLine => None,
        }
    }

    fn label(&self) -> &str {
        match self {
            Actor::User(u) => &u.email,
            Actor::CommandLine => "command line",
        }
    }
}

/// A signed-in person's session.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    pub csrf_token: String,
    token_hash: String,
}

/// A new session: the token for the cookie, and its account.
pub struct SignedIn {
    pub token: String,
    pub user: User,
}

/// A new account or reset: the one-time setup token, when no password was given.
pub struct Issued {
    pub user: User,
    pub setup_token: Option<String>,
}

#[derive(Clone)]
pub struct Auth {
    store: Arc<dyn Store>,
    signer: Signer,
}

fn valid_email(email: &str) -> bool {
    let Some((name, host)) = email.split_once('@') else { return false };
    !name.is_empty()
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>')
}

impl Auth {
    /// The accounts of `store`, with the server key (made on first use, shared through the database).
    pub async fn new(store: Arc<dyn Store>) -> Result<Auth, StoreError> {
        let key = store.setting_or_init(SECRET_SETTING, &random_token()).await?;
        Ok(Auth { store, signer: Signer::new(&key) })
    }

    pub fn signer(&self) -> &Signer {
        &self.signer
    }

    /// Creates an account with `password`, or waiting for its setup link (the token is returned once).
    pub async fn add_user(
        &self,
        email: &str,
        role: Role,
        password: Option<(&str, &str)>,
        actor: &Actor,
    ) -> Result<Issued, AuthError> {
        let email = normalise_email(email);
        if !valid_email(&email) {
            return Err(AuthError::InvalidEmail(email));
        }
        let now = Utc::now();
        let (password_hash, setup_token) = self.credentials(&email, password).await?;
        let user = NewUser {
            id: Uuid::now_v7(),
            email: email.clone(),
            role,
            password_hash,
            setup_token_hash: setup_token.as_deref().map(digest),
            setup_expires_at: setup_token.as_ref().map(|_| now + SETUP_LINK_VALID),
            created_at: now,
        };
        self.store.add_user(&user).await?;
        self.audit(actor, "user-added", &email, &format!("role {role}")).await?;
        let user = self.store.user(user.id).await?.ok_or_else(|| AuthError::UnknownAccount(email))?;
        Ok(Issued { user, setup_token })
    }

    /// A hash of the checked password, or a new setup token.
    async fn credentials(
        &self,
        email: &str,
        password: Option<(&str, &str)>,
    ) -> Result<(Option<String>, Option<String>), AuthError> {
        match password {
            Some((password, confirm)) => {
                password::check_new(password, confirm, email)?;
                Ok((Some(password::hash(password.to_string()).await?), None))
            }
            None => Ok((None, Some(random_token()))),
        }
    }

    pub async fn user(&self, id: Uuid) -> Result<Option<User>, StoreError> {
        self.store.user(id).await
    }

    pub async fn users(&self) -> Result<Vec<User>, StoreError> {
        self.store.users().await
    }

    pub async fn audit_log(
        &self,
        event: Option<&str>,
        before: Option<i64>,
        limit: usize,
    ) -> Result<Vec<crate::model::AuditEntry>, StoreError> {
        self.store.audit_log(event, before, limit).await
    }

    pub async fn user_by_email(&self, email: &str) -> Result<User, AuthError> {
        let email = normalise_email(email);
        match self.store.user_by_email(&email).await? {
            Some((user, _)) => Ok(user),
            None => Err(AuthError::UnknownAccount(email)),
        }
    }

    /// Clears the password and ends every session of the account; sets `password` or issues a new
    /// setup link.
    pub async fn reset(&self, user: &User, password: Option<(&str, &str)>, actor: &Actor) -> Result<Issued, AuthError> {
        let (hash, token) = self.credentials(&user.email, password).await?;
        match (&hash, &token) {
            (Some(hash), _) => self.store.set_password(user.id, hash).await?,
            (None, Some(token)) => {
                self.store.set_setup_token(user.id, &digest(token), Utc::now() + SETUP_LINK_VALID).await?
            }
            (None, None) => {}
        }
        self.store.end_sessions_of(user.id).await?;
        self.audit(
            actor,
            "user-reset",
            &user.email,
            if token.is_some() { "setup link issued" } else { "password set" },
        )
        .await?;
        let user = self.store.user(user.id).await?.ok_or_else(|| AuthError::UnknownAccount(user.email.clone()))?;
        Ok(Issued { user, setup_token: token })
    }

    pub async fn set_disabled(&self, user: &User, disabled: bool, actor: &Actor) -> Result<(), AuthError> {
        if actor.id() == Some(user.id) {
            return Err(AuthError::OwnAccount);
        }
        self.store.set_disabled(user.id, disabled).await?;
        if disabled {
            self.store.end_sessions_of(user.id).await?;
        }
        let event = if disabled { "user-disabled" } else { "user-enabled" };
        Ok(self.audit(actor, event, &user.email, "").await?)
    }

    pub async fn set_role(&self, user: &User, role: Role, actor: &Actor) -> Result<(), AuthError> {
        if actor.id() == Some(user.id) {
            return Err(AuthError::OwnAccount);
        }
        self.store.set_role(user.id, role).await?;
        Ok(self.audit(actor, "role-changed", &user.email, &format!("{} → {role}", user.role)).await?)
    }

    /// The account a setup link belongs to, while it is valid.
    pub async fn setup_account(&self, token: &str) -> Result<User, AuthError> {
        let user = self.store.user_by_setup_token(&digest(token), Utc::now()).await?;
        user.filter(|u| !u.disabled).ok_or(AuthError::SetupLink)
    }

    /// Sets the password of the setup link's account and spends the link.
    pub async fn complete_setup(&self, token: &str, password: &str, confirm: &str) -> Result<User, AuthError> {
        let user = self.setup_account(token).await?;
        password::check_new(password, confirm, &user.email)?;
        let hash = password::hash(password.to_string()).await?;
        self.store.set_password(user.id, &hash).await?;
        self.audit(&Actor::User(user.clone()), "password-set", &user.email, "through a setup link").await?;
        Ok(user)
    }

    pub async fn change_password(&self, user: &User, current: &str, new: &str, confirm: &str) -> Result<(), AuthError> {
        let stored = self.store.user_by_email(&user.email).await?.and_then(|(_, hash)| hash);
        if !password::verify(current.to_string(), stored).await {
            return Err(AuthError::CurrentPassword);
        }
        password::check_new(new, confirm, &user.email)?;
        let hash = password::hash(new.to_string()).await?;
        self.store.set_password(user.id, &hash).await?;
        // Every other session of the account ends: a password change is how a person throws out
        // someone who learned the old one.
        self.store.end_sessions_of(user.id).await?;
        Ok(self.audit(&Actor::User(user.clone()), "password-changed", &user.email, "").await?)
    }

    fn throttle_keys(&self, email: &str, client: Option<IpAddr>) -> (String, Option<String>) {
        let account = format!("account:{email}");
        (account, client.map(|ip| format!("client:{}", self.signer.keyed_hash(&ip.to_string()))))
    }

    /// Minutes until `key` may try again, if it has failed too often.
    async fn throttled(&self, key: &str, max: i64, now: DateTime<Utc>) -> Result<Option<i64>, StoreError> {
        let (count, first) = self.store.failures(key, now - THROTTLE_WINDOW).await?;
        if count < max {
            return Ok(None);
        }
        let free_at = first.unwrap_or(now) + THROTTLE_WINDOW;
        Ok(Some(((free_at - now).num_seconds() + 59).max(60) / 60))
    }

    /// Checks the password of an active account and opens a new session. Failures are throttled per
    /// account (whether it exists or not, so throttling tells nothing) and per client.
    pub async fn sign_in(&self, email: &str, password: &str, client: Option<IpAddr>) -> Result<SignedIn, SignInError> {
        let email = normalise_email(email);
        let now = Utc::now();
        let (account_key, client_key) = self.throttle_keys(&email, client);
        let mut wait = self.throttled(&account_key, MAX_FAILURES_PER_ACCOUNT, now).await?;
        if let Some(key) = &client_key {
            wait = wait.max(self.throttled(key, MAX_FAILURES_PER_CLIENT, now).await?);
        }
        if let Some(minutes) = wait {
            self.store.audit(None, &email, "sign-in-throttled", &email, "").await?;
            return Err(SignInError::Throttled { minutes });
        }
        let found = self.store.user_by_email(&email).await?;
        let (user, hash) = match found {
            Some((user, hash)) => (Some(user), hash),
            None => (None, None),
        };
        let matches = password::verify(password.chars().take(password::MAX_CHARS).collect(), hash).await;
        let user = match user {
            Some(user) if matches && !user.disabled => user,
            other => {
                let keys: Vec<String> = std::iter::once(account_key).chain(client_key).collect();
                self.store.add_failure(&keys, now).await?;
                let why = match &other {
                    None => "no such account",
                    Some(u) if u.disabled => "account disabled",
                    Some(_) => "wrong password",
                };
                self.store.audit(other_id(&other), &email, "sign-in-failed", &email, why).await?;
                return Err(SignInError::Refused);
            }
        };
        self.store.clear_failures(&account_key).await?;
        let token = random_token();
        let session = NewSession { token_hash: digest(&token), user_id: user.id, csrf_token: random_token(), at: now };
        self.store.add_session(&session).await?;
        self.store.signed_in(user.id, now).await?;
        self.store.audit(Some(user.id), &user.email, "sign-in", &user.email, "").await?;
        Ok(SignedIn { token, user })
    }

    /// The live session of a cookie token: none when unknown, timed out, or its account is disabled.
    pub async fn session(&self, token: &str) -> Result<Option<Session>, StoreError> {
        let now = Utc::now();
        let Some(record) = self.store.session(&digest(token)).await? else { return Ok(None) };
        if !self.is_live(&record, now) {
            self.store.end_session(&record.token_hash).await?;
            return Ok(None);
        }
        if now - record.last_seen_at >= TOUCH_EVERY {
            self.store.touch_session(&record.token_hash, now).await?;
        }
        Ok(Some(Session { user: record.user, csrf_token: record.csrf_token, token_hash: record.token_hash }))
    }

    fn is_live(&self, record: &SessionRecord, now: DateTime<Utc>) -> bool {
        !record.user.disabled && now - record.last_seen_at < IDLE_TIMEOUT && now - record.created_at < ABSOLUTE_TIMEOUT
    }

    pub async fn sign_out(&self, session: &Session) -> Result<(), StoreError> {
        self.store.end_session(&session.token_hash).await?;
        self.store.audit(Some(session.user.id), &session.user.email, "sign-out", &session.user.email, "").await
    }

    /// Deletes ended sessions and failures older than the throttling window.
    pub async fn prune(&self) -> Result<(), StoreError> {
        let now = Utc::now();
        self.store.prune_sessions(now - IDLE_TIMEOUT, now - ABSOLUTE_TIMEOUT, now - THROTTLE_WINDOW).await
    }

    async fn audit(&self, actor: &Actor, event: &str, subject: &str, detail: &str) -> Result<(), StoreError> {
        self.store.audit(actor.id(), actor.label(), event, subject, detail).await
    }
}

fn other_id(user: &Option<User>) -> Option<Uuid> {
    user.as_ref().map(|u| u.id)
}

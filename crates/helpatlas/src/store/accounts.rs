//! Editors' accounts, their sessions, failed sign-ins and the audit log, in the database so that every
//! replica shares them.

use super::sql::SqlStore;
use super::StoreError;
use crate::model::{AuditEntry, Role, User};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::Row;
use uuid::Uuid;

/// An account to create: with a password hash, or waiting for its setup link.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub id: Uuid,
    pub email: String,
    pub role: Role,
    pub password_hash: Option<String>,
    pub setup_token_hash: Option<String>,
    pub setup_expires_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct NewSession {
    pub token_hash: String,
    pub user_id: Uuid,
    pub csrf_token: String,
    pub at: DateTime<Utc>,
}

/// A stored session with its account.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub token_hash: String,
    pub user: User,
    pub csrf_token: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

#[async_trait]
pub trait Accounts: Send + Sync {
    /// Fails with [`StoreError::Duplicate`] when the email is taken.
    async fn add_user(&self, user: &NewUser) -> Result<(), StoreError>;
    async fn user(&self, id: Uuid) -> Result<Option<User>, StoreError>;
    /// The account and its password hash.
    async fn user_by_email(&self, email: &str) -> Result<Option<(User, Option<String>)>, StoreError>;
    /// The account whose setup link has this token hash and has not expired at `now`.
    async fn user_by_setup_token(&self, token_hash: &str, now: DateTime<Utc>) -> Result<Option<User>, StoreError>;
    async fn users(&self) -> Result<Vec<User>, StoreError>;
    /// Sets the password and spends any setup link.
    async fn set_password(&self, id: Uuid, hash: &str) -> Result<(), StoreError>;
    /// Clears the password and issues a new setup link.
    async fn set_setup_token(&self, id: Uuid, token_hash: &str, expires_at: DateTime<Utc>) -> Result<(), StoreError>;
    async fn set_disabled(&self, id: Uuid, disabled: bool) -> Result<(), StoreError>;
    async fn set_role(&self, id: Uuid, role: Role) -> Result<(), StoreError>;
    async fn signed_in(&self, id: Uuid, at: DateTime<Utc>) -> Result<(), StoreError>;

    async fn add_session(&self, session: &NewSession) -> Result<(), StoreError>;
    async fn session(&self, token_hash: &str) -> Result<Option<SessionRecord>, StoreError>;
    async fn touch_session(&self, token_hash: &str, at: DateTime<Utc>) -> Result<(), StoreError>;
    async fn end_session(&self, token_hash: &str) -> Result<(), StoreError>;
    async fn end_sessions_of(&self, user: Uuid) -> Result<(), StoreError>;
    /// Deletes sessions last seen before `idle_before` or created before `created_before`, and failures
    /// before `failures_before`.
    async fn prune_sessions(
        &self,
        idle_before: DateTime<Utc>,
        created_before: DateTime<Utc>,
        failures_before: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    async fn add_failure(&self, keys: &[String], at: DateTime<Utc>) -> Result<(), StoreError>;
    /// Failures under `key` at or after `since`, and the earliest of them.
    async fn failures(&self, key: &str, since: DateTime<Utc>) -> Result<(i64, Option<DateTime<Utc>>), StoreError>;
    async fn clear_failures(&self, key: &str) -> Result<(), StoreError>;

    async fn audit(
        &self,
        actor_id: Option<Uuid>,
        actor: &str,
        event: &str,
        subject: &str,
        detail: &str,
    ) -> Result<(), StoreError>;
    /// The newest entries first, of one event if given, older than `before` (a sequence number) if given.
    async fn audit_log(
        &self,
        event: Option<&str>,
        before: Option<i64>,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, StoreError>;
}

const USER_COLUMNS: &str = "id, email, role, password_hash, disabled, created_at, last_sign_in_at";

fn time(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

fn corrupt(table: &'static str, id: &str, reason: String) -> StoreError {
    StoreError::Corrupt { table, id: id.to_string(), reason }
}

fn user_from(row: &AnyRow) -> Result<(User, Option<String>), StoreError> {
    let id: String = row.try_get("id")?;
    let role: String = row.try_get("role")?;
    let hash: Option<String> = row.try_get("password_hash")?;
    let user = User {
        id: id.parse().map_err(|e: uuid::Error| corrupt("users", &id, e.to_string()))?,
        email: row.try_get("email")?,
        role: role.parse().map_err(|e: crate::model::UnknownRole| corrupt("users", &id, e.to_string()))?,
        disabled: row.try_get::<i64, _>("disabled")? != 0,
        has_password: hash.is_some(),
        created_at: time(row.try_get("created_at")?),
        last_sign_in_at: row.try_get::<Option<i64>, _>("last_sign_in_at")?.map(time),
    };
    Ok((user, hash))
}

impl SqlStore {
    async fn execute(&self, sql: &str, texts: &[&str]) -> Result<u64, StoreError> {
        let mut query = sqlx::query(sql);
        for text in texts {
            query = query.bind(*text);
        }
        Ok(query.execute(&self.pool).await?.rows_affected())
    }
}

#[async_trait]
impl Accounts for SqlStore {
    async fn add_user(&self, user: &NewUser) -> Result<(), StoreError> {
        let taken =
            sqlx::query("SELECT id FROM users WHERE email = $1").bind(&user.email).fetch_optional(&self.pool).await?;
        if taken.is_some() {
            return Err(StoreError::Duplicate(format!("the email {}", user.email)));
        }
        sqlx::query(
            "INSERT INTO users (id, email, role, password_hash, setup_token_hash, setup_expires_at, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(user.id.to_string())
        .bind(&user.email)
        .bind(user.role.code())
        .bind(user.password_hash.as_deref())
        .bind(user.setup_token_hash.as_deref())
        .bind(user.setup_expires_at.map(|t| t.timestamp()))
        .bind(user.created_at.timestamp())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn user(&self, id: Uuid) -> Result<Option<User>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        let row = sqlx::query(&sql).bind(id.to_string()).fetch_optional(&self.pool).await?;
        Ok(row.map(|r| user_from(&r)).transpose()?.map(|(user, _)| user))
    }

    async fn user_by_email(&self, email: &str) -> Result<Option<(User, Option<String>)>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1");
        let row = sqlx::query(&sql).bind(email).fetch_optional(&self.pool).await?;
        row.map(|r| user_from(&r)).transpose()
    }

    async fn user_by_setup_token(&self, token_hash: &str, now: DateTime<Utc>) -> Result<Option<User>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE setup_token_hash = $1 AND setup_expires_at > $2");
        let row = sqlx::query(&sql).bind(token_hash).bind(now.timestamp()).fetch_optional(&self.pool).await?;
        Ok(row.map(|r| user_from(&r)).transpose()?.map(|(user, _)| user))
    }

    async fn users(&self) -> Result<Vec<User>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users ORDER BY email");
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        rows.iter().map(|r| user_from(r).map(|(user, _)| user)).collect()
    }

    async fn set_password(&self, id: Uuid, hash: &str) -> Result<(), StoreError> {
        let sql = "UPDATE users SET password_hash = $1, setup_token_hash = NULL, setup_expires_at = NULL WHERE id = $2";
        self.execute(sql, &[hash, &id.to_string()]).await.map(drop)
    }

    async fn set_setup_token(&self, id: Uuid, token_hash: &str, expires_at: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE users SET password_hash = NULL, setup_token_hash = $1, setup_expires_at = $2 WHERE id = $3",
        )
        .bind(token_hash)
        .bind(expires_at.timestamp())
        .bind(id.to_string())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn set_disabled(&self, id: Uuid, disabled: bool) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2")
            .bind(i64::from(disabled))
            .bind(id.to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn set_role(&self, id: Uuid, role: Role) -> Result<(), StoreError> {
        self.execute("UPDATE users SET role = $1 WHERE id = $2", &[role.code(), &id.to_string()]).await.map(drop)
    }

    async fn signed_in(&self, id: Uuid, at: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET last_sign_in_at = $1 WHERE id = $2")
            .bind(at.timestamp())
            .bind(id.to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn add_session(&self, session: &NewSession) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)",
        )
        .bind(&session.token_hash)
        .bind(session.user_id.to_string())
        .bind(&session.csrf_token)
        .bind(session.at.timestamp())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn session(&self, token_hash: &str) -> Result<Option<SessionRecord>, StoreError> {
        let sql = format!(
            "SELECT s.token_hash, s.csrf_token, s.created_at AS session_created, s.last_seen_at, {} \
             FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1",
            USER_COLUMNS.split(", ").map(|c| format!("u.{c}")).collect::<Vec<_>>().join(", ")
        );
        let Some(row) = sqlx::query(&sql).bind(token_hash).fetch_optional(&self.pool).await? else { return Ok(None) };
        let (user, _) = user_from(&row)?;
        Ok(Some(SessionRecord {
            token_hash: row.try_get("token_hash")?,
            user,
            csrf_token: row.try_get("csrf_token")?,
            created_at: time(row.try_get("session_created")?),
            last_seen_at: time(row.try_get("last_seen_at")?),
        }))
    }

    async fn touch_session(&self, token_hash: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(at.timestamp())
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn end_session(&self, token_hash: &str) -> Result<(), StoreError> {
        self.execute("DELETE FROM sessions WHERE token_hash = $1", &[token_hash]).await.map(drop)
    }

    async fn end_sessions_of(&self, user: Uuid) -> Result<(), StoreError> {
        self.execute("DELETE FROM sessions WHERE user_id = $1", &[&user.to_string()]).await.map(drop)
    }

    async fn prune_sessions(
        &self,
        idle_before: DateTime<Utc>,
        created_before: DateTime<Utc>,
        failures_before: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
            .bind(idle_before.timestamp())
            .bind(created_before.timestamp())
            .execute(&self.pool)
            .await?;
        sqlx::query("DELETE FROM sign_in_failures WHERE at < $1")
            .bind(failures_before.timestamp())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn add_failure(&self, keys: &[String], at: DateTime<Utc>) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        for key in keys {
            sqlx::query("INSERT INTO sign_in_failures (key, at) VALUES ($1, $2)")
                .bind(key)
                .bind(at.timestamp())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn failures(&self, key: &str, since: DateTime<Utc>) -> Result<(i64, Option<DateTime<Utc>>), StoreError> {
        let row =
            sqlx::query("SELECT COUNT(*) AS n, MIN(at) AS first FROM sign_in_failures WHERE key = $1 AND at >= $2")
                .bind(key)
                .bind(since.timestamp())
                .fetch_one(&self.pool)
                .await?;
        Ok((row.try_get("n")?, row.try_get::<Option<i64>, _>("first")?.map(time)))
    }

    async fn clear_failures(&self, key: &str) -> Result<(), StoreError> {
        self.execute("DELETE FROM sign_in_failures WHERE key = $1", &[key]).await.map(drop)
    }

    async fn audit(
        &self,
        actor_id: Option<Uuid>,
        actor: &str,
        event: &str,
        subject: &str,
        detail: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO audit_log (at, actor_id, actor, event, subject, detail) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(Utc::now().timestamp())
        .bind(actor_id.map(|id| id.to_string()))
        .bind(actor)
        .bind(event)
        .bind(subject)
        .bind(detail)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn audit_log(
        &self,
        event: Option<&str>,
        before: Option<i64>,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let sql = format!(
            "SELECT seq, at, actor_id, actor, event, subject, detail FROM audit_log \
             WHERE ($1 = '' OR event = $1) AND seq < $2 ORDER BY seq DESC LIMIT {limit}"
        );
        let rows = sqlx::query(&sql)
            .bind(event.unwrap_or_default())
            .bind(before.unwrap_or(i64::MAX))
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                let actor_id: Option<String> = r.try_get("actor_id")?;
                Ok(AuditEntry {
                    seq: r.try_get("seq")?,
                    at: time(r.try_get("at")?),
                    actor_id: actor_id.and_then(|id| id.parse().ok()),
                    actor: r.try_get("actor")?,
                    event: r.try_get("event")?,
                    subject: r.try_get("subject")?,
                    detail: r.try_get("detail")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }
}

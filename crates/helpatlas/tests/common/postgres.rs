//! Fresh PostgreSQL databases for tests, on the server at `HELPATLAS_TEST_POSTGRES` (default: the
//! local server at 127.0.0.1:5432).

pub fn postgres_admin_url() -> String {
    std::env::var("HELPATLAS_TEST_POSTGRES").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A fresh, uniquely named database: its URL and name (for [`drop_postgres`]).
pub async fn fresh_postgres() -> (String, String) {
    sqlx::any::install_default_drivers();
    let admin = postgres_admin_url();
    let name = format!("helpatlas_test_{}", uuid::Uuid::new_v4().simple());
    let pool = sqlx::AnyPool::connect(&admin).await.expect("PostgreSQL is reachable (start it before the tests)");
    sqlx::raw_sql(&format!("CREATE DATABASE {name}")).execute(&pool).await.expect("create database");
    pool.close().await;
    let (base, _) = admin.rsplit_once('/').expect("URL has a database part");
    (format!("{base}/{name}"), name)
}

pub async fn drop_postgres(name: &str) {
    let pool = sqlx::AnyPool::connect(&postgres_admin_url()).await.expect("connect");
    sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&pool).await.expect("drop");
    pool.close().await;
}

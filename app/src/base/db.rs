//! The database handle: one binary, SQLite or PostgreSQL chosen at run time.
//!
//! Queries are written once with `$1, $2…` placeholders (both engines accept
//! them) and run on either pool through [`on_db!`]. Where the dialects differ,
//! the caller matches on [`Conn`] and keeps both SQL strings side by side.

use std::{path::Path, str::FromStr, time::Duration};

use anyhow::Context;
use sqlx::{
    postgres::{PgConnectOptions, PgPoolOptions},
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
    PgPool, SqlitePool,
};

/// Which engine a [`Db`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A pool to run one query on, borrowed from a [`Db`].
#[derive(Clone, Copy)]
pub enum Conn<'a> {
    Sqlite(&'a SqlitePool),
    Postgres(&'a PgPool),
}

/// The application's database: a PostgreSQL pool, or for SQLite a read pool
/// and a single-connection write pool, so that concurrent writes queue in the
/// application instead of failing with "database is locked".
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite {
        read: SqlitePool,
        write: SqlitePool,
        changes: Changes,
    },
    Postgres {
        pool: PgPool,
        changes: Changes,
    },
}

/// Parties whose live figures (guests here and coming, orders, the host's
/// progress) changed, announced to this server's open live pages. On
/// PostgreSQL each change is a `NOTIFY` on [`PARTY_CHANNEL`] that every
/// server's [`Db::listen_for_changes`] hears; on SQLite (one server) it
/// goes straight to this process's subscribers.
#[derive(Clone, Debug)]
pub struct Changes(tokio::sync::broadcast::Sender<i64>);

/// The PostgreSQL channel of party changes; its payload is the event id.
pub const PARTY_CHANNEL: &str = "soiree_parties";

impl Changes {
    fn new() -> Changes {
        Changes(tokio::sync::broadcast::channel(4096).0)
    }

    fn announce(&self, event_id: i64) {
        // No subscriber is no error: nobody is watching that party.
        let _ = self.0.send(event_id);
    }
}

/// Runs `$body` with `$pool` bound to the concrete pool of `$conn`. The body is
/// compiled once per engine, so the same query text serves both. It is a
/// block, not a closure: `?` and `return` inside it leave the caller.
#[macro_export]
macro_rules! on_db {
    ($conn:expr, |$pool:ident| $body:expr) => {
        match $conn {
            $crate::base::db::Conn::Sqlite($pool) => $body,
            $crate::base::db::Conn::Postgres($pool) => $body,
        }
    };
}

/// A write transaction on either engine, for work that spans functions
/// (an order written by one module, its mail and booking by others). Run
/// queries on it with [`on_tx!`]; nothing is kept unless [`Tx::commit`].
pub enum Tx {
    /// With the parties to announce once committed.
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>, Changes, Vec<i64>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

impl Tx {
    /// Makes the transaction's writes permanent, then announces the
    /// parties it changed.
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(tx, changes, parties) => {
                tx.commit().await?;
                for id in parties {
                    changes.announce(id);
                }
                Ok(())
            }
            Tx::Postgres(tx) => tx.commit().await,
        }
    }

    /// The engine behind this transaction.
    pub fn engine(&self) -> Engine {
        match self {
            Tx::Sqlite(..) => Engine::Sqlite,
            Tx::Postgres(_) => Engine::Postgres,
        }
    }

    /// The live figures of `event_id` change with this transaction: live
    /// pages hear of it once it commits (PostgreSQL holds a `NOTIFY` until
    /// then), never if it rolls back.
    pub async fn party_changed(&mut self, event_id: i64) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(_, _, parties) => {
                if !parties.contains(&event_id) {
                    parties.push(event_id);
                }
            }
            Tx::Postgres(tx) => {
                sqlx::query("SELECT pg_notify($1, $2)")
                    .bind(PARTY_CHANNEL)
                    .bind(event_id.to_string())
                    .execute(&mut **tx)
                    .await?;
            }
        }
        Ok(())
    }
}

/// Runs `$body` with `$conn` bound to the connection of the transaction
/// `$tx` (a `&mut Tx`); like [`on_db!`], the body is compiled once per
/// engine and `?` leaves the caller. Pass `&mut *$conn` to each query.
#[macro_export]
macro_rules! on_tx {
    ($tx:expr, |$conn:ident| $body:expr) => {
        match &mut *($tx) {
            $crate::base::db::Tx::Sqlite(tx, ..) => {
                let $conn: &mut sqlx::SqliteConnection = &mut *tx;
                $body
            }
            $crate::base::db::Tx::Postgres(tx) => {
                let $conn: &mut sqlx::PgConnection = &mut *tx;
                $body
            }
        }
    };
}

static SQLITE_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

impl Db {
    /// Connects to the database named by `url` (`sqlite:…` or `postgres:…`).
    /// A SQLite file and its folder are created when missing.
    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        match engine_of(url)? {
            Engine::Sqlite => {
                let base = SqliteConnectOptions::from_str(url)
                    .with_context(|| format!("DATABASE_URL is not a valid SQLite URL: {url}"))?
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(10))
                    .synchronous(SqliteSynchronous::Normal);
                let file = base.get_filename().to_path_buf();
                if file.as_os_str().is_empty() || file == Path::new(":memory:") {
                    anyhow::bail!(
                        "DATABASE_URL must name a SQLite file (sqlite://data/soiree.db), not an in-memory database"
                    );
                }
                if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir)
                        .with_context(|| format!("cannot create the folder {}", dir.display()))?;
                }
                // No ping before each statement (sqlx's default): on a
                // local file it finds nothing a statement would not, and it
                // doubled the hand-offs to SQLite's threads per statement.
                let write = SqlitePoolOptions::new()
                    .max_connections(1)
                    .test_before_acquire(false)
                    .acquire_timeout(Duration::from_secs(30))
                    .connect_with(
                        base.clone()
                            .create_if_missing(true)
                            .journal_mode(SqliteJournalMode::Wal),
                    )
                    .await
                    .with_context(|| {
                        format!("cannot open the SQLite database {}", file.display())
                    })?;
                let read = SqlitePoolOptions::new()
                    .max_connections(8)
                    .test_before_acquire(false)
                    .acquire_timeout(Duration::from_secs(30))
                    .connect_lazy_with(base.read_only(true));
                Ok(Db::Sqlite {
                    read,
                    write,
                    changes: Changes::new(),
                })
            }
            Engine::Postgres => {
                let options = PgConnectOptions::from_str(url).with_context(|| {
                    format!("DATABASE_URL is not a valid PostgreSQL URL: {url}")
                })?;
                // No ping before each statement: it cost a round trip to
                // the server per statement. A connection the server has
                // dropped fails its next statement and is closed; the pool
                // opens another.
                let pool = PgPoolOptions::new()
                    .max_connections(16)
                    .test_before_acquire(false)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await
                    .context("cannot connect to PostgreSQL")?;
                Ok(Db::Postgres {
                    pool,
                    changes: Changes::new(),
                })
            }
        }
    }

    /// The engine behind this handle.
    pub fn engine(&self) -> Engine {
        match self {
            Db::Sqlite { .. } => Engine::Sqlite,
            Db::Postgres { .. } => Engine::Postgres,
        }
    }

    /// A pool for queries that only read.
    pub fn reader(&self) -> Conn<'_> {
        match self {
            Db::Sqlite { read, .. } => Conn::Sqlite(read),
            Db::Postgres { pool, .. } => Conn::Postgres(pool),
        }
    }

    /// The pool for anything that writes (and for reads inside a write transaction).
    pub fn writer(&self) -> Conn<'_> {
        match self {
            Db::Sqlite { write, .. } => Conn::Sqlite(write),
            Db::Postgres { pool, .. } => Conn::Postgres(pool),
        }
    }

    /// Opens a write transaction.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        Ok(match self {
            Db::Sqlite { write, changes, .. } => {
                Tx::Sqlite(write.begin().await?, changes.clone(), Vec::new())
            }
            Db::Postgres { pool, .. } => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Applies the pending migrations of this engine; applying twice is a no-op.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        match self {
            Db::Sqlite { write, .. } => SQLITE_MIGRATOR.run(write).await,
            Db::Postgres { pool, .. } => POSTGRES_MIGRATOR.run(pool).await,
        }
        .context("cannot apply the database migrations")
    }

    /// Checks that the database answers; used by `/healthz`.
    pub async fn ping(&self) -> anyhow::Result<()> {
        on_db!(self.reader(), |pool| sqlx::query("SELECT 1")
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))
        .map(|_| ())
        .context("the database does not answer")
    }

    /// Closes every pool, waiting for running queries.
    pub async fn close(&self) {
        match self {
            Db::Sqlite { read, write, .. } => {
                read.close().await;
                write.close().await;
            }
            Db::Postgres { pool, .. } => pool.close().await,
        }
    }

    /// The live figures of `event_id` changed (a write that committed
    /// outside a [`Tx`]): see [`Tx::party_changed`].
    pub async fn party_changed(&self, event_id: i64) {
        match self {
            Db::Sqlite { changes, .. } => changes.announce(event_id),
            Db::Postgres { pool, changes } => {
                let sent = sqlx::query("SELECT pg_notify($1, $2)")
                    .bind(PARTY_CHANNEL)
                    .bind(event_id.to_string())
                    .execute(pool)
                    .await;
                if let Err(e) = sent {
                    // This server's pages still hear of it.
                    tracing::warn!(error = %e, "party change not announced to other servers");
                    changes.announce(event_id);
                }
            }
        }
    }

    /// Every party change this server hears of, from now on.
    pub fn party_changes(&self) -> tokio::sync::broadcast::Receiver<i64> {
        match self {
            Db::Sqlite { changes, .. } | Db::Postgres { changes, .. } => changes.0.subscribe(),
        }
    }

    /// On PostgreSQL, hears every server's party changes (`LISTEN`) and
    /// hands them to this server's subscribers until `stop` completes; a
    /// lost connection is opened again. On SQLite there is nothing to hear.
    pub async fn listen_for_changes(&self, stop: impl std::future::Future<Output = ()>) {
        let Db::Postgres { pool, changes } = self else {
            return;
        };
        let mut stop = std::pin::pin!(stop);
        loop {
            tokio::select! {
                () = &mut stop => return,
                e = hear_changes(pool, changes) => {
                    tracing::warn!(error = %e, "not hearing party changes; listening again in a second");
                }
            }
            tokio::select! {
                () = &mut stop => return,
                () = tokio::time::sleep(Duration::from_secs(1)) => {}
            }
        }
    }
}

/// Hands the party changes PostgreSQL announces to `changes` until the
/// connection fails; returns why.
async fn hear_changes(pool: &PgPool, changes: &Changes) -> sqlx::Error {
    let mut listener = match sqlx::postgres::PgListener::connect_with(pool).await {
        Ok(listener) => listener,
        Err(e) => return e,
    };
    if let Err(e) = listener.listen(PARTY_CHANNEL).await {
        return e;
    }
    loop {
        match listener.recv().await {
            Ok(note) => {
                if let Ok(id) = note.payload().parse::<i64>() {
                    changes.announce(id);
                }
            }
            Err(e) => return e,
        }
    }
}

/// Tells the engine from the scheme of a database URL.
pub fn engine_of(url: &str) -> anyhow::Result<Engine> {
    if url.starts_with("sqlite:") {
        Ok(Engine::Sqlite)
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(Engine::Postgres)
    } else {
        anyhow::bail!("DATABASE_URL must start with sqlite: or postgres:, got {url:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_is_chosen_by_scheme() {
        assert_eq!(engine_of("sqlite://data/x.db").unwrap(), Engine::Sqlite);
        assert_eq!(engine_of("postgres://u@h/db").unwrap(), Engine::Postgres);
        assert_eq!(engine_of("postgresql://u@h/db").unwrap(), Engine::Postgres);
        assert!(engine_of("mysql://h/db").is_err());
    }
}

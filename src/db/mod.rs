//! Storage: SQLite or PostgreSQL through sqlx's native drivers, behind one seam.
//!
//! [`Db`] holds the native pools of one backend; a statement is an [`Sql`] (text and
//! [`Value`]s) that each backend binds and runs natively, and rows decode into any type that
//! derives `sqlx::FromRow` for both backends' rows ([`Record`]). SQL is written once: the
//! portability rules below keep one text valid on both.
//!
//! Rows an organization owns carry `org_id`, and the only way to run SQL against them from outside
//! this module is through [`Scoped`] or [`ScopedTx`], which exist only for an [`ActingOrg`] —
//! a type that only authentication produces. Each statement gets the organization bound as
//! `$1` before the caller binds anything else, so every scoped statement is written as
//! `... WHERE org_id = $1 AND ...`.
//!
//! Queries that must cross organizations (authenticating a key, the CLI's organization
//! commands, background jobs) are named functions in [`system`], reviewable in one place, or
//! run by jobs through [`Jobs`].
//!
//! Portability rules for SQL in this crate: `$n` placeholders (SQLite accepts them too);
//! `TEXT`, `BIGINT` and `DOUBLE PRECISION` columns only (booleans are `BIGINT` 0/1, times
//! are epoch milliseconds, dates are `YYYY-MM-DD` text); `CAST(SUM(..) AS BIGINT)` for sums.

pub mod accounts;
pub mod proof;
pub mod system;

use std::borrow::Cow;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use sqlx::postgres::{PgArguments, PgConnectOptions, PgPoolOptions, PgRow};
use sqlx::sqlite::{
    SqliteArguments, SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{Arguments, AssertSqlSafe, FromRow, PgPool, Postgres, Sqlite, SqlitePool, Transaction};

use self::proof::ActingOrg;
use self::proof::JobToken;
use crate::vocab::values::{Timestamp, Value};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// A digest of the migrations built in (each version and checksum): two databases migrated by
/// builds with the same digest have the same schema. The tests reuse a template database by it.
pub fn migrations_digest() -> String {
    use sha2::{Digest, Sha256};
    let mut digest = Sha256::new();
    for migration in MIGRATOR.iter() {
        digest.update(migration.version.to_le_bytes());
        digest.update(&migration.checksum);
    }
    hex::encode(&digest.finalize()[..8])
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A row type both backends can decode: what `#[derive(sqlx::FromRow)]` gives a struct whose
/// fields decode on both (every value type here does).
pub trait Record: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin {}

impl<T> Record for T where T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin {}

/// A record's columns, derived from its fields (`#[derive(Columns)]`, see `gable_macros`; the engine in `crate::resource` writes with them):
/// what the engine reads, what it stores, and the fields it manages itself.
pub trait Columns {
    /// Every column read, in `SELECT` order (`id`, `created_at`, `updated_at` included). Besides
    /// stored columns it may hold read-only expressions over `$1`, the organization (every
    /// scoped statement binds it), e.g. `(SELECT slug FROM organizations WHERE id = $1) AS org_slug`.
    const SELECT: &'static str;

    /// The stored columns other than `org_id`, `id`, `created_at` and `updated_at`, with their
    /// values.
    fn columns(&self) -> Vec<(&'static str, Value)>;

    fn id(&self) -> &str;
}

/// The times the engine keeps on a record it writes (derived with [`Columns`] for a record
/// with `created_at` and `updated_at`).
pub trait Stamped {
    fn created_at(&self) -> Timestamp;
    fn set_updated_at(&mut self, at: Timestamp);
}

pub use gable_macros::Columns;

/// The database: native pools of one backend.
#[derive(Clone)]
pub struct Db {
    pools: Pools,
    /// Statements run for the API outside a transaction (its reads), for tests that hold a
    /// request to a bounded number of queries ([`Db::api_statements`]).
    api_statements: Arc<AtomicU64>,
}

#[derive(Clone)]
enum Pools {
    /// Reads on their own connections (WAL lets them run beside the writer); one writer
    /// connection, so writers queue in the process instead of failing with `SQLITE_BUSY`.
    /// Background jobs share them: SQLite has one writer whoever writes.
    Sqlite { read: ReadConnections<Reader<SqliteConnectOptions>>, write: SqlitePool },
    /// The API's plain reads on connections of their own, its writes and transactions, and the
    /// background jobs' own connections, so a backlog of jobs never makes a request wait for a
    /// connection.
    Postgres { read: ReadConnections<Reader<PgConnectOptions>>, api: PgPool, jobs: PgPool },
}

/// Whose connections a statement uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Api,
    Jobs,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db").field("backend", &self.backend()).finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("cannot create the database directory {0}: {1}")]
    Directory(String, std::io::Error),
}

impl Db {
    /// Connects to `sqlite://PATH` (creating the file and its directory) or `postgres://…`,
    /// with up to `max_connections` for the API and, on PostgreSQL, `job_connections` more for
    /// background jobs.
    pub async fn connect(url: &SecretString, max_connections: u32, job_connections: u32) -> Result<Db, DbError> {
        let url = url.expose_secret();
        if url.starts_with("sqlite:") {
            let options = sqlite_options(url)?;
            // No ping before each use, as on PostgreSQL: each SQLite connection runs on a
            // thread of its own, and a ping is one more round trip to that thread per query.
            let write = SqlitePoolOptions::new()
                .max_connections(1)
                .test_before_acquire(false)
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(options.clone())
                .await?;
            // Open the writer first: it creates the file and switches it to WAL.
            write.acquire().await?;
            let read = ReadConnections::new(Reader(options.read_only(true)), sqlite_readers(max_connections))?;
            Ok(Db { pools: Pools::Sqlite { read, write }, api_statements: Arc::default() })
        } else {
            // No ping before each use: it doubles the round trips of a query, and a connection
            // broken by a database restart fails one query and is then replaced.
            let pool = |size: u32| {
                PgPoolOptions::new()
                    .max_connections(size.max(1))
                    .test_before_acquire(false)
                    .acquire_timeout(Duration::from_secs(30))
                    .connect(url)
            };
            let api = pool(max_connections.max(2)).await?;
            let jobs = pool(job_connections).await?;
            let read = ReadConnections::new(Reader(PgConnectOptions::from_str(url)?), max_connections)?;
            Ok(Db { pools: Pools::Postgres { read, api, jobs }, api_statements: Arc::default() })
        }
    }

    pub async fn migrate(&self) -> Result<(), DbError> {
        match &self.pools {
            Pools::Sqlite { write, .. } => MIGRATOR.run(write).await?,
            Pools::Postgres { api, .. } => MIGRATOR.run(api).await?,
        }
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        match self.pools {
            Pools::Sqlite { .. } => Backend::Sqlite,
            Pools::Postgres { .. } => Backend::Postgres,
        }
    }

    /// Checks that the database answers (`GET /ready`).
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        self.unscoped().execute(Sql::unscoped("SELECT 1".into())).await.map(|_| ())
    }

    pub async fn close(&self) {
        match &self.pools {
            Pools::Sqlite { read, write } => {
                read.0.close();
                write.close().await;
            }
            Pools::Postgres { read, api, jobs } => {
                read.0.close();
                api.close().await;
                jobs.close().await;
            }
        }
    }

    /// How many statements the API has run outside transactions (its reads, mostly) since the
    /// start: tests compare it before and after a request.
    pub fn api_statements(&self) -> u64 {
        self.api_statements.load(Ordering::Relaxed)
    }

    /// Reads and single-statement writes for one organization.
    pub fn scoped<'a>(&'a self, tenant: &'a ActingOrg) -> Scoped<'a> {
        Scoped { db: self, org: tenant.org_id() }
    }

    /// A write transaction for one organization.
    pub async fn begin<'a>(&'a self, tenant: &'a ActingOrg) -> Result<ScopedTx<'a>, sqlx::Error> {
        Ok(ScopedTx { tx: self.begin_write(Role::Api).await?, org: tenant.org_id() })
    }

    /// Statements across organizations, for background jobs, on the jobs' own connections.
    pub fn jobs<'a>(&'a self, _token: &JobToken) -> Jobs<'a> {
        Jobs { db: self, role: Role::Jobs }
    }

    /// Statements across organizations on the API's connections: for [`system`] only.
    fn unscoped(&self) -> Jobs<'_> {
        Jobs { db: self, role: Role::Api }
    }

    async fn begin_write(&self, role: Role) -> Result<Tx, sqlx::Error> {
        Ok(match &self.pools {
            // Take the write lock up front: a deferred transaction that reads first could
            // otherwise fail to upgrade when another process writes.
            Pools::Sqlite { write, .. } => Tx::Sqlite(write.begin_with("BEGIN IMMEDIATE").await?),
            Pools::Postgres { api, jobs, .. } => {
                Tx::Postgres(if role == Role::Jobs { jobs } else { api }.begin().await?)
            }
        })
    }
}

/// Every SQLite connection's settings. `SQLITE_ENABLE_QPSG` and `SQLITE_DEFAULT_MEMSTATUS=0`
/// are compiled in (`.cargo/config.toml`): without the planner's stability guarantee SQLite
/// re-prepared statements whose bound values it had planned for (a bound `LIMIT`) on every
/// execution, and memory statistics take a process-wide mutex on every allocation.
fn sqlite_options(url: &str) -> Result<SqliteConnectOptions, DbError> {
    let rest = url.trim_start_matches("sqlite:").trim_start_matches("//");
    let path = rest.split_once('?').map_or(rest, |(path, _)| path);
    if let Some(dir) = Path::new(path).parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| DbError::Directory(dir.display().to_string(), e))?;
    }
    Ok(SqliteConnectOptions::from_str(&format!("sqlite://{rest}"))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(Duration::from_secs(5))
        .foreign_keys(true))
}

/// Connections for plain reads, kept open between statements by deadpool. sqlx's own pool
/// pings every connection it takes back — a round trip for each statement, a third of a short
/// read's cost on either backend (docs/benchmarks.md). A read has nothing to flush: a read
/// dropped half-way leaves its rows behind, and the next statement waits them out (SQLite
/// queues it on the connection's thread; sqlx's PostgreSQL connection reads up to the pending
/// `ReadyForQuery` before it sends). A connection whose statement failed at the connection level
/// is dropped instead of returned ([`broken`]).
struct ReadConnections<M: deadpool::managed::Manager>(deadpool::managed::Pool<M>);

impl<M: deadpool::managed::Manager> Clone for ReadConnections<M> {
    fn clone(&self) -> Self {
        ReadConnections(self.0.clone())
    }
}

/// Opens read connections with these options.
struct Reader<O>(O);

macro_rules! reader {
    ($options:ty, $connection:ty) => {
        impl deadpool::managed::Manager for Reader<$options> {
            type Type = $connection;
            type Error = sqlx::Error;

            async fn create(&self) -> Result<$connection, sqlx::Error> {
                sqlx::ConnectOptions::connect(&self.0).await
            }

            async fn recycle(
                &self,
                _: &mut $connection,
                _: &deadpool::managed::Metrics,
            ) -> deadpool::managed::RecycleResult<sqlx::Error> {
                Ok(())
            }
        }
    };
}

reader!(SqliteConnectOptions, sqlx::SqliteConnection);
reader!(PgConnectOptions, sqlx::PgConnection);

impl<M: deadpool::managed::Manager<Error = sqlx::Error>> ReadConnections<M> {
    fn new(manager: M, size: u32) -> Result<ReadConnections<M>, DbError> {
        let pool = deadpool::managed::Pool::builder(manager)
            .max_size(size.max(1) as usize)
            .runtime(deadpool::Runtime::Tokio1)
            .wait_timeout(Some(Duration::from_secs(30)))
            .build()
            .map_err(|e| DbError::Sqlx(sqlx::Error::Configuration(e.to_string().into())))?;
        Ok(ReadConnections(pool))
    }

    async fn get(&self) -> Result<deadpool::managed::Object<M>, sqlx::Error> {
        self.0.get().await.map_err(|error| match error {
            deadpool::managed::PoolError::Backend(error) => error,
            deadpool::managed::PoolError::Timeout(_) => sqlx::Error::PoolTimedOut,
            deadpool::managed::PoolError::Closed => sqlx::Error::PoolClosed,
            other => sqlx::Error::Configuration(other.to_string().into()),
        })
    }
}

/// Whether an error leaves the connection unusable (rather than the statement wrong): I/O,
/// TLS or protocol failures, or PostgreSQL ending the session (SQLSTATE class 08, connection
/// exception, or 57P, operator intervention: `pg_terminate_backend`, a shutdown or restart).
fn broken(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Io(_) | sqlx::Error::Tls(_) | sqlx::Error::Protocol(_) | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(error) => {
            error.code().is_some_and(|code| code.starts_with("08") || code.starts_with("57P"))
        }
        _ => false,
    }
}

/// Runs a read (`$sql`, a plain `SELECT`) on a connection of `pool`. A connection that broke
/// (the database restarted, or dropped it) is dropped and the read tried again on another, as
/// many times as the pool has connections: a read has no effect to repeat, so a database
/// restart costs no request a failed read.
macro_rules! on_reader {
    ($pool:expr, $sql:ident, |$connection:ident, $statement:ident| $run:expr) => {{
        let mut tries = $pool.0.status().max_size + 1;
        loop {
            let mut $connection = $pool.get().await?;
            let $statement = $sql.clone();
            let result = $run;
            match result {
                Err(error) if broken(&error) => {
                    let _ = deadpool::managed::Object::take($connection);
                    tries -= 1;
                    if tries == 0 {
                        break Err(error);
                    }
                }
                other => break other,
            }
        }
    }};
}

/// SQLite readers are CPU-bound worker threads: more than two per core only adds switching.
fn sqlite_readers(max_connections: u32) -> u32 {
    let cores = std::thread::available_parallelism().map_or(2, |n| u32::try_from(n.get()).unwrap_or(2));
    max_connections.clamp(1, cores * 2)
}

/// A write transaction of either backend; dropped without a commit, it rolls back.
enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

impl Tx {
    async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await,
            Tx::Postgres(tx) => tx.commit().await,
        }
    }
}

/// One SQL statement and its parameters (for a scoped statement, the organization is `$1`).
#[must_use]
#[derive(Debug, Clone)]
pub struct Sql {
    text: Cow<'static, str>,
    values: Vec<Value>,
    /// A plain `SELECT` may go to SQLite's read connections.
    read_only: bool,
}

impl Sql {
    fn new(text: Cow<'static, str>, org: &str) -> Sql {
        debug_assert!(text.contains("$1"), "a scoped statement must use the organization ($1): {text}");
        Sql::unscoped(text).bind(org)
    }

    fn unscoped(text: Cow<'static, str>) -> Sql {
        let read_only = text.trim_start().get(..6).is_some_and(|verb| verb.eq_ignore_ascii_case("select"));
        Sql { text, values: Vec::new(), read_only }
    }

    /// Binds a column value (see [`Value`]).
    pub fn bind_value(mut self, value: Value) -> Sql {
        self.values.push(value);
        self
    }

    /// Binds the next parameter (`$2`, `$3`, …).
    pub fn bind(self, value: impl Into<Value>) -> Sql {
        self.bind_value(value.into())
    }

    fn sqlite(self) -> Result<(AssertSqlSafe<Cow<'static, str>>, SqliteArguments), sqlx::Error> {
        let mut arguments = SqliteArguments::default();
        for value in self.values {
            match value {
                Value::Text(v) => arguments.add(v),
                Value::Int(v) => arguments.add(v),
                Value::Real(v) => arguments.add(v),
            }
            .map_err(sqlx::Error::Encode)?;
        }
        Ok((AssertSqlSafe(self.text), arguments))
    }

    fn postgres(self) -> Result<(AssertSqlSafe<Cow<'static, str>>, PgArguments), sqlx::Error> {
        let mut arguments = PgArguments::default();
        for value in self.values {
            match value {
                Value::Text(v) => arguments.add(v),
                Value::Int(v) => arguments.add(v),
                Value::Real(v) => arguments.add(v),
            }
            .map_err(sqlx::Error::Encode)?;
        }
        Ok((AssertSqlSafe(self.text), arguments))
    }
}

/// Runs `$sql` on `$executor` (a SQLite or PostgreSQL executor, by `$backend`) as
/// `query_as_with(..).$method` (`$as` = `rows`) or `query_with(..).$method` (`$as` = `plain`).
macro_rules! run {
    (rows, $backend:ident, $sql:expr, $executor:expr, $method:ident) => {{
        let (text, arguments) = run!(@bind $backend, $sql)?;
        sqlx::query_as_with::<_, _, _>(text, arguments).$method($executor).await
    }};
    (plain, $backend:ident, $sql:expr, $executor:expr, $method:ident) => {{
        let (text, arguments) = run!(@bind $backend, $sql)?;
        sqlx::query_with(text, arguments).$method($executor).await
    }};
    (@bind sqlite, $sql:expr) => {
        $sql.sqlite()
    };
    (@bind postgres, $sql:expr) => {
        $sql.postgres()
    };
}

/// Runs one operation on the executor `$self` stands for: `pooled` picks SQLite's read or
/// write pool by the statement (or PostgreSQL's pool), `tx` the transaction.
macro_rules! dispatch {
    (pooled, $self:ident, $sql:ident, $as:ident, $method:ident) => {{
        if $self.role() == Role::Api {
            $self.db.api_statements.fetch_add(1, Ordering::Relaxed);
        }
        match &$self.db.pools {
            Pools::Sqlite { read, write } => {
                if $sql.read_only {
                    on_reader!(read, $sql, |connection, statement| run!(
                        $as,
                        sqlite,
                        statement,
                        &mut *connection,
                        $method
                    ))
                } else {
                    run!($as, sqlite, $sql, write, $method)
                }
            }
            Pools::Postgres { read, api, jobs } => {
                if $self.role() == Role::Jobs {
                    run!($as, postgres, $sql, jobs, $method)
                } else if $sql.read_only {
                    on_reader!(read, $sql, |connection, statement| run!(
                        $as,
                        postgres,
                        statement,
                        &mut *connection,
                        $method
                    ))
                } else {
                    run!($as, postgres, $sql, api, $method)
                }
            }
        }
    }};
    (tx, $self:ident, $sql:ident, $as:ident, $method:ident) => {
        match &mut $self.tx {
            Tx::Sqlite(tx) => run!($as, sqlite, $sql, &mut **tx, $method),
            Tx::Postgres(tx) => run!($as, postgres, $sql, &mut **tx, $method),
        }
    };
}

macro_rules! executor {
    ($ty:ident, $self:ident, $kind:ident) => {
        impl $ty<'_> {
            pub async fn fetch_all<T: Record>(&mut $self, sql: Sql) -> Result<Vec<T>, sqlx::Error> {
                dispatch!($kind, $self, sql, rows, fetch_all)
            }

            pub async fn fetch_optional<T: Record>(&mut $self, sql: Sql) -> Result<Option<T>, sqlx::Error> {
                dispatch!($kind, $self, sql, rows, fetch_optional)
            }

            pub async fn fetch_one<T: Record>(&mut $self, sql: Sql) -> Result<T, sqlx::Error> {
                dispatch!($kind, $self, sql, rows, fetch_one)
            }

            /// Runs a statement; returns the number of rows it changed.
            pub async fn execute(&mut $self, sql: Sql) -> Result<u64, sqlx::Error> {
                Ok(match &mut $self.execute_inner(sql).await? {
                    Done::Sqlite(done) => done.rows_affected(),
                    Done::Postgres(done) => done.rows_affected(),
                })
            }

            async fn execute_inner(&mut $self, sql: Sql) -> Result<Done, sqlx::Error> {
                executor!(@execute $kind, $self, sql)
            }
        }
    };
    (@execute pooled, $self:ident, $sql:ident) => {
        match &$self.db.pools {
            Pools::Sqlite { read, write } => {
                if $sql.read_only {
                    on_reader!(read, $sql, |connection, statement| run!(plain, sqlite, statement, &mut *connection, execute))
                        .map(Done::Sqlite)
                } else {
                    run!(plain, sqlite, $sql, write, execute).map(Done::Sqlite)
                }
            }
            Pools::Postgres { read, api, jobs } => {
                if $self.role() == Role::Jobs {
                    run!(plain, postgres, $sql, jobs, execute).map(Done::Postgres)
                } else if $sql.read_only {
                    on_reader!(read, $sql, |connection, statement| run!(plain, postgres, statement, &mut *connection, execute))
                        .map(Done::Postgres)
                } else {
                    run!(plain, postgres, $sql, api, execute).map(Done::Postgres)
                }
            }
        }
    };
    (@execute tx, $self:ident, $sql:ident) => {
        match &mut $self.tx {
            Tx::Sqlite(tx) => run!(plain, sqlite, $sql, &mut **tx, execute).map(Done::Sqlite),
            Tx::Postgres(tx) => run!(plain, postgres, $sql, &mut **tx, execute).map(Done::Postgres),
        }
    };
}

/// What a statement did, on either backend.
enum Done {
    Sqlite(sqlx::sqlite::SqliteQueryResult),
    Postgres(sqlx::postgres::PgQueryResult),
}

macro_rules! scoped_sql {
    ($ty:ident) => {
        impl $ty<'_> {
            /// A statement for this organization; its text must use `$1` for `org_id`.
            pub fn sql(&self, text: impl Into<Cow<'static, str>>) -> Sql {
                Sql::new(text.into(), self.org)
            }

            pub fn org_id(&self) -> &str {
                self.org
            }
        }
    };
}

/// Statements for one organization outside a transaction.
pub struct Scoped<'a> {
    db: &'a Db,
    org: &'a str,
}

executor!(Scoped, self, pooled);
scoped_sql!(Scoped);

impl Scoped<'_> {
    fn role(&self) -> Role {
        Role::Api
    }
}

/// A write transaction for one organization; dropped without [`commit`](Self::commit), it
/// rolls back.
pub struct ScopedTx<'a> {
    tx: Tx,
    org: &'a str,
}

executor!(ScopedTx, self, tx);
scoped_sql!(ScopedTx);

impl ScopedTx<'_> {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }
}

/// Cross-organization statements for background jobs; every statement names the
/// organization of each row it touches itself.
pub struct Jobs<'a> {
    db: &'a Db,
    role: Role,
}

executor!(Jobs, self, pooled);

impl<'a> Jobs<'a> {
    fn role(&self) -> Role {
        self.role
    }

    pub fn sql(&self, text: impl Into<Cow<'static, str>>) -> Sql {
        Sql::unscoped(text.into())
    }

    pub fn backend(&self) -> Backend {
        self.db.backend()
    }

    pub async fn begin(&self) -> Result<JobsTx<'a>, sqlx::Error> {
        Ok(JobsTx { tx: self.db.begin_write(self.role).await?, _db: std::marker::PhantomData })
    }

    /// A transaction whose commit does not wait for the disk (PostgreSQL's `synchronous_commit
    /// = off`): only a crash of the database itself can lose it, and the rows are never lost
    /// out of order. For bookkeeping that is redone when lost (fan-out, claim leases), on the
    /// path between a change and its delivery. On SQLite it is [`begin`](Self::begin).
    pub async fn begin_relaxed(&self) -> Result<JobsTx<'a>, sqlx::Error> {
        let mut tx = self.begin().await?;
        if self.db.backend() == Backend::Postgres {
            tx.execute(Sql::unscoped("SET LOCAL synchronous_commit = off".into())).await?;
        }
        Ok(tx)
    }
}

/// A job's write transaction.
pub struct JobsTx<'a> {
    tx: Tx,
    _db: std::marker::PhantomData<&'a Db>,
}

executor!(JobsTx, self, tx);

impl JobsTx<'_> {
    pub fn sql(&self, text: impl Into<Cow<'static, str>>) -> Sql {
        Sql::unscoped(text.into())
    }

    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }
}

/// `$from, $from+1, …` — `n` numbered placeholders, for `IN (…)` and multi-row `VALUES`.
pub fn placeholders(from: usize, n: usize) -> String {
    (from..from + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// Whether a database error is a unique-constraint violation (for 409 mapping).
pub fn is_unique_violation(err: &sqlx::Error) -> bool {
    matches!(err, sqlx::Error::Database(db) if db.is_unique_violation())
}

/// Parses a value stored as text back into its enum (rows are only written by this crate).
pub fn parse_column<T: FromStr>(value: &str, column: &str) -> Result<T, sqlx::Error> {
    value.parse().map_err(|_| sqlx::Error::ColumnDecode {
        index: column.to_owned(),
        source: format!("unexpected value `{value}`").into(),
    })
}

//! Storage: one code path for SQLite and PostgreSQL through sqlx's `Any` driver.
//!
//! Tenant-owned rows carry `org_id`, and the only way to run SQL against them from outside
//! this module is through [`Scoped`] or [`ScopedTx`], which exist only for a [`Tenant`] —
//! a type that only authentication produces. Each statement gets the organization bound as
//! `$1` before the caller binds anything else, so every scoped statement is written as
//! `... WHERE org_id = $1 AND ...`.
//!
//! Queries that must cross organizations (authenticating a key, the CLI's organization
//! commands, background jobs) are named functions in [`system`], reviewable in one place.
//!
//! Portability rules for SQL in this crate: `$n` placeholders (SQLite accepts them too);
//! `TEXT`, `BIGINT` and `DOUBLE PRECISION` columns only (booleans are `BIGINT` 0/1, times
//! are epoch milliseconds, dates are `YYYY-MM-DD` text); `CAST(SUM(..) AS BIGINT)` for sums.

mod sqlite;
pub mod system;

use std::borrow::Cow;
use std::path::Path;
use std::str::FromStr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use sqlx::any::{AnyArguments, AnyPoolOptions, AnyRow};
use sqlx::query::Query;
use sqlx::{Any, AnyConnection, AnyPool, Connection, Encode, Execute, Executor, FromRow, Transaction, Type};
use tokio::sync::{Semaphore, SemaphorePermit};

use crate::app::JobToken;
use crate::auth::Tenant;
use crate::resource::values::Value;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database: a read pool and a write pool (the same pool on PostgreSQL; on SQLite one
/// writer connection, so writers queue in the process instead of failing with `SQLITE_BUSY`).
#[derive(Clone)]
pub struct Db {
    read: AnyPool,
    write: AnyPool,
    readers: Arc<Readers>,
    /// SQLite: plain reads in the calling task (see [`sqlite`]).
    direct: Option<Arc<sqlite::DirectReaders>>,
    backend: Backend,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db").field("backend", &self.backend).finish_non_exhaustive()
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
    /// Connects to `sqlite://PATH` (creating the file and its directory) or `postgres://…`.
    pub async fn connect(url: &SecretString, max_connections: u32) -> Result<Db, DbError> {
        sqlx::any::install_default_drivers();
        let url = url.expose_secret();
        if url.starts_with("sqlite:") {
            sqlite_process_settings();
            let (url, path) = sqlite_url(url)?;
            let pragmas = SQLITE_PRAGMAS.to_str().unwrap_or_default();
            let write = AnyPoolOptions::new()
                .max_connections(1)
                .test_before_acquire(false)
                .acquire_timeout(Duration::from_secs(30))
                .after_connect(move |conn, _| Box::pin(async move { conn.execute(pragmas).await.map(|_| ()) }))
                .connect(&url)
                .await?;
            // Open the writer first: it creates the file and switches it to WAL.
            write.acquire().await?;
            let read = AnyPoolOptions::new()
                .max_connections(sqlite_readers(max_connections))
                .test_before_acquire(false)
                .after_connect(move |conn, _| Box::pin(async move { conn.execute(pragmas).await.map(|_| ()) }))
                .connect(&url)
                .await?;
            let readers = Readers::new(read.clone(), sqlite_readers(max_connections));
            let direct = sqlite::DirectReaders::new(&path, SQLITE_PRAGMAS, sqlite_readers(max_connections) as usize)
                .map(Arc::new);
            Ok(Db { read, write, readers, direct, backend: Backend::Sqlite })
        } else {
            // No ping before each use: it doubles the round trips of every query, and a
            // connection broken by a database restart fails one query and is then replaced.
            // Half the connections serve plain reads ([`Readers`]), the rest writes and
            // transactions: at most `max_connections` in all (at least one of each).
            let readers = (max_connections / 2).max(1);
            let pool = AnyPoolOptions::new()
                .max_connections(max_connections.saturating_sub(readers).max(1))
                .test_before_acquire(false)
                .acquire_timeout(Duration::from_secs(30))
                .connect(url)
                .await?;
            let readers = Readers::new(pool.clone(), readers);
            Ok(Db { read: pool.clone(), write: pool, readers, direct: None, backend: Backend::Postgres })
        }
    }

    pub async fn migrate(&self) -> Result<(), DbError> {
        MIGRATOR.run(&self.write).await?;
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Checks that the database answers (`GET /ready`).
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1").execute(&self.read).await.map(|_| ())
    }

    pub async fn close(&self) {
        if let Some(direct) = &self.direct {
            direct.close();
        }
        self.readers.close().await;
        self.read.close().await;
        self.write.close().await;
    }

    /// Reads and single-statement writes for one organization.
    pub fn scoped<'a>(&'a self, tenant: &'a Tenant) -> Scoped<'a> {
        Scoped { db: self, org: tenant.org_id() }
    }

    /// A write transaction for one organization.
    pub async fn begin<'a>(&'a self, tenant: &'a Tenant) -> Result<ScopedTx<'a>, sqlx::Error> {
        Ok(ScopedTx { tx: self.begin_write().await?, org: tenant.org_id() })
    }

    pub(crate) async fn begin_write(&self) -> Result<Transaction<'static, Any>, sqlx::Error> {
        match self.backend {
            // Take the write lock up front: a deferred transaction that reads first could
            // otherwise fail to upgrade when another process writes.
            Backend::Sqlite => self.write.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.write.begin().await,
        }
    }
}

/// Settings of every SQLite connection, sqlx's and [`sqlite::DirectReaders`]'.
const SQLITE_PRAGMAS: &std::ffi::CStr = c"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
    PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";

/// SQLite settings for the whole process, made once before the first connection opens.
///
/// - Every connection gets the query planner stability guarantee (`SQLITE_DBCONFIG_ENABLE_QPSG`).
///   Without it SQLite plans some statements for their bound values (a bound `LIMIT`, a `LIKE`
///   pattern, an indexed column once `ANALYZE` has run) and then re-prepares the cached statement
///   whenever a value is bound again — that is, on every execution: a parse and a plan per
///   request, 15% of a list's CPU. Our statements are written for their indexes, so one plan is
///   the right plan.
/// - No memory statistics (`SQLITE_CONFIG_MEMSTATUS`): keeping them takes one process-wide
///   mutex on every SQLite allocation, and sqlx copies each column value of each row it reads.
fn sqlite_process_settings() {
    use libsqlite3_sys as ffi;
    use std::ffi::{c_char, c_int};

    unsafe extern "C" fn on_open(
        db: *mut ffi::sqlite3,
        _: *mut *mut c_char,
        _: *const ffi::sqlite3_api_routines,
    ) -> c_int {
        // SAFETY: SQLite calls this with the connection it is opening; the variadic arguments
        // of ENABLE_QPSG are (int on, int *previous or NULL).
        unsafe {
            ffi::sqlite3_db_config(db, ffi::SQLITE_DBCONFIG_ENABLE_QPSG, 1 as c_int, std::ptr::null_mut::<c_int>())
        };
        ffi::SQLITE_OK
    }

    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: `sqlite3_config` is only valid before SQLite initializes (the first
        // connection); after that it returns SQLITE_MISUSE and changes nothing. The automatic
        // extension is a plain function that lives as long as the process.
        unsafe {
            let _ = ffi::sqlite3_config(ffi::SQLITE_CONFIG_MEMSTATUS, 0 as c_int);
            let _ = ffi::sqlite3_auto_extension(Some(on_open));
        }
    });
}

impl Db {
    /// Runs a plain `SELECT` in the calling task when the backend allows it (SQLite), returning
    /// at most `max_rows` rows; otherwise hands the statement back to run through sqlx.
    fn read_here(&self, sql: Sql, max_rows: usize) -> Result<Result<Vec<AnyRow>, sqlx::Error>, Sql> {
        let Some(direct) = self.direct.as_ref().filter(|_| sql.read_only) else { return Err(sql) };
        let Sql { mut query, read_only } = sql;
        let arguments = match query.take_arguments() {
            Ok(arguments) => arguments,
            Err(err) => return Ok(Err(sqlx::Error::Encode(err))),
        };
        let text = query.sql();
        match direct.fetch(text.as_str(), arguments.as_ref(), max_rows) {
            Ok(result) => Ok(result),
            Err(sqlite::NotTaken) => {
                let query = match arguments {
                    Some(arguments) => sqlx::query_with(text, arguments),
                    None => sqlx::query(text),
                };
                Err(Sql { query, read_only })
            }
        }
    }
}

/// SQLite readers are CPU-bound worker threads: more than two per core only adds switching.
fn sqlite_readers(max_connections: u32) -> u32 {
    let cores = std::thread::available_parallelism().map_or(2, |n| u32::try_from(n.get()).unwrap_or(2));
    max_connections.clamp(1, cores * 2)
}

/// sqlx's URL for a SQLite database, and the file's path.
fn sqlite_url(url: &str) -> Result<(String, String), DbError> {
    let rest = url.trim_start_matches("sqlite:").trim_start_matches("//");
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if let Some(dir) = Path::new(path).parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| DbError::Directory(dir.display().to_string(), e))?;
    }
    let query = if query.is_empty() { "mode=rwc".to_owned() } else { query.to_owned() };
    Ok((format!("sqlite://{path}?{query}"), path.to_owned()))
}

/// The connections that plain `SELECT`s run on, kept here rather than in sqlx's pool: the pool
/// pings every connection it gets back (sqlx 0.9 does so unconditionally), which made each
/// query two round trips — to PostgreSQL's backend, or two hand-offs to a SQLite worker
/// thread. Connections are opened through the pool (with its settings and `after_connect`
/// hooks) and detached from it; at most `limit` are in use at once.
///
/// A connection goes back to the idle set only after its statement completed or failed in
/// the database: one whose future was dropped mid-statement (a client that went away), or
/// that failed with an I/O or protocol error, is closed, so no connection is reused in an
/// unknown state. A connection broken while idle (a database restart) fails one query and is
/// then replaced, as with the pool's `test_before_acquire(false)`.
struct Readers {
    pool: AnyPool,
    idle: Mutex<Vec<AnyConnection>>,
    permits: Semaphore,
}

impl Readers {
    fn new(pool: AnyPool, limit: u32) -> Arc<Readers> {
        let limit = usize::try_from(limit).unwrap_or(1).max(1);
        Arc::new(Readers { pool, idle: Mutex::new(Vec::with_capacity(limit)), permits: Semaphore::new(limit) })
    }

    async fn get(&self) -> Result<Reader<'_>, sqlx::Error> {
        let permit = self.permits.acquire().await.map_err(|_| sqlx::Error::PoolClosed)?;
        let idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner).pop();
        let conn = match idle {
            Some(conn) => conn,
            None => self.pool.acquire().await?.detach(),
        };
        Ok(Reader { readers: self, conn: Some(conn), _permit: permit })
    }

    async fn close(&self) {
        self.permits.close();
        let idle = std::mem::take(&mut *self.idle.lock().unwrap_or_else(PoisonError::into_inner));
        for conn in idle {
            let _ = conn.close().await;
        }
    }
}

/// A read connection in use; dropped without [`release`](Self::release), it is closed.
struct Reader<'a> {
    readers: &'a Readers,
    conn: Option<AnyConnection>,
    _permit: SemaphorePermit<'a>,
}

impl Reader<'_> {
    fn conn(&mut self) -> &mut AnyConnection {
        self.conn.as_mut().expect("a reader holds its connection until released")
    }

    /// Returns the connection to the idle set, unless `result` says the connection itself failed.
    fn release<T>(mut self, result: &Result<T, sqlx::Error>) {
        let reusable = match result {
            Ok(_) | Err(sqlx::Error::RowNotFound) => true,
            // PostgreSQL's classes 08 (connection exception) and 57 (operator intervention:
            // the server terminated the session) end the connection; other database errors
            // (a constraint, a bad value) leave it as it was.
            Err(sqlx::Error::Database(err)) => !err.code().is_some_and(|c| c.starts_with("08") || c.starts_with("57")),
            Err(_) => false,
        };
        if let Some(conn) = self.conn.take().filter(|_| reusable) {
            self.readers.idle.lock().unwrap_or_else(PoisonError::into_inner).push(conn);
        }
    }
}

/// One SQL statement with the organization already bound as `$1`.
#[must_use]
pub struct Sql {
    query: Query<'static, Any, AnyArguments>,
    /// A plain `SELECT` may go to the read pool.
    read_only: bool,
}

impl Sql {
    fn new(text: Cow<'static, str>, org: &str) -> Sql {
        debug_assert!(text.contains("$1"), "a scoped statement must use the organization ($1): {text}");
        let unscoped = Sql::unscoped(text);
        Sql { query: unscoped.query.bind(org.to_owned()), ..unscoped }
    }

    fn unscoped(text: Cow<'static, str>) -> Sql {
        let read_only = text.trim_start().get(..6).is_some_and(|verb| verb.eq_ignore_ascii_case("select"));
        let query = match text {
            Cow::Borrowed(text) => sqlx::query(text),
            Cow::Owned(text) => sqlx::query(sqlx::AssertSqlSafe(text)),
        };
        Sql { query, read_only }
    }

    /// Binds a column value (see [`Value`]).
    pub fn bind_value(self, value: Value) -> Sql {
        match value {
            Value::Text(v) => self.bind(v),
            Value::Int(v) => self.bind(v),
            // sqlx-core 0.9.0's Any → PostgreSQL bridge swaps the float kinds of a NULL: a
            // `None::<f64>` is sent as a FLOAT4 null and `None::<f32>` as a FLOAT8 one. The
            // connection's prepared statement then declares FLOAT4 for the parameter and the
            // next non-null f64 on that connection fails ("incorrect binary data format").
            // Every REAL column here is DOUBLE PRECISION, so a null goes as FLOAT8
            // (`tests/api/properties.rs` pins this on PostgreSQL).
            Value::Real(None) => self.bind(None::<f32>),
            Value::Real(Some(v)) => self.bind(v),
        }
    }

    /// Binds the next parameter (`$2`, `$3`, …).
    pub fn bind<T>(self, value: T) -> Sql
    where
        T: for<'t> Encode<'t, Any> + Type<Any> + 'static,
    {
        Sql { query: self.query.bind(value), ..self }
    }
}

/// Runs `$sql.$method` where `$kind` says: `pooled` — a plain `SELECT` on a [`Reader`], anything
/// else on the write pool; `tx` — on the transaction.
macro_rules! run {
    (pooled, $self:ident, $sql:ident . $method:ident) => {
        if $sql.read_only {
            let mut reader = $self.db.readers.get().await?;
            let result = $sql.query.$method(reader.conn()).await;
            reader.release(&result);
            result
        } else {
            $sql.query.$method(&$self.db.write).await
        }
    };
    (tx, $self:ident, $sql:ident . $method:ident) => {
        $sql.query.$method(&mut *$self.tx).await
    };
}

/// `Ok(rows)` if `$sql` ran in the calling task ([`Db::read_here`]: `pooled` reads on SQLite),
/// else `Err($sql)` to run with [`run!`].
macro_rules! here {
    (pooled, $self:ident, $sql:ident, $max:expr) => {
        $self.db.read_here($sql, $max)
    };
    (tx, $self:ident, $sql:ident, $max:expr) => {
        Err::<Result<Vec<AnyRow>, sqlx::Error>, Sql>($sql)
    };
}

macro_rules! scoped_executor {
    ($ty:ident, $self:ident, $kind:ident) => {
        impl $ty<'_> {
            pub async fn fetch_all<T: for<'r> FromRow<'r, AnyRow>>(&mut $self, sql: Sql) -> Result<Vec<T>, sqlx::Error> {
                let rows = match here!($kind, $self, sql, usize::MAX) {
                    Ok(rows) => rows?,
                    Err(sql) => run!($kind, $self, sql.fetch_all)?,
                };
                rows.iter().map(T::from_row).collect()
            }

            pub async fn fetch_optional<T: for<'r> FromRow<'r, AnyRow>>(&mut $self, sql: Sql) -> Result<Option<T>, sqlx::Error> {
                let row = match here!($kind, $self, sql, 1) {
                    Ok(rows) => rows?.into_iter().next(),
                    Err(sql) => run!($kind, $self, sql.fetch_optional)?,
                };
                row.as_ref().map(T::from_row).transpose()
            }

            pub async fn fetch_one<T: for<'r> FromRow<'r, AnyRow>>(&mut $self, sql: Sql) -> Result<T, sqlx::Error> {
                let row = match here!($kind, $self, sql, 1) {
                    Ok(rows) => rows?.into_iter().next().ok_or(sqlx::Error::RowNotFound)?,
                    Err(sql) => run!($kind, $self, sql.fetch_one)?,
                };
                T::from_row(&row)
            }

            /// Runs a statement; returns the number of rows it changed.
            pub async fn execute(&mut $self, sql: Sql) -> Result<u64, sqlx::Error> {
                Ok(run!($kind, $self, sql.execute)?.rows_affected())
            }
        }
    };
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

scoped_executor!(Scoped, self, pooled);
scoped_sql!(Scoped);

/// A write transaction for one organization; dropped without [`commit`](Self::commit), it
/// rolls back.
pub struct ScopedTx<'a> {
    tx: Transaction<'static, Any>,
    org: &'a str,
}

scoped_executor!(ScopedTx, self, tx);
scoped_sql!(ScopedTx);

impl ScopedTx<'_> {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }
}

impl Db {
    /// Statements across organizations, for background jobs.
    pub fn jobs<'a>(&'a self, _token: &JobToken) -> Jobs<'a> {
        Jobs { db: self }
    }
}

/// Cross-organization statements for background jobs; every statement names the
/// organization of each row it touches itself.
pub struct Jobs<'a> {
    db: &'a Db,
}

scoped_executor!(Jobs, self, pooled);

impl<'a> Jobs<'a> {
    pub fn sql(&self, text: impl Into<Cow<'static, str>>) -> Sql {
        Sql::unscoped(text.into())
    }

    pub fn backend(&self) -> Backend {
        self.db.backend
    }

    pub async fn begin(&self) -> Result<JobsTx<'a>, sqlx::Error> {
        Ok(JobsTx { tx: self.db.begin_write().await?, _db: std::marker::PhantomData })
    }

    /// A transaction whose commit does not wait for the disk (PostgreSQL's `synchronous_commit
    /// = off`): only a crash of the database itself can lose it, and the rows are never lost
    /// out of order. For bookkeeping that is redone when lost (fan-out, claim leases), on the
    /// path between a change and its delivery. On SQLite it is [`begin`](Self::begin).
    pub async fn begin_relaxed(&self) -> Result<JobsTx<'a>, sqlx::Error> {
        let mut tx = self.begin().await?;
        if self.db.backend == Backend::Postgres {
            sqlx::query("SET LOCAL synchronous_commit = off").execute(&mut *tx.tx).await?;
        }
        Ok(tx)
    }
}

/// A job's write transaction.
pub struct JobsTx<'a> {
    tx: Transaction<'static, Any>,
    _db: std::marker::PhantomData<&'a Db>,
}

scoped_executor!(JobsTx, self, tx);

impl JobsTx<'_> {
    pub fn sql(&self, text: impl Into<Cow<'static, str>>) -> Sql {
        Sql::unscoped(text.into())
    }

    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }
}

/// Whether a database error is a unique-constraint violation (for 409 mapping).
/// `$from, $from+1, …` — `n` numbered placeholders, for `IN (…)` and multi-row `VALUES`.
pub fn placeholders(from: usize, n: usize) -> String {
    (from..from + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

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

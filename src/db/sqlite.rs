//! Plain reads on SQLite, run in the calling task on connections of our own.
//!
//! sqlx runs each SQLite connection on a worker thread: a query is a message to that thread,
//! and each row a message back, so a list of twenty rows costs a few thread hand-offs (futex
//! wake-ups and context switches) and a copy of every value twice (into sqlx's SQLite row,
//! then into its `Any` row). For the short indexed `SELECT`s that serve the API this was about
//! a fifth of a request's time (`docs/benchmarks.md`: +21 % on `/api/keys`, about as much on a
//! list). Here the statement runs where the request runs, and each row is read straight into
//! the [`AnyRow`] that the rest of the crate decodes with `FromRow` — the same row, with the
//! same value kinds, that sqlx's `Any` driver builds from SQLite (a value's kind follows its
//! storage class: INTEGER → `BigInt`, REAL → `Double`, TEXT → `Text`, BLOB → `Blob`).
//!
//! The price is that a statement holds the tokio worker while it runs, so the time it may run
//! here is bounded: after [`BUDGET_INSTRUCTIONS`] SQLite virtual-machine instructions (about two
//! milliseconds here; an API list page takes some thousands) the statement is interrupted
//! and handed to sqlx, whose worker thread runs it again from the start while the tokio
//! worker serves other requests. A big report pays one wasted budget; a list pays nothing.
//! WAL readers never wait for the writer; a reader waits (up to the busy timeout) only while
//! another process recovers the WAL after a crash.
//!
//! Connections are opened read-only in spirit (`PRAGMA query_only`), keep their prepared
//! statements, and go back to the idle set after a statement that finished; after any error the
//! connection is closed. A statement this module does not take (several statements, or one that
//! writes) goes the usual way, through sqlx.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::{BTreeSet, HashMap};
use std::ffi::{CStr, CString, c_char, c_int, c_void};
use std::ptr::{NonNull, null_mut};
use std::sync::{Arc, Mutex, PoisonError};

use libsqlite3_sys as ffi;
use sqlx::any::{AnyArguments, AnyRow, AnyTypeInfo, AnyTypeInfoKind, AnyValue};
use sqlx_core::any::{AnyColumn, AnyValueKind};
use sqlx_core::ext::ustr::UStr;

/// Prepared statements kept per connection; past this the cache starts over (the statement
/// texts are the crate's own, so this bounds only the filter combinations of lists).
const STATEMENTS_PER_CONNECTION: usize = 256;

/// Virtual-machine instructions between two checks of a statement's budget.
const BUDGET_CHECK_EVERY: c_int = 10_000;

/// Instructions a statement may run here before it is handed to sqlx (see the module doc).
const BUDGET_INSTRUCTIONS: u32 = 250_000;

/// The direct readers of one database file.
pub(super) struct DirectReaders {
    path: CString,
    pragmas: &'static CStr,
    idle: Mutex<Vec<Connection>>,
    max_idle: usize,
}

#[derive(Debug, thiserror::Error)]
#[error("sqlite: {message} (code {code})")]
struct SqliteError {
    code: c_int,
    message: String,
}

/// Why a statement did not run here: the caller runs it through sqlx instead.
pub(super) struct NotTaken;

impl DirectReaders {
    /// Readers for the file at `path`, or `None` when the database is not a plain file.
    /// `pragmas` are run on each new connection (the ones sqlx's connections run).
    pub(super) fn new(path: &str, pragmas: &'static CStr, max_idle: usize) -> Option<DirectReaders> {
        if path.is_empty() || path.starts_with(':') || path.contains('%') {
            return None;
        }
        Some(DirectReaders {
            path: CString::new(path).ok()?,
            pragmas,
            idle: Mutex::new(Vec::with_capacity(max_idle)),
            max_idle,
        })
    }

    /// Runs a read-only statement and returns at most `max_rows` rows.
    pub(super) fn fetch(
        &self,
        sql: &str,
        arguments: Option<&AnyArguments>,
        max_rows: usize,
    ) -> Result<Result<Vec<AnyRow>, sqlx::Error>, NotTaken> {
        let idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner).pop();
        let mut conn = match idle {
            Some(conn) => conn,
            None => match Connection::open(&self.path, self.pragmas) {
                Ok(conn) => conn,
                Err(err) => return Ok(Err(err.into())),
            },
        };
        let result = conn.fetch(sql, arguments, max_rows);
        match &result {
            Ok(Ok(_)) | Err(NotTaken) => {
                let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
                if idle.len() < self.max_idle {
                    idle.push(conn);
                }
            }
            // Closed: nothing about a connection that failed is trusted again.
            Ok(Err(_)) => drop(conn),
        }
        result.map(|rows| rows.map_err(Into::into))
    }

    pub(super) fn close(&self) {
        self.idle.lock().unwrap_or_else(PoisonError::into_inner).clear();
    }
}

impl From<SqliteError> for sqlx::Error {
    fn from(err: SqliteError) -> sqlx::Error {
        sqlx::Error::AnyDriverError(Box::new(err))
    }
}

/// A prepared statement, the argument each of its parameters takes, and the column names its
/// rows share.
struct Statement {
    raw: NonNull<ffi::sqlite3_stmt>,
    /// SQLite numbers parameters in order of first appearance and treats `$3` as a name, so a
    /// statement that uses `$3` before `$2` has them the other way round: `parameters[i]` is
    /// the (0-based) argument of parameter `i + 1`, read from its name as sqlx does.
    parameters: Vec<usize>,
    shape: Shape,
}

/// The columns of a statement's rows.
struct Shape {
    names: Arc<sqlx_core::HashMap<UStr, usize>>,
    columns: Vec<AnyColumn>,
}

struct Connection {
    db: Handle,
    statements: HashMap<Box<str>, Statement>,
    /// Budget checks the current statement has passed; the progress handler reads it through
    /// a pointer, so it lives on the heap (the `Connection` moves).
    checks: Box<Cell<u32>>,
}

/// SQLite's progress handler: interrupts the statement once its budget is spent.
extern "C" fn spend_budget(checks: *mut c_void) -> c_int {
    // SAFETY: registered in `Connection::open` with the connection's own `checks`, which lives
    // as long as the connection and is only touched by the thread running its statement.
    let checks = unsafe { &*(checks as *const Cell<u32>) };
    checks.set(checks.get() + 1);
    c_int::from(checks.get() > BUDGET_INSTRUCTIONS / BUDGET_CHECK_EVERY as u32)
}

/// An open connection's handle, for the calls that need only it.
#[derive(Clone, Copy)]
struct Handle(NonNull<ffi::sqlite3>);

// SAFETY: the connection is opened with SQLITE_OPEN_NOMUTEX and used by one thread at a time:
// it is owned by whoever took it from the idle set, and `fetch` takes `&mut self`.
unsafe impl Send for Connection {}

impl Handle {
    fn exec(self, sql: &CStr) -> Result<(), SqliteError> {
        // SAFETY: the handle is open and `sql` is NUL-terminated.
        let rc = unsafe { ffi::sqlite3_exec(self.0.as_ptr(), sql.as_ptr(), None, null_mut(), null_mut()) };
        if rc == ffi::SQLITE_OK { Ok(()) } else { Err(self.error(rc)) }
    }

    fn error(self, code: c_int) -> SqliteError {
        // SAFETY: the handle is open; the message is copied before the next call on it.
        let message = unsafe { CStr::from_ptr(ffi::sqlite3_errmsg(self.0.as_ptr())) };
        SqliteError { code, message: message.to_string_lossy().into_owned() }
    }
}

impl Connection {
    fn open(path: &CStr, pragmas: &CStr) -> Result<Connection, SqliteError> {
        let mut db = null_mut();
        let flags = ffi::SQLITE_OPEN_READWRITE | ffi::SQLITE_OPEN_NOMUTEX;
        // SAFETY: a valid NUL-terminated path and an out pointer; SQLite returns a handle even on
        // failure (to read the message from), which `Connection`'s drop closes.
        let rc = unsafe { ffi::sqlite3_open_v2(path.as_ptr(), &mut db, flags, std::ptr::null()) };
        let Some(db) = NonNull::new(db) else {
            return Err(SqliteError { code: rc, message: "out of memory opening the database".into() });
        };
        let conn = Connection { db: Handle(db), statements: HashMap::new(), checks: Box::new(Cell::new(0)) };
        if rc != ffi::SQLITE_OK {
            return Err(conn.db.error(rc));
        }
        let checks = &*conn.checks as *const Cell<u32> as *mut c_void;
        // SAFETY: the handle is open; `checks` outlives it (dropped after `sqlite3_close`).
        unsafe { ffi::sqlite3_progress_handler(db.as_ptr(), BUDGET_CHECK_EVERY, Some(spend_budget), checks) };
        conn.db.exec(pragmas)?;
        conn.db.exec(c"PRAGMA query_only = ON")?;
        Ok(conn)
    }

    fn fetch(
        &mut self,
        sql: &str,
        arguments: Option<&AnyArguments>,
        max_rows: usize,
    ) -> Result<Result<Vec<AnyRow>, SqliteError>, NotTaken> {
        let db = self.db;
        self.checks.set(0);
        let stmt = match self.statement(sql) {
            Ok(Some(stmt)) => stmt,
            Ok(None) => return Err(NotTaken),
            Err(err) => return Ok(Err(err)),
        };
        let result = stmt.bind(db, arguments).and_then(|()| stmt.rows(db, max_rows));
        // SAFETY: the statement is live; resetting makes it reusable and clearing drops the
        // copies of the bound values.
        unsafe {
            ffi::sqlite3_reset(stmt.raw.as_ptr());
            ffi::sqlite3_clear_bindings(stmt.raw.as_ptr());
        }
        match result {
            // Over budget: sqlx runs it on its own thread (the connection is fine).
            Err(err) if err.code == ffi::SQLITE_INTERRUPT => Err(NotTaken),
            result => Ok(result),
        }
    }

    /// The cached statement for `sql`, prepared on first use; `None` if it is not a single
    /// read-only statement.
    fn statement(&mut self, sql: &str) -> Result<Option<&mut Statement>, SqliteError> {
        if !self.statements.contains_key(sql) {
            let Some(raw) = self.prepare(sql)? else { return Ok(None) };
            if self.statements.len() >= STATEMENTS_PER_CONNECTION {
                self.statements.clear();
            }
            let (shape, parameters) = (Shape::of(raw.as_ptr()), parameters(raw.as_ptr()));
            self.statements.insert(sql.into(), Statement { raw, parameters, shape });
        }
        Ok(self.statements.get_mut(sql))
    }

    fn prepare(&self, sql: &str) -> Result<Option<NonNull<ffi::sqlite3_stmt>>, SqliteError> {
        let Ok(len) = c_int::try_from(sql.len()) else { return Ok(None) };
        let mut stmt = null_mut();
        let mut tail: *const c_char = null_mut();
        // SAFETY: `sql` is valid for `len` bytes (SQLite does not need a NUL when given the
        // length); the out pointers are valid.
        let rc = unsafe {
            ffi::sqlite3_prepare_v3(
                self.db.0.as_ptr(),
                sql.as_ptr().cast(),
                len,
                ffi::SQLITE_PREPARE_PERSISTENT,
                &mut stmt,
                &mut tail,
            )
        };
        if rc != ffi::SQLITE_OK {
            return Err(self.db.error(rc));
        }
        let Some(stmt) = NonNull::new(stmt) else { return Ok(None) };
        // SAFETY: SQLite set `tail` to the first byte after the statement, inside `sql` or at its
        // end; anything unexpected counts as "more than one statement".
        let offset = usize::try_from(unsafe { tail.offset_from(sql.as_ptr().cast()) }).ok();
        let rest = offset.and_then(|offset| sql.get(offset..)).unwrap_or(";x");
        let single = rest.trim_matches(|c: char| c.is_whitespace() || c == ';').is_empty();
        let read_only = unsafe { ffi::sqlite3_stmt_readonly(stmt.as_ptr()) } != 0;
        if single && read_only {
            Ok(Some(stmt))
        } else {
            // SAFETY: the statement was never stepped or cached.
            unsafe { ffi::sqlite3_finalize(stmt.as_ptr()) };
            Ok(None)
        }
    }
}

impl Statement {
    fn bind(&self, db: Handle, arguments: Option<&AnyArguments>) -> Result<(), SqliteError> {
        let stmt = self.raw.as_ptr();
        let values = arguments.map_or(&[][..], |arguments| &arguments.values.0[..]);
        for (i, &argument) in self.parameters.iter().enumerate() {
            let index = c_int::try_from(i + 1).unwrap_or(c_int::MAX);
            let Some(value) = values.get(argument) else {
                let message = format!("the statement uses ${} but {} arguments are bound", argument + 1, values.len());
                return Err(SqliteError { code: ffi::SQLITE_RANGE, message });
            };
            // SAFETY: `stmt` is live; text and blob values are copied by SQLite (TRANSIENT).
            let rc = unsafe {
                match value {
                    AnyValueKind::Null(_) => ffi::sqlite3_bind_null(stmt, index),
                    AnyValueKind::Bool(v) => ffi::sqlite3_bind_int64(stmt, index, i64::from(*v)),
                    AnyValueKind::SmallInt(v) => ffi::sqlite3_bind_int64(stmt, index, i64::from(*v)),
                    AnyValueKind::Integer(v) => ffi::sqlite3_bind_int64(stmt, index, i64::from(*v)),
                    AnyValueKind::BigInt(v) => ffi::sqlite3_bind_int64(stmt, index, *v),
                    AnyValueKind::Real(v) => ffi::sqlite3_bind_double(stmt, index, f64::from(*v)),
                    AnyValueKind::Double(v) => ffi::sqlite3_bind_double(stmt, index, *v),
                    AnyValueKind::Text(v) => bind_text(stmt, index, v),
                    AnyValueKind::TextSlice(v) => bind_text(stmt, index, v),
                    AnyValueKind::Blob(v) => ffi::sqlite3_bind_blob64(
                        stmt,
                        index,
                        v.as_ptr().cast(),
                        v.len() as u64,
                        ffi::SQLITE_TRANSIENT(),
                    ),
                    _ => ffi::SQLITE_MISMATCH,
                }
            };
            if rc != ffi::SQLITE_OK {
                return Err(db.error(rc));
            }
        }
        Ok(())
    }

    fn rows(&mut self, db: Handle, max_rows: usize) -> Result<Vec<AnyRow>, SqliteError> {
        let mut rows = Vec::new();
        while rows.len() < max_rows {
            // SAFETY: the statement is live and bound.
            match unsafe { ffi::sqlite3_step(self.raw.as_ptr()) } {
                ffi::SQLITE_ROW => rows.push(self.row()?),
                ffi::SQLITE_DONE => break,
                rc => return Err(db.error(rc)),
            }
        }
        Ok(rows)
    }

    fn row(&mut self) -> Result<AnyRow, SqliteError> {
        let stmt = self.raw.as_ptr();
        // SAFETY: the statement has a current row.
        let count = usize::try_from(unsafe { ffi::sqlite3_column_count(stmt) }).unwrap_or(0);
        if self.shape.columns.len() != count {
            // A schema change re-prepared the statement with other columns.
            self.shape = Shape::of(stmt);
        }
        let mut values = Vec::with_capacity(count);
        for i in 0..count {
            let kind = column_value(stmt, i as c_int)
                .map_err(|code| SqliteError { code, message: format!("column {i} holds text that is not UTF-8") })?;
            values.push(AnyValue { kind });
        }
        Ok(AnyRow { column_names: Arc::clone(&self.shape.names), columns: self.shape.columns.clone(), values })
    }
}

impl Drop for Statement {
    fn drop(&mut self) {
        // SAFETY: each statement is owned by one `Statement` and finalized once, here; its
        // connection is closed only after its statements are dropped (`Connection::drop`).
        unsafe { ffi::sqlite3_finalize(self.raw.as_ptr()) };
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.statements.clear();
        // SAFETY: every statement of the connection was finalized just above.
        unsafe { ffi::sqlite3_close(self.db.0.as_ptr()) };
    }
}

/// # Safety
/// `stmt` must be a live statement.
unsafe fn bind_text(stmt: *mut ffi::sqlite3_stmt, index: c_int, text: &str) -> c_int {
    // SAFETY: the pointer and length describe `text`, which SQLite copies.
    unsafe {
        ffi::sqlite3_bind_text64(
            stmt,
            index,
            text.as_ptr().cast(),
            text.len() as u64,
            ffi::SQLITE_TRANSIENT(),
            ffi::SQLITE_UTF8 as u8,
        )
    }
}

/// For each parameter of `stmt`, the 0-based argument it takes: `$n` and `?n` take argument
/// `n - 1`, and a bare `?` the next one in order.
fn parameters(stmt: *mut ffi::sqlite3_stmt) -> Vec<usize> {
    // SAFETY: `stmt` is a live statement; names are read before the next call on it.
    let count = usize::try_from(unsafe { ffi::sqlite3_bind_parameter_count(stmt) }).unwrap_or(0);
    (1..=count)
        .map(|index| {
            let name = unsafe { ffi::sqlite3_bind_parameter_name(stmt, index as c_int) };
            let number = if name.is_null() { None } else { unsafe { CStr::from_ptr(name) }.to_str().ok() }
                .and_then(|name| name.get(1..))
                .and_then(|n| n.parse::<usize>().ok());
            number.unwrap_or(index).saturating_sub(1)
        })
        .collect()
}

impl Shape {
    fn of(stmt: *mut ffi::sqlite3_stmt) -> Shape {
        // SAFETY: `stmt` is a live statement; column names are copied before the next call.
        let count = usize::try_from(unsafe { ffi::sqlite3_column_count(stmt) }).unwrap_or(0);
        let mut names = sqlx_core::HashMap::with_capacity(count);
        let mut columns = Vec::with_capacity(count);
        for ordinal in 0..count {
            let name = unsafe { ffi::sqlite3_column_name(stmt, ordinal as c_int) };
            let name =
                if name.is_null() { Cow::Borrowed("") } else { unsafe { CStr::from_ptr(name) }.to_string_lossy() };
            let name = column_name(&name);
            names.insert(name.clone(), ordinal);
            columns.push(AnyColumn { ordinal, name, type_info: AnyTypeInfo { kind: AnyTypeInfoKind::Null } });
        }
        Shape { names: Arc::new(names), columns }
    }
}

/// A column name for [`AnyColumn`]: each row carries a copy of its statement's columns, and a
/// static name copies without touching a reference count (two atomic operations per column per
/// row otherwise). Names come from the crate's own statements and schema, so they are few; each
/// distinct one is kept for the life of the process, up to a bound past which names are shared
/// ordinarily.
fn column_name(name: &str) -> UStr {
    const MAX_NAMES: usize = 4096;
    static NAMES: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut names = NAMES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(&name) = names.get(name) {
        return UStr::Static(name);
    }
    if names.len() >= MAX_NAMES {
        return UStr::new(name);
    }
    let name: &'static str = Box::leak(name.into());
    names.insert(name);
    UStr::Static(name)
}

/// The value of column `i` of the current row, typed by its storage class (as sqlx does).
fn column_value(stmt: *mut ffi::sqlite3_stmt, i: c_int) -> Result<AnyValueKind, c_int> {
    // SAFETY: `stmt` has a current row and `i` is one of its columns; text and blob pointers
    // are read (with their length, taken after the pointer as SQLite requires) and copied
    // before the next call on the statement.
    unsafe {
        Ok(match ffi::sqlite3_column_type(stmt, i) {
            ffi::SQLITE_INTEGER => AnyValueKind::BigInt(ffi::sqlite3_column_int64(stmt, i)),
            ffi::SQLITE_FLOAT => AnyValueKind::Double(ffi::sqlite3_column_double(stmt, i)),
            ffi::SQLITE_TEXT => {
                let ptr = ffi::sqlite3_column_text(stmt, i);
                let len = usize::try_from(ffi::sqlite3_column_bytes(stmt, i)).unwrap_or(0);
                let bytes = if ptr.is_null() { &[][..] } else { std::slice::from_raw_parts(ptr, len) };
                let text = String::from_utf8(bytes.to_vec()).map_err(|_| ffi::SQLITE_MISMATCH)?;
                AnyValueKind::Text(Arc::new(text))
            }
            ffi::SQLITE_BLOB => {
                let ptr = ffi::sqlite3_column_blob(stmt, i);
                let len = usize::try_from(ffi::sqlite3_column_bytes(stmt, i)).unwrap_or(0);
                let bytes =
                    if ptr.is_null() { Vec::new() } else { std::slice::from_raw_parts(ptr.cast::<u8>(), len).to_vec() };
                AnyValueKind::Blob(Arc::new(bytes))
            }
            _ => AnyValueKind::Null(AnyTypeInfoKind::Null),
        })
    }
}

#[cfg(test)]
mod tests {
    use secrecy::SecretString;
    use sqlx::Execute;

    use super::*;
    use crate::db::Db;

    /// The kinds and values sqlx's `Any` driver reads, with every NULL alike (sqlx tags a NULL
    /// with its column's declared type, which nothing decodes).
    fn shape(rows: &[AnyRow]) -> Vec<Vec<(String, String)>> {
        rows.iter()
            .map(|row| {
                row.columns
                    .iter()
                    .zip(&row.values)
                    .map(|(column, value)| {
                        assert_eq!(row.column_names.get(&*column.name), Some(&column.ordinal));
                        let kind = match &value.kind {
                            AnyValueKind::Null(_) => "NULL".to_owned(),
                            kind => format!("{kind:?}"),
                        };
                        (column.name.to_string(), kind)
                    })
                    .collect()
            })
            .collect()
    }

    /// A new database file (kept while the `TempDir` lives) and its direct readers.
    async fn database(max_connections: u32) -> (tempfile::TempDir, Db, Arc<DirectReaders>) {
        let dir = tempfile::tempdir().unwrap();
        let url = SecretString::from(format!("sqlite://{}/direct.db", dir.path().display()));
        let db = Db::connect(&url, max_connections).await.unwrap();
        let direct = db.direct.clone().expect("a file database reads directly");
        (dir, db, direct)
    }

    #[tokio::test]
    async fn rows_are_the_ones_the_any_driver_reads() {
        let (_dir, db, direct) = database(4).await;
        sqlx::raw_sql(
            "CREATE TABLE t (a TEXT, b BIGINT, c DOUBLE PRECISION, d BLOB); \
                       INSERT INTO t VALUES ('x', 1, 1.5, x'00ff'), (NULL, NULL, NULL, NULL), ('ünï', -7, 2, x'')",
        )
        .execute(&db.write)
        .await
        .unwrap();

        // `$3` appears before `$2`: SQLite numbers parameters by first appearance, sqlx by name.
        let sql = "SELECT a, b, c, d, $3 AS third, $2 AS second, CAST(SUM(b) OVER () AS BIGINT) AS total \
                   FROM t WHERE b <> $1 ORDER BY rowid";
        let query = || sqlx::query(sql).bind(99_i64).bind("two").bind(3.5_f64);
        let expected = query().fetch_all(&db.read).await.unwrap();
        let mut q = query();
        let arguments = q.take_arguments().unwrap();
        let rows = direct.fetch(sql, arguments.as_ref(), usize::MAX).ok().unwrap().unwrap();
        assert_eq!(rows.len(), 2, "NULL <> 99 is not true");
        assert_eq!(shape(&rows), shape(&expected));
        assert!(matches!(&rows[1].values[0].kind, AnyValueKind::Text(text) if text.as_str() == "ünï"));

        // Again from the statement cache, with a row limit.
        let rows = direct.fetch(sql, arguments.as_ref(), 1).ok().unwrap().unwrap();
        assert_eq!(shape(&rows), shape(&expected[..1]));
    }

    #[tokio::test]
    async fn writes_and_several_statements_are_left_to_sqlx_and_errors_close_the_connection() {
        let (_dir, db, direct) = database(4).await;
        sqlx::raw_sql("CREATE TABLE t (a BIGINT)").execute(&db.write).await.unwrap();

        for sql in ["INSERT INTO t VALUES (1)", "SELECT 1; DELETE FROM t"] {
            assert!(direct.fetch(sql, None, usize::MAX).is_err(), "{sql} is not taken");
        }
        let missing = direct.fetch("SELECT a FROM t WHERE a = $2", None, 1).ok().unwrap();
        assert!(missing.err().unwrap().to_string().contains("$2"));
        let unknown = direct.fetch("SELECT nope FROM t", None, 1).ok().unwrap();
        assert!(unknown.err().unwrap().to_string().contains("no such column"));
        // The failed connections were closed; the next statement opens a fresh one.
        assert!(direct.idle.lock().unwrap().is_empty());
        let rows = direct.fetch("SELECT COUNT(*) AS n FROM t", None, 1).ok().unwrap().unwrap();
        assert_eq!(shape(&rows), vec![vec![("n".to_owned(), "BigInt(0)".to_owned())]]);
        assert_eq!(direct.idle.lock().unwrap().len(), 1);
    }

    #[tokio::test]
    async fn a_statement_over_its_budget_is_handed_to_sqlx_and_the_connection_kept() {
        let (_dir, db, direct) = database(1).await;
        let count = |n: u32| {
            format!(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < {n}) SELECT COUNT(*) AS n FROM c"
            )
        };
        let small = direct.fetch(&count(1_000), None, 1).ok().unwrap().unwrap();
        assert_eq!(shape(&small), vec![vec![("n".to_owned(), "BigInt(1000)".to_owned())]]);

        let big = count(1_000_000);
        assert!(direct.fetch(&big, None, 1).is_err(), "a million-row count is not run on the tokio worker");
        assert_eq!(direct.idle.lock().unwrap().len(), 1, "an interrupted connection is kept");
        // sqlx runs it in full, and the kept connection still reads.
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(big)).fetch_one(&db.read).await.unwrap();
        assert_eq!(n, 1_000_000);
        let small = direct.fetch(&count(1_000), None, 1).ok().unwrap().unwrap();
        assert_eq!(shape(&small), vec![vec![("n".to_owned(), "BigInt(1000)".to_owned())]]);
    }

    #[tokio::test]
    async fn the_statement_cache_finalizes_what_it_drops() {
        let (_dir, _db, direct) = database(1).await;
        for i in 0..STATEMENTS_PER_CONNECTION + 10 {
            let rows = direct.fetch(&format!("SELECT {i} AS n"), None, 1).ok().unwrap().unwrap();
            assert_eq!(shape(&rows), vec![vec![("n".to_owned(), format!("BigInt({i})"))]]);
        }
        let idle = direct.idle.lock().unwrap();
        let conn = &idle[0];
        let mut live = 0;
        let mut stmt = std::ptr::null_mut();
        loop {
            // SAFETY: walks the connection's prepared statements; nothing else uses it now.
            stmt = unsafe { ffi::sqlite3_next_stmt(conn.db.0.as_ptr(), stmt) };
            if stmt.is_null() {
                break;
            }
            live += 1;
        }
        assert_eq!(live, conn.statements.len());
        assert!(live <= STATEMENTS_PER_CONNECTION);
    }
}

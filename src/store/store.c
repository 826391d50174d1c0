/* store/store.c - opening the database, its migrations, the statement
 * cache, error wording, config sync, document ingest and value look-up.
 *
 * A connection runs in WAL mode with foreign keys on and a busy timeout,
 * so a reader never blocks a writer and a second writer waits a few
 * seconds before it is told, in one sentence, that another process holds
 * the database. Every write is one IMMEDIATE transaction: a document and
 * all its facts, a whole CSV file, one manual entry or review step. */
#include "store/store_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text/period.h"
#include "util/xalloc.h"

/* How long a writer waits for another one before giving up. */
#define BUSY_TIMEOUT_MS 5000

static const char *const stmt_sql[STMT_COUNT] = {
    [STMT_BEGIN] = "BEGIN IMMEDIATE",
    [STMT_COMMIT] = "COMMIT",
    [STMT_ROLLBACK] = "ROLLBACK",
    [STMT_DOC_FIND] = "SELECT id FROM documents WHERE sha256 = ?1",
    [STMT_DOC_INSERT] =
        "INSERT INTO documents (sha256, name, path, text, doc_date, "
        "locality, locality_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [STMT_FACT_INSERT] =
        "INSERT INTO facts (doc_id, locality, locality_code, year, period, "
        "period_key, label, indicator, kind, value, of, unit, approx, "
        "estimated, sent_start, sent_end, span_start, span_end, candidates, "
        "plan_of, review) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
        "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
    [STMT_LOC_UPSERT] =
        "INSERT INTO localities (code, name, level, parent, origin) "
        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (code) DO UPDATE SET "
        "name = excluded.name, level = excluded.level, "
        "parent = excluded.parent, origin = excluded.origin",
    [STMT_IND_UPSERT] =
        "INSERT INTO indicators (code, name, grp, unit, direction, origin) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (code) DO UPDATE SET "
        "name = excluded.name, grp = excluded.grp, unit = excluded.unit, "
        "direction = excluded.direction, origin = excluded.origin",
    [STMT_LOC_EXISTS] = "SELECT 1 FROM localities WHERE code = ?1",
    [STMT_IND_EXISTS] = "SELECT 1 FROM indicators WHERE code = ?1",
    [STMT_ENTRY_INSERT] =
        "INSERT INTO entries (locality_code, indicator, period, period_key, "
        "kind, value, source, import_id, line, note) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    [STMT_ENTRY_SUPERSEDE] =
        "UPDATE entries SET superseded = 1, superseded_by = ?1 "
        "WHERE source = 'manual' AND superseded = 0 AND id <> ?1 "
        "AND locality_code = ?2 AND indicator = ?3 AND period_key = ?4 "
        "AND kind = ?5",
    [STMT_CSV_INSERT] =
        "INSERT INTO entries (locality_code, indicator, period, period_key, "
        "kind, value, source, import_id, line, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'csv', ?7, ?8, NULL)",
    [STMT_VALUE_GET] =
        "SELECT value, estimated, approx, source, doc, sentence, id "
        "FROM candidates WHERE locality = ?1 AND indicator = ?2 "
        "AND period_key = ?3 AND kind = ?4 AND superseded = 0 "
        "ORDER BY rank, period = period_key DESC, doc_date DESC, id DESC "
        "LIMIT 1",
};

/* ---- Helpers shared by the store's files ------------------------------ */

/* "cannot open the database: " and the system's reason for 'e', in lower
 * case as the rest of the line ("is a directory"). Returns -1. */
static int cannot_open(const char *file, int e, struct err *err) {
  char why[128];
  snprintf(why, sizeof why, "%s", strerror(e));
  if (why[0] >= 'A' && why[0] <= 'Z' && !(why[1] >= 'A' && why[1] <= 'Z'))
    why[0] = (char)(why[0] - 'A' + 'a');
  return err_set(err, file, 0, 0, "cannot open the database: %s", why);
}

int store_sqlite_err(struct store *st, int rc, struct err *err) {
  const char *file = st && st->path ? st->path : NULL;
  int code = st && st->db ? sqlite3_extended_errcode(st->db) : rc;
  if (rc != SQLITE_ERROR && rc != 0)
    code = rc;
  switch (code & 0xff) {
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    return err_set(err, file, 0, 0, "database is locked by another process");
  case SQLITE_CORRUPT:
    return err_set(err, file, 0, 0,
                   "database file is corrupt (database disk image is "
                   "malformed)");
  case SQLITE_NOTADB:
    return err_set(err, file, 0, 0, "file is not a database");
  case SQLITE_READONLY:
    return err_set(err, file, 0, 0,
                   "database is read-only (check the permissions of the file "
                   "and its folder)");
  case SQLITE_FULL:
    return err_set(err, file, 0, 0, "disk full while writing the database");
  case SQLITE_CANTOPEN:
    if (st && st->db && sqlite3_system_errno(st->db))
      return cannot_open(file, sqlite3_system_errno(st->db), err);
    return err_set(err, file, 0, 0, "cannot open the database: %s",
                   st && st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
  default:
    return err_set(err, file, 0, 0, "%s",
                   st && st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
  }
}

sqlite3_stmt *store_stmt(struct store *st, enum stmt_id id, struct err *err) {
  sqlite3_stmt *s = st->stmt[id];
  if (s) {
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return s;
  }
  int rc = sqlite3_prepare_v3(st->db, stmt_sql[id], -1,
                              SQLITE_PREPARE_PERSISTENT, &st->stmt[id], NULL);
  if (rc != SQLITE_OK) {
    store_sqlite_err(st, rc, err);
    return NULL;
  }
  return st->stmt[id];
}

int store_exec(struct store *st, const char *sql, struct err *err) {
  int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return store_sqlite_err(st, rc, err);
  return 0;
}

/* Step a statement that returns no rows. */
static int step_done(struct store *st, sqlite3_stmt *s, struct err *err) {
  int rc = sqlite3_step(s);
  if (rc != SQLITE_DONE) {
    store_sqlite_err(st, rc, err);
    sqlite3_reset(s);
    return -1;
  }
  sqlite3_reset(s);
  return 0;
}

int store_begin(struct store *st, struct err *err) {
  if (!sqlite3_get_autocommit(st->db)) {
    if (store_exec(st, "SAVEPOINT store_tx", err) != 0)
      return -1;
    st->nested = true;
    return 0;
  }
  sqlite3_stmt *s = store_stmt(st, STMT_BEGIN, err);
  return s ? step_done(st, s, err) : -1;
}

int store_commit(struct store *st, struct err *err) {
  if (st->nested) {
    st->nested = false;
    return store_exec(st, "RELEASE store_tx", err);
  }
  sqlite3_stmt *s = store_stmt(st, STMT_COMMIT, err);
  return s ? step_done(st, s, err) : -1;
}

void store_rollback(struct store *st) {
  if (st->nested) {
    st->nested = false;
    sqlite3_exec(st->db, "ROLLBACK TO store_tx; RELEASE store_tx", NULL, NULL,
                 NULL);
    return;
  }
  if (sqlite3_get_autocommit(st->db))
    return; /* SQLite already rolled back (or nothing began) */
  sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_kind_parse(const char *s, enum fact_kind *kind) {
  /* a NULL column (no kind) leaves '*kind' as it was */
  return s ? fact_kind_parse(s, kind) : -1;
}

int store_period_keys(const char *s, char canon[24], char key[24]) {
  struct period p;
  if (!s || period_parse(s, &p) != 0)
    return -1;
  period_format(&p, canon, 24);
  struct period y = period_ytd(p);
  period_format(&y, key, 24);
  return 0;
}

int store_bind_text(sqlite3_stmt *s, int i, const char *v) {
  if (!v)
    return sqlite3_bind_null(s, i);
  return sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

char *store_col_dup(sqlite3_stmt *s, int i) {
  const unsigned char *t = sqlite3_column_text(s, i);
  if (!t)
    return NULL;
  return xstrndup((const char *)t, (size_t)sqlite3_column_bytes(s, i));
}

/* ---- Opening and migrating ------------------------------------------- */

/* Read one integer from a one-row query such as "PRAGMA user_version". */
static int query_int(struct store *st, const char *sql, int *out,
                     struct err *err) {
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
      *out = sqlite3_column_int(s, 0);
      rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
      *out = 0;
      rc = SQLITE_OK;
    }
  }
  if (rc != SQLITE_OK)
    store_sqlite_err(st, rc, err);
  sqlite3_finalize(s);
  return rc == SQLITE_OK ? 0 : -1;
}

/* A file at version 0 must be empty: a database some other program made
 * is not ours to migrate. */
static int check_foreign(struct store *st, struct err *err) {
  int n = 0;
  if (query_int(st, "SELECT count(*) FROM sqlite_schema", &n, err) != 0)
    return -1;
  if (n > 0)
    return err_set(err, st->path, 0, 0,
                   "not a chitieu database (it has tables but no schema "
                   "version)");
  return 0;
}

static int refuse_newer(struct store *st, int version, struct err *err) {
  return err_set(err, st->path, 0, 0,
                 "database was made by a newer chitieu (schema %d); this one "
                 "knows %d",
                 version, STORE_SCHEMA_VERSION);
}

/* After the steps, before their commit: every foreign key still holds. */
static int fk_check(struct store *st, struct err *err) {
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, "PRAGMA foreign_key_check", -1, &s, NULL);
  if (rc != SQLITE_OK)
    return store_sqlite_err(st, rc, err);
  rc = sqlite3_step(s);
  int ret = 0;
  if (rc == SQLITE_ROW)
    ret = err_set(err, st->path, 0, 0,
                  "cannot migrate: a row of '%s' points at a missing row",
                  (const char *)sqlite3_column_text(s, 0));
  else if (rc != SQLITE_DONE)
    ret = store_sqlite_err(st, rc, err);
  sqlite3_finalize(s);
  return ret;
}

static int migrate_tx(struct store *st, struct err *err);

/* Bring the schema to STORE_SCHEMA_VERSION in one transaction. A step may
 * rebuild a table (create the new one, copy, drop the old, rename), which
 * SQLite allows only with foreign keys off; they are checked whole before
 * the commit instead, and switched on again either way. */
static int migrate(struct store *st, struct err *err) {
  if (store_exec(st, "PRAGMA foreign_keys = OFF", err) != 0)
    return -1;
  int rc = migrate_tx(st, err);
  struct err e2;
  if (store_exec(st, "PRAGMA foreign_keys = ON", &e2) != 0 && rc == 0) {
    *err = e2;
    rc = -1;
  }
  return rc;
}

/* The transaction of migrate(). The version is read again inside it, so
 * two processes migrating at once do not both run a step. */
static int migrate_tx(struct store *st, struct err *err) {
  if (store_begin(st, err) != 0)
    return -1;
  int v = 0;
  if (query_int(st, "PRAGMA user_version", &v, err) != 0)
    goto fail;
  if (v > STORE_SCHEMA_VERSION) {
    refuse_newer(st, v, err);
    goto fail;
  }
  if (v == 0 && check_foreign(st, err) != 0)
    goto fail;
  for (; v < STORE_SCHEMA_VERSION; v++) {
    for (const char *const *sql = store_migration(v); *sql; sql++)
      if (store_exec(st, *sql, err) != 0)
        goto fail;
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
    if (store_exec(st, sql, err) != 0)
      goto fail;
  }
  if (fk_check(st, err) != 0)
    goto fail;
  if (store_commit(st, err) != 0)
    goto fail;
  st->version = v;
  return 0;
fail:
  store_rollback(st);
  return -1;
}

/* Checks that can be made before SQLite touches the file, for messages
 * that say what to do. */
static int precheck(const char *path, enum store_mode mode, struct err *err) {
  struct stat sb;
  if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
    return cannot_open(path, EISDIR, err);
  if (access(path, F_OK) != 0) {
    if (mode == STORE_READ)
      return err_set(err, path, 0, 0,
                     "no database here; run 'chitieu init' or ingest "
                     "something first");
    /* SQLite would only say it cannot open the file: the folder it
     * would be created in must be there. */
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    int e = 0;
    if (slash) {
      *(slash == dir ? slash + 1 : slash) = '\0';
      if (stat(dir, &sb) != 0)
        e = errno;
      else if (!S_ISDIR(sb.st_mode))
        e = ENOTDIR;
    }
    free(dir);
    return e ? cannot_open(path, e, err) : 0;
  }
  /* Root passes access(W_OK) on any file, so the mode bits are asked
   * too: a file nobody may write is read-only for us as well. */
  int ro = access(path, W_OK) != 0 ||
           (stat(path, &sb) == 0 && (sb.st_mode & 0222) == 0);
  if (mode == STORE_WRITE && ro)
    return err_set(err, path, 0, 0,
                   "database file is read-only; cannot write to it");
  if (access(path, R_OK) != 0)
    return err_set(err, path, 0, 0, "cannot read the database: %s",
                   strerror(errno));
  return 0;
}

/* Settings of every connection, then the schema check or migration. */
static int setup(struct store *st, struct err *err) {
  int v = 0;
  sqlite3_extended_result_codes(st->db, 1);
  sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
  /* The first read of the file: not-a-database shows up here. */
  if (query_int(st, "PRAGMA user_version", &v, err) != 0)
    return -1;
  if (v > STORE_SCHEMA_VERSION)
    return refuse_newer(st, v, err);
  if (store_exec(st, "PRAGMA foreign_keys = ON", err) != 0)
    return -1;
  if (st->mode == STORE_READ) {
    if (v == 0)
      return err_set(err, st->path, 0, 0,
                     "not a chitieu database; run 'chitieu init' first");
    if (v < STORE_SCHEMA_VERSION)
      return err_set(err, st->path, 0, 0,
                     "database schema %d is older than this chitieu's %d; "
                     "run 'chitieu init' to migrate it",
                     v, STORE_SCHEMA_VERSION);
    st->version = v;
    return 0;
  }
  /* Larger pages for a new file: fewer page splits and less per-page
   * overhead when an import writes many rows (no effect on an existing
   * database). */
  if (v == 0 && store_exec(st, "PRAGMA page_size = 16384", err) != 0)
    return -1;
  /* WAL: readers and one writer at once; NORMAL sync is safe against
   * crashes of the process (only a power cut can lose the last commit). */
  int wal = 0;
  sqlite3_stmt *s = NULL;
  int rc =
      sqlite3_prepare_v2(st->db, "PRAGMA journal_mode = WAL", -1, &s, NULL);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
      const unsigned char *mode = sqlite3_column_text(s, 0);
      wal = mode && strcmp((const char *)mode, "wal") == 0;
      rc = SQLITE_OK;
    }
  }
  sqlite3_finalize(s);
  if (rc != SQLITE_OK)
    return store_sqlite_err(st, rc, err);
  if (!wal)
    return err_set(err, st->path, 0, 0, "cannot switch the database to WAL");
  if (store_exec(st, "PRAGMA synchronous = NORMAL", err) != 0)
    return -1;
  /* A page cache large enough that a big import does not spill pages to
   * the WAL before it commits (memory is only taken as pages are used). */
  if (store_exec(st, "PRAGMA cache_size = -65536", err) != 0)
    return -1;
  if (v < STORE_SCHEMA_VERSION)
    return migrate(st, err);
  st->version = v;
  return 0;
}

struct store *store_open(const char *path, enum store_mode mode,
                         struct err *err) {
  if (precheck(path, mode, err) != 0)
    return NULL;
  struct store *st = xcalloc(1, sizeof *st);
  st->path = xstrdup(path);
  st->mode = mode;
  int flags = mode == STORE_READ ? SQLITE_OPEN_READONLY
                                 : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  /* One connection per thread: SQLite's own mutexes are not needed. */
  flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path, &st->db, flags, NULL);
  if (rc != SQLITE_OK) {
    store_sqlite_err(st, rc, err);
    store_close(st);
    return NULL;
  }
  if (setup(st, err) != 0) {
    store_close(st);
    return NULL;
  }
  return st;
}

void store_close(struct store *st) {
  if (!st)
    return;
  for (int i = 0; i < STMT_COUNT; i++)
    sqlite3_finalize(st->stmt[i]);
  sqlite3_close(st->db);
  free(st->path);
  free(st);
}

int store_schema_version(const struct store *st) { return st->version; }

int store_check(struct store *st, struct err *err) {
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &s, NULL);
  if (rc != SQLITE_OK)
    return store_sqlite_err(st, rc, err);
  rc = sqlite3_step(s);
  int ret = 0;
  if (rc == SQLITE_ROW) {
    const char *msg = (const char *)sqlite3_column_text(s, 0);
    if (!msg || strcmp(msg, "ok") != 0)
      ret = err_set(err, st->path, 0, 0, "integrity check failed: %s",
                    msg ? msg : "?");
  } else {
    ret = store_sqlite_err(st, rc, err);
  }
  sqlite3_finalize(s);
  return ret;
}

/* ---- Config ------------------------------------------------------------ */

static int sync_locality(struct store *st, const struct locality *l,
                         struct err *err) {
  sqlite3_stmt *s = store_stmt(st, STMT_LOC_UPSERT, err);
  if (!s)
    return -1;
  store_bind_text(s, 1, l->code);
  store_bind_text(s, 2, l->name ? l->name : l->code);
  store_bind_text(s, 3, l->level);
  store_bind_text(s, 4, l->parent);
  store_bind_text(s, 5, "config");
  return step_done(st, s, err);
}

static int sync_indicator(struct store *st, const struct indicator *ind,
                          struct err *err) {
  sqlite3_stmt *s = store_stmt(st, STMT_IND_UPSERT, err);
  if (!s)
    return -1;
  store_bind_text(s, 1, ind->code);
  store_bind_text(s, 2, ind->name ? ind->name : ind->code);
  store_bind_text(s, 3, ind->group);
  store_bind_text(s, 4, ind->unit);
  store_bind_text(s, 5, ind->direction == DIR_LOWER ? "lower" : "higher");
  store_bind_text(s, 6, "config");
  return step_done(st, s, err);
}

int store_sync_rows(struct store *st, const struct config *cfg,
                    struct err *err) {
  for (size_t i = 0; i < cfg->n_localities; i++)
    if (sync_locality(st, &cfg->localities[i], err) != 0)
      return -1;
  for (size_t i = 0; i < cfg->n_indicators; i++)
    if (sync_indicator(st, &cfg->indicators[i], err) != 0)
      return -1;
  return 0;
}

/* Codes that left the config stay in their tables (stored rows may point
 * at them); a code the config now defines takes over one a CSV import had
 * registered. */
int store_sync_config(struct store *st, const struct config *cfg,
                      struct err *err) {
  if (store_begin(st, err) != 0)
    return -1;
  if (store_sync_rows(st, cfg, err) != 0 || store_commit(st, err) != 0) {
    store_rollback(st);
    return -1;
  }
  return 0;
}

/* ---- Ingest ------------------------------------------------------------ */

static void bind_doc_date(sqlite3_stmt *s, int i,
                          const struct extract_doc *doc) {
  char date[40]; /* room for any int: the compiler checks */
  if (doc->year <= 0) {
    sqlite3_bind_null(s, i);
    return;
  }
  if (doc->month <= 0)
    snprintf(date, sizeof date, "%04d", doc->year);
  else if (doc->day <= 0)
    snprintf(date, sizeof date, "%04d-%02d", doc->year, doc->month);
  else
    snprintf(date, sizeof date, "%04d-%02d-%02d", doc->year, doc->month,
             doc->day);
  sqlite3_bind_text(s, i, date, -1, SQLITE_TRANSIENT);
}

bool store_fact_needs_review(const struct fact *f, const char *code) {
  return (f->candidates && *f->candidates) || (f->indicator && !code);
}

static int insert_fact(struct store *st, long long doc_id,
                       const struct extract_doc *doc, const struct fact *f,
                       struct err *err) {
  sqlite3_stmt *s = store_stmt(st, STMT_FACT_INSERT, err);
  if (!s)
    return -1;
  /* A fact that names no place is about the document's main locality. */
  const char *code = f->locality_code;
  if (!f->locality && !code)
    code = doc->locality_code;
  char canon[24], key[24];
  const char *period = f->period;
  if (store_period_keys(f->period, canon, key) == 0) {
    period = canon;
  } else if (!f->period[0] && f->year > 0) {
    snprintf(canon, sizeof canon, "%d", f->year);
    period = canon;
    memcpy(key, canon, sizeof key);
  } else {
    snprintf(key, sizeof key, "%s", f->period);
  }
  sqlite3_bind_int64(s, 1, doc_id);
  store_bind_text(s, 2, f->locality);
  store_bind_text(s, 3, code);
  if (f->year > 0)
    sqlite3_bind_int(s, 4, f->year);
  store_bind_text(s, 5, period);
  store_bind_text(s, 6, key);
  store_bind_text(s, 7, f->label);
  store_bind_text(s, 8, f->indicator);
  store_bind_text(s, 9, fact_kind_name(f->kind));
  sqlite3_bind_double(s, 10, f->value);
  if (f->has_of)
    sqlite3_bind_double(s, 11, f->of);
  store_bind_text(s, 12, f->unit);
  store_bind_text(s, 13, fact_approx_name(f->approx));
  sqlite3_bind_int(s, 14, f->estimated);
  /* The sentence is not stored: it is [sent_start, sent_end) of the
   * document's text (schema version 2). */
  sqlite3_bind_int64(s, 15, (sqlite3_int64)f->sent_start);
  sqlite3_bind_int64(s, 16, (sqlite3_int64)f->sent_end);
  sqlite3_bind_int64(s, 17, (sqlite3_int64)f->span_start);
  sqlite3_bind_int64(s, 18, (sqlite3_int64)f->span_end);
  store_bind_text(s, 19, f->candidates);
  store_bind_text(s, 20, f->plan_of);
  sqlite3_bind_int(s, 21, store_fact_needs_review(f, code));
  if (step_done(st, s, err) != 0)
    return -1;
  return 0;
}

/* Returns 1 if a document with 'sha256' is stored, 0 if not, -1. */
static int doc_exists(struct store *st, const char *sha256, struct err *err) {
  sqlite3_stmt *s = store_stmt(st, STMT_DOC_FIND, err);
  if (!s)
    return -1;
  store_bind_text(s, 1, sha256);
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  if (rc == SQLITE_ROW)
    return 1;
  if (rc == SQLITE_DONE)
    return 0;
  return store_sqlite_err(st, rc, err);
}

int store_document_exists(struct store *st, const char *sha256,
                          struct err *err) {
  return doc_exists(st, sha256, err);
}

int store_ingest(struct store *st, const struct extract_doc *doc,
                 const char *path, const char *sha256, int *added,
                 struct err *err) {
  *added = 0;
  if (store_begin(st, err) != 0)
    return -1;
  int found = doc_exists(st, sha256, err);
  if (found != 0) {
    store_rollback(st);
    return found < 0 ? -1 : 0;
  }
  sqlite3_stmt *s = store_stmt(st, STMT_DOC_INSERT, err);
  if (!s)
    goto fail;
  store_bind_text(s, 1, sha256);
  store_bind_text(s, 2, doc->name ? doc->name : path);
  store_bind_text(s, 3, path);
  sqlite3_bind_text(s, 4, doc->text ? doc->text : "", (int)doc->len,
                    SQLITE_STATIC);
  bind_doc_date(s, 5, doc);
  store_bind_text(s, 6, doc->locality);
  store_bind_text(s, 7, doc->locality_code);
  if (step_done(st, s, err) != 0)
    goto fail;
  long long doc_id = sqlite3_last_insert_rowid(st->db);
  for (size_t i = 0; i < doc->facts.n; i++)
    if (insert_fact(st, doc_id, doc, &doc->facts.v[i], err) != 0)
      goto fail;
  if (store_commit(st, err) != 0)
    goto fail;
  *added = 1;
  return 0;
fail:
  /* Name the document, not only the database. */
  if (err && path && !strstr(err->msg, "locked")) {
    char msg[sizeof err->msg];
    memcpy(msg, err->msg, sizeof msg);
    err_set(err, path, 0, 0, "cannot store it: %.400s", msg);
  }
  store_rollback(st);
  return -1;
}

/* ---- Values ------------------------------------------------------------ */

int store_value_get(struct store *st, const char *locality,
                    const char *indicator, const char *period,
                    enum fact_kind kind, struct store_value *out,
                    struct err *err) {
  char canon[24], key[24];
  memset(out, 0, sizeof *out);
  if (store_period_keys(period, canon, key) != 0)
    return err_set(err, NULL, 0, 0, "bad period '%s'", period);
  sqlite3_stmt *s = store_stmt(st, STMT_VALUE_GET, err);
  if (!s)
    return -1;
  store_bind_text(s, 1, locality);
  store_bind_text(s, 2, indicator);
  store_bind_text(s, 3, key);
  store_bind_text(s, 4, fact_kind_name(kind));
  int rc = sqlite3_step(s);
  if (rc == SQLITE_DONE) {
    sqlite3_reset(s);
    return 0;
  }
  if (rc != SQLITE_ROW) {
    store_sqlite_err(st, rc, err);
    sqlite3_reset(s);
    return -1;
  }
  out->value = sqlite3_column_double(s, 0);
  out->estimated = sqlite3_column_int(s, 1) != 0;
  out->approx = APPROX_NONE;
  fact_approx_parse((const char *)sqlite3_column_text(s, 2), &out->approx);
  snprintf(out->source, sizeof out->source, "%s",
           (const char *)sqlite3_column_text(s, 3));
  out->doc = store_col_dup(s, 4);
  out->sentence = store_col_dup(s, 5);
  out->id = sqlite3_column_int64(s, 6);
  sqlite3_reset(s);
  return 1;
}

void store_value_clear(struct store_value *v) {
  if (!v)
    return;
  free(v->doc);
  free(v->sentence);
  v->doc = NULL;
  v->sentence = NULL;
}

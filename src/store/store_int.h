/* store/store_int.h - what the files of store/ share and nobody else sees:
 * the connection, its cache of prepared statements, and small helpers
 * that turn SQLite's result codes into chitieu errors. */
#ifndef CHITIEU_STORE_STORE_INT_H
#define CHITIEU_STORE_STORE_INT_H

#include <sqlite3.h>

#include "store/store.h"

/* Statements prepared once per connection and reused (sqlite3_reset). */
enum stmt_id {
  STMT_BEGIN,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_DOC_FIND,
  STMT_DOC_INSERT,
  STMT_FACT_INSERT,
  STMT_LOC_UPSERT,
  STMT_IND_UPSERT,
  STMT_LOC_EXISTS,
  STMT_IND_EXISTS,
  STMT_ENTRY_INSERT,
  STMT_ENTRY_SUPERSEDE,
  STMT_CSV_INSERT,
  STMT_VALUE_GET,
  STMT_COUNT
};

struct store {
  sqlite3 *db;
  char *path;
  enum store_mode mode;
  int version; /* schema version after open */
  bool nested;  /* store_begin found a transaction open: a savepoint */
  sqlite3_stmt *stmt[STMT_COUNT];
};

/* The statement 'id', prepared on first use, reset and with its bindings
 * cleared. NULL with 'err' if it cannot be prepared. Owned by 'st'. */
sqlite3_stmt *store_stmt(struct store *st, enum stmt_id id, struct err *err);

/* Fill 'err' from the connection's last error (or 'rc' when the message
 * says nothing), naming the database file. Locked, corrupt, not-a-database
 * and read-only become one clear sentence. Returns -1. */
int store_sqlite_err(struct store *st, int rc, struct err *err);

/* Run 'sql' (one or more statements, no results wanted). */
int store_exec(struct store *st, const char *sql, struct err *err);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. Rollback never fails loudly. Inside
 * a transaction the caller opened itself (a test wrapping a write to undo
 * it), they become a savepoint, its release and a rollback to it. */
int store_begin(struct store *st, struct err *err);
int store_commit(struct store *st, struct err *err);
void store_rollback(struct store *st);

/* A kind as stored in SQL (fact_kind_name's words), NULL-safe: returns 0,
 * or -1 for NULL or an unknown word ('*kind' untouched). */
int store_kind_parse(const char *s, enum fact_kind *kind);

/* Canonical period and its year-to-date key ("2024-h1" -> "2024-H1" and
 * "2024-Q2"). Returns 0, or -1 if 's' is not a period. */
int store_period_keys(const char *s, char canon[24], char key[24]);

/* The SQL statements (NULL-terminated) that take the schema from version
 * 'from' to 'from' + 1, or NULL past the last step (store/schema.c). */
const char *const *store_migration(int from);

/* store_sync_config without its own transaction. */
int store_sync_rows(struct store *st, const struct config *cfg,
                    struct err *err);

/* Check that 'locality' and 'indicator' (either may be NULL) are known
 * codes. Returns 0, or -1 with "unknown locality 'x'". */
int store_code_check(struct store *st, const char *locality,
                     const char *indicator, struct err *err);

/* The sentence of fact 'f' (an SQL alias of facts) cut out of the text of
 * its document 'd' (of documents): bytes [sent_start, sent_end), as the
 * views of schema version 2 do. */
#define STORE_FACT_SENTENCE(f, d)                                              \
  "CAST(substr(CAST(" d ".text AS BLOB), " f ".sent_start + 1, "               \
  "max(" f ".sent_end - " f ".sent_start, 0)) AS TEXT)"

/* Bind a string or NULL. */
int store_bind_text(sqlite3_stmt *s, int i, const char *v);

/* A copy of column 'i' as a string, or NULL for SQL NULL; caller frees. */
char *store_col_dup(sqlite3_stmt *s, int i);

#endif

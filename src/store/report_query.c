/* store/report_query.c - what the reports ask of the store beyond the
 * values themselves: the date of a figure's source, so that a dashboard
 * can say "số liệu đến ngày ..." (the newest source it shows). */
#include <stdio.h>
#include <string.h>

#include "store/store_int.h"

int store_source_date(struct store *st, const char *source, long long id,
                      char *dst, size_t n, struct err *err) {
  /* A document's own date when the extractor found one, else the day it
   * was ingested; a CSV file's import day; a manual entry's day. */
  const char *sql;
  if (!strcmp(source, "fact"))
    sql = "SELECT coalesce(nullif(d.doc_date, ''), d.ingested_at) "
          "FROM facts f JOIN documents d ON d.id = f.doc_id WHERE f.id = ?1";
  else if (!strcmp(source, "csv"))
    sql = "SELECT i.imported_at FROM entries e JOIN imports i "
          "ON i.id = e.import_id WHERE e.id = ?1";
  else if (!strcmp(source, "manual"))
    sql = "SELECT created_at FROM entries WHERE id = ?1";
  else
    return 0;
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
  if (rc != SQLITE_OK)
    return store_sqlite_err(st, rc, err);
  sqlite3_bind_int64(s, 1, id);
  int ret = 0;
  rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) {
    const char *t = (const char *)sqlite3_column_text(s, 0);
    /* "2024-10-08" or "2024-10-08T03:12:00Z": keep the day */
    if (t && strlen(t) >= 10) {
      snprintf(dst, n, "%.10s", t);
      ret = 1;
    }
  } else if (rc != SQLITE_DONE) {
    ret = store_sqlite_err(st, rc, err);
  }
  sqlite3_finalize(s);
  return ret;
}

int store_read_begin(struct store *st, struct err *err) {
  return store_exec(st, "BEGIN", err);
}

void store_read_end(struct store *st) {
  struct err ignored;
  /* a read transaction has nothing to keep: ending it cannot lose data */
  store_exec(st, "COMMIT", &ignored);
}

/* store/query.c - reading values back: the current value of many keys
 * (chitieu facts) and every candidate of one key (facts --history). Both
 * read the 'candidates' view of store/schema.c and rank it the way its
 * 'current_values' view does; keep their ORDER BYs alike. */
#include "store/store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#define ROW_COLS                                                               \
  "locality, indicator, period, period_key, kind, value, estimated, "          \
  "approx, source, status, doc, line, version, sentence, at, id, "             \
  "superseded "

static void row_read(sqlite3_stmt *s, struct store_row *r) {
  memset(r, 0, sizeof *r);
  r->locality = store_col_dup(s, 0);
  r->indicator = store_col_dup(s, 1);
  r->period = store_col_dup(s, 2);
  r->period_key = store_col_dup(s, 3);
  store_kind_parse((const char *)sqlite3_column_text(s, 4), &r->kind);
  r->value = sqlite3_column_double(s, 5);
  r->estimated = sqlite3_column_int(s, 6) != 0;
  fact_approx_parse((const char *)sqlite3_column_text(s, 7), &r->approx);
  snprintf(r->source, sizeof r->source, "%s",
           (const char *)sqlite3_column_text(s, 8));
  const char *status = (const char *)sqlite3_column_text(s, 9);
  snprintf(r->status, sizeof r->status, "%s", status ? status : "");
  r->doc = store_col_dup(s, 10);
  r->line = sqlite3_column_int(s, 11);
  r->version = sqlite3_column_int(s, 12);
  r->sentence = store_col_dup(s, 13);
  r->at = store_col_dup(s, 14);
  r->id = sqlite3_column_int64(s, 15);
  r->superseded = sqlite3_column_int(s, 16) != 0;
}

void store_rows_free(struct store_rows *rows) {
  if (!rows)
    return;
  for (size_t i = 0; i < rows->n; i++) {
    struct store_row *r = &rows->v[i];
    free(r->locality);
    free(r->indicator);
    free(r->period);
    free(r->period_key);
    free(r->doc);
    free(r->sentence);
    free(r->at);
  }
  free(rows->v);
  memset(rows, 0, sizeof *rows);
}

/* Step 's' to the end, appending its rows to 'out'. */
static int collect(struct store *st, sqlite3_stmt *s, struct store_rows *out,
                   struct err *err) {
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
    row_read(s, &out->v[out->n++]);
  }
  if (rc != SQLITE_DONE)
    return store_sqlite_err(st, rc, err);
  return 0;
}

int store_values_list(struct store *st, const struct store_query *q,
                      struct store_rows *out, struct err *err) {
  /* current_values with the filters applied before the ranking: they are
   * all on the columns the ranking partitions by, so the result is the
   * same, and the indexes can serve them. */
  static const char sql[] =
      "WITH RECURSIVE sub(code) AS ("
      "  SELECT ?1 WHERE ?1 IS NOT NULL"
      "  UNION SELECT l.code FROM localities l JOIN sub ON l.parent = "
      "sub.code WHERE ?2) "
      "SELECT " ROW_COLS "FROM ("
      "  SELECT c.*, row_number() OVER ("
      "           PARTITION BY locality, indicator, period_key, kind"
      "           ORDER BY rank, period = period_key DESC, doc_date DESC,"
      "                    id DESC) AS pick"
      "    FROM candidates c WHERE superseded = 0 "
      "     AND (?1 IS NULL OR locality IN (SELECT code FROM sub)) "
      "     AND (?3 IS NULL OR indicator = ?3) "
      "     AND (?4 IS NULL OR indicator IN "
      "          (SELECT code FROM indicators WHERE grp = ?4)) "
      "     AND (?5 IS NULL OR period_key = ?5) "
      "     AND (?6 IS NULL OR kind = ?6)) "
      "WHERE pick = 1 ORDER BY locality, indicator, period_key, kind";
  memset(out, 0, sizeof *out);
  char canon[24], key[24];
  if (q->period && store_period_keys(q->period, canon, key) != 0)
    return err_set(err, NULL, 0, 0, "bad period '%s'", q->period);
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
  if (rc != SQLITE_OK)
    return store_sqlite_err(st, rc, err);
  store_bind_text(s, 1, q->locality);
  sqlite3_bind_int(s, 2, q->children);
  store_bind_text(s, 3, q->indicator);
  store_bind_text(s, 4, q->group);
  store_bind_text(s, 5, q->period ? key : NULL);
  store_bind_text(s, 6, q->has_kind ? fact_kind_name(q->kind) : NULL);
  int ret = collect(st, s, out, err);
  sqlite3_finalize(s);
  for (size_t i = 0; i < out->n; i++)
    out->v[i].winner = true;
  return ret;
}

int store_history(struct store *st, const char *locality, const char *indicator,
                  const char *period, enum fact_kind kind_or_all,
                  bool all_kinds, struct store_rows *out, struct err *err) {
  /* The same order as current_values, superseded rows last in each kind,
   * so the first standing row of a kind is its winner. */
  static const char sql[] =
      "SELECT " ROW_COLS "FROM candidates "
      "WHERE locality = ?1 AND indicator = ?2 AND period_key = ?3 "
      "AND (?4 IS NULL OR kind = ?4) "
      "ORDER BY kind, superseded, rank, period = period_key DESC, "
      "doc_date DESC, id DESC";
  memset(out, 0, sizeof *out);
  char canon[24], key[24];
  if (store_period_keys(period, canon, key) != 0)
    return err_set(err, NULL, 0, 0, "bad period '%s'", period);
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
  if (rc != SQLITE_OK)
    return store_sqlite_err(st, rc, err);
  store_bind_text(s, 1, locality);
  store_bind_text(s, 2, indicator);
  store_bind_text(s, 3, key);
  store_bind_text(s, 4, all_kinds ? NULL : fact_kind_name(kind_or_all));
  int ret = collect(st, s, out, err);
  sqlite3_finalize(s);
  for (size_t i = 0; i < out->n; i++) {
    struct store_row *r = &out->v[i];
    bool first = i == 0 || out->v[i - 1].kind != r->kind;
    r->winner = first && !r->superseded;
  }
  return ret;
}

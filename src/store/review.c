/* store/review.c - settling facts by hand. Accepting or rejecting changes
 * only a fact's review status; any change to what a fact says (indicator,
 * locality, period, kind, value) is a new row that supersedes the old,
 * which is kept with status "edited". */
#include "store/store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/period.h"
#include "util/xalloc.h"

#define FACT_COLS                                                              \
  "f.id, d.name, f.locality, f.locality_code, f.period, f.label, "             \
  "f.indicator, f.kind, f.value, f.unit, " STORE_FACT_SENTENCE(                \
      "f", "d") ", f.status, "                                                 \
                "coalesce(f.supersedes, 0), f.candidates "                     \
                "FROM facts f JOIN documents d ON d.id = f.doc_id "

static void fact_read(sqlite3_stmt *s, struct store_fact *f) {
  memset(f, 0, sizeof *f);
  f->id = sqlite3_column_int64(s, 0);
  f->doc = store_col_dup(s, 1);
  f->locality = store_col_dup(s, 2);
  f->locality_code = store_col_dup(s, 3);
  f->period = store_col_dup(s, 4);
  f->label = store_col_dup(s, 5);
  f->indicator = store_col_dup(s, 6);
  store_kind_parse((const char *)sqlite3_column_text(s, 7), &f->kind);
  f->value = sqlite3_column_double(s, 8);
  f->unit = store_col_dup(s, 9);
  f->sentence = store_col_dup(s, 10);
  snprintf(f->status, sizeof f->status, "%s",
           (const char *)sqlite3_column_text(s, 11));
  f->supersedes = sqlite3_column_int64(s, 12);
  f->candidates = store_col_dup(s, 13);
}

void store_fact_clear(struct store_fact *f) {
  if (!f)
    return;
  free(f->doc);
  free(f->locality);
  free(f->locality_code);
  free(f->period);
  free(f->label);
  free(f->indicator);
  free(f->unit);
  free(f->sentence);
  free(f->candidates);
  memset(f, 0, sizeof *f);
}

void store_fact_list_free(struct store_fact_list *l) {
  if (!l)
    return;
  for (size_t i = 0; i < l->n; i++)
    store_fact_clear(&l->v[i]);
  free(l->v);
  memset(l, 0, sizeof *l);
}

int store_review_list(struct store *st, struct store_fact_list *out,
                      struct err *err) {
  sqlite3_stmt *s = NULL;
  memset(out, 0, sizeof *out);
  int rc = sqlite3_prepare_v2(st->db,
                              "SELECT " FACT_COLS
                              "WHERE f.status = 'new' AND f.review = 1 "
                              "ORDER BY f.id",
                              -1, &s, NULL);
  if (rc != SQLITE_OK)
    return store_sqlite_err(st, rc, err);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
    fact_read(s, &out->v[out->n++]);
  }
  if (rc != SQLITE_DONE)
    store_sqlite_err(st, rc, err);
  sqlite3_finalize(s);
  return rc == SQLITE_DONE ? 0 : -1;
}

int store_fact_get(struct store *st, long long id, struct store_fact *out,
                   struct err *err) {
  sqlite3_stmt *s = NULL;
  memset(out, 0, sizeof *out);
  int rc = sqlite3_prepare_v2(st->db, "SELECT " FACT_COLS "WHERE f.id = ?1", -1,
                              &s, NULL);
  if (rc != SQLITE_OK)
    return store_sqlite_err(st, rc, err);
  sqlite3_bind_int64(s, 1, id);
  rc = sqlite3_step(s);
  int ret = 0;
  if (rc == SQLITE_ROW) {
    fact_read(s, out);
    ret = 1;
  } else if (rc != SQLITE_DONE) {
    ret = store_sqlite_err(st, rc, err);
  }
  sqlite3_finalize(s);
  return ret;
}

/* Inside a transaction: load fact 'id' and check that it can still be
 * reviewed (status new or accepted). */
static int reviewable(struct store *st, long long id, struct store_fact *f,
                      struct err *err) {
  int rc = store_fact_get(st, id, f, err);
  if (rc < 0)
    return -1;
  if (rc == 0)
    return err_set(err, NULL, 0, 0, "no fact with id %lld", id);
  if (strcmp(f->status, "rejected") == 0)
    return err_set(err, NULL, 0, 0, "fact %lld was rejected", id);
  if (strcmp(f->status, "edited") == 0)
    return err_set(err, NULL, 0, 0,
                   "fact %lld was corrected by a newer row; review that one",
                   id);
  return 0;
}

static int set_status(struct store *st, long long id, const char *status,
                      struct err *err) {
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(
      st->db,
      "UPDATE facts SET status = ?2, "
      "reviewed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
      -1, &s, NULL);
  if (rc == SQLITE_OK) {
    sqlite3_bind_int64(s, 1, id);
    store_bind_text(s, 2, status);
    rc = sqlite3_step(s);
    if (rc == SQLITE_DONE)
      rc = SQLITE_OK;
  }
  if (rc != SQLITE_OK)
    store_sqlite_err(st, rc, err);
  sqlite3_finalize(s);
  return rc == SQLITE_OK ? 0 : -1;
}

static bool edit_empty(const struct store_edit *e) {
  return !e || (!e->indicator && !e->locality && !e->period && !e->has_value &&
                !e->has_kind);
}

/* Insert the corrected copy of fact 'id' and mark 'id' edited. */
static int insert_edit(struct store *st, long long id,
                       const struct store_edit *e, long long *new_id,
                       struct err *err) {
  char canon[24], key[24];
  struct period p = {0};
  if (e->period) {
    if (store_period_keys(e->period, canon, key) != 0)
      return err_set(err, NULL, 0, 0, "bad period '%s'", e->period);
    period_parse(canon, &p);
  }
  if (store_code_check(st, e->locality, e->indicator, err) != 0)
    return -1;
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(
      st->db,
      "INSERT INTO facts (doc_id, locality, locality_code, year, period, "
      "period_key, label, indicator, kind, value, of, unit, approx, "
      "estimated, sent_start, sent_end, span_start, span_end, "
      "status, supersedes, reviewed_at) "
      "SELECT doc_id, locality, coalesce(?2, locality_code), "
      "coalesce(?3, year), coalesce(?4, period), coalesce(?5, period_key), "
      "label, coalesce(?6, indicator), coalesce(?7, kind), "
      "coalesce(?8, value), of, unit, approx, estimated, "
      "sent_start, sent_end, span_start, span_end, 'accepted', id, "
      "strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM facts WHERE id = ?1",
      -1, &s, NULL);
  if (rc == SQLITE_OK) {
    sqlite3_bind_int64(s, 1, id);
    store_bind_text(s, 2, e->locality);
    if (e->period) {
      sqlite3_bind_int(s, 3, p.year);
      sqlite3_bind_text(s, 4, canon, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(s, 5, key, -1, SQLITE_TRANSIENT);
    }
    store_bind_text(s, 6, e->indicator);
    if (e->has_kind)
      store_bind_text(s, 7, fact_kind_name(e->kind));
    if (e->has_value)
      sqlite3_bind_double(s, 8, e->value);
    rc = sqlite3_step(s);
    if (rc == SQLITE_DONE)
      rc = SQLITE_OK;
  }
  if (rc != SQLITE_OK)
    store_sqlite_err(st, rc, err);
  sqlite3_finalize(s);
  if (rc != SQLITE_OK)
    return -1;
  long long nid = sqlite3_last_insert_rowid(st->db);
  if (set_status(st, id, "edited", err) != 0)
    return -1;
  if (new_id)
    *new_id = nid;
  return 0;
}

/* The common frame of accept, reject and edit: one transaction, the
 * status check, then 'what'. */
static int review(struct store *st, long long id, const char *what,
                  const struct store_edit *e, long long *new_id,
                  struct err *err) {
  struct store_fact f;
  memset(&f, 0, sizeof f);
  if (store_begin(st, err) != 0)
    return -1;
  if (reviewable(st, id, &f, err) != 0)
    goto fail;
  if (new_id)
    *new_id = id;
  if (strcmp(what, "reject") == 0) {
    if (set_status(st, id, "rejected", err) != 0)
      goto fail;
  } else if (strcmp(what, "edit") == 0 || !edit_empty(e)) {
    if (edit_empty(e)) {
      err_set(err, NULL, 0, 0, "nothing to change in fact %lld", id);
      goto fail;
    }
    const char *ind = e->indicator ? e->indicator : f.indicator;
    const char *loc = e->locality ? e->locality : f.locality_code;
    if (!ind || !loc) {
      err_set(err, NULL, 0, 0, "fact %lld has no %s code; give --%s CODE", id,
              ind ? "locality" : "indicator", ind ? "locality" : "indicator");
      goto fail;
    }
    if (insert_edit(st, id, e, new_id, err) != 0)
      goto fail;
  } else {
    if (!f.indicator || !f.locality_code) {
      err_set(err, NULL, 0, 0, "fact %lld has no %s code; give --%s CODE", id,
              f.indicator ? "locality" : "indicator",
              f.indicator ? "locality" : "indicator");
      goto fail;
    }
    if (set_status(st, id, "accepted", err) != 0)
      goto fail;
  }
  if (store_commit(st, err) != 0)
    goto fail;
  store_fact_clear(&f);
  return 0;
fail:
  store_fact_clear(&f);
  store_rollback(st);
  return -1;
}

int store_review_accept(struct store *st, long long id,
                        const struct store_edit *edit, long long *new_id,
                        struct err *err) {
  return review(st, id, "accept", edit, new_id, err);
}

int store_review_reject(struct store *st, long long id, struct err *err) {
  return review(st, id, "reject", NULL, NULL, err);
}

int store_review_edit(struct store *st, long long id,
                      const struct store_edit *edit, long long *new_id,
                      struct err *err) {
  return review(st, id, "edit", edit, new_id, err);
}

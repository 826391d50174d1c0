/* store/entry.c - figures entered by hand. A manual entry outranks every
 * other source. Entering a key again adds a row and marks the earlier one
 * superseded; nothing is deleted, so 'facts --history' shows both. */
#include "store/store_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/suggest.h"
#include "text/text.h"
#include "util/xalloc.h"

/* "unknown WHAT 'code'", with the nearest code of 'table' when one is
 * near enough to be a typo ("did you mean 'grdp_growth'?"). Returns -1. */
static int unknown(struct store *st, const char *table, const char *what,
                   const char *code, struct err *err) {
  /* the configured codes first: of two as near, the one of the config */
  char sql[192];
  snprintf(sql, sizeof sql, "SELECT code FROM %s%s", table,
           table[0] == '(' ? "" : " ORDER BY origin IS NOT 'config'");
  const char **codes = NULL;
  size_t n = 0, cap = 0;
  sqlite3_stmt *s = NULL;
  if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK)
    while (sqlite3_step(s) == SQLITE_ROW) {
      xgrow((void **)&codes, &cap, n + 1, sizeof *codes);
      codes[n++] = xstrdup((const char *)sqlite3_column_text(s, 0));
    }
  sqlite3_finalize(s);
  const char *near = text_suggest(code, codes, n);
  if (near)
    err_set(err, NULL, 0, 0, "unknown %s '%s'; did you mean '%s'?", what, code,
            near);
  else
    err_set(err, NULL, 0, 0, "unknown %s '%s'", what, code);
  for (size_t i = 0; i < n; i++)
    free((void *)codes[i]);
  free(codes);
  return -1;
}

/* Returns 0 if the code is in 'sql''s table, -1 with 'err' if not. */
static int known(struct store *st, enum stmt_id id, const char *code,
                 const char *what, struct err *err) {
  sqlite3_stmt *s = store_stmt(st, id, err);
  if (!s)
    return -1;
  store_bind_text(s, 1, code);
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  if (rc == SQLITE_ROW)
    return 0;
  if (rc != SQLITE_DONE)
    return store_sqlite_err(st, rc, err);
  return unknown(st, id == STMT_LOC_EXISTS ? "localities" : "indicators", what,
                 code, err);
}

/* 0 if 'code' is in 'table' or near none of its codes, -1 with 'err'
 * ("did you mean") if it is a near miss of one. */
static int near_miss(struct store *st, const char *table, const char *what,
                     const char *code, struct err *err) {
  char sql[160];
  snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE code = ?1", table);
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
  if (rc != SQLITE_OK)
    return store_sqlite_err(st, rc, err);
  store_bind_text(s, 1, code);
  rc = sqlite3_step(s);
  sqlite3_finalize(s);
  if (rc == SQLITE_ROW)
    return 0;
  if (rc != SQLITE_DONE)
    return store_sqlite_err(st, rc, err);
  struct err e;
  err_clear(&e);
  unknown(st, table, what, code, &e);
  if (!strstr(e.msg, "did you mean"))
    return 0;
  *err = e;
  return -1;
}

int store_filter_check(struct store *st, const char *locality,
                       const char *indicator, const char *group,
                       struct err *err) {
  if (locality && near_miss(st, "localities", "locality", locality, err))
    return -1;
  if (indicator && near_miss(st, "indicators", "indicator", indicator, err))
    return -1;
  if (group && near_miss(st,
                         "(SELECT DISTINCT grp AS code FROM indicators "
                         "WHERE grp IS NOT NULL)",
                         "group", group, err))
    return -1;
  return 0;
}

int store_code_check(struct store *st, const char *locality,
                     const char *indicator, struct err *err) {
  if (locality && known(st, STMT_LOC_EXISTS, locality, "locality", err) != 0)
    return -1;
  if (indicator && known(st, STMT_IND_EXISTS, indicator, "indicator", err) != 0)
    return -1;
  return 0;
}

/* Insert one manual figure inside the caller's transaction; the same key
 * entered before (under any year-to-date spelling) becomes history. */
static int entry_insert(struct store *st, const char *locality,
                        const char *indicator, const char *canon,
                        const char *key, enum fact_kind kind, double value,
                        const char *note, long long *id, struct err *err) {
  sqlite3_stmt *s = store_stmt(st, STMT_ENTRY_INSERT, err);
  if (!s)
    return -1;
  store_bind_text(s, 1, locality);
  store_bind_text(s, 2, indicator);
  store_bind_text(s, 3, canon);
  store_bind_text(s, 4, key);
  store_bind_text(s, 5, fact_kind_name(kind));
  sqlite3_bind_double(s, 6, value);
  store_bind_text(s, 7, "manual");
  store_bind_text(s, 10, note);
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  if (rc != SQLITE_DONE)
    return store_sqlite_err(st, rc, err);
  long long new_id = sqlite3_last_insert_rowid(st->db);
  s = store_stmt(st, STMT_ENTRY_SUPERSEDE, err);
  if (!s)
    return -1;
  sqlite3_bind_int64(s, 1, new_id);
  store_bind_text(s, 2, locality);
  store_bind_text(s, 3, indicator);
  store_bind_text(s, 4, key);
  store_bind_text(s, 5, fact_kind_name(kind));
  rc = sqlite3_step(s);
  sqlite3_reset(s);
  if (rc != SQLITE_DONE)
    return store_sqlite_err(st, rc, err);
  if (id)
    *id = new_id;
  return 0;
}

int store_entry_set(struct store *st, const char *locality,
                    const char *indicator, const char *period,
                    enum fact_kind kind, double value, const char *note,
                    long long *id, struct err *err) {
  char canon[24], key[24];
  if (store_period_keys(period, canon, key) == 0 && kind != FACT_TARGET &&
      kind != FACT_ACTUAL)
    return err_set(err, NULL, 0, 0, "a manual entry is a target or an actual");
  const double *target = kind == FACT_TARGET ? &value : NULL;
  const double *actual = kind == FACT_ACTUAL ? &value : NULL;
  long long ids[2] = {0, 0};
  if (store_entry_set_pair(st, locality, indicator, period, target, actual,
                           note, ids, err) != 0)
    return -1;
  if (id)
    *id = kind == FACT_TARGET ? ids[0] : ids[1];
  return 0;
}

int store_entry_set_pair(struct store *st, const char *locality,
                         const char *indicator, const char *period,
                         const double *target, const double *actual,
                         const char *note, long long ids[2], struct err *err) {
  char canon[24], key[24];
  if (store_period_keys(period, canon, key) != 0)
    return err_set(err, NULL, 0, 0,
                   "bad period '%s' (2024, 2024-Q1..Q4, 2024-H1, 2024-9M, "
                   "2024-M05, 2021-2025)",
                   period);
  if (!target && !actual)
    return err_set(err, NULL, 0, 0, "no figure to enter");
  long long got[2] = {0, 0};
  if (store_begin(st, err) != 0)
    return -1;
  if (store_code_check(st, locality, indicator, err) != 0)
    goto fail;
  if (target && entry_insert(st, locality, indicator, canon, key, FACT_TARGET,
                             *target, note, &got[0], err) != 0)
    goto fail;
  if (actual && entry_insert(st, locality, indicator, canon, key, FACT_ACTUAL,
                             *actual, note, &got[1], err) != 0)
    goto fail;
  if (store_commit(st, err) != 0)
    goto fail;
  if (ids) {
    ids[0] = got[0];
    ids[1] = got[1];
  }
  return 0;
fail:
  store_rollback(st);
  return -1;
}

/* Plain "1234.5" / "7.01" or Vietnamese "1.234,5" / "7,01". A lone dot
 * followed by exactly three digits is ambiguous; as in texts it is read
 * as a thousands dot ("30.000" is thirty thousand). */
int store_value_parse(const char *s, double *out) {
  if (!s)
    return -1;
  while (isspace((unsigned char)*s))
    s++;
  int neg = 0;
  if (*s == '-' || *s == '+') {
    neg = *s == '-';
    s++;
  }
  size_t len = strlen(s);
  while (len && isspace((unsigned char)s[len - 1]))
    len--;
  if (!len || !isdigit((unsigned char)*s))
    return -1;
  double v = 0;
  size_t used = text_number_parse(s, len, &v);
  if (used != len)
    return -1;
  *out = neg ? -v : v;
  return 0;
}

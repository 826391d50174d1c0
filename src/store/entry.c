/* store/entry.c - figures entered by hand. A manual entry outranks every
 * other source. Entering a key again adds a row and marks the earlier one
 * superseded; nothing is deleted, so 'facts --history' shows both. */
#include "store/store_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

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
  return err_set(err, NULL, 0, 0, "unknown %s '%s'", what, code);
}

int store_code_check(struct store *st, const char *locality,
                     const char *indicator, struct err *err) {
  if (locality && known(st, STMT_LOC_EXISTS, locality, "locality", err) != 0)
    return -1;
  if (indicator && known(st, STMT_IND_EXISTS, indicator, "indicator", err) != 0)
    return -1;
  return 0;
}

int store_entry_set(struct store *st, const char *locality,
                    const char *indicator, const char *period,
                    enum fact_kind kind, double value, const char *note,
                    long long *id, struct err *err) {
  char canon[24], key[24];
  if (store_period_keys(period, canon, key) != 0)
    return err_set(err, NULL, 0, 0,
                   "bad period '%s' (2024, 2024-Q1..Q4, 2024-H1, 2024-9M, "
                   "2024-M05, 2021-2025)",
                   period);
  if (kind != FACT_TARGET && kind != FACT_ACTUAL)
    return err_set(err, NULL, 0, 0, "a manual entry is a target or an actual");
  if (store_begin(st, err) != 0)
    return -1;
  if (store_code_check(st, locality, indicator, err) != 0)
    goto fail;
  sqlite3_stmt *s = store_stmt(st, STMT_ENTRY_INSERT, err);
  if (!s)
    goto fail;
  store_bind_text(s, 1, locality);
  store_bind_text(s, 2, indicator);
  store_bind_text(s, 3, canon);
  store_bind_text(s, 4, key);
  store_bind_text(s, 5, store_kind_name(kind));
  sqlite3_bind_double(s, 6, value);
  store_bind_text(s, 7, "manual");
  store_bind_text(s, 10, note);
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  if (rc != SQLITE_DONE) {
    store_sqlite_err(st, rc, err);
    goto fail;
  }
  long long new_id = sqlite3_last_insert_rowid(st->db);
  /* The same key entered before (under any year-to-date spelling) is now
   * history. */
  sqlite3_stmt *u = NULL;
  rc = sqlite3_prepare_v2(
      st->db,
      "UPDATE entries SET superseded = 1, superseded_by = ?1 "
      "WHERE source = 'manual' AND superseded = 0 AND id <> ?1 "
      "AND locality_code = ?2 AND indicator = ?3 AND period_key = ?4 "
      "AND kind = ?5",
      -1, &u, NULL);
  if (rc == SQLITE_OK) {
    sqlite3_bind_int64(u, 1, new_id);
    store_bind_text(u, 2, locality);
    store_bind_text(u, 3, indicator);
    store_bind_text(u, 4, key);
    store_bind_text(u, 5, store_kind_name(kind));
    rc = sqlite3_step(u);
    if (rc == SQLITE_DONE)
      rc = SQLITE_OK;
  }
  if (rc != SQLITE_OK)
    store_sqlite_err(st, rc, err);
  sqlite3_finalize(u);
  if (rc != SQLITE_OK)
    goto fail;
  if (store_commit(st, err) != 0)
    goto fail;
  if (id)
    *id = new_id;
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

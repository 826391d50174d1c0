/* store/store.h - the SQLite store: documents and their facts, figures
 * imported from CSV or entered by hand, review, and the current value of
 * every (locality, indicator, period, kind) chosen by precedence:
 * manual > CSV > accepted fact > extracted fact (newest document first).
 * Nothing is overwritten: a correction is a new row. */
#ifndef CHITIEU_STORE_STORE_H
#define CHITIEU_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "config/config.h"
#include "extract/extract.h"
#include "util/err.h"

struct store;

enum store_mode {
  STORE_READ = 0,  /* the file must exist; nothing is written */
  STORE_WRITE = 1, /* created and migrated if needed */
};

/* Open (and create/migrate for STORE_WRITE) the database at 'path'.
 * Refuses a database made by a newer chitieu, a corrupt file, or a
 * read-only file opened for writing, with a clear message. NULL + 'err' on
 * failure. */
struct store *store_open(const char *path, enum store_mode mode,
                         struct err *err);
void store_close(struct store *st);

/* Copy the indicators and localities of 'cfg' into their tables. */
int store_sync_config(struct store *st, const struct config *cfg,
                      struct err *err);

/* Store one extracted document and its facts in one transaction. 'sha256'
 * is the hex digest of the file's bytes; a document already stored with
 * the same digest changes nothing and sets '*added' to 0. */
int store_ingest(struct store *st, const struct extract_doc *doc,
                 const char *path, const char *sha256, int *added,
                 struct err *err);

/* The value a report shows for one key. */
struct store_value {
  double value;
  bool estimated;
  enum fact_approx approx;
  char source[16]; /* "manual", "csv", "fact" */
  char *doc;       /* document or CSV file name; NULL for manual entry */
  char *sentence;  /* the source sentence (facts) or note (manual) */
  long long id;    /* row id of the winning candidate */
};

/* The winning value for ('locality', 'indicator', 'period', 'kind'), where
 * kind is FACT_TARGET, FACT_ACTUAL, FACT_PLAN_PCT or FACT_CHANGE_PCT.
 * Year-to-date periods are matched as the same: "2024-H1" = "2024-Q2",
 * "2024-9M" = "2024-Q3". Returns 1 and fills 'out' (clear with
 * store_value_clear), 0 if there is none, -1 on error. */
int store_value_get(struct store *st, const char *locality,
                    const char *indicator, const char *period,
                    enum fact_kind kind, struct store_value *out,
                    struct err *err);
void store_value_clear(struct store_value *v);

#endif

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

/* Is a document with the hex digest 'sha256' stored? Returns 1, 0, or -1
 * with 'err'. Lets ingest skip extracting a file it already has. */
int store_document_exists(struct store *st, const char *sha256,
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

/* Does fact 'f' wait for review once stored with the place 'code' (its
 * own, or the document's)? Only a figure a dashboard could use whose
 * indicator or place is undecided: several indicators fit it (its
 * candidates), or its indicator is known and its place is not. A figure
 * outside the catalogue (no indicator, no candidates), the size of a plan
 * ("18 chỉ tiêu chủ yếu") among them, is kept with its source and waits
 * for nobody; 'review edit' can still link it. */
bool store_fact_needs_review(const struct fact *f, const char *code);

/* ---- Schema ---------------------------------------------------------- */

/* The schema version this chitieu writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 3

/* The schema version of the open database (after migration for
 * STORE_WRITE). */
int store_schema_version(const struct store *st);

/* Check the whole file with PRAGMA integrity_check. Returns 0 if it is
 * sound, -1 with the first problem in 'err'. */
int store_check(struct store *st, struct err *err);

/* ---- CSV import ------------------------------------------------------ */

struct store_import_opts {
  const struct config *cfg; /* codes it knows count as known (may be NULL;
                               the database's tables always count) */
  bool dry_run;             /* validate only; nothing is written */
  bool add_missing; /* register unknown locality and indicator codes from
                       the CSV's own name/level/parent/unit/direction
                       columns instead of rejecting the file */
};

struct store_import_result {
  long rows;           /* data rows read */
  long entries;        /* figures stored (targets + reported actuals) */
  int version;         /* the new version of this file name; 0 if none */
  bool unchanged;      /* same name and bytes as the current version */
  long new_localities; /* registered by add_missing */
  long new_indicators;
  long superseded; /* rows of the previous version now history */
};

/* Import the CSV file at 'path' (header locality_code, locality_name,
 * level, parent_code, indicator_code, indicator_name, unit, direction,
 * year, quarter, target, actual) as one transaction. Any bad row rejects
 * the whole file: -1 with 'err' = PATH:LINE: reason, database unchanged.
 * Importing a file whose base name was imported before replaces its rows
 * as a new version; the old rows stay, marked superseded. For a dry run
 * 'st' may be NULL (nothing stored yet): codes are then checked against
 * opts->cfg alone. */
int store_import_csv(struct store *st, const char *path,
                     const struct store_import_opts *opts,
                     struct store_import_result *res, struct err *err);
/* The same for 'len' bytes at 'text' that were read from 'path' (the name
 * messages and the import's version use). */
int store_import_csv_text(struct store *st, const char *path,
                          const char *text, size_t len,
                          const struct store_import_opts *opts,
                          struct store_import_result *res, struct err *err);
/* The same for sheet 'sheet' (NULL: the first) of the .xlsx at 'path',
 * laid out like the CSV (store/import_xlsx.c). Errors name the cell:
 * PATH:SHEET!CELL: reason. */
int store_import_xlsx(struct store *st, const char *path, const char *sheet,
                      const struct store_import_opts *opts,
                      struct store_import_result *res, struct err *err);

/* ---- Manual entry ---------------------------------------------------- */

/* Enter 'value' for ('locality', 'indicator', 'period', 'kind') by hand,
 * kind FACT_TARGET or FACT_ACTUAL; 'note' may be NULL. An earlier manual
 * figure for the same key is kept but marked superseded. '*id' (may be
 * NULL) receives the new row id. */
int store_entry_set(struct store *st, const char *locality,
                    const char *indicator, const char *period,
                    enum fact_kind kind, double value, const char *note,
                    long long *id, struct err *err);

/* Enter a target and an actual for one key in one transaction: both are
 * stored or neither. 'target' or 'actual' may be NULL (not entered), not
 * both. 'ids' (may be NULL) receives the new row ids of the target and
 * the actual, 0 for one not entered. */
int store_entry_set_pair(struct store *st, const char *locality,
                         const char *indicator, const char *period,
                         const double *target, const double *actual,
                         const char *note, long long ids[2],
                         struct err *err);

/* Check the filters of a listing, 'locality', 'indicator' and 'group'
 * (any may be NULL): a near miss of a code or group the database knows is
 * a typo, -1 with "unknown indicator 'x'; did you mean 'y'?". Returns 0
 * for a known one, and for one near none (a code not stored yet lists
 * nothing). */
int store_filter_check(struct store *st, const char *locality,
                       const char *indicator, const char *group,
                       struct err *err);

/* ---- Review ---------------------------------------------------------- */

/* A stored fact as review and history show it. Strings are owned. */
struct store_fact {
  long long id;
  char *doc;           /* document name */
  char *locality;      /* as written, or NULL */
  char *locality_code; /* or NULL */
  char *period;
  char *label;
  char *indicator; /* or NULL */
  enum fact_kind kind;
  double value;
  char *unit;
  char *sentence;
  char status[12];      /* new, accepted, rejected, edited */
  long long supersedes; /* the fact this row corrects, 0 if none */
  char *candidates;     /* the indicators that fit it equally, space
                           separated, or NULL */
};

struct store_fact_list {
  struct store_fact *v;
  size_t n, cap;
};
void store_fact_list_free(struct store_fact_list *l);

/* The facts still waiting for review (status "new", and several
 * indicators fit them or their place is unknown: store_fact_needs_review),
 * oldest first. */
int store_review_list(struct store *st, struct store_fact_list *out,
                      struct err *err);
/* One fact by id (any status). Returns 1 and fills 'out', 0 if there is
 * no such fact, -1 on error. Free with store_fact_list_free on a list or
 * store_fact_clear. */
int store_fact_get(struct store *st, long long id, struct store_fact *out,
                   struct err *err);
void store_fact_clear(struct store_fact *f);

/* A correction: fields left NULL / false keep the fact's own. */
struct store_edit {
  const char *indicator;
  const char *locality;
  const char *period;
  bool has_value;
  double value;
  bool has_kind;
  enum fact_kind kind;
};

/* Accept fact 'id'. With an indicator or locality code in 'edit' (may be
 * NULL) the fact is accepted as corrected: a new accepted row supersedes
 * it (its status becomes "edited"). '*new_id' (may be NULL) gets the row
 * that now stands. Only a fact that is "new" or "accepted" can be
 * reviewed. */
int store_review_accept(struct store *st, long long id,
                        const struct store_edit *edit, long long *new_id,
                        struct err *err);
int store_review_reject(struct store *st, long long id, struct err *err);
/* Correct fact 'id' with 'edit': always a new accepted row that
 * supersedes it; the old row is kept with status "edited". */
int store_review_edit(struct store *st, long long id,
                      const struct store_edit *edit, long long *new_id,
                      struct err *err);

/* ---- Queries --------------------------------------------------------- */

struct store_query {
  const char *locality;  /* code, or NULL for all */
  bool children;         /* and every locality below it */
  const char *indicator; /* code, or NULL */
  const char *group;     /* indicator group, or NULL */
  const char *period;    /* matched year-to-date as store_value_get */
  bool has_kind;
  enum fact_kind kind;
};

/* One candidate or current value. Strings are owned. */
struct store_row {
  char *locality;   /* code */
  char *indicator;  /* code */
  char *period;     /* as the source gave it */
  char *period_key; /* year-to-date form ("2024-H1" -> "2024-Q2") */
  enum fact_kind kind;
  double value;
  bool estimated;
  enum fact_approx approx;
  char source[16]; /* "manual", "csv", "fact" */
  char status[12]; /* fact review status; "" for entries */
  char *doc;       /* document or CSV file name, or NULL */
  long line;       /* CSV line, 0 otherwise */
  int version;     /* CSV import version, 0 otherwise */
  char *sentence;  /* sentence (fact) or note (manual), or NULL */
  char *at;        /* when it was stored */
  long long id;
  bool winner;     /* the current value of its key */
  bool superseded; /* history only: replaced, rejected or edited */
};

struct store_rows {
  struct store_row *v;
  size_t n, cap;
};
void store_rows_free(struct store_rows *r);

/* The current value of every key matching 'q', ordered by locality,
 * indicator, period and kind. */
int store_values_list(struct store *st, const struct store_query *q,
                      struct store_rows *out, struct err *err);

/* Every candidate ever stored for one key, superseded ones included, best
 * first; the current value has 'winner' set. */
int store_history(struct store *st, const char *locality, const char *indicator,
                  const char *period, enum fact_kind kind_or_all,
                  bool all_kinds, struct store_rows *out, struct err *err);

/* Parse a figure typed by a person, Vietnamese ("7,01", "1.234,5") or
 * plain ("7.01", "1234.5"), optionally signed. Returns 0 or -1. */
int store_value_parse(const char *s, double *out);

/* ---- For reports (store/report_query.c) ------------------------------ */

/* The day ("YYYY-MM-DD", into 'dst' of 'n' bytes) of the source of the
 * value with row id 'id' from 'source' ("fact", "csv", "manual", as in
 * struct store_value): the document's own date (else its ingest day), the
 * CSV import's day, or the manual entry's day. Returns 1, 0 if unknown,
 * or -1 with 'err'. */
int store_source_date(struct store *st, const char *source, long long id,
                      char *dst, size_t n, struct err *err);

/* Hold one read transaction over many queries (a report asks thousands):
 * every query then sees the same snapshot, and SQLite does not take and
 * drop its locks around each one. store_read_end() after
 * store_read_begin() succeeded. */
int store_read_begin(struct store *st, struct err *err);
void store_read_end(struct store *st);

#endif

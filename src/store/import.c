/* store/import.c - official figures from a CSV file, all or nothing.
 *
 * The file is read whole and checked in a first pass (columns, UTF-8,
 * known codes, numbers, quarter range, duplicate keys) without touching
 * the database; the first bad row stops it with FILE:LINE: reason. Only a
 * clean file reaches the second pass, which writes every row in one
 * transaction with reused prepared statements. A file name imported before
 * gets a new version: the earlier version's rows stay in 'entries' with
 * superseded = 1, so the history is never lost. */
#include "store/store_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/suggest.h"
#include "text/text.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/sha256.h"
#include "util/xalloc.h"

#define N_COLS 12
static const char header[] =
    "locality_code,locality_name,level,parent_code,indicator_code,"
    "indicator_name,unit,direction,year,quarter,target,actual";

enum col {
  C_LOC,
  C_LOC_NAME,
  C_LEVEL,
  C_PARENT,
  C_IND,
  C_IND_NAME,
  C_UNIT,
  C_DIR,
  C_YEAR,
  C_QUARTER,
  C_TARGET,
  C_ACTUAL
};

/* ---- A small string -> index table (open addressing) ------------------ */

struct names {
  char **code; /* index -> code (owned) */
  size_t n, cap;
  size_t *slot; /* hash slots holding index + 1, 0 = empty */
  size_t nslot;
};

static uint64_t hash_str(const char *s) {
  uint64_t h = 1469598103934665603ull; /* FNV-1a */
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

/* The index of 'code', or -1. */
static long names_find(const struct names *t, const char *code) {
  if (!t->nslot)
    return -1;
  size_t mask = t->nslot - 1;
  for (size_t i = hash_str(code) & mask;; i = (i + 1) & mask) {
    if (!t->slot[i])
      return -1;
    if (strcmp(t->code[t->slot[i] - 1], code) == 0)
      return (long)(t->slot[i] - 1);
  }
}

static void names_rehash(struct names *t, size_t nslot) {
  free(t->slot);
  t->slot = xcalloc(nslot, sizeof *t->slot);
  t->nslot = nslot;
  for (size_t k = 0; k < t->n; k++) {
    size_t i = hash_str(t->code[k]) & (nslot - 1);
    while (t->slot[i])
      i = (i + 1) & (nslot - 1);
    t->slot[i] = k + 1;
  }
}

/* Add 'code' (copied; must not be present) and return its index. */
static long names_add(struct names *t, const char *code) {
  xgrow((void **)&t->code, &t->cap, t->n + 1, sizeof *t->code);
  t->code[t->n++] = xstrdup(code);
  if (t->n * 2 > t->nslot)
    names_rehash(t, t->nslot ? t->nslot * 2 : 64);
  else {
    size_t i = hash_str(code) & (t->nslot - 1);
    while (t->slot[i])
      i = (i + 1) & (t->nslot - 1);
    t->slot[i] = t->n;
  }
  return (long)(t->n - 1);
}

static void names_free(struct names *t) {
  for (size_t i = 0; i < t->n; i++)
    free(t->code[i]);
  free(t->code);
  free(t->slot);
}

/* ---- A set of 64-bit keys (duplicate rows) ----------------------------- */

struct keyset {
  uint64_t *k; /* 0 = empty; keys are never 0 (year >= 1900) */
  long *line;
  size_t n, nslot;
};

static uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  return x;
}

/* Insert 'key' seen on 'line'. Returns 0, or the earlier line if present. */
static long keyset_add(struct keyset *s, uint64_t key, long line) {
  if ((s->n + 1) * 2 > s->nslot) {
    size_t nslot = s->nslot ? s->nslot * 2 : 1024;
    uint64_t *k = xcalloc(nslot, sizeof *k);
    long *ln = xcalloc(nslot, sizeof *ln);
    for (size_t j = 0; j < s->nslot; j++) {
      if (!s->k[j])
        continue;
      size_t i = mix64(s->k[j]) & (nslot - 1);
      while (k[i])
        i = (i + 1) & (nslot - 1);
      k[i] = s->k[j];
      ln[i] = s->line[j];
    }
    free(s->k);
    free(s->line);
    s->k = k;
    s->line = ln;
    s->nslot = nslot;
  }
  size_t mask = s->nslot - 1;
  size_t i = mix64(key) & mask;
  for (; s->k[i]; i = (i + 1) & mask)
    if (s->k[i] == key)
      return s->line[i];
  s->k[i] = key;
  s->line[i] = line;
  s->n++;
  return 0;
}

/* ---- Parsed rows ----------------------------------------------------- */

struct row {
  long line;
  int loc, ind; /* indexes into the names tables */
  int year, quarter;
  bool has_target, has_actual;
  double target, actual;
};

/* A locality or indicator the file brings with --add-missing. */
struct newcode {
  int idx; /* index in its names table */
  long line;
  char *name, *level, *parent; /* indicators: name, unit, direction */
};

struct import {
  struct store *st;
  const char *path;
  const struct store_import_opts *opts;
  struct names locs, inds;
  struct newcode *new_locs, *new_inds;
  size_t n_new_locs, cap_new_locs, n_new_inds, cap_new_inds;
  struct row *rows;
  size_t n_rows, cap_rows;
  struct keyset keys;
  char sep;           /* ',' or, in a file Excel wrote with a Vietnamese
                         locale, ';' */
  bool decimal_comma; /* numbers are written "7,5" (with ';') */
};

static void import_free(struct import *im) {
  names_free(&im->locs);
  names_free(&im->inds);
  for (size_t i = 0; i < im->n_new_locs; i++) {
    free(im->new_locs[i].name);
    free(im->new_locs[i].level);
    free(im->new_locs[i].parent);
  }
  for (size_t i = 0; i < im->n_new_inds; i++) {
    free(im->new_inds[i].name);
    free(im->new_inds[i].level);
    free(im->new_inds[i].parent);
  }
  free(im->new_locs);
  free(im->new_inds);
  free(im->rows);
  free(im->keys.k);
  free(im->keys.line);
}

/* Load the codes the database knows into 'names'. */
static int load_codes(struct store *st, const char *sql, struct names *names,
                      struct err *err) {
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
  if (rc != SQLITE_OK)
    return store_sqlite_err(st, rc, err);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    const char *code = (const char *)sqlite3_column_text(s, 0);
    if (names_find(names, code) < 0)
      names_add(names, code);
  }
  sqlite3_finalize(s);
  if (rc != SQLITE_DONE)
    return store_sqlite_err(st, rc, err);
  return 0;
}

/* ---- Pass 1: reading and checking ------------------------------------ */

/* Split the line 'p' ('len' bytes, no newline) into fields, in place:
 * plain fields or "quoted" ones with "" for a quote. Returns the number
 * of fields (up to 'max'; one more means too many) or -1 for a broken
 * quote. */
static int split(char *p, size_t len, char **f, int max, char sep) {
  int n = 0;
  char *end = p + len;
  for (;;) {
    if (n > max)
      return n;
    char *w = p;
    f[n < max ? n : max] = w;
    n++;
    if (p < end && *p == '"') {
      p++;
      for (;;) {
        if (p >= end)
          return -1;
        if (*p == '"') {
          if (p + 1 < end && p[1] == '"') {
            *w++ = '"';
            p += 2;
            continue;
          }
          p++;
          break;
        }
        *w++ = *p++;
      }
      if (p < end && *p != sep)
        return -1;
    } else {
      while (p < end && *p != sep)
        *w++ = *p++;
    }
    if (p >= end) {
      *w = '\0';
      return n;
    }
    *w = '\0'; /* overwrites the comma (or earlier, for quoted fields) */
    p++;
  }
}

/* A plain CSV number: optional sign, digits, optional '.' and digits; or,
 * with 'comma', a number as a Vietnamese Excel writes it: "7,5",
 * "1.234,5" (text_number_parse). Returns 0 and '*v', or -1. */
static int parse_number(const char *s, double *v, bool comma) {
  const char *p = s;
  if (comma) {
    if (*p == '-' || *p == '+')
      p++;
    size_t len = strlen(p);
    double x;
    if (!len || text_number_parse(p, len, &x) != len)
      return -1;
    *v = *s == '-' ? -x : x;
    return 0;
  }
  if (*p == '-' || *p == '+')
    p++;
  int digits = 0, dot = 0;
  for (; *p; p++) {
    if (*p >= '0' && *p <= '9')
      digits++;
    else if (*p == '.' && !dot)
      dot = 1;
    else
      return -1;
  }
  if (!digits)
    return -1;
  *v = strtod(s, NULL);
  return 0;
}

static int parse_int(const char *s, int lo, int hi, int *v) {
  if (!*s || strlen(s) > 6)
    return -1;
  long x = 0;
  for (const char *p = s; *p; p++) {
    if (*p < '0' || *p > '9')
      return -1;
    x = x * 10 + (*p - '0');
  }
  if (x < lo || x > hi)
    return -1;
  *v = (int)x;
  return 0;
}

static struct newcode *add_new(struct newcode **v, size_t *n, size_t *cap,
                               int idx, long line, const char *a, const char *b,
                               const char *c) {
  xgrow((void **)v, cap, *n + 1, sizeof **v);
  struct newcode *nc = &(*v)[(*n)++];
  nc->idx = idx;
  nc->line = line;
  nc->name = xstrdup(a);
  nc->level = *b ? xstrdup(b) : NULL;
  nc->parent = *c ? xstrdup(c) : NULL;
  return nc;
}

/* 'code', of the 'what' column on 'line', is not known: say why it cannot
 * be taken (not a slug: the slug suggested; near a known code: that
 * one; else how --add-missing would register it). Returns -1, or 0 when
 * --add-missing may register it. */
static int unknown_code(struct import *im, const struct names *known,
                        const char *what, char sep, const char *code, long line,
                        struct err *err) {
  if (!text_is_slug(code, sep)) {
    char slug[256];
    text_slug(code, sep, slug, sizeof slug);
    if (!*slug)
      return err_set(err, im->path, (int)line, 0,
                     "'%s' is not a code (codes are lower-case letters, "
                     "digits and '%c')",
                     code, sep);
    return err_set(err, im->path, (int)line, 0,
                   "'%s' is not a code; did you mean '%s'?", code, slug);
  }
  if (im->opts->add_missing)
    return 0;
  const char *near =
      text_suggest(code, (const char *const *)known->code, known->n);
  if (near)
    return err_set(err, im->path, (int)line, 0,
                   "unknown %s '%s'; did you mean '%s'?", what, code, near);
  return err_set(err, im->path, (int)line, 0,
                 "unknown %s '%s' (not in the config; --add-missing "
                 "registers it from this file)",
                 what, code);
}

/* The index of the locality or indicator 'code' of the row on 'line',
 * registering it when --add-missing allows. -1 with 'err'. */
static long resolve_locality(struct import *im, char **f, long line,
                             struct err *err) {
  long i = names_find(&im->locs, f[C_LOC]);
  if (i >= 0)
    return i;
  if (!*f[C_LOC])
    return err_set(err, im->path, (int)line, 0, "empty locality_code");
  if (unknown_code(im, &im->locs, "locality", '-', f[C_LOC], line, err) != 0)
    return -1;
  if (!*f[C_LOC_NAME])
    return err_set(err, im->path, (int)line, 0,
                   "unknown locality '%s' has no locality_name to register "
                   "it with",
                   f[C_LOC]);
  i = names_add(&im->locs, f[C_LOC]);
  add_new(&im->new_locs, &im->n_new_locs, &im->cap_new_locs, (int)i, line,
          f[C_LOC_NAME], f[C_LEVEL], f[C_PARENT]);
  return i;
}

static long resolve_indicator(struct import *im, char **f, long line,
                              struct err *err) {
  long i = names_find(&im->inds, f[C_IND]);
  if (i >= 0)
    return i;
  if (!*f[C_IND])
    return err_set(err, im->path, (int)line, 0, "empty indicator_code");
  if (unknown_code(im, &im->inds, "indicator", '_', f[C_IND], line, err) != 0)
    return -1;
  if (!*f[C_IND_NAME])
    return err_set(err, im->path, (int)line, 0,
                   "unknown indicator '%s' has no indicator_name to register "
                   "it with",
                   f[C_IND]);
  const char *dir = f[C_DIR];
  if (*dir && strcmp(dir, "higher") != 0 && strcmp(dir, "lower") != 0)
    return err_set(err, im->path, (int)line, 0,
                   "direction must be 'higher' or 'lower', not '%s'", dir);
  i = names_add(&im->inds, f[C_IND]);
  add_new(&im->new_inds, &im->n_new_inds, &im->cap_new_inds, (int)i, line,
          f[C_IND_NAME], f[C_UNIT], *dir ? dir : "higher");
  return i;
}

/* Check one data row (fields 'f') and append it. */
static int read_row(struct import *im, char **f, long line, struct err *err) {
  struct row r = {.line = line};
  long loc = resolve_locality(im, f, line, err);
  if (loc < 0)
    return -1;
  long ind = resolve_indicator(im, f, line, err);
  if (ind < 0)
    return -1;
  r.loc = (int)loc;
  r.ind = (int)ind;
  if (parse_int(f[C_YEAR], 1900, 2200, &r.year) != 0)
    return err_set(err, im->path, (int)line, 0,
                   "year must be a number from 1900 to 2200, not '%s'",
                   f[C_YEAR]);
  if (parse_int(f[C_QUARTER], 0, 4, &r.quarter) != 0)
    return err_set(err, im->path, (int)line, 0,
                   "quarter must be 0 (whole year) to 4, not '%s'",
                   f[C_QUARTER]);
  if (*f[C_TARGET]) {
    if (parse_number(f[C_TARGET], &r.target, im->decimal_comma) != 0)
      return err_set(err, im->path, (int)line, 0,
                     "target is not a number: '%s'", f[C_TARGET]);
    r.has_target = true;
  }
  if (*f[C_ACTUAL]) {
    if (parse_number(f[C_ACTUAL], &r.actual, im->decimal_comma) != 0)
      return err_set(err, im->path, (int)line, 0,
                     "actual is not a number: '%s'", f[C_ACTUAL]);
    r.has_actual = true;
  }
  if (r.loc >= (1 << 24) || r.ind >= (1 << 24))
    return err_set(err, im->path, (int)line, 0, "too many codes");
  uint64_t key = (uint64_t)r.loc << 40 | (uint64_t)r.ind << 16 |
                 (uint64_t)r.year << 3 | (uint64_t)r.quarter;
  long first = keyset_add(&im->keys, key, line);
  if (first)
    return err_set(err, im->path, (int)line, 0,
                   "duplicate row for %s %s %d quarter %d (first on line %ld)",
                   f[C_LOC], f[C_IND], r.year, r.quarter, first);
  xgrow((void **)&im->rows, &im->cap_rows, im->n_rows + 1, sizeof r);
  im->rows[im->n_rows++] = r;
  return 0;
}

/* The line number (1-based) of byte 'off' in 's'. */
static long line_of(const char *s, size_t off) {
  long line = 1;
  for (size_t i = 0; i < off; i++)
    if (s[i] == '\n')
      line++;
  return line;
}

/* A locality the file registers must hang under a known parent or one the
 * same file registers. */
static int check_parents(struct import *im, struct err *err) {
  for (size_t i = 0; i < im->n_new_locs; i++) {
    const struct newcode *nc = &im->new_locs[i];
    if (nc->parent && names_find(&im->locs, nc->parent) < 0)
      return err_set(err, im->path, (int)nc->line, 0,
                     "unknown parent_code '%s' of locality '%s'", nc->parent,
                     im->locs.code[nc->idx]);
  }
  return 0;
}

/* Is the header line 'p' ('n' bytes) the header with 'sep' between the
 * names? */
static bool is_header(const char *p, size_t n, char sep) {
  if (n != sizeof header - 1)
    return false;
  for (size_t i = 0; i < n; i++)
    if (p[i] != (header[i] == ',' ? sep : header[i]))
      return false;
  return true;
}

/* Check the header line 'p' ('n' bytes) and learn the file's separator:
 * ',' or ';' (what Excel writes where the decimal mark is a comma, as on
 * a Vietnamese Windows; its numbers then have decimal commas too). A
 * wrong header is refused with the first column that differs. */
static int read_header(struct import *im, char *p, size_t n, struct err *err) {
  im->sep = ',';
  if (is_header(p, n, ','))
    return 0;
  if (is_header(p, n, ';')) {
    im->sep = ';';
    im->decimal_comma = true;
    return 0;
  }
  /* The separator it seems to use: ';' if there is one and no comma. */
  char sep = memchr(p, ';', n) && !memchr(p, ',', n) ? ';' : ',';
  char line[sizeof header + 64], want[sizeof header];
  char *got[N_COLS + 1], *names[N_COLS + 1];
  snprintf(line, sizeof line, "%.*s",
           (int)(n < sizeof line - 1 ? n : sizeof line - 1), p);
  memcpy(want, header, sizeof header);
  int ng = split(line, strlen(line), got, N_COLS, sep);
  split(want, sizeof header - 1, names, N_COLS, ',');
  char what[200] = "";
  const char *how = sep == ';' ? "the separator is ';': " : "";
  for (int i = 0; ng > 0 && i < N_COLS && i < ng; i++)
    if (strcmp(got[i], names[i]) != 0) {
      snprintf(what, sizeof what, " (%scolumn %d is '%.40s', not '%s')", how,
               i + 1, got[i], names[i]);
      break;
    }
  if (!what[0] && ng >= 0 && ng != N_COLS)
    snprintf(what, sizeof what, " (%sit has %s%d columns, not %d)", how,
             ng > N_COLS ? "more than " : "", ng > N_COLS ? N_COLS : ng,
             N_COLS);
  return err_set(err, im->path, 1, 0, "the header must be: %s%s", header, what);
}

/* Pass 1 over the file's 'len' bytes at 's' (split in place). */
static int read_csv(struct import *im, char *s, size_t len, struct err *err) {
  size_t bad;
  if (text_utf8_check(s, len, &bad) != 0)
    return err_set(err, im->path, (int)line_of(s, bad), 0,
                   "invalid UTF-8 at byte offset %zu (byte 0x%02X); save "
                   "the file as UTF-8",
                   bad, (unsigned char)s[bad]);
  size_t pos = 0;
  if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
    pos = 3; /* a BOM, as spreadsheets write */
  long line = 0;
  char *f[N_COLS + 1];
  while (pos < len) {
    char *p = s + pos;
    char *nl = memchr(p, '\n', len - pos);
    size_t n = nl ? (size_t)(nl - p) : len - pos;
    pos += n + 1;
    line++;
    if (n && p[n - 1] == '\r')
      n--;
    if (line == 1) {
      if (read_header(im, p, n, err) != 0)
        return -1;
      continue;
    }
    if (n == 0)
      continue; /* blank lines, e.g. at the end, carry nothing */
    int nf = split(p, n, f, N_COLS, im->sep);
    if (nf < 0)
      return err_set(err, im->path, (int)line, 0, "unterminated quote");
    if (nf != N_COLS)
      return err_set(
          err, im->path, (int)line, 0, "expected %d columns, found %s%d",
          N_COLS, nf > N_COLS ? "more than " : "", nf > N_COLS ? N_COLS : nf);
    if (read_row(im, f, line, err) != 0)
      return -1;
  }
  if (line == 0)
    return err_set(err, im->path, 1, 0, "empty file (the header must be: %s)",
                   header);
  return check_parents(im, err);
}

/* ---- Pass 2: writing ------------------------------------------------- */

static int step(struct store *st, sqlite3_stmt *s, struct err *err) {
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return store_sqlite_err(st, rc, err);
  return 0;
}

static int register_new(struct import *im, struct err *err) {
  struct store *st = im->st;
  for (size_t i = 0; i < im->n_new_locs; i++) {
    const struct newcode *nc = &im->new_locs[i];
    sqlite3_stmt *s = store_stmt(st, STMT_LOC_UPSERT, err);
    if (!s)
      return -1;
    store_bind_text(s, 1, im->locs.code[nc->idx]);
    store_bind_text(s, 2, nc->name);
    store_bind_text(s, 3, nc->level);
    store_bind_text(s, 4, nc->parent);
    store_bind_text(s, 5, "csv");
    if (step(st, s, err) != 0)
      return -1;
  }
  for (size_t i = 0; i < im->n_new_inds; i++) {
    const struct newcode *nc = &im->new_inds[i];
    sqlite3_stmt *s = store_stmt(st, STMT_IND_UPSERT, err);
    if (!s)
      return -1;
    store_bind_text(s, 1, im->inds.code[nc->idx]);
    store_bind_text(s, 2, nc->name);
    store_bind_text(s, 3, NULL);
    store_bind_text(s, 4, nc->level);  /* unit */
    store_bind_text(s, 5, nc->parent); /* direction */
    store_bind_text(s, 6, "csv");
    if (step(st, s, err) != 0)
      return -1;
  }
  return 0;
}

/* The current version of 'file' and its digest. Returns 0 and
 * '*version' = 0 if it was never imported. */
static int current_version(struct store *st, const char *file, int *version,
                           char sha[65], struct err *err) {
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db,
                              "SELECT version, sha256 FROM imports WHERE "
                              "file = ?1 ORDER BY version DESC LIMIT 1",
                              -1, &s, NULL);
  if (rc != SQLITE_OK)
    return store_sqlite_err(st, rc, err);
  store_bind_text(s, 1, file);
  *version = 0;
  sha[0] = '\0';
  rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) {
    *version = sqlite3_column_int(s, 0);
    snprintf(sha, 65, "%s", (const char *)sqlite3_column_text(s, 1));
  }
  sqlite3_finalize(s);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return store_sqlite_err(st, rc, err);
  return 0;
}

/* Run one statement with an integer and a text parameter; '*changes'
 * (may be NULL) gets the rows changed. */
static int exec_bound(struct store *st, const char *sql, long long a,
                      const char *b, long *changes, struct err *err) {
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
  if (rc != SQLITE_OK)
    return store_sqlite_err(st, rc, err);
  sqlite3_bind_int64(s, 1, a);
  store_bind_text(s, 2, b);
  rc = sqlite3_step(s);
  if (rc != SQLITE_DONE) {
    store_sqlite_err(st, rc, err);
    sqlite3_finalize(s);
    return -1;
  }
  sqlite3_finalize(s);
  if (changes)
    *changes = sqlite3_changes(st->db);
  return 0;
}

/* One figure to insert: row 'row' of the file, its target or its actual,
 * and where it goes in the entries_key index. */
struct figure {
  uint64_t key; /* locality rank, indicator rank, year, quarter key, kind */
  uint32_t row; /* index into im->rows; ties keep the file's order */
  uint32_t actual;
};

static int cmp_figure(const void *a, const void *b) {
  const struct figure *x = a, *y = b;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->row < y->row ? -1 : x->row > y->row;
}

struct code_at {
  const char *code;
  uint32_t idx;
};

static int cmp_code(const void *a, const void *b) {
  return strcmp(((const struct code_at *)a)->code,
                ((const struct code_at *)b)->code);
}

/* 'rank'[i] = the place of code i of 't' in byte order (SQLite's BINARY
 * collation); caller frees. */
static uint32_t *names_rank(const struct names *t) {
  struct code_at *order = xcalloc(t->n + 1, sizeof *order);
  uint32_t *rank = xcalloc(t->n + 1, sizeof *rank);
  for (size_t i = 0; i < t->n; i++)
    order[i] = (struct code_at){t->code[i], (uint32_t)i};
  qsort(order, t->n, sizeof *order, cmp_code);
  for (size_t i = 0; i < t->n; i++)
    rank[order[i].idx] = (uint32_t)i;
  free(order);
  return rank;
}

/* The figures of the file in the order of the entries_key index
 * (locality, indicator, period_key, kind). Inserted in that order, every
 * new index entry goes at the end of the index (on a fresh table) or next
 * to the one before, so SQLite fills whole pages instead of splitting
 * them. The rows keep their CSV line, and ranking never depends on the
 * order of rows of one import (a key has one row per period). Returns the
 * count; '*out' is freed by the caller. */
static size_t figures_sorted(const struct import *im, struct figure **out) {
  uint32_t *lrank = names_rank(&im->locs);
  uint32_t *irank = names_rank(&im->inds);
  struct figure *v = xcalloc(im->n_rows * 2 + 1, sizeof *v);
  size_t n = 0;
  for (size_t i = 0; i < im->n_rows; i++) {
    const struct row *r = &im->rows[i];
    /* period_key: "2024" (quarters 0 and 4) sorts before "2024-Q1". */
    uint64_t qkey = r->quarter == 4 ? 0 : (uint64_t)r->quarter;
    uint64_t key = (uint64_t)lrank[r->loc] << 40 |
                   (uint64_t)irank[r->ind] << 16 |
                   (uint64_t)(r->year - 1900) << 4 | qkey << 1;
    /* "actual" < "target" */
    if (r->has_actual)
      v[n++] = (struct figure){key, (uint32_t)i, 1};
    if (r->has_target)
      v[n++] = (struct figure){key | 1, (uint32_t)i, 0};
  }
  qsort(v, n, sizeof *v, cmp_figure);
  free(lrank);
  free(irank);
  *out = v;
  return n;
}

/* The period of 'year' and 'quarter' as stored, and its year-to-date key
 * (Q4 year to date is the whole year). */
static void csv_period(int year, int quarter, char period[16], char key[16]) {
  if (quarter == 0)
    snprintf(period, 16, "%d", year);
  else
    snprintf(period, 16, "%d-Q%d", year, quarter);
  if (quarter == 0 || quarter == 4)
    snprintf(key, 16, "%d", year);
  else
    memcpy(key, period, 16);
}

/* Insert every figure with one statement. The import id (?7) is bound
 * once; text is bound SQLITE_STATIC (the codes and period strings outlive
 * each step). */
static int write_rows(struct import *im, long long import_id, long *n,
                      struct err *err) {
  sqlite3_stmt *s = store_stmt(im->st, STMT_CSV_INSERT, err);
  if (!s)
    return -1;
  sqlite3_bind_int64(s, 7, import_id);
  struct figure *fig = NULL;
  size_t nfig = figures_sorted(im, &fig);
  /* Each (year, quarter) is formatted once: years 1900-2200, quarters
   * 0-4 (checked in pass 1); an empty key means not yet formatted. */
  enum { N_PERIODS = (2200 - 1900 + 1) * 5 };
  char(*period)[2][16] = xcalloc(N_PERIODS, sizeof *period);
  int ret = 0;
  for (size_t i = 0; i < nfig; i++) {
    const struct row *r = &im->rows[fig[i].row];
    char(*p)[16] = period[(r->year - 1900) * 5 + r->quarter];
    if (!p[1][0])
      csv_period(r->year, r->quarter, p[0], p[1]);
    sqlite3_reset(s);
    sqlite3_bind_text(s, 1, im->locs.code[r->loc], -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, im->inds.code[r->ind], -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, p[0], -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, p[1], -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, fig[i].actual ? "actual" : "target", -1,
                      SQLITE_STATIC);
    sqlite3_bind_double(s, 6, fig[i].actual ? r->actual : r->target);
    sqlite3_bind_int64(s, 8, r->line);
    if (sqlite3_step(s) != SQLITE_DONE) {
      ret = err_set(err, im->path, (int)r->line, 0, "%s",
                    sqlite3_errmsg(im->st->db));
      break;
    }
  }
  sqlite3_reset(s);
  free(period);
  free(fig);
  *n = ret == 0 ? (long)nfig : 0;
  return ret;
}

/* The row of 'imports' for this version; '*id' gets its id. */
static int insert_import(struct import *im, const char *file, const char *sha,
                         int version, long long *id, struct err *err) {
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(im->st->db,
                              "INSERT INTO imports (file, path, sha256, "
                              "version, rows, entries) "
                              "VALUES (?1, ?2, ?3, ?4, 0, 0)",
                              -1, &s, NULL);
  if (rc == SQLITE_OK) {
    store_bind_text(s, 1, file);
    store_bind_text(s, 2, im->path);
    store_bind_text(s, 3, sha);
    sqlite3_bind_int(s, 4, version);
    rc = sqlite3_step(s);
    if (rc == SQLITE_DONE)
      rc = SQLITE_OK;
  }
  if (rc != SQLITE_OK)
    store_sqlite_err(im->st, rc, err);
  sqlite3_finalize(s);
  *id = sqlite3_last_insert_rowid(im->st->db);
  return rc == SQLITE_OK ? 0 : -1;
}

/* The transaction of pass 2: the new version, the old rows superseded,
 * the new rows written. */
static int write_tx(struct import *im, const char *file, const char *sha,
                    struct store_import_result *res, struct err *err) {
  struct store *st = im->st;
  int version = 0;
  char old_sha[65];
  if (store_begin(st, err) != 0)
    return -1;
  if (current_version(st, file, &version, old_sha, err) != 0)
    goto fail;
  if (version > 0 && strcmp(old_sha, sha) == 0 && !im->n_new_locs &&
      !im->n_new_inds) {
    res->unchanged = true;
    res->version = version;
    store_rollback(st);
    return 0;
  }
  if (im->opts->cfg && store_sync_rows(st, im->opts->cfg, err) != 0)
    goto fail;
  if (register_new(im, err) != 0)
    goto fail;
  long long import_id = 0;
  if (insert_import(im, file, sha, version + 1, &import_id, err) != 0)
    goto fail;
  if (exec_bound(st,
                 "UPDATE entries SET superseded = 1, superseded_by = ?1 "
                 "WHERE superseded = 0 AND import_id IN "
                 "(SELECT id FROM imports WHERE file = ?2 AND id <> ?1)",
                 import_id, file, &res->superseded, err) != 0)
    goto fail;
  if (write_rows(im, import_id, &res->entries, err) != 0)
    goto fail;
  char counts[128];
  snprintf(counts, sizeof counts,
           "UPDATE imports SET rows = %ld, entries = %ld WHERE id = ?1",
           (long)im->n_rows, res->entries);
  if (exec_bound(st, counts, import_id, NULL, NULL, err) != 0)
    goto fail;
  if (store_commit(st, err) != 0)
    goto fail;
  res->version = version + 1;
  return 0;
fail:
  store_rollback(st);
  return -1;
}

/* Pass 2, in one transaction. Every code was checked in pass 1 and the
 * config's codes are written first, so the foreign key checks would only
 * repeat that work for each of many thousand rows: they are switched off
 * for this transaction (PRAGMA foreign_keys is a no-op inside one). */
static int write_import(struct import *im, const char *file, const char *sha,
                        struct store_import_result *res, struct err *err) {
  struct store *st = im->st;
  if (store_exec(st, "PRAGMA foreign_keys = OFF", err) != 0)
    return -1;
  int rc = write_tx(im, file, sha, res, err);
  struct err e2;
  if (store_exec(st, "PRAGMA foreign_keys = ON", &e2) != 0 && rc == 0) {
    *err = e2;
    rc = -1;
  }
  return rc;
}

/* Every code the config and the database know, once each. */
static int load_known(struct import *im, struct err *err) {
  const struct config *cfg = im->opts->cfg;
  if (cfg) {
    for (size_t i = 0; i < cfg->n_localities; i++)
      if (names_find(&im->locs, cfg->localities[i].code) < 0)
        names_add(&im->locs, cfg->localities[i].code);
    for (size_t i = 0; i < cfg->n_indicators; i++)
      if (names_find(&im->inds, cfg->indicators[i].code) < 0)
        names_add(&im->inds, cfg->indicators[i].code);
  }
  if (!im->st)
    return 0;
  if (load_codes(im->st, "SELECT code FROM localities", &im->locs, err) != 0)
    return -1;
  return load_codes(im->st, "SELECT code FROM indicators", &im->inds, err);
}

/* Both passes over the file's bytes in 'b' (split in place). */
static int import_bytes(struct store *st, const char *path, struct buf *b,
                        const struct store_import_opts *opts,
                        struct store_import_result *res, struct err *err) {
  static const struct store_import_opts dflt = {NULL, false, false};
  struct import im = {.st = st, .path = path, .opts = opts ? opts : &dflt};
  int ret = -1;
  /* The digest tells a new version from the same bytes again; a dry run
   * writes nothing and does not need it. Taken before pass 1 splits the
   * buffer in place. */
  char sha[65] = "";
  if (!im.opts->dry_run)
    sha256_hex(b->s ? b->s : "", b->len, sha);
  if (load_known(&im, err) != 0)
    goto out;
  char empty[1] = "";
  if (read_csv(&im, b->s ? b->s : empty, b->len, err) != 0)
    goto out;
  res->rows = (long)im.n_rows;
  res->new_localities = (long)im.n_new_locs;
  res->new_indicators = (long)im.n_new_inds;
  if (im.opts->dry_run) {
    for (size_t i = 0; i < im.n_rows; i++)
      res->entries += im.rows[i].has_target + im.rows[i].has_actual;
    ret = 0;
    goto out;
  }
  ret = write_import(&im, file_basename(path), sha, res, err);
out:
  import_free(&im);
  return ret;
}

int store_import_csv(struct store *st, const char *path,
                     const struct store_import_opts *opts,
                     struct store_import_result *res, struct err *err) {
  memset(res, 0, sizeof *res);
  if (!st && !(opts && opts->dry_run))
    return err_set(err, path, 0, 0, "no database to import into");
  struct buf b = BUF_INIT;
  int ret = -1;
  if (file_read(path, &b, err) == 0)
    ret = import_bytes(st, path, &b, opts, res, err);
  buf_free(&b);
  return ret;
}

int store_import_csv_text(struct store *st, const char *path, const char *text,
                          size_t len, const struct store_import_opts *opts,
                          struct store_import_result *res, struct err *err) {
  memset(res, 0, sizeof *res);
  if (!st && !(opts && opts->dry_run))
    return err_set(err, path, 0, 0, "no database to import into");
  struct buf b = BUF_INIT;
  buf_add(&b, text, len);
  int ret = import_bytes(st, path, &b, opts, res, err);
  buf_free(&b);
  return ret;
}

/* places/load.c - read the gazetteer's TSV into units, resolve parents and
 * the old->new links, and build the indexes by code and by folded name.
 * The text is copied once and cut into NUL-ended fields that the units
 * point into, so a load is a few allocations, not one per unit. */
#include "places/places_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/period.h"
#include "text/text.h"
#include "util/buf.h"
#include "util/xalloc.h"

enum { F_CODE, F_LEVEL, F_NAME, F_PARENT, F_FROM, F_TO, F_INTO, N_FIELDS };

/* The levels a unit may have, and the tier each implies when it is not
 * decided by the parent (a "thành phố" is a province or a district). */
static const char *const levels[] = {"tỉnh",   "thành phố", "quận",
                                     "huyện",  "thị xã",    "phường",
                                     "xã",     "thị trấn",  "đặc khu"};

void places_key_tidy(char *f) {
  char *w = f;
  for (const char *r = f; *r;) {
    char c = *r;
    size_t n = 1;
    /* U+2013 EN DASH, U+2019 RIGHT SINGLE QUOTATION MARK */
    if ((unsigned char)r[0] == 0xE2 && (unsigned char)r[1] == 0x80 &&
        ((unsigned char)r[2] == 0x93 || (unsigned char)r[2] == 0x99)) {
      c = (unsigned char)r[2] == 0x93 ? '-' : '\'';
      n = 3;
    }
    if (c == '-' || c == '\'') {
      while (w > f && w[-1] == ' ')
        w--;
      *w++ = c;
      r += n;
      while (*r == ' ')
        r++;
      continue;
    }
    if (n == 1)
      *w++ = c;
    r += n;
  }
  *w = '\0';
}

size_t places_hash(const char *s) {
  size_t h = 14695981039346656037u;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

/* A table of 'slots' ints set to -1, 'slots' a power of two >= 2 * 'n'. */
static int *table_new(int n, size_t *mask) {
  size_t slots = 16;
  while (slots < 2 * (size_t)n)
    slots *= 2;
  int *t = xmalloc(slots * sizeof *t);
  memset(t, 0xff, slots * sizeof *t);
  *mask = slots - 1;
  return t;
}

static int code_index(const struct places *p, const char *code) {
  for (size_t i = places_hash(code) & p->code_mask;; i = (i + 1) & p->code_mask) {
    int u = p->by_code[i];
    if (u < 0 || strcmp(p->units[u].code, code) == 0)
      return u;
  }
}

int places_first_named(const struct places *p, const char *fold) {
  for (size_t i = places_hash(fold) & p->name_mask;; i = (i + 1) & p->name_mask) {
    int u = p->by_name[i];
    if (u < 0 || strcmp(p->key[u], fold) == 0)
      return u;
  }
}

/* "2025-06-30" -> 20250630, "" -> 0; -1 if malformed. By hand: sscanf
 * took a quarter of the load. */
static int parse_day(const char *s) {
  if (!*s)
    return 0;
  int v = 0;
  for (int i = 0; i < 10; i++) {
    if (i == 4 || i == 7) {
      if (s[i] != '-')
        return -1;
      continue;
    }
    if (s[i] < '0' || s[i] > '9')
      return -1;
    v = v * 10 + (s[i] - '0');
  }
  int m = v / 100 % 100, d = v % 100;
  if (s[10] || m < 1 || m > 12 || d < 1 || d > 31)
    return -1;
  return v;
}

/* Cut 'line' into its tab-separated fields. Returns 0, or -1 if it does
 * not have exactly N_FIELDS. */
static int split_fields(char *line, char *f[N_FIELDS]) {
  int n = 0;
  f[n++] = line;
  for (char *s = line; *s; s++) {
    if (*s != '\t')
      continue;
    if (n == N_FIELDS)
      return -1;
    *s = '\0';
    f[n++] = s + 1;
  }
  return n == N_FIELDS ? 0 : -1;
}

static bool known_level(const char *level) {
  for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
    if (strcmp(level, levels[i]) == 0)
      return true;
  return false;
}

/* Read one unit from the fields 'f' of line 'line' into p->units[p->n],
 * its parent already loaded. Its 'into' list is kept in 'into[p->n]' for
 * the second pass. */
static int read_unit(struct places *p, char *f[N_FIELDS], char **into,
                     const char *name, int line, struct err *err) {
  struct place *u = &p->units[p->n];
  memset(u, 0, sizeof *u);
  u->code = f[F_CODE];
  u->level = f[F_LEVEL];
  u->name = f[F_NAME];
  u->first_child = u->next_sibling = -1;
  if (!*u->code || !*u->name)
    return err_set(err, name, line, 0, "a unit needs a code and a name");
  if (!known_level(u->level))
    return err_set(err, name, line, 0, "unknown level '%s'", u->level);
  u->valid_from = parse_day(f[F_FROM]);
  u->valid_to = parse_day(f[F_TO]);
  if (u->valid_from < 0 || u->valid_to < 0)
    return err_set(err, name, line, 0, "dates are YYYY-MM-DD");
  u->parent = -1;
  u->tier = 1;
  if (*f[F_PARENT]) {
    u->parent = code_index(p, f[F_PARENT]);
    if (u->parent < 0)
      return err_set(err, name, line, 0, "unknown parent '%s' (parents come first)",
                     f[F_PARENT]);
    u->tier = p->units[u->parent].tier + 1;
    if (u->tier > 3)
      return err_set(err, name, line, 0, "a commune has no units below it");
  }
  size_t slot = places_hash(u->code) & p->code_mask;
  while (p->by_code[slot] >= 0) {
    if (strcmp(p->units[p->by_code[slot]].code, u->code) == 0)
      return err_set(err, name, line, 0, "code '%s' twice", u->code);
    slot = (slot + 1) & p->code_mask;
  }
  p->by_code[slot] = p->n;
  into[p->n] = f[F_INTO];
  p->n++;
  return 0;
}

/* Second pass: the 'into' lists ("m00008:p,m00025") become links, and each
 * is mirrored as a 'from' link of the new unit. */
static int resolve_links(struct places *p, char **into, const char *name,
                         struct err *err) {
  size_t n_links = 0;
  for (int i = 0; i < p->n; i++)
    if (*into[i])
      for (const char *s = into[i]; s; s = strchr(s + 1, ','))
        n_links++;
  p->links = xcalloc(2 * n_links + 1, sizeof *p->links);
  struct place_link *l = p->links;
  int *n_from = xcalloc((size_t)p->n, sizeof *n_from);
  int rc = 0;
  for (int i = 0; i < p->n && rc == 0; i++) {
    struct place *u = &p->units[i];
    u->into = l;
    for (char *s = into[i]; *s;) {
      char *comma = strchr(s, ',');
      char *next = comma ? comma + 1 : s + strlen(s);
      if (comma)
        *comma = '\0';
      char *colon = strchr(s, ':');
      l->partial = colon && strcmp(colon, ":p") == 0;
      if (colon)
        *colon = '\0';
      l->unit = code_index(p, s);
      if (l->unit < 0 || l->unit == i) {
        rc = err_set(err, name, 0, 0, "unit %s goes into unknown unit '%s'",
                     u->code, s);
        break;
      }
      n_from[l->unit]++;
      l++;
      u->n_into++;
      s = next;
    }
  }
  /* the 'from' lists follow, each new unit's in one run */
  for (int i = 0; i < p->n && rc == 0; i++) {
    p->units[i].from = l;
    l += n_from[i];
  }
  for (int i = 0; i < p->n && rc == 0; i++) {
    const struct place *u = &p->units[i];
    for (int k = 0; k < u->n_into; k++) {
      struct place *v = &p->units[u->into[k].unit];
      struct place_link *back = (struct place_link *)&v->from[v->n_from++];
      back->unit = i;
      back->partial = u->into[k].partial;
    }
  }
  free(n_from);
  return rc;
}

/* Fold every name and index it; link children to parents (in file order,
 * which is code order). */
static void index_names(struct places *p) {
  struct buf folds = BUF_INIT;
  size_t *off = xmalloc((size_t)p->n * sizeof *off);
  for (int i = 0; i < p->n; i++) {
    char small[256], *owned;
    const char *name = p->units[i].name;
    const char *f = text_fold_buf(name, strlen(name), small, sizeof small, &owned);
    off[i] = folds.len;
    buf_add(&folds, f, strlen(f) + 1);
    free(owned);
  }
  /* the look-up keys: the folded name itself but for the few names with
   * a hyphen or an apostrophe, tidied in a copy */
  size_t *key_off = xmalloc((size_t)p->n * sizeof *key_off);
  for (int i = 0; i < p->n; i++) {
    const char *f = folds.s + off[i];
    key_off[i] = off[i];
    if (!strpbrk(f, "-'\xE2"))
      continue;
    key_off[i] = folds.len;
    buf_add(&folds, f, strlen(f) + 1); /* may move folds.s */
    places_key_tidy(folds.s + key_off[i]);
    folds.len = key_off[i] + strlen(folds.s + key_off[i]) + 1;
  }
  p->folds = buf_detach(&folds);
  p->key = xmalloc((size_t)p->n * sizeof *p->key);
  for (int i = 0; i < p->n; i++)
    p->key[i] = p->folds + key_off[i];
  free(key_off);
  p->by_name = table_new(p->n, &p->name_mask);
  p->next_same = xmalloc((size_t)p->n * sizeof *p->next_same);
  /* backwards, so that each chain and each child list is in file order */
  for (int i = p->n - 1; i >= 0; i--) {
    struct place *u = &p->units[i];
    u->fold = p->folds + off[i];
    p->next_same[i] = -1;
    size_t slot = places_hash(p->key[i]) & p->name_mask;
    while (p->by_name[slot] >= 0 &&
           strcmp(p->key[p->by_name[slot]], p->key[i]) != 0)
      slot = (slot + 1) & p->name_mask;
    p->next_same[i] = p->by_name[slot];
    p->by_name[slot] = i;
  }
  for (int i = p->n - 1; i >= 0; i--) {
    struct place *u = &p->units[i];
    if (u->parent < 0)
      continue;
    u->next_sibling = p->units[u->parent].first_child;
    p->units[u->parent].first_child = i;
  }
  free(off);
}

struct places *places_load_mem(const char *data, size_t len, const char *name,
                               struct err *err) {
  struct places *p = xcalloc(1, sizeof *p);
  p->text = xmalloc(len + 1);
  memcpy(p->text, data, len);
  p->text[len] = '\0';
  int lines = 1;
  for (size_t i = 0; i < len; i++)
    lines += data[i] == '\n';
  p->units = xmalloc((size_t)lines * sizeof *p->units);
  p->by_code = table_new(lines, &p->code_mask);
  char **into = xmalloc((size_t)lines * sizeof *into);
  int rc = 0;
  int line = 0;
  for (char *s = p->text; *s && rc == 0;) {
    char *nl = strchr(s, '\n');
    char *next = nl ? nl + 1 : s + strlen(s);
    if (nl)
      *nl = '\0';
    line++;
    if (*s && *s != '#') {
      char *f[N_FIELDS];
      if (split_fields(s, f) != 0)
        rc = err_set(err, name, line, 0, "a unit has %d tab-separated fields",
                     N_FIELDS);
      else
        rc = read_unit(p, f, into, name, line, err);
    }
    s = next;
  }
  if (rc == 0 && p->n == 0)
    rc = err_set(err, name, 0, 0, "no units");
  if (rc == 0)
    rc = resolve_links(p, into, name, err);
  free(into);
  if (rc != 0) {
    places_free(p);
    return NULL;
  }
  index_names(p);
  return p;
}

struct places *places_load(struct err *err) {
  return places_load_mem((const char *)places_data, places_data_len,
                         "gazetteer.tsv", err);
}

void places_free(struct places *p) {
  if (!p)
    return;
  free(p->text);
  free(p->folds);
  free(p->key);
  free(p->units);
  free(p->links);
  free(p->by_code);
  free(p->by_name);
  free(p->next_same);
  free(p);
}

int places_count(const struct places *p) { return p->n; }

const struct place *places_get(const struct places *p, int i) {
  return i >= 0 && i < p->n ? &p->units[i] : NULL;
}

int places_index(const struct places *p, const struct place *u) {
  return (int)(u - p->units);
}

bool places_valid_at(const struct place *u, int date) {
  if (!date)
    return true;
  return (!u->valid_from || u->valid_from <= date) &&
         (!u->valid_to || date <= u->valid_to);
}

const struct place *places_find_code(const struct places *p, const char *code,
                                     int date) {
  char alt[64];
  if (date >= PLACES_NEW_FROM && strlen(code) < sizeof alt - 1 &&
      code[0] >= '0' && code[0] <= '9') {
    snprintf(alt, sizeof alt, "m%s", code);
    int u = code_index(p, alt);
    if (u >= 0)
      return &p->units[u];
  }
  int u = code_index(p, code);
  return u >= 0 ? &p->units[u] : NULL;
}

static int month_days(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

int places_date_parse(const char *s, int *date) {
  int y, m = 12, d = 0;
  char end;
  size_t len = strlen(s);
  int got;
  if (len == 4)
    got = sscanf(s, "%4d%c", &y, &end) == 1;
  else if (len == 7)
    got = sscanf(s, "%4d-%2d%c", &y, &m, &end) == 2;
  else if (len == 10)
    got = sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3;
  else
    got = 0;
  for (size_t i = 0; got && i < len; i++)
    if (!(s[i] >= '0' && s[i] <= '9') && !(s[i] == '-' && (i == 4 || i == 7)))
      got = 0;
  if (!got || y < 1900 || y > 9999 || m < 1 || m > 12)
    return -1;
  if (!d)
    d = month_days(y, m);
  if (d < 1 || d > month_days(y, m))
    return -1;
  *date = y * 10000 + m * 100 + d;
  return 0;
}

int places_period_date(const struct period *p) {
  switch (p->kind) {
  case PERIOD_QUARTER:
    return p->year * 10000 + 3 * p->n * 100 + month_days(p->year, 3 * p->n);
  case PERIOD_HALF:
    return p->year * 10000 + 630;
  case PERIOD_9M:
    return p->year * 10000 + 930;
  case PERIOD_MONTH:
    return p->year * 10000 + p->n * 100 + month_days(p->year, p->n);
  default:
    return p->year * 10000 + 1231;
  }
}

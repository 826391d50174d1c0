/* extract/xcfg.c - the config made ready for matching: every locality name
 * and alias, and every indicator alias, folded with text_fold ("Mường
 * Ảng" -> "muong ang") and sorted, so that a place or label is found by
 * binary search or by one pass over the aliases. */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "extract/xplaces.h"
#include "text/text.h"
#include "util/xalloc.h"

static int cmp_name(const void *a, const void *b) {
  const struct xname *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  if (c)
    return c;
  return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static void push(struct xname **v, size_t *n, size_t *cap, const char *s,
                 size_t idx, enum term_role role) {
  if (!s || !*s)
    return;
  xgrow((void **)v, cap, *n + 1, sizeof **v);
  (*v)[*n].key = text_fold(s, strlen(s));
  (*v)[*n].len = strlen((*v)[*n].key);
  (*v)[*n].idx = idx;
  (*v)[*n].role = role;
  (*n)++;
}

static void push_all(struct xname **v, size_t *n, size_t *cap, char **s,
                     size_t ns, size_t idx, enum term_role role) {
  for (size_t k = 0; k < ns; k++)
    push(v, n, cap, s[k], idx, role);
}

/* The fold table: text_fold of every code point below FOLD_MAX, so that a
 * sentence is folded a code point at a time with its offsets kept. */
static struct xfold *fold_table(void) {
  struct xfold *t = xcalloc(FOLD_MAX, sizeof *t);
  for (int cp = 0x80; cp < FOLD_MAX; cp++) {
    char u[4], out[16], *owned;
    size_t n = cp < 0x800 ? 2 : 3;
    if (n == 2) {
      u[0] = (char)(0xC0 | (cp >> 6));
      u[1] = (char)(0x80 | (cp & 0x3F));
    } else {
      u[0] = (char)(0xE0 | (cp >> 12));
      u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
      u[2] = (char)(0x80 | (cp & 0x3F));
    }
    const char *f = text_fold_buf(u, n, out, sizeof out, &owned);
    size_t fl = strlen(f);
    if (fl > sizeof t[cp].b) { /* does not happen below FOLD_MAX */
      memcpy(t[cp].b, u, n);
      fl = n;
    } else {
      memcpy(t[cp].b, f, fl);
    }
    t[cp].n = (unsigned char)fl;
    free(owned);
  }
  return t;
}

/* The lexicon's index: rows by their first three bytes (see struct
 * xcfg). A row of two bytes goes under each byte that may end it (NUL,
 * space, ')' and ','); a row of one byte ("Q") is kept apart in 'ind_one'
 * and tried at every word start. */
static const char row_ends[] = {'\0', ' ', ')', ','};

static unsigned key3(unsigned char a, unsigned char b, unsigned char c) {
  return (unsigned)a << 16 | (unsigned)b << 8 | c;
}

/* Call 'fn' with each key under which row 'i' goes. */
static void row_keys(struct xcfg *x, size_t i,
                     void (*fn)(struct xcfg *x, unsigned key, size_t i)) {
  const struct xname *a = &x->ind[i];
  const unsigned char *k = (const unsigned char *)a->key;
  if (a->len >= 3) {
    fn(x, key3(k[0], k[1], k[2]), i);
  } else if (a->len == 2) {
    for (size_t e = 0; e < sizeof row_ends; e++)
      fn(x, key3(k[0], k[1], (unsigned char)row_ends[e]), i);
  }
}

/* The slot of 'key' in the index's open-addressing table: its own, or the
 * empty one where it would go. */
static size_t slot_of(const struct xcfg *x, unsigned key) {
  size_t h = (key * 2654435761u) & (x->ind_slots - 1);
  while (x->ind_key[h] != IND_EMPTY && x->ind_key[h] != key)
    h = (h + 1) & (x->ind_slots - 1);
  return h;
}

static void count_key(struct xcfg *x, unsigned key, size_t i) {
  (void)i;
  size_t h = slot_of(x, key);
  x->ind_key[h] = key;
  x->ind_end[h]++;
}

static void fill_key(struct xcfg *x, unsigned key, size_t i) {
  x->ind_at[x->ind_from[slot_of(x, key)] + x->ind_end[slot_of(x, key)]++] = i;
}

/* A counting sort of the rows by key, each group in config order; empty
 * keys match nothing. */
static void index_rows(struct xcfg *x) {
  size_t n = 0;
  for (size_t i = 0; i < x->n_ind; i++)
    n += x->ind[i].len >= 3 ? 1 : x->ind[i].len == 2 ? sizeof row_ends : 0;
  x->ind_slots = 64;
  while (x->ind_slots < 2 * n + 2)
    x->ind_slots *= 2;
  x->ind_key = xmalloc(x->ind_slots * sizeof *x->ind_key);
  for (size_t h = 0; h < x->ind_slots; h++)
    x->ind_key[h] = IND_EMPTY;
  x->ind_from = xcalloc(x->ind_slots, sizeof *x->ind_from);
  x->ind_end = xcalloc(x->ind_slots, sizeof *x->ind_end);
  for (size_t i = 0; i < x->n_ind; i++)
    row_keys(x, i, count_key);
  size_t at = 0;
  for (size_t h = 0; h < x->ind_slots; h++) {
    x->ind_from[h] = at;
    at += x->ind_end[h];
    x->ind_end[h] = 0;
  }
  x->ind_at = xmalloc((at + 1) * sizeof *x->ind_at);
  for (size_t i = 0; i < x->n_ind; i++)
    row_keys(x, i, fill_key);
  for (size_t h = 0; h < x->ind_slots; h++)
    x->ind_end[h] += x->ind_from[h];
  for (size_t i = 0; i < x->n_ind; i++)
    if (x->ind[i].len == 1) {
      xgrow((void **)&x->ind_one, &x->cap_one, x->n_one + 1,
            sizeof *x->ind_one);
      x->ind_one[x->n_one++] = i;
    }
}

/* Each indicator's units classed once (link_unit). */
static void classify_units(struct xcfg *x) {
  const struct config *cfg = x->cfg;
  size_t n = 0;
  for (size_t i = 0; i < cfg->n_indicators; i++)
    n += cfg->indicators[i].n_units ? cfg->indicators[i].n_units : 1;
  x->units = xcalloc(n + 1, sizeof *x->units);
  x->ind_unit = xcalloc(cfg->n_indicators + 1, sizeof *x->ind_unit);
  x->units_at = xcalloc(cfg->n_indicators + 1, sizeof *x->units_at);
  size_t k = 0;
  for (size_t i = 0; i < cfg->n_indicators; i++) {
    const struct indicator *d = &cfg->indicators[i];
    x->units_at[i] = k;
    link_unit(d->unit, &x->ind_unit[i]);
    if (d->n_units)
      for (size_t u = 0; u < d->n_units; u++)
        link_unit(d->units[u], &x->units[k++]);
    else
      x->units[k++] = x->ind_unit[i];
  }
  x->units_at[cfg->n_indicators] = k;
  x->change_of = xcalloc(cfg->n_indicators + 1, sizeof *x->change_of);
  for (size_t i = 0; i < cfg->n_indicators; i++) {
    const struct indicator *c =
        cfg->indicators[i].change
            ? config_indicator(cfg, cfg->indicators[i].change)
            : NULL;
    x->change_of[i] = c ? (long)(c - cfg->indicators) : -1;
  }
}

void xcfg_init(struct xcfg *x, const struct config *cfg) {
  memset(x, 0, sizeof *x);
  x->cfg = cfg;
  if (!cfg)
    return;
  size_t cap = 0;
  for (size_t i = 0; i < cfg->n_localities; i++) {
    const struct locality *l = &cfg->localities[i];
    push(&x->loc, &x->n_loc, &cap, l->name, i, TERM_ALIAS);
    push_all(&x->loc, &x->n_loc, &cap, l->aliases, l->n_aliases, i,
             TERM_ALIAS);
  }
  if (x->n_loc)
    qsort(x->loc, x->n_loc, sizeof *x->loc, cmp_name);
  cap = 0;
  for (size_t i = 0; i < cfg->n_indicators; i++) {
    const struct indicator *d = &cfg->indicators[i];
    push(&x->ind, &x->n_ind, &cap, d->name, i, TERM_ALIAS);
    push_all(&x->ind, &x->n_ind, &cap, d->aliases, d->n_aliases, i,
             TERM_ALIAS);
    push_all(&x->ind, &x->n_ind, &cap, d->terms, d->n_terms, i, TERM_HEAD);
    push_all(&x->ind, &x->n_ind, &cap, d->needs, d->n_needs, i, TERM_NEED);
    push_all(&x->ind, &x->n_ind, &cap, d->excludes, d->n_excludes, i,
             TERM_EXCLUDE);
  }
  index_rows(x);
  x->fold = fold_table();
  classify_units(x);
  link_init(x);
  x->gaz = xplaces_names(&x->n_gaz);
}

void xcfg_free(struct xcfg *x) {
  for (size_t i = 0; i < x->n_loc; i++)
    free(x->loc[i].key);
  for (size_t i = 0; i < x->n_ind; i++)
    free(x->ind[i].key);
  free(x->loc);
  free(x->ind);
  free(x->ind_key);
  free(x->ind_from);
  free(x->ind_end);
  free(x->ind_at);
  free(x->ind_one);
  free(x->fold);
  free(x->stop);
  free(x->units);
  free(x->ind_unit);
  free(x->units_at);
  free(x->change_of);
  xplaces_names_free(x->gaz, x->n_gaz);
  memset(x, 0, sizeof *x);
}

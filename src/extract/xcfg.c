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

/* Call 'fn' with each pair of bytes under which alias 'i' goes in the
 * index (see struct xcfg). */
static void alias_pairs(struct xcfg *x, size_t i,
                        void (*fn)(struct xcfg *x, unsigned pair, size_t i)) {
  const struct xname *a = &x->ind[i];
  unsigned c0 = (unsigned char)a->key[0];
  if (a->len >= 2) {
    fn(x, c0 * 256 + (unsigned char)a->key[1], i);
    return;
  }
  static const char ends[] = {'\0', ' ', ')', ','};
  for (size_t k = 0; k < sizeof ends; k++)
    fn(x, c0 * 256 + (unsigned char)ends[k], i);
}

static void count_pair(struct xcfg *x, unsigned pair, size_t i) {
  (void)i;
  x->ind_by[pair + 1]++;
}

static void fill_pair(struct xcfg *x, unsigned pair, size_t i) {
  x->ind_at[x->ind_by[pair]++] = i;
}

/* A counting sort of the aliases by pair, each bucket in config order;
 * empty keys match nothing. */
static void index_pairs(struct xcfg *x) {
  x->ind_by = xcalloc(IND_PAIRS + 1, sizeof *x->ind_by);
  for (size_t i = 0; i < x->n_ind; i++)
    if (x->ind[i].len)
      alias_pairs(x, i, count_pair);
  for (size_t p = 0; p < IND_PAIRS; p++)
    x->ind_by[p + 1] += x->ind_by[p];
  x->ind_at = xmalloc((x->ind_by[IND_PAIRS] + 1) * sizeof *x->ind_at);
  /* fill_pair moves each bucket's start to its end: shift them back */
  for (size_t i = 0; i < x->n_ind; i++)
    if (x->ind[i].len)
      alias_pairs(x, i, fill_pair);
  for (size_t p = IND_PAIRS; p > 0; p--)
    x->ind_by[p] = x->ind_by[p - 1];
  x->ind_by[0] = 0;
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
  index_pairs(x);
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
  free(x->ind_by);
  free(x->ind_at);
  free(x->fold);
  free(x->stop);
  free(x->units);
  free(x->ind_unit);
  free(x->units_at);
  xplaces_names_free(x->gaz, x->n_gaz);
  memset(x, 0, sizeof *x);
}

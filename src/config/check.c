/* config/check.c - the checks that need every file read first: duplicate
 * codes, references to unknown localities, indicators and groups, cycles
 * in the locality tree, and aliases claimed by two indicators. */
#include <stdlib.h>
#include <string.h>

#include "config/config_int.h"
#include "util/xalloc.h"

/* Report a second definition of a code, pointing at the first. */
static void check_duplicates(struct reader *r, const char *what,
                             const char *const *codes, const struct pos *pos,
                             size_t n) {
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < i; j++)
      if (strcmp(codes[i], codes[j]) == 0) {
        err_list_addf(r->errs, pos[i].file, pos[i].line, pos[i].col,
                      "duplicate %s code '%s' (first at line %d)", what,
                      codes[i], pos[j].line);
        break;
      }
}

/* Set every locality's parent_idx from its parent code (-1 when it has
 * none or the parent is unknown: that is reported by check_refs). */
static void link_parents(struct config *cfg) {
  for (size_t i = 0; i < cfg->n_localities; i++) {
    struct locality *loc = &cfg->localities[i];
    loc->parent_idx = -1;
    if (!loc->parent)
      continue;
    for (size_t j = 0; j < cfg->n_localities; j++)
      if (strcmp(cfg->localities[j].code, loc->parent) == 0) {
        loc->parent_idx = (long)j;
        break;
      }
  }
}

/* Report each cycle of parents once, at the locality of the cycle that
 * comes first in the file: "cycle in the locality tree: a -> b -> a". */
static void check_cycles(struct reader *r, struct config *cfg) {
  size_t n = cfg->n_localities;
  for (size_t i = 0; i < n; i++) {
    long j = cfg->localities[i].parent_idx;
    size_t steps = 0;
    bool smallest = true;
    while (j >= 0 && (size_t)j != i && steps++ < n) {
      if ((size_t)j < i)
        smallest = false;
      j = cfg->localities[j].parent_idx;
    }
    if (j < 0 || (size_t)j != i || !smallest)
      continue;
    char path[400];
    size_t len =
        (size_t)snprintf(path, sizeof path, "%s", cfg->localities[i].code);
    for (j = cfg->localities[i].parent_idx; len < sizeof path;
         j = cfg->localities[j].parent_idx) {
      len += (size_t)snprintf(path + len, sizeof path - len, " -> %s",
                              cfg->localities[j].code);
      if ((size_t)j == i)
        break;
    }
    err_list_addf(r->errs, r->loc_pos[i].file, r->loc_pos[i].line,
                  r->loc_pos[i].col, "cycle in the locality tree: %s", path);
  }
}

static int cmp_alias(const void *a, const void *b) {
  const struct alias_pos *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  if (c)
    return c;
  if (strcmp(x->file, y->file) != 0)
    return strcmp(x->file, y->file);
  return x->line != y->line ? x->line - y->line : x->col - y->col;
}

/* An alias (lower-cased, diacritics kept) must lead to one indicator. */
static void check_aliases(struct reader *r, const struct config *cfg) {
  size_t n = r->n_aliases;
  struct alias_pos *v = xcalloc(n ? n : 1, sizeof *v);
  if (n)
    memcpy(v, r->aliases, n * sizeof *v);
  qsort(v, n, sizeof *v, cmp_alias);
  for (size_t i = 1; i < n; i++) {
    if (strcmp(v[i].key, v[i - 1].key) != 0)
      continue;
    const struct indicator *a = &cfg->indicators[v[i - 1].ind];
    const struct indicator *b = &cfg->indicators[v[i].ind];
    if (a == b)
      err_list_addf(r->errs, v[i].file, v[i].line, v[i].col,
                    "alias '%s' listed twice for '%s'", v[i].text, b->code);
    else
      err_list_addf(r->errs, v[i].file, v[i].line, v[i].col,
                    "alias '%s' of '%s' is already claimed by '%s' (line %d)",
                    v[i].text, b->code, a->code, v[i - 1].line);
  }
  free(v);
}

void check_refs(struct reader *r, const struct config *cfg) {
  size_t nc = cfg->n_localities > cfg->n_indicators ? cfg->n_localities
                                                    : cfg->n_indicators;
  if (cfg->n_groups > nc)
    nc = cfg->n_groups;
  const char **cands = xcalloc(nc ? nc : 1, sizeof *cands);
  for (size_t i = 0; i < r->n_refs; i++) {
    const struct ref *ref = &r->refs[i];
    const char *what;
    size_t n;
    if (ref->kind == REF_LOCALITY) {
      if (config_locality(cfg, ref->code))
        continue;
      what = "locality";
      n = cfg->n_localities;
      for (size_t j = 0; j < n; j++)
        cands[j] = cfg->localities[j].code;
    } else if (ref->kind == REF_INDICATOR) {
      if (config_indicator(cfg, ref->code))
        continue;
      what = "indicator";
      n = cfg->n_indicators;
      for (size_t j = 0; j < n; j++)
        cands[j] = cfg->indicators[j].code;
    } else {
      n = cfg->n_groups;
      size_t j = 0;
      while (j < n && strcmp(cfg->groups[j], ref->code) != 0)
        j++;
      if (j < n)
        continue;
      what = "group";
      for (j = 0; j < n; j++)
        cands[j] = cfg->groups[j];
    }
    const char *near = lev_suggest(ref->code, cands, n);
    if (near)
      err_list_addf(r->errs, ref->file, ref->line, ref->col,
                    "unknown %s '%s'; did you mean '%s'?", what, ref->code,
                    near);
    else
      err_list_addf(r->errs, ref->file, ref->line, ref->col, "unknown %s '%s'",
                    what, ref->code);
  }
  free(cands);
}

void check_config(struct reader *r, struct config *cfg) {
  const char **codes =
      xcalloc((cfg->n_indicators > cfg->n_localities ? cfg->n_indicators
                                                     : cfg->n_localities) +
                  1,
              sizeof *codes);
  for (size_t i = 0; i < cfg->n_indicators; i++)
    codes[i] = cfg->indicators[i].code;
  check_duplicates(r, "indicator", codes, r->ind_pos, cfg->n_indicators);
  for (size_t i = 0; i < cfg->n_localities; i++)
    codes[i] = cfg->localities[i].code;
  check_duplicates(r, "locality", codes, r->loc_pos, cfg->n_localities);
  free(codes);
  check_aliases(r, cfg);
  check_refs(r, cfg);
  link_parents(cfg);
  check_cycles(r, cfg);
}

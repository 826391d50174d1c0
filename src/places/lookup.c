/* places/lookup.c - place names to units: the level word or abbreviation
 * is taken off the name, the rest folded and looked up, and the units of
 * that name narrowed by date, context and rank; "did you mean" for the
 * names it does not know. */
#include "places/places_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/suggest.h"
#include "text/text.h"
#include "util/xalloc.h"

/* The words and abbreviations names start with, longest first, as
 * text_lower writes them. 'ascii' ones (the words without their
 * diacritics) are tried only on a name written without them, so that
 * "Quán Thánh" is not read as quận "Thánh". 'tier' 0: any tier. */
struct level_word {
  const char *word;
  const char *level;
  int tier;
  bool ascii;
};

static const struct level_word level_words[] = {
    {"thành phố trung ương", "thành phố", 1, false},
    {"thanh pho trung uong", "thành phố", 1, true},
    {"thành phố", "thành phố", 0, false},
    {"thanh pho", "thành phố", 0, true},
    {"thị trấn", "thị trấn", 0, false},
    {"thi tran", "thị trấn", 0, true},
    {"đặc khu", "đặc khu", 0, false},
    {"dac khu", "đặc khu", 0, true},
    {"phường", "phường", 0, false},
    {"phuong", "phường", 0, true},
    {"thị xã", "thị xã", 0, false},
    {"thi xa", "thị xã", 0, true},
    {"huyện", "huyện", 0, false},
    {"huyen", "huyện", 0, true},
    {"quận", "quận", 0, false},
    {"quan", "quận", 0, true},
    {"tỉnh", "tỉnh", 0, false},
    {"tinh", "tỉnh", 0, true},
    {"tp.", "thành phố", 0, false},
    {"tx.", "thị xã", 0, false},
    {"tt.", "thị trấn", 0, false},
    {"tp", "thành phố", 0, false},
    {"tx", "thị xã", 0, false},
    {"tt", "thị trấn", 0, false},
    {"xã", "xã", 0, false},
    {"xa", "xã", 0, true},
    {"h.", "huyện", 0, false},
    {"q.", "quận", 0, false},
    {"p.", "phường", 0, false},
    {"x.", "xã", 0, false},
};

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

/* The level word 's' (lower case) starts with, or NULL; '*rest' is set to
 * the name after it. A word must be followed by a space, an abbreviation
 * with a dot by anything; the word alone is no level ("Huyện" is a
 * name). */
static const struct level_word *level_of(const char *s, const char **rest) {
  for (size_t i = 0; i < sizeof level_words / sizeof level_words[0]; i++) {
    const struct level_word *w = &level_words[i];
    size_t n = strlen(w->word);
    if (strncmp(s, w->word, n) != 0)
      continue;
    if (w->word[n - 1] != '.' && !is_space(s[n]))
      continue;
    const char *r = s + n;
    while (is_space(*r))
      r++;
    if (!*r)
      return NULL;
    *rest = r;
    return w;
  }
  return NULL;
}

static bool level_fits(const struct level_word *w, const struct place *u) {
  return strcmp(w->level, u->level) == 0 && (!w->tier || w->tier == u->tier);
}

/* Short forms texts use for a name the gazetteer writes in full. */
static const char *const short_forms[][2] = {
    {"hcm", "ho chi minh"},
    {"tphcm", "ho chi minh"},
    {"tp.hcm", "ho chi minh"},
    {"brvt", "ba ria-vung tau"},
};

/* The look-up key of 's' ('len' bytes): text_fold without white space at
 * either end, tidied (places_key_tidy), a short form written in full.
 * Caller frees. */
static char *fold_trim(const char *s, size_t len) {
  while (len && is_space(*s)) {
    s++;
    len--;
  }
  while (len && (is_space(s[len - 1]) || s[len - 1] == '.'))
    len--;
  char *f = text_fold(s, len);
  places_key_tidy(f);
  for (size_t i = 0; i < sizeof short_forms / sizeof short_forms[0]; i++)
    if (strcmp(f, short_forms[i][0]) == 0) {
      free(f);
      return xstrdup(short_forms[i][1]);
    }
  return f;
}

bool places_within(const struct places *p, int u, int anc) {
  for (int a = u; a >= 0; a = p->units[a].parent)
    if (a == anc)
      return true;
  /* across the reform: the units it came from or went into */
  for (int a = u; a >= 0; a = p->units[a].parent) {
    const struct place *v = &p->units[a];
    for (int k = 0; k < v->n_into + v->n_from; k++) {
      int l = k < v->n_into ? v->into[k].unit : v->from[k - v->n_into].unit;
      for (int b = l; b >= 0; b = p->units[b].parent)
        if (b == anc)
          return true;
    }
  }
  return false;
}

static bool in_context(const struct places *p, int u,
                       const struct place_query *q) {
  for (int i = 0; i < q->n_within; i++)
    if (places_within(p, u, q->within[i]))
      return true;
  return false;
}

/* A growable list of candidates. */
struct cands {
  struct place_match *v;
  int n, cap;
};

static void cands_add(struct cands *c, int unit, unsigned flags) {
  if (c->n == c->cap) {
    c->cap = c->cap ? 2 * c->cap : 16;
    c->v = xrealloc(c->v, (size_t)c->cap * sizeof *c->v);
  }
  c->v[c->n].unit = unit;
  c->v[c->n].flags = flags;
  c->n++;
}

/* Keep the candidates for which 'keep' (given 'arg') holds, and give them
 * 'flag', if any does; else keep them all, without it. */
static void narrow(const struct places *p, struct cands *c, unsigned flag,
                   bool (*keep)(const struct places *, int, const void *),
                   const void *arg) {
  int n = 0;
  for (int i = 0; i < c->n; i++)
    n += keep(p, c->v[i].unit, arg);
  if (n == 0)
    return;
  int j = 0;
  for (int i = 0; i < c->n; i++)
    if (keep(p, c->v[i].unit, arg)) {
      c->v[j] = c->v[i];
      c->v[j++].flags |= flag;
    }
  c->n = j;
}

static bool at_date(const struct places *p, int u, const void *date) {
  return places_valid_at(&p->units[u], *(const int *)date);
}

static bool in_query_context(const struct places *p, int u, const void *q) {
  return in_context(p, u, q);
}

/* Is unit 'u' spelt 'lower' (lower case, diacritics kept)? */
static bool spelt_as(const struct places *p, int u, const void *lower) {
  const char *name = p->units[u].name;
  char *l = text_lower(name, strlen(name));
  bool same = strcmp(l, lower) == 0;
  free(l);
  return same;
}

/* Provinces first, then by code. */
static void sort_cands(const struct places *p, struct cands *c) {
  for (int i = 1; i < c->n; i++) {
    struct place_match m = c->v[i];
    const struct place *u = &p->units[m.unit];
    int j = i;
    for (; j > 0; j--) {
      const struct place *v = &p->units[c->v[j - 1].unit];
      if (v->tier < u->tier ||
          (v->tier == u->tier && strcmp(v->code, u->code) <= 0))
        break;
      c->v[j] = c->v[j - 1];
    }
    c->v[j] = m;
  }
}

/* The units named by one part of a name (no commas), narrowed. */
static void lookup_part(const struct places *p, const char *s, size_t len,
                        const struct place_query *q, struct cands *c) {
  char *lower = text_lower(s, len);
  const char *l = lower;
  while (is_space(*l))
    l++;
  const char *rest = NULL;
  const struct level_word *w = level_of(l, &rest);
  if (w && w->ascii) {
    for (const char *t = l; *t; t++)
      if ((unsigned char)*t >= 0x80) {
        w = NULL;
        break;
      }
  }
  const char *name = l;
  if (w) {
    char *f = fold_trim(rest, strlen(rest));
    for (int u = places_first_named(p, f); u >= 0; u = p->next_same[u])
      if (level_fits(w, &p->units[u]))
        cands_add(c, u, PLACE_LEVEL);
    free(f);
    name = rest;
  }
  if (c->n == 0) {
    /* no level word, or none of that level: the whole as a name ("Quán
     * Thánh" read as quận "Thánh" is a phường), else the name with its
     * level word wrong ("huyện Mường Lay", a thị xã) */
    char *f = fold_trim(l, strlen(l));
    for (int u = places_first_named(p, f); u >= 0; u = p->next_same[u])
      cands_add(c, u, 0);
    free(f);
    name = l;
    if (c->n == 0 && w) {
      f = fold_trim(rest, strlen(rest));
      for (int u = places_first_named(p, f); u >= 0; u = p->next_same[u])
        cands_add(c, u, 0);
      free(f);
      name = rest;
    }
    w = NULL;
  }
  if (c->n > 1) {
    /* names that fold alike ("Hoằng Phụ", "Hoằng Phú"): the one spelt so */
    size_t n = strlen(name);
    while (n && (is_space(name[n - 1]) || name[n - 1] == '.'))
      n--;
    char *key = xstrndup(name, n);
    narrow(p, c, PLACE_SPELT, spelt_as, key);
    free(key);
  }
  free(lower);
  if (c->n == 0)
    return;
  if (q->n_within)
    narrow(p, c, PLACE_IN_CONTEXT, in_query_context, q);
  else
    for (int i = 0; i < c->n; i++)
      c->v[i].flags |= PLACE_IN_CONTEXT;
  if (q->date)
    narrow(p, c, PLACE_AT_DATE, at_date, &q->date);
  else
    for (int i = 0; i < c->n; i++)
      c->v[i].flags |= PLACE_AT_DATE;
  if (!w && c->n > 1) {
    int prov = -1, n_prov = 0;
    for (int i = 0; i < c->n; i++)
      if (p->units[c->v[i].unit].tier == 1) {
        prov = i;
        n_prov++;
      }
    if (n_prov == 1) {
      c->v[0] = c->v[prov];
      c->v[0].flags |= PLACE_BY_RANK;
      c->n = 1;
    }
  }
  sort_cands(p, c);
}

int places_lookup(const struct places *p, const char *name, size_t len,
                  const struct place_query *q, struct place_match *out,
                  int max) {
  static const struct place_query none = {0, NULL, 0};
  if (!q)
    q = &none;
  struct cands c = {NULL, 0, 0};
  /* a path "xã A, huyện B, tỉnh C": from the right, each part the
   * context of the one before it */
  size_t end = len;
  struct place_query sub = *q;
  int *ctx = NULL;
  for (;;) {
    size_t start = end;
    while (start > 0 && name[start - 1] != ',')
      start--;
    c.n = 0;
    lookup_part(p, name + start, end - start, &sub, &c);
    if (start == 0 || c.n == 0)
      break;
    ctx = xrealloc(ctx, (size_t)c.n * sizeof *ctx);
    for (int i = 0; i < c.n; i++)
      ctx[i] = c.v[i].unit;
    sub.within = ctx;
    sub.n_within = c.n;
    end = start - 1;
  }
  int n = c.n;
  for (int i = 0; i < n && i < max; i++)
    out[i] = c.v[i];
  free(ctx);
  free(c.v);
  return n;
}

const struct place *places_suggest(const struct places *p, const char *name,
                                   size_t len, int date) {
  /* the last part of a path is the unit named */
  const char *comma = memchr(name, ',', len);
  if (comma)
    len = (size_t)(comma - name);
  char *lower = text_lower(name, len);
  const char *rest = lower;
  while (is_space(*rest))
    rest++;
  const struct level_word *w = level_of(rest, &rest);
  char *f = fold_trim(rest, strlen(rest));
  size_t nf = strlen(f);
  int limit = nf <= 4 ? 1 : nf <= 9 ? 2 : 3;
  int best = -1, best_d = limit + 1, best_score = -1;
  for (size_t slot = 0; slot <= p->name_mask; slot++) {
    int first = p->by_name[slot];
    if (first < 0)
      continue;
    const char *g = p->key[first];
    size_t ng = strlen(g);
    if ((ng > nf ? ng - nf : nf - ng) > (size_t)limit)
      continue;
    /* names are folded to ASCII: bytes are code points */
    int d = nf > 62 || ng > 62 ? best_d + 1
                               : text_edit_distance_within(f, nf, g, ng, best_d);
    if (d > best_d || d > limit)
      continue;
    for (int u = first; u >= 0; u = p->next_same[u]) {
      const struct place *v = &p->units[u];
      int score = 4 * places_valid_at(v, date) +
                  2 * (w && level_fits(w, v)) + (v->tier == 1);
      if (d < best_d || score > best_score) {
        best = u;
        best_d = d;
        best_score = score;
      }
    }
  }
  free(f);
  free(lower);
  return best >= 0 ? &p->units[best] : NULL;
}

char *places_describe(const struct places *p, const struct place *u,
                      bool parents, char *dst, size_t n) {
  size_t len = 0;
  dst[0] = '\0';
  for (; u; u = parents && u->parent >= 0 ? &p->units[u->parent] : NULL) {
    int k = snprintf(dst + len, n - len, "%s%s %s", len ? ", " : "", u->level,
                     u->name);
    if (k < 0 || (size_t)k >= n - len)
      break;
    len += (size_t)k;
  }
  return dst;
}

/* text/suggest.c - "did you mean" suggestions: the Levenshtein distance, in
 * code points, between a misspelt key, value or code and the known ones,
 * and slugs, the form every locality and indicator code takes. */
#include "text/suggest.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "util/xalloc.h"

/* The code points of the 'len' bytes at 's' into 'v' (room for 'len'),
 * their number returned. */
static size_t code_points(const char *s, size_t len, int *v) {
  size_t n = 0;
  for (size_t i = 0; i < len;) {
    int step = text_utf8_decode(s + i, len - i, &v[n]);
    i += step > 0 ? (size_t)step : 1;
    n++;
  }
  return n;
}

int text_edit_distance_within(const char *a, size_t la, const char *b,
                              size_t lb, int limit) {
  int sa[64], sb[64], row_s[65];
  int *ca = la <= 64 ? sa : xmalloc(la * sizeof *ca);
  int *cb = lb <= 64 ? sb : xmalloc(lb * sizeof *cb);
  size_t na = code_points(a, la, ca), nb = code_points(b, lb, cb);
  /* One row of the edit-distance table, plus the previous diagonal. */
  int *row = nb < 65 ? row_s : xmalloc((nb + 1) * sizeof *row);
  for (size_t j = 0; j <= nb; j++)
    row[j] = (int)j;
  int d = -1;
  for (size_t i = 1; i <= na && d < 0; i++) {
    int diag = row[0], low = (int)i;
    row[0] = (int)i;
    for (size_t j = 1; j <= nb; j++) {
      int up = row[j];
      int v = diag + (ca[i - 1] != cb[j - 1]);
      if (up + 1 < v)
        v = up + 1;
      if (row[j - 1] + 1 < v)
        v = row[j - 1] + 1;
      row[j] = v;
      diag = up;
      if (v < low)
        low = v;
    }
    if (low > limit) /* every later row is at least this */
      d = limit + 1;
  }
  if (d < 0)
    d = row[nb] > limit ? limit + 1 : row[nb];
  if (ca != sa)
    free(ca);
  if (cb != sb)
    free(cb);
  if (row != row_s)
    free(row);
  return d;
}

size_t text_edit_distance(const char *a, const char *b) {
  return (size_t)text_edit_distance_within(a, strlen(a), b, strlen(b),
                                           INT_MAX - 1);
}

/* Do 'a' and 'b' fold to the same key (case, diacritics)? */
static bool same_folded(const char *a, const char *b) {
  char ba[128], bb[128];
  char *oa, *ob;
  const char *fa = text_fold_buf(a, strlen(a), ba, sizeof ba, &oa);
  const char *fb = text_fold_buf(b, strlen(b), bb, sizeof bb, &ob);
  bool same = strcmp(fa, fb) == 0;
  free(oa);
  free(ob);
  return same;
}

const char *text_suggest(const char *s, const char *const *cands, size_t n) {
  const char *best = NULL;
  size_t best_d = (size_t)-1;
  for (size_t i = 0; i < n; i++) {
    if (!cands[i])
      continue;
    if (same_folded(s, cands[i]))
      return cands[i];
    size_t d = text_edit_distance(s, cands[i]);
    if (d < best_d) {
      best_d = d;
      best = cands[i];
    }
  }
  if (!best)
    return NULL;
  /* Near enough to be a typo: two edits, or a third of the longer word
   * ("alias" -> "aliases", "muong-lai" -> "muong-lay"), and not a rewrite
   * of the whole word. */
  size_t len = text_utf8_len(s), blen = text_utf8_len(best);
  if (blen > len)
    len = blen;
  if ((best_d <= 2 || best_d * 3 <= len) && best_d < len)
    return best;
  return NULL;
}

static bool alnum_lower(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool text_is_slug(const char *s, char sep) {
  if (!*s || *s == sep)
    return false;
  for (const char *p = s; *p; p++)
    if (!alnum_lower(*p) && *p != sep)
      return false;
  return s[strlen(s) - 1] != sep;
}

char *text_slug(const char *s, char sep, char *out, size_t cap) {
  char *f = text_fold(s, strlen(s));
  size_t n = 0;
  bool gap = false;
  for (const char *p = f; *p && cap; p++) {
    char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
    if (!alnum_lower(c)) {
      gap = n > 0;
      continue;
    }
    if (gap && n + 2 < cap)
      out[n++] = sep;
    gap = false;
    if (n + 1 < cap)
      out[n++] = c;
  }
  if (cap)
    out[n < cap ? n : cap - 1] = '\0';
  free(f);
  return out;
}

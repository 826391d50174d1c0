/* config/lev.c - "did you mean" suggestions: the Levenshtein distance, in
 * code points, between a misspelt key, value or code and the known ones,
 * so that "huyen" is one edit from "huyện". */
#include <stdlib.h>
#include <string.h>

#include "config/config_int.h"
#include "text/text.h"
#include "util/xalloc.h"

/* The code points of 's' in a new array (caller frees), '*n' of them. */
static int *code_points(const char *s, size_t *n) {
  size_t len = strlen(s);
  int *v = xmalloc((len + 1) * sizeof *v);
  *n = 0;
  for (size_t i = 0; i < len;) {
    int step = text_utf8_decode(s + i, len - i, &v[*n]);
    i += step > 0 ? (size_t)step : 1;
    (*n)++;
  }
  return v;
}

size_t lev_distance(const char *a, const char *b) {
  size_t la, lb;
  int *ca = code_points(a, &la), *cb = code_points(b, &lb);
  /* One row of the edit-distance table, plus the previous diagonal. */
  size_t *row = xmalloc((lb + 1) * sizeof *row);
  for (size_t j = 0; j <= lb; j++)
    row[j] = j;
  for (size_t i = 1; i <= la; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t up = row[j];
      size_t best = diag + (ca[i - 1] != cb[j - 1]);
      if (up + 1 < best)
        best = up + 1;
      if (row[j - 1] + 1 < best)
        best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  size_t d = row[lb];
  free(row);
  free(ca);
  free(cb);
  return d;
}

const char *lev_suggest(const char *s, const char *const *cands, size_t n) {
  const char *best = NULL;
  size_t best_d = (size_t)-1;
  for (size_t i = 0; i < n; i++) {
    if (!cands[i])
      continue;
    size_t d = lev_distance(s, cands[i]);
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

/* config/lev.c - "did you mean" suggestions: the Levenshtein distance
 * between a misspelt key or code and the known ones. */
#include <stdlib.h>
#include <string.h>

#include "config/config_int.h"
#include "util/xalloc.h"

size_t lev_distance(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  /* One row of the edit-distance table, plus the previous diagonal. */
  size_t *row = xmalloc((lb + 1) * sizeof *row);
  for (size_t j = 0; j <= lb; j++)
    row[j] = j;
  for (size_t i = 1; i <= la; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t up = row[j];
      size_t best = diag + (a[i - 1] != b[j - 1]);
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
  /* Near enough to be a typo: two edits, or a third of the longer word
   * ("alias" -> "aliases", "muong-lai" -> "muong-lay"). */
  size_t len = strlen(s);
  if (best && strlen(best) > len)
    len = strlen(best);
  if (best && (best_d <= 2 || best_d * 3 <= len) && best_d < len)
    return best;
  return NULL;
}

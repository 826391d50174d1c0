/* extract/xplaces.c - the gazetteer's province and district names for
 * the place scan (see xplaces.h). */
#include "extract/xplaces.h"

#include <stdlib.h>
#include <string.h>

#include "places/places.h"
#include "util/xalloc.h"

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

char **xplaces_names(size_t *n) {
  *n = 0;
  struct err err;
  err_clear(&err);
  struct places *p = places_load(&err);
  if (!p)
    return NULL;
  int count = places_count(p);
  char **v = xcalloc((size_t)count + 1, sizeof *v);
  size_t k = 0;
  for (int i = 0; i < count; i++) {
    const struct place *u = places_get(p, i);
    if (u->tier <= 2 && u->fold && strchr(u->fold, ' '))
      v[k++] = xstrdup(u->fold);
  }
  places_free(p);
  qsort(v, k, sizeof *v, cmp_str);
  size_t w = 0;
  for (size_t i = 0; i < k; i++) {
    if (w && strcmp(v[w - 1], v[i]) == 0) {
      free(v[i]);
      continue;
    }
    v[w++] = v[i];
  }
  *n = w;
  return v;
}

void xplaces_names_free(char **v, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(v[i]);
  free(v);
}

/* util/xalloc.c - allocation that aborts on out-of-memory. */
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n) {
  fprintf(stderr, "chitieu: out of memory (%zu bytes)\n", n);
  abort();
}

void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    oom(n);
  return p;
}

void *xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p)
    oom(count * size);
  return p;
}

void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    oom(n);
  return q;
}

char *xstrdup(const char *s) {
  if (!s)
    return NULL;
  return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n) {
  char *p = xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

void xgrow(void **v, size_t *cap, size_t need, size_t size) {
  size_t c = *cap ? *cap : 8;
  if (need <= *cap)
    return;
  while (c < need)
    c *= 2;
  *v = xrealloc(*v, c * size);
  *cap = c;
}

/* util/buf.c - growable byte string. */
#include "util/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static void reserve(struct buf *b, size_t extra) {
  size_t need = b->len + extra + 1;
  if (need <= b->cap)
    return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need)
    cap *= 2;
  b->s = xrealloc(b->s, cap);
  b->cap = cap;
}

void buf_reserve(struct buf *b, size_t extra) { reserve(b, extra); }

void buf_add(struct buf *b, const char *s, size_t n) {
  reserve(b, n);
  if (n)
    memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s) { buf_add(b, s, strlen(s)); }

void buf_addc(struct buf *b, char c) {
  reserve(b, 1);
  b->s[b->len++] = c;
  b->s[b->len] = '\0';
}

void buf_addf(struct buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n <= 0)
    return;
  reserve(b, (size_t)n);
  va_start(ap, fmt);
  vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

void buf_reset(struct buf *b) {
  b->len = 0;
  if (b->s)
    b->s[0] = '\0';
}

char *buf_detach(struct buf *b) {
  char *s = b->s ? b->s : xstrdup("");
  b->s = NULL;
  b->len = b->cap = 0;
  return s;
}

const char *buf_str(const struct buf *b) { return b->s ? b->s : ""; }

void buf_free(struct buf *b) {
  free(b->s);
  b->s = NULL;
  b->len = b->cap = 0;
}

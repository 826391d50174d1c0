/* util/err.c - filling and formatting 'struct err'. */
#include "util/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

int err_setv(struct err *err, const char *file, int line, int col,
             const char *fmt, va_list ap) {
  if (!err)
    return -1;
  snprintf(err->file, sizeof err->file, "%s", file ? file : "");
  err->line = line;
  err->col = col;
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  return -1;
}

int err_set(struct err *err, const char *file, int line, int col,
            const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  err_setv(err, file, line, col, fmt, ap);
  va_end(ap);
  return -1;
}

void err_clear(struct err *err) {
  if (err)
    memset(err, 0, sizeof *err);
}

char *err_format(const struct err *err, char *dst, unsigned long n) {
  if (!err->file[0])
    snprintf(dst, n, "%s", err->msg);
  else if (err->line <= 0)
    snprintf(dst, n, "%s: %s", err->file, err->msg);
  else if (err->col <= 0)
    snprintf(dst, n, "%s:%d: %s", err->file, err->line, err->msg);
  else
    snprintf(dst, n, "%s:%d:%d: %s", err->file, err->line, err->col, err->msg);
  return dst;
}

void err_list_add(struct err_list *l, const struct err *e) {
  size_t cap = l->cap;
  void *v = l->v;
  xgrow(&v, &cap, l->n + 1, sizeof *l->v);
  l->v = v;
  l->cap = cap;
  l->v[l->n++] = *e;
}

int err_list_addf(struct err_list *l, const char *file, int line, int col,
                  const char *fmt, ...) {
  struct err e;
  va_list ap;
  va_start(ap, fmt);
  err_setv(&e, file, line, col, fmt, ap);
  va_end(ap);
  err_list_add(l, &e);
  return -1;
}

void err_list_free(struct err_list *l) {
  free(l->v);
  l->v = NULL;
  l->n = l->cap = 0;
}

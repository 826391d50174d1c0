/* util/err.h - the one error convention of chitieu.
 *
 * A fallible function takes a 'struct err *err' and returns 0 on success or
 * -1 on failure (constructors return NULL), having filled '*err' with where
 * the problem is (file, line, column; 0 when unknown) and what it is. Only
 * cli/ prints errors, as one line "chitieu: FILE:LINE:COL: message". */
#ifndef CHITIEU_UTIL_ERR_H
#define CHITIEU_UTIL_ERR_H

#include <stdarg.h>

struct err {
  char file[256];
  int line, col;
  char msg[512];
};

#if defined(__GNUC__)
#define ERR_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define ERR_PRINTF(f, a)
#endif

/* Fill 'err' (which may be NULL) with 'file' (may be NULL), 'line', 'col'
 * and the printf-style message. Always returns -1 so that callers can write
 * "return err_set(err, ...);". */
int err_set(struct err *err, const char *file, int line, int col,
            const char *fmt, ...) ERR_PRINTF(5, 6);
int err_setv(struct err *err, const char *file, int line, int col,
             const char *fmt, va_list ap);

/* Clear 'err' to "no error". */
void err_clear(struct err *err);

/* Format 'err' as "FILE:LINE:COL: message" (parts that are unknown left
 * out) into 'dst' of 'n' bytes. Returns 'dst'. */
char *err_format(const struct err *err, char *dst, unsigned long n);

/* A list of errors, for checks that report every problem, not just the
 * first (chitieu check). */
struct err_list {
  struct err *v;
  unsigned long n, cap;
};

/* Append a copy of 'e' to 'l'. */
void err_list_add(struct err_list *l, const struct err *e);
/* Append a new error built like err_set(). Returns -1. */
int err_list_addf(struct err_list *l, const char *file, int line, int col,
                  const char *fmt, ...) ERR_PRINTF(5, 6);
void err_list_free(struct err_list *l);

#endif

/* util/buf.h - a growable byte string, always NUL-terminated.
 *
 *   struct buf b = BUF_INIT;
 *   buf_addf(&b, "%d chỉ tiêu", n);
 *   use(b.s, b.len);
 *   buf_free(&b);
 */
#ifndef CHITIEU_UTIL_BUF_H
#define CHITIEU_UTIL_BUF_H

#include <stddef.h>

#include "util/err.h"

struct buf {
  char *s;    /* NUL-terminated; NULL until the first add */
  size_t len; /* bytes used, not counting the NUL */
  size_t cap;
};

#define BUF_INIT {NULL, 0, 0}

void buf_add(struct buf *b, const char *s, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) ERR_PRINTF(2, 3);
/* Make room for 'extra' more bytes (and the NUL) after b->len, for
 * callers that write into b->s + b->len themselves and then add to
 * b->len (keeping the NUL). */
void buf_reserve(struct buf *b, size_t extra);
/* Empty the buffer, keeping its memory. */
void buf_reset(struct buf *b);
/* Give the string to the caller (who frees it) and empty the buffer.
 * Never returns NULL. */
char *buf_detach(struct buf *b);
/* The contents, or "" for a buffer never added to. */
const char *buf_str(const struct buf *b);
void buf_free(struct buf *b);

#endif

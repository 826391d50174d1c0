/* util/xalloc.h - allocation that aborts on out-of-memory.
 *
 * Running out of memory is not an error path in chitieu: these functions
 * print one line and abort instead of returning NULL (as cmark's xcalloc
 * and redis's zmalloc do). Free with plain free(). */
#ifndef CHITIEU_UTIL_XALLOC_H
#define CHITIEU_UTIL_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Copy of 's' (NULL gives NULL); caller frees. */
char *xstrdup(const char *s);
/* Copy of the first 'n' bytes of 's', NUL-terminated; caller frees. */
char *xstrndup(const char *s, size_t n);
/* Grow '*v' (an array of '*cap' elements of 'size' bytes) so that it holds
 * at least 'need' elements. */
void xgrow(void **v, size_t *cap, size_t need, size_t size);

#endif

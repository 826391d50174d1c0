/* text/lower.c - lower case in place, same byte length (see lower.h). */
#include "text/lower.h"

#include <pthread.h>
#include <stdbool.h>
#include <string.h>
#include <utf8proc.h>

#include "text/text.h"

/* Code points below LOWER_MAX are mapped through a table made once with
 * utf8proc_tolower: the UTF-8 of the lower case when it differs and has
 * the same length, else len 0 (kept as is). Others go to utf8proc. The
 * table is filled by lower_build exactly once (pthread_once), whichever
 * thread asks first; after that it is only read. */
#define LOWER_MAX 0x2100
struct lower_entry {
  unsigned char len;
  char s[3];
};
static struct lower_entry lower_table[LOWER_MAX];
static pthread_once_t lower_once = PTHREAD_ONCE_INIT;

static void lower_build(void) {
  for (int cp = 0x80; cp < LOWER_MAX; cp++) {
    utf8proc_int32_t lo = utf8proc_tolower(cp);
    utf8proc_uint8_t a[4], b[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, a);
    utf8proc_ssize_t m = utf8proc_encode_char(lo, b);
    if (lo != cp && m == n && n <= 3) {
      lower_table[cp].len = (unsigned char)n;
      memcpy(lower_table[cp].s, b, (size_t)n);
    }
  }
}

void text_lower_init(void) { pthread_once(&lower_once, lower_build); }

/* The code point at 's' in lower case, same length, the slow way. */
static void lower_slow(char *s, int cp, int n) {
  utf8proc_int32_t lo = utf8proc_tolower(cp);
  if (lo != cp) {
    utf8proc_uint8_t tmp[4];
    utf8proc_ssize_t m = utf8proc_encode_char(lo, tmp);
    if (m == n) {
      for (int k = 0; k < n; k++)
        s[k] = (char)tmp[k];
    }
  }
}

void text_lower_one(char *s, int cp, int n) {
  text_lower_init();
  if (cp >= 0 && cp < LOWER_MAX) {
    const struct lower_entry *e = &lower_table[cp];
    if (e->len == n)
      memcpy(s, e->s, e->len);
  } else {
    lower_slow(s, cp, n);
  }
}

void text_lower_same(char *s, size_t len) {
  text_lower_init();
  size_t i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z')
        s[i] = (char)(c + 32);
      i++;
      continue;
    }
    int cp;
    int n = text_utf8_decode(s + i, len - i, &cp);
    if (cp >= 0 && cp < LOWER_MAX) {
      const struct lower_entry *e = &lower_table[cp];
      if (e->len == n)
        memcpy(s + i, e->s, e->len);
    } else {
      lower_slow(s + i, cp, n);
    }
    i += (size_t)n;
  }
}

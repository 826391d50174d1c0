/* text/utf8.c - UTF-8 validation, normalisation (utf8proc) and folding. */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/buf.h"
#include "util/xalloc.h"

int text_utf8_decode(const char *s, size_t len, int *cp) {
  utf8proc_int32_t c;
  utf8proc_ssize_t n =
      utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &c);
  if (n <= 0) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = c;
  return (int)n;
}

int text_utf8_check(const char *s, size_t len, size_t *bad) {
  size_t i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) {
      if (bad)
        *bad = i;
      return -1;
    }
    i += (size_t)n;
  }
  return 0;
}

char *text_nfc(const char *s) {
  utf8proc_uint8_t *out = utf8proc_NFC((const utf8proc_uint8_t *)s);
  if (!out)
    return xstrdup(s);
  /* utf8proc allocates with malloc: hand over a copy made by us so that
   * every string of ours is freed the same way. */
  char *r = xstrdup((const char *)out);
  free(out);
  return r;
}

char *text_normalize(const char *s, size_t len, const char *name,
                     size_t *outlen, struct err *err) {
  size_t bad;
  if (text_utf8_check(s, len, &bad) != 0) {
    int line = 1;
    for (size_t i = 0; i < bad; i++)
      line += s[i] == '\n';
    err_set(err, name, line, 0,
            "invalid UTF-8 at byte offset %zu (byte 0x%02X); save the file "
            "as UTF-8",
            bad, (unsigned char)s[bad]);
    return NULL;
  }
  if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
    s += 3;
    len -= 3;
  }
  struct buf b = BUF_INIT;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '\r') {
      buf_addc(&b, '\n');
      if (i + 1 < len && s[i + 1] == '\n')
        i++;
    } else if (s[i] == '\0') {
      buf_addc(&b, ' '); /* a stray NUL must not cut the text short */
    } else {
      buf_addc(&b, s[i]);
    }
  }
  char *raw = buf_detach(&b);
  char *nfc = text_nfc(raw);
  free(raw);
  if (outlen)
    *outlen = strlen(nfc);
  return nfc;
}

/* Map 's' with utf8proc 'opts', then turn "đ" into "d" (if 'strip') and
 * fold runs of white space into one space. */
static char *fold(const char *s, size_t len, int strip) {
  int opts = UTF8PROC_CASEFOLD | UTF8PROC_STABLE |
             (strip ? UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK
                    : UTF8PROC_COMPOSE);
  utf8proc_uint8_t *mapped = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s,
                                    (utf8proc_ssize_t)len, &mapped,
                                    (utf8proc_option_t)opts);
  if (n < 0)
    return xstrndup(s, len);
  struct buf b = BUF_INIT;
  int space = 0;
  for (utf8proc_ssize_t i = 0; i < n;) {
    int cp;
    int k = text_utf8_decode((const char *)mapped + i, (size_t)(n - i), &cp);
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0) {
      space = 1;
      i += k;
      continue;
    }
    if (space && b.len)
      buf_addc(&b, ' ');
    space = 0;
    if (strip && cp == 0x0111)
      buf_addc(&b, 'd');
    else
      buf_add(&b, (const char *)mapped + i, (size_t)k);
    i += k;
  }
  free(mapped);
  return buf_detach(&b);
}

char *text_fold(const char *s, size_t len) { return fold(s, len, 1); }

char *text_lower(const char *s, size_t len) { return fold(s, len, 0); }

size_t text_utf8_len(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

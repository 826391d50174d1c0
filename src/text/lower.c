/* text/lower.c - lower case in place, same byte length (see lower.h). */
#include "text/lower.h"

#include <utf8proc.h>

#include "text/text.h"

void text_lower_same(char *s, size_t len) {
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
    utf8proc_int32_t lo = utf8proc_tolower(cp);
    if (lo != cp) {
      utf8proc_uint8_t tmp[4];
      utf8proc_ssize_t m = utf8proc_encode_char(lo, tmp);
      if (m == n) {
        for (int k = 0; k < n; k++)
          s[i + (size_t)k] = (char)tmp[k];
      }
    }
    i += (size_t)n;
  }
}

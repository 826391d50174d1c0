/* util/json.c - JSON strings and numbers. */
#include "util/json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

void json_string(struct buf *out, const char *s, size_t len) {
  buf_addc(out, '"');
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    switch (c) {
    case '"':
      buf_add(out, "\\\"", 2);
      break;
    case '\\':
      buf_add(out, "\\\\", 2);
      break;
    case '\n':
      buf_add(out, "\\n", 2);
      break;
    case '\t':
      buf_add(out, "\\t", 2);
      break;
    case '\r':
      buf_add(out, "\\r", 2);
      break;
    default:
      if (c < 0x20)
        buf_addf(out, "\\u%04x", c);
      else
        buf_addc(out, (char)c);
    }
  }
  buf_addc(out, '"');
}

void json_number(struct buf *out, double v) {
  if (!isfinite(v)) {
    buf_adds(out, "null");
    return;
  }
  char tmp[40];
  for (int prec = 1; prec <= 17; prec++) {
    snprintf(tmp, sizeof tmp, "%.*g", prec, v);
    if (strtod(tmp, NULL) == v)
      break;
  }
  buf_adds(out, tmp);
}

/* text/number.c - Vietnamese numbers: "1.234,5" in and out. */
#include "text/text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int isdig(char c) { return c >= '0' && c <= '9'; }

/* Count the digits at s[i..len). */
static size_t digits(const char *s, size_t i, size_t len) {
  size_t n = 0;
  while (i + n < len && isdig(s[i + n]))
    n++;
  return n;
}

/* Does 's' at 'i' hold 'sep' followed by exactly three digits (and no
 * fourth)? */
static int group_at(const char *s, size_t i, size_t len, char sep) {
  return i < len && s[i] == sep && digits(s, i + 1, len) == 3;
}

size_t text_number_parse(const char *s, size_t len, double *out) {
  if (len == 0 || !isdig(s[0]))
    return 0;
  char tmp[128];
  size_t t = 0;
  size_t i = digits(s, 0, len);
  if (i >= sizeof tmp - 8)
    return 0;
  memcpy(tmp, s, i);
  t = i;
  /* "2.245.645": thousands dots, only after at most three leading digits */
  if (i <= 3 && group_at(s, i, len, '.')) {
    while (group_at(s, i, len, '.')) {
      if (t + 3 >= sizeof tmp - 8)
        break;
      memcpy(tmp + t, s + i + 1, 3);
      t += 3;
      i += 4;
    }
  } else if (i <= 3 && group_at(s, i, len, ',') &&
             group_at(s, i + 4, len, ',')) {
    /* "1,551,260": English thousands commas (two or more groups) */
    while (group_at(s, i, len, ',')) {
      if (t + 3 >= sizeof tmp - 8)
        break;
      memcpy(tmp + t, s + i + 1, 3);
      t += 3;
      i += 4;
    }
    tmp[t] = '\0';
    *out = strtod(tmp, NULL);
    return i;
  }
  /* decimal part: comma (Vietnamese) or a dot not forming a group */
  if (i + 1 < len && (s[i] == ',' || s[i] == '.') && isdig(s[i + 1])) {
    size_t d = digits(s, i + 1, len);
    if (t + d + 2 < sizeof tmp) {
      tmp[t++] = '.';
      memcpy(tmp + t, s + i + 1, d);
      t += d;
      i += 1 + d;
    }
  }
  tmp[t] = '\0';
  *out = strtod(tmp, NULL);
  return i;
}

char *text_number_format(char *dst, size_t n, double v, int decimals) {
  if (!isfinite(v)) {
    snprintf(dst, n, "—");
    return dst;
  }
  char raw[64];
  int dec = decimals;
  if (dec < 0) {
    dec = 4;
    snprintf(raw, sizeof raw, "%.*f", dec, fabs(v));
    char *dot = strchr(raw, '.');
    size_t l = strlen(raw);
    while (l > 0 && raw[l - 1] == '0')
      raw[--l] = '\0';
    if (dot && raw[l - 1] == '.')
      raw[--l] = '\0';
  } else {
    snprintf(raw, sizeof raw, "%.*f", dec, fabs(v));
  }
  /* "-0" after rounding is "0" */
  int neg = v < 0 && strspn(raw, "0.") != strlen(raw);
  char *dot = strchr(raw, '.');
  size_t intlen = dot ? (size_t)(dot - raw) : strlen(raw);
  char out[96];
  size_t o = 0;
  if (neg)
    out[o++] = '-';
  for (size_t i = 0; i < intlen; i++) {
    if (i > 0 && (intlen - i) % 3 == 0)
      out[o++] = '.';
    out[o++] = raw[i];
  }
  if (dot) {
    out[o++] = ',';
    strcpy(out + o, dot + 1);
    o += strlen(dot + 1);
  }
  out[o] = '\0';
  snprintf(dst, n, "%s", out);
  return dst;
}

/* util/json.c - JSON strings and numbers. */
#include "util/json.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Does the 8-byte word 'x' hold a byte below 0x20, '"' or '\\'? (The
 * classic SWAR tests: exact as to whether any byte matches.) */
static bool word_needs_escape(uint64_t x) {
  const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
  uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
  uint64_t lt20 = (x - ones * 0x20) & ~x;
  uint64_t zq = (q - ones) & ~q, zb = (b - ones) & ~b;
  return ((lt20 | zq | zb) & high) != 0;
}

static bool needs_escape(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\';
}

/* The length of the run at 's' of bytes that need no escape: eight at a
 * time, as almost every string has none. */
static size_t plain_run(const char *s, size_t len) {
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t x;
    memcpy(&x, s + i, 8);
    if (word_needs_escape(x))
      break;
  }
  while (i < len && !needs_escape((unsigned char)s[i]))
    i++;
  return i;
}

char *json_string_to(char *p, const char *s, size_t len) {
  static const char hex[] = "0123456789abcdef";
  *p++ = '"';
  size_t i = 0;
  while (i < len) {
    size_t n = plain_run(s + i, len - i);
    memcpy(p, s + i, n);
    p += n;
    i += n;
    if (i >= len)
      break;
    unsigned char c = (unsigned char)s[i++];
    *p++ = '\\';
    switch (c) {
    case '"':
    case '\\':
      *p++ = (char)c;
      break;
    case '\n':
      *p++ = 'n';
      break;
    case '\t':
      *p++ = 't';
      break;
    case '\r':
      *p++ = 'r';
      break;
    default:
      memcpy(p, "u00", 3);
      p[3] = hex[c >> 4];
      p[4] = hex[c & 15];
      p += 5;
    }
  }
  *p++ = '"';
  return p;
}

void json_string(struct buf *out, const char *s, size_t len) {
  buf_reserve(out, JSON_STRING_MAX(len));
  char *end = json_string_to(out->s + out->len, s, len);
  out->len = (size_t)(end - out->s);
  out->s[out->len] = '\0';
}

/* The decimal digits of 'u' at 'p'; returns the end. */
static char *put_uint(char *p, unsigned long long u) {
  char tmp[24];
  size_t i = sizeof tmp;
  do {
    tmp[--i] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  memcpy(p, tmp + i, sizeof tmp - i);
  return p + (sizeof tmp - i);
}

void json_string_or_null(struct buf *out, const char *s) {
  if (s)
    json_string(out, s, strlen(s));
  else
    buf_add(out, "null", 4);
}

void json_uint(struct buf *out, unsigned long long u) {
  char tmp[24];
  buf_add(out, tmp, (size_t)(put_uint(tmp, u) - tmp));
}

/* A value with at most four decimals, below 1e11: written from its
 * integer n = v * 10^k (k the fewest decimals that give v back), which is
 * what the loop below finds with more work: n / 10^k, correctly rounded,
 * is v, and no shorter decimal is. 0 when 'v' is not such a value. */
static int short_decimal(struct buf *out, double v) {
  static const double p10[] = {1, 10, 100, 1000, 10000};
  double a = fabs(v);
  if (!(a >= 1e-4 && a < 1e11))
    return 0;
  for (int k = 1; k <= 4; k++) {
    double n = round(a * p10[k]);
    if (n / p10[k] != a)
      continue;
    unsigned long long u = (unsigned long long)n;
    unsigned long long ip = u / (unsigned long long)p10[k];
    unsigned long long fp = u % (unsigned long long)p10[k];
    char tmp[40], *p = tmp;
    if (v < 0)
      *p++ = '-';
    p = put_uint(p, ip);
    *p++ = '.';
    for (int d = k - 1; d >= 0; d--) { /* the decimals, zeros kept */
      p[d] = (char)('0' + fp % 10);
      fp /= 10;
    }
    buf_add(out, tmp, (size_t)(p - tmp) + (size_t)k);
    return 1;
  }
  return 0;
}

/* JSON has one kind of number, but readers (Python's json, jq, a
 * spreadsheet) take "10" for an integer and "1e+01" for a float, and
 * people read "5000" better than "5e+03": so a whole number is written as
 * its digits, up to 10^21 (where JavaScript too stops writing digits);
 * anything else as the shortest decimal that reads back the same. -0 is
 * written as 0. */
void json_number(struct buf *out, double v) {
  if (!isfinite(v)) {
    buf_adds(out, "null");
    return;
  }
  double a = fabs(v);
  if (a < 1e21 && v == floor(v)) {
    char tmp[32], *p = tmp;
    if (v < 0)
      *p++ = '-';
    if (a < 18446744073709551616.0) /* 2^64: the digits of a u64 */
      p = put_uint(p, (unsigned long long)a);
    else /* exact: a double this large is a whole number of 2^11 or more */
      p += snprintf(p, sizeof tmp - 1, "%.0f", a);
    buf_add(out, tmp, (size_t)(p - tmp));
    return;
  }
  if (short_decimal(out, v))
    return;
  char tmp[40];
  for (int prec = 1; prec <= 17; prec++) {
    snprintf(tmp, sizeof tmp, "%.*g", prec, v);
    if (strtod(tmp, NULL) == v)
      break;
  }
  buf_adds(out, tmp);
}
